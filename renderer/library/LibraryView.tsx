/**
 * The library: every article not in the trash. On first run it is empty and
 * offers one action, adding the sample article; pasting text is always at hand.
 */
import { useState } from 'react';
import { useApp } from '../app/api-context.js';
import { useArticles } from '../app/use-articles.js';
import { useI18n } from '../i18n/i18n.js';
import { ArticleTable } from './ArticleTable.js';
import { ImportDialog } from './ImportDialog.js';

export function LibraryView() {
  const { t } = useI18n();
  const { client, fail, navigate } = useApp();
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
        <button type="button" onClick={() => setImporting(true)}>
          {t.pasteText}
        </button>
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
