/**
 * The reader: the article's details on top (with Gregorian and Hijri dates) and
 * its text right-to-left in the bundled Naskh face. Editing details and moving to
 * the trash (with Undo) happen here.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FullArticle } from '../../common/api.js';
import { useApp } from '../app/api-context.js';
import { formatDualDate, useI18n } from '../i18n/i18n.js';
import { ArticleBody } from './ArticleBody.js';
import type { TextRange } from '../app/use-route.js';
import { MetadataDialog } from './MetadataDialog.js';

export function ReaderView({ id, focus }: { id: string; focus: TextRange | null }) {
  void focus;
  const { t, locale } = useI18n();
  const { client, notify, fail, navigate } = useApp();
  const [article, setArticle] = useState<FullArticle | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    client.api.getArticle({ id }).then(setArticle, (error: unknown) => {
      fail(error);
      navigate('/');
    });
  }, [client, id, fail, navigate]);
  useEffect(load, [load]);

  if (!article) return <p>{t.loading}</p>;
  const { meta } = article;

  const moveToTrash = () => {
    client.api.trashArticle({ id }).then(() => {
      notify({
        kind: 'info',
        text: t.movedToTrash,
        action: { label: t.undo, run: () => void client.api.restoreArticle({ id }).then(() => navigate(`/article/${id}`), fail) },
      });
      navigate('/');
    }, fail);
  };

  return (
    <div className="reader">
      <div className="reader-toolbar">
        <a href="#/" className="back-link">
          {t.back}
        </a>
        <span className="spacer" />
        <button type="button" onClick={() => setEditing(true)}>
          {t.edit}
        </button>
        <button type="button" className="button-danger" onClick={moveToTrash}>
          {t.moveToTrash}
        </button>
      </div>
      <header className="reader-header" dir="rtl" lang="ar">
        <h1 dir="auto">{meta.title}</h1>
        <dl className="meta" dir={locale === 'ar' ? 'rtl' : 'ltr'} lang={locale}>
          {meta.source && (
            <div>
              <dt>{t.source}</dt>
              <dd dir="auto">{meta.source}</dd>
            </div>
          )}
          {meta.author && (
            <div>
              <dt>{t.author}</dt>
              <dd dir="auto">{meta.author}</dd>
            </div>
          )}
          <div>
            <dt>{meta.published ? t.published : t.importedOn}</dt>
            <dd>{formatDualDate(meta.published ?? meta.importedAt, locale)}</dd>
          </div>
          <div>
            <dt>{t.columnWords}</dt>
            <dd>{meta.wordCount}</dd>
          </div>
          {meta.tags.length > 0 && (
            <div>
              <dt>{t.tags}</dt>
              <dd>
                {meta.tags.map((tag) => (
                  <span key={tag} className="tag" dir="auto">
                    {tag}
                  </span>
                ))}
              </dd>
            </div>
          )}
          {meta.url && (
            <div>
              <dt>{t.fieldUrl}</dt>
              <dd dir="ltr">
                <a href={meta.url} target="_blank" rel="noopener noreferrer">
                  {meta.url}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </header>
      <ArticleBody blocks={article.blocks} />
      {editing && (
        <MetadataDialog
          meta={meta}
          onClose={() => setEditing(false)}
          onSaved={(updated) => {
            setEditing(false);
            setArticle({ ...article, meta: updated });
          }}
        />
      )}
    </div>
  );
}
