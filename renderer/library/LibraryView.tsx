/**
 * The library: every article not in the trash. On first run it is empty and
 * offers one action, adding the sample article; pasting text is always at hand.
 */
import { useRef, useState } from 'react';
import { useApp } from '../app/api-context.js';
import { useArticles } from '../app/use-articles.js';
import { useI18n } from '../i18n/i18n.js';
import { ArticleTable } from './ArticleTable.js';
import { ImportDialog } from './ImportDialog.js';

export function LibraryView() {
  const { t } = useI18n();
  const { client, fail, navigate, importFiles } = useApp();
  const filePicker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);
  const pick = (input: HTMLInputElement | null) => {
    const files = [...(input?.files ?? [])];
    if (files.length > 0) importFiles(files);
    if (input) input.value = '';
  };
  const { articles } = useArticles('library');
  const [importing, setImporting] = useState(false);

  const addSample = () => {
    client.api.importSample({}).then((outcome) => {
      navigate(`/article/${outcome.status === 'imported' ? outcome.article.id : outcome.existing.id}`);
    }, fail);
  };

  return (
    <section className="library" aria-labelledby="library-heading">
      <div className="section-head">
        <h1 id="library-heading">{t.library}</h1>
        {articles !== null && articles.length > 0 && (
          <span className="count">
            {t.articleCount} {articles.length}
          </span>
        )}
        <div className="head-actions">
          <button type="button" onClick={() => filePicker.current?.click()} title={t.importFormatsHint}>
            {t.importFiles}
          </button>
          <button type="button" onClick={() => folderPicker.current?.click()}>
            {t.importFolder}
          </button>
          <button type="button" onClick={() => setImporting(true)}>
            {t.pasteText}
          </button>
        </div>
        <input
          ref={filePicker}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf,.jsonl,.ndjson,.csv"
          onChange={(event) => pick(event.target)}
        />
        <input ref={folderPicker} type="file" hidden data-testid="folder-input" {...{ webkitdirectory: '' }} onChange={(event) => pick(event.target)} />
      </div>
      {articles === null && <p>{t.loading}</p>}
      {articles !== null && articles.length === 0 && (
        <div className="empty-state">
          <div className="empty-mark" aria-hidden="true">
            قرطاس
          </div>
          <h2>{t.emptyTitle}</h2>
          <p>{t.emptyBody}</p>
          <button type="button" className="button-primary" onClick={addSample} autoFocus>
            {t.addSample}
          </button>
        </div>
      )}
      {articles !== null && articles.length > 0 && <ArticleTable articles={articles} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </section>
  );
}
