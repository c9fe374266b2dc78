/**
 * Small pieces every text format shares: the citation line, the position of a
 * highlight, links that are safe to write, and the file name of an export.
 */
import type { ExportCitation, ExportEntry, ExportFormat, ExportView } from '../../common/api.js';
import type { ExportLabels } from './labels.js';

/** Only web links are written as links; anything else (javascript:, file:) stays out. */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) return null;
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}

/**
 * Wraps a left-to-right snippet (a date, a range of offsets) so it keeps its
 * order inside Arabic text: after an Arabic letter, "2024-12-07" would otherwise
 * be read as Arabic numbers and shown as 07-12-2024 (UBA rule W2). Each format
 * passes its own wrapper (an LRM mark, <bdi dir=ltr>, a left-to-right run).
 */
export type Ltr = (text: string) => string;
export const LRM = '\u200E';
export const lrmWrap: Ltr = (text) => `${LRM}${text}${LRM}`;

/** "Title، Source، 2024-12-07" — the link is written separately by each format. */
export function citationParts(citation: ExportCitation, labels: ExportLabels, ltr: Ltr = lrmWrap): string[] {
  return [citation.title, citation.source, citation.author, citation.published ? ltr(citation.published) : labels.undated].filter((part) => part.trim() !== '');
}

export const ARABIC_COMMA = '،';

/** "الفقرة 3، 120-145", or the orphan notice. */
export function positionText(entry: ExportEntry, labels: ExportLabels, ltr: Ltr = lrmWrap): string {
  if (!entry.position) return labels.orphan;
  return `${labels.paragraph} ${entry.position.paragraph}${ARABIC_COMMA} ${labels.position} ${ltr(`${entry.position.start}-${entry.position.end}`)}`;
}

export const EXTENSIONS: Record<ExportFormat, string> = {
  md: 'md',
  html: 'html',
  pdf: 'pdf',
  docx: 'docx',
  json: 'json',
  csv: 'csv',
  csl: 'json',
  bib: 'bib',
  ris: 'ris',
};

export const MIME_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/ld+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  csl: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
};

/**
 * A file name from the export's title: letters (Arabic too), digits, spaces as
 * hyphens; nothing a file system could read as a path. Citation files say so.
 */
export function exportFileName(view: ExportView, format: ExportFormat, now = new Date()): string {
  const stem = view.title
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}\s-]+/gu, ' ')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80)
    .replace(/-+$/, '');
  const day = now.toISOString().slice(0, 10);
  const suffix = format === 'csl' ? '.csl' : '';
  return `${stem || 'qirtas'}-${day}${suffix}.${EXTENSIONS[format]}`;
}
