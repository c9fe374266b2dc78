/**
 * The article's details above its text: title, source, author, date (publication
 * date, or the import date labelled as such; Gregorian and Hijri), words, tags and
 * link (only an http(s) one). User-supplied strings are isolated (dir="auto") so a Latin source or tag
 * does not reorder the Arabic around it; with diacritics hidden the title loses
 * them too, like the body.
 */
import type { ArticleMeta, Locale } from '../../common/types/article.js';
import { safeLink } from '../../common/url-rule.js';
import { formatDualDate, useI18n } from '../i18n/i18n.js';
import { withoutMarks } from './text-map.js';

export function ReaderHeader({ meta, hideMarks, locale }: { meta: ArticleMeta; hideMarks: boolean; locale: Locale }) {
  const { t } = useI18n();
  // A link stored before the link rule existed (or in a restored backup) is shown only if it is http(s).
  const link = safeLink(meta.url);
  return (
    <header className="reader-header" dir="rtl" lang="ar">
      <h1 dir="auto">{hideMarks ? withoutMarks(meta.title) : meta.title}</h1>
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
        {link && (
          <div>
            <dt>{t.fieldUrl}</dt>
            <dd dir="ltr">
              <a href={link} target="_blank" rel="noopener noreferrer">
                {link}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
