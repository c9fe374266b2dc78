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

/**
 * First-strong isolation (FSI … PDI, UAX #9): a user's string (a note, tag,
 * title, source) placed inside an Arabic sentence keeps its own direction and
 * order — a Latin note keeps its leading "=" or "@" at its start, a Latin tag
 * its "#" — and nothing inside it (a stray RLO) leaks into the sentence.
 */
export const FSI = '\u2068';
export const PDI = '\u2069';
export const isolate = (text: string): string => (text === '' ? '' : `${FSI}${text}${PDI}`);

/**
 * Isolated unless it needs none inside right-to-left text: an Arabic string
 * without direction controls reads the same either way, and some readers
 * (LibreOffice) space two isolates side by side oddly, so only a string that
 * starts left-to-right or with no letter, or carries controls, is wrapped.
 */
export const isolateInRtl = (text: string): string => (firstStrongDirection(text) === 'rtl' && !/[\u202A-\u202E\u2066-\u2069]/.test(text) ? text : isolate(text));

/** Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Extended, presentation forms. */
const isRtlCode = (code: number) => (code >= 0x0590 && code <= 0x08ff) || (code >= 0xfb1d && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefc);
const LETTER = /\p{L}/u;

/** The direction of a string's first strong letter (UAX #9 P2, letters only), or null when it has none. */
export function firstStrongDirection(text: string): 'rtl' | 'ltr' | null {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x41) continue; // digits, spaces, punctuation
    if (isRtlCode(code)) {
      // Arabic-Indic digits, marks and punctuation are not strong letters.
      if (LETTER.test(text[index] as string)) return 'rtl';
      continue;
    }
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'ltr';
    if (code >= 0x80 && LETTER.test(String.fromCodePoint(text.codePointAt(index) as number))) return 'ltr';
  }
  return null;
}

/**
 * User text as every format writes it (issue 12): CRLF, CR, NEL and the
 * Unicode line and paragraph separators become "\n" (a line break, as the
 * reader shows them), vertical tab and form feed too; a TAB stays (DOCX writes
 * it as w:tab); the other C0/C1 control characters, which XML 1.0 cannot hold
 * and which no reader shows, are removed. Nothing visible is lost.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_NORMALISING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

export function normalizeExportText(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return text
    .replace(/\r\n?|[\u0085\u2028\u2029\v\f]/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g, '');
}

/**
 * "Title، Source، 2024-12-07" — the link is written separately by each format.
 * Each user-supplied part passes through `user` (isolation by default), so a
 * Latin title keeps its order among the Arabic commas.
 */
export function citationParts(citation: ExportCitation, labels: ExportLabels, ltr: Ltr = lrmWrap, user: (text: string) => string = isolateInRtl): string[] {
  return [citation.title, citation.source, citation.author]
    .map((part) => normalizeExportText(part).replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .map(user)
    .concat(citation.published ? ltr(citation.published) : labels.undated);
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
