/**
 * CSV for spreadsheets and qualitative coding: UTF-8 with a byte-order mark (so
 * Excel reads Arabic as Arabic, not mojibake), CRLF line ends and RFC 4180
 * quoting, one row per highlight. A cell that a spreadsheet would run as a
 * formula (=, +, -, @ at the start) gets a leading apostrophe (OWASP CSV
 * injection); Arabic text never starts with those.
 *
 * Tags: one cell, joined by TAG_SEPARATOR ("|"); a "|" or "\" inside a tag is
 * escaped with a backslash ("a|b" → "a\|b"), so splitTags gives the tags back
 * exactly. Line ends inside a note are written as LF (CR and CRLF too).
 */
import type { ExportView } from '../../common/api.js';
import { normalizeExportText } from './common.js';

export const TAG_SEPARATOR = '|';

/** Tags in one cell: "|" between them, "\" before a "|" or "\" inside one. */
export function joinTags(tags: readonly string[]): string {
  return tags.map((tag) => tag.replace(/[\\|]/g, (char) => `\\${char}`)).join(TAG_SEPARATOR);
}

/** The inverse of joinTags. */
export function splitTags(cell: string): string[] {
  if (cell === '') return [];
  const tags: string[] = [];
  let current = '';
  for (let index = 0; index < cell.length; index += 1) {
    const char = cell[index] as string;
    if (char === '\\' && index + 1 < cell.length) current += cell[++index];
    else if (char === TAG_SEPARATOR) {
      tags.push(current);
      current = '';
    } else current += char;
  }
  tags.push(current);
  return tags;
}

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
  let text = value === null ? '' : normalizeExportText(String(value));
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
          joinTags(entry.tags),
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
