/** The trash: articles moved there can be restored, or deleted for good after a confirmation. */
import { useApp } from '../app/api-context.js';
import { useArticles } from '../app/use-articles.js';
import { formatDualDate, useI18n } from '../i18n/i18n.js';
import { ArticleTable } from './ArticleTable.js';

export function TrashView() {
  const { t, locale } = useI18n();
  const { client, notify, fail } = useApp();
  const { articles } = useArticles('trash');

  const restore = (id: string) => client.api.restoreArticle({ id }).then(() => notify({ kind: 'info', text: t.restored }), fail);
  const deleteForever = (id: string) => {
    if (!window.confirm(t.confirmDelete)) return;
    client.api.deleteArticle({ id }).then(() => notify({ kind: 'info', text: t.deleted }), fail);
  };

  return (
    <section className="library" aria-labelledby="trash-heading">
      <div className="section-head">
        <h1 id="trash-heading">{t.trash}</h1>
      </div>
      {articles === null && <p>{t.loading}</p>}
      {articles !== null && articles.length === 0 && <p className="empty-note">{t.trashEmpty}</p>}
      {articles !== null && articles.length > 0 && (
        <ArticleTable
          articles={articles}
          actions={(meta) => (
            <>
              <span className="trashed-on">
                {t.trashedOn} {formatDualDate(meta.trashedAt ?? '', locale)}
              </span>
              <button type="button" onClick={() => void restore(meta.id)}>
                {t.restore}
              </button>
              <button type="button" className="button-danger" onClick={() => deleteForever(meta.id)}>
                {t.deleteForever}
              </button>
            </>
          )}
        />
      )}
    </section>
  );
}
