/**
 * CSV for spreadsheets and qualitative coding: UTF-8 with a byte-order mark (so
 * Excel reads Arabic as Arabic, not mojibake), CRLF line ends and RFC 4180
 * quoting, one row per highlight. A cell that a spreadsheet would run as a
 * formula (=, +, -, @ at the start) gets a leading apostrophe (OWASP CSV
 * injection); Arabic text never starts with those.
 */
import type { ExportView } from '../../common/api.js';

export const CSV_COLUMNS = [
  'article_id',
  'article_title',
  'source',
  'author',
  'published',
  'url',
  'highlight_id',
  'color',
  'color_label',
  'quote',
  'note',
  'tags',
  'paragraph',
  'start',
  'end',
  'status',
] as const;

export const BOM = '\uFEFF';

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(view: ExportView): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  const seen = new Set<string>();
  for (const section of view.sections) {
    for (const entry of section.entries) {
      // Grouped by tag, a highlight with two tags is in two sections: one row is enough.
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      rows.push(
        [
          entry.articleId,
          entry.citation.title,
          entry.citation.source,
          entry.citation.author,
          entry.citation.published,
          entry.citation.url,
          entry.id,
          entry.color,
          entry.colorLabel,
          entry.quote,
          entry.note,
          entry.tags.join('; '),
          entry.position?.paragraph ?? null,
          entry.position?.start ?? null,
          entry.position?.end ?? null,
          entry.position ? 'anchored' : 'orphan',
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return `${BOM}${rows.join('\r\n')}\r\n`;
}
