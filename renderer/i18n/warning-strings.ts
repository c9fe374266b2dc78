/**
 * Import warnings worded in the user's language (issue 10): the core sends each
 * warning as a code with parameters and a plain English message
 * (common/import-warnings.ts); this module turns them into Arabic or English
 * sentences — names and numbers bidi-isolated, counts in their plural forms —
 * and keeps the English message as the technical detail. Skipped dataset records
 * are said once per file ("3 records, lines 2, 5, 9"), not once per line.
 */
import { IMPORT_WARNING_CODES, type ImportWarningCode } from '../../common/import-warnings.js';
import type { Locale } from '../../common/types/article.js';
import { isolate } from './fill.js';
import { formatNumber, plural } from './format-numbers.js';
import type { CountedNoun } from './plural-strings.js';

type Sentences = {
  codes: Record<ImportWarningCode, string>;
  /** "line 7" / "lines 2, 5, 9": the label before the list of a skipped record's lines. */
  line: string;
  lines: string;
  listSeparator: string;
};

const AR: Sentences = {
  codes: {
    'invalid-bytes-replaced': 'وُضع الرمز � مكان ما في الملف من بايتات غير صالحة في ترميز UTF-8: {count}.',
    'pdf-visual-order-repaired': 'جاء نص ملف PDF بترتيب بصري معكوس، فأُعيد إلى ترتيب القراءة الصحيح.',
    'pdf-visual-order-suspected': 'ربما جاء نص ملف PDF بترتيب بصري معكوس؛ راجع النص المستورد.',
    'link-dropped': 'أُهمل رابط المصدر لأنه ليس عنوان ويب كاملًا (http أو https).',
    'date-not-understood': 'لم يُفهم تاريخ النشر {value}، فتُرك فارغًا.',
    'same-text': 'النص نفسه موجود في الأرشيف في {title} (المعرّف {twinId})؛ فاستُورد هذا السجل ({id}) مقالًا مستقلًا.',
    'record-skipped': 'لم تُستورد سجلات غير صالحة: {count} ({lines})؛ واستُوردت السجلات الأخرى.',
  },
  line: 'السطر {list}',
  lines: 'الأسطر {list}',
  listSeparator: '، ',
};

const EN: Sentences = {
  codes: {
    'invalid-bytes-replaced': 'Bytes that were not valid UTF-8 were replaced with �: {count}.',
    'pdf-visual-order-repaired': 'The PDF text came out in visual (reversed) order and was put back in reading order.',
    'pdf-visual-order-suspected': 'The PDF text may be in visual (reversed) order; check the imported text.',
    'link-dropped': 'The source link was left out: it is not a full web address (http or https).',
    'date-not-understood': 'The published date {value} was not understood, so it was left empty.',
    'same-text': 'The same text is already in the archive as {title} (id {twinId}); this record ({id}) was imported as a separate article.',
    'record-skipped': 'Records that were not valid were not imported: {count} ({lines}); the other records were imported.',
  },
  line: 'line {list}',
  lines: 'lines {list}',
  listSeparator: ', ',
};

export const WARNING_SENTENCES: Record<Locale, Sentences> = { ar: AR, en: EN };

/** Parameters said as a counted noun («3 بايتات», "3 bytes") rather than a bare number. */
const COUNTED: Partial<Record<ImportWarningCode, Record<string, CountedNoun>>> = {
  'invalid-bytes-replaced': { count: 'bytes' },
  'record-skipped': { count: 'records' },
};

/** A skipped-records sentence lists at most this many line numbers, then "…". */
const MAX_LINES_LISTED = 12;

/** A warning as sent (common/import-warnings.ts ImportWarning); the code is a string so a newer core's codes still show. */
export interface SentWarning {
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface WordedWarning {
  code: string;
  /** The sentence for the user, in their language. */
  text: string;
  /** The core's English message(s), for a report or a bug. */
  detail: string;
}

function isKnownCode(code: unknown): code is ImportWarningCode {
  return typeof code === 'string' && (IMPORT_WARNING_CODES as readonly string[]).includes(code);
}

function fillWarning(code: ImportWarningCode, params: Record<string, string | number>, locale: Locale): string {
  const counted = COUNTED[code] ?? {};
  return WARNING_SENTENCES[locale].codes[code].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    const noun = counted[key];
    if (noun && typeof value === 'number') return plural(noun, value, locale);
    return isolate(typeof value === 'number' ? formatNumber(value, locale) : value);
  });
}

function lineList(lines: readonly number[], locale: Locale): string {
  const sentences = WARNING_SENTENCES[locale];
  const shown = lines.slice(0, MAX_LINES_LISTED).map((line) => isolate(formatNumber(line, locale)));
  const list = shown.join(sentences.listSeparator) + (lines.length > MAX_LINES_LISTED ? `${sentences.listSeparator}…` : '');
  return (lines.length === 1 ? sentences.line : sentences.lines).replace('{list}', list);
}

/**
 * The warnings of one article or file as sentences, in order; skipped records
 * become one sentence where the first of them stood. A code this version does not
 * know (a newer core) is shown by its English message.
 */
export function wordWarnings(warnings: readonly SentWarning[], locale: Locale): WordedWarning[] {
  const worded: WordedWarning[] = [];
  const skipped = warnings.filter((warning) => warning.code === 'record-skipped');
  for (const warning of warnings) {
    if (!isKnownCode(warning.code)) {
      worded.push({ code: warning.code, text: warning.message, detail: warning.message });
    } else if (warning.code !== 'record-skipped') {
      worded.push({ code: warning.code, text: fillWarning(warning.code, warning.params ?? {}, locale), detail: warning.message });
    } else if (warning === skipped[0]) {
      const lines = skipped.map((item) => Number(item.params?.line)).filter((line) => Number.isFinite(line));
      const text = fillWarning('record-skipped', { count: skipped.length }, locale).replace('{lines}', lineList(lines, locale));
      worded.push({ code: 'record-skipped', text, detail: skipped.map((item) => item.message).join('\n') });
    }
  }
  return worded;
}
