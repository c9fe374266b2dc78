/** The list of articles: title (opens the reader), source, date and word count; optional row actions. */
import type { ReactNode } from 'react';
import type { ArticleMeta } from '../../common/types/article.js';
import { formatDualDate, useI18n } from '../i18n/i18n.js';

export function ArticleTable({ articles, actions }: { articles: ArticleMeta[]; actions?: (meta: ArticleMeta) => ReactNode }) {
  const { t, locale } = useI18n();
  return (
    <table className="article-table">
      <thead>
        <tr>
          <th scope="col">{t.columnTitle}</th>
          <th scope="col">{t.columnSource}</th>
          <th scope="col">{t.columnDate}</th>
          <th scope="col" className="numeric">
            {t.columnWords}
          </th>
          {actions && <th scope="col" aria-label="actions" />}
        </tr>
      </thead>
      <tbody>
        {articles.map((meta) => (
          <tr key={meta.id} data-article-id={meta.id}>
            <td className="title-cell" dir="auto">
              <a href={`#/article/${meta.id}`}>{meta.title}</a>
              {meta.tags.length > 0 && (
                <span className="tags">
                  {meta.tags.map((tag) => (
                    <span key={tag} className="tag" dir="auto">
                      {tag}
                    </span>
                  ))}
                </span>
              )}
            </td>
            <td dir="auto">{meta.source}</td>
            <td className="date-cell">{formatDualDate(meta.published ?? meta.importedAt, locale)}</td>
            <td className="numeric">{meta.wordCount.toLocaleString(locale === 'ar' ? 'ar-u-nu-latn' : 'en')}</td>
            {actions && <td className="row-actions">{actions(meta)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
