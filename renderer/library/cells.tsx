/**
 * One cell of a library row, per column: short dates (the full Gregorian and Hijri
 * date in the tooltip), numbers in tabular figures, long names cut with an
 * ellipsis and shown whole on hover, and the reading status as a progress bar.
 */
import type { LibraryRow } from '../../common/api.js';
import type { Locale } from '../../common/types/article.js';
import { formatDualDate } from '../i18n/i18n.js';
import { fillIsolated } from '../i18n/fill.js';
import { formatNumber } from '../i18n/format-numbers.js';
import type { Strings } from '../i18n/strings.js';
import type { ColumnId } from './columns.js';

const shortDates = new Map<Locale, Intl.DateTimeFormat>();

/** "7 ديسمبر 2024": compact enough for a column; the tooltip adds the Hijri date. */
export function shortDate(iso: string, locale: Locale): string {
  let format = shortDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    shortDates.set(locale, format);
  }
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

// Formatting a date (the Hijri one above all) costs more than drawing its row: rows scrolled back
// into view, and the many articles sharing a date, reuse the strings.
const dateTexts = new Map<string, { short: string; full: string }>();
const MAX_DATE_TEXTS = 4096;

function cachedDateTexts(iso: string, locale: Locale): { short: string; full: string } {
  const key = `${locale}|${iso}`;
  let texts = dateTexts.get(key);
  if (!texts) {
    if (dateTexts.size >= MAX_DATE_TEXTS) dateTexts.clear();
    texts = { short: shortDate(iso, locale), full: formatDualDate(iso, locale) };
    dateTexts.set(key, texts);
  }
  return texts;
}

function DateCell({ iso, locale, empty }: { iso: string | null | undefined; locale: Locale; empty: string }) {
  if (!iso) return <span className="cell-empty">{empty}</span>;
  const { short, full } = cachedDateTexts(iso, locale);
  return (
    <time dateTime={iso} title={full}>
      {short}
    </time>
  );
}

export const STATUS_KEYS = { unread: 'statusUnread', reading: 'statusReading', read: 'statusRead' } as const;

export function StatusCell({ row, t, locale }: { row: LibraryRow; t: Strings; locale: Locale }) {
  const percent = Math.round(row.progress * 100);
  const percentText = `${formatNumber(percent, locale)}%`;
  return (
    <span className={`status status-${row.readingStatus}`} title={fillIsolated(t.progressLabel, { percent: percentText })}>
      <span className="status-label">{t[STATUS_KEYS[row.readingStatus]]}</span>
      <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t.readingStatusLabel}>
        <span className="progress-fill" style={{ inlineSize: `${percent}%` }} />
      </span>
    </span>
  );
}

export function Cell({ column, row, t, locale }: { column: ColumnId; row: LibraryRow; t: Strings; locale: Locale }) {
  switch (column) {
    case 'title':
      return null; // Drawn by the row itself (it is the link and carries the tags).
    case 'source':
      return (
        <span className="cell-text" dir="auto" title={row.source}>
          {row.source}
        </span>
      );
    case 'author':
      return (
        <span className="cell-text" dir="auto" title={row.author ?? ''}>
          {row.author ?? ''}
        </span>
      );
    case 'published':
      return <DateCell iso={row.published} locale={locale} empty={t.noDate} />;
    case 'added':
      return <DateCell iso={row.importedAt} locale={locale} empty={t.noDate} />;
    case 'words':
      return <>{formatNumber(row.wordCount, locale)}</>;
    case 'highlights':
      return <>{formatNumber(row.highlightCount, locale)}</>;
    case 'lastRead':
      return <DateCell iso={row.lastReadAt} locale={locale} empty={t.neverRead} />;
    case 'status':
      return <StatusCell row={row} t={t} locale={locale} />;
  }
}
