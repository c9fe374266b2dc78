/**
 * The app's words (issue 10): one glossary across every screen and every export,
 * counts in their plural forms, sizes with unit names, and errors worded in the
 * user's language from their code and parameters, with user data isolated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../common/errors.js';
import { ERROR_REASONS, isErrorReason } from '../../../../common/error-reasons.js';
import { GLOSSARY_AVOID } from '../../../../common/glossary.js';
import { QirtasError } from '../../../../common/errors.js';
import { EXPORT_LABELS } from '../../../../main/export/labels.js';
import { ApiCallError } from '../../../../renderer/api/client.js';
import { ERROR_SENTENCES, wordError } from '../../../../renderer/i18n/error-strings.js';
import { formatBytes, formatCount, plural } from '../../../../renderer/i18n/format-numbers.js';
import { COUNTS } from '../../../../renderer/i18n/plural-strings.js';
import { STRINGS } from '../../../../renderer/i18n/strings.js';

const LOCALES = ['ar', 'en'] as const;

function allTexts(locale: 'ar' | 'en'): Array<[string, string]> {
  const errors = ERROR_SENTENCES[locale];
  return [
    ...Object.entries(STRINGS[locale]).map(([key, text]): [string, string] => [`ui.${key}`, text]),
    ...Object.entries(EXPORT_LABELS[locale]).map(([key, text]): [string, string] => [`export.${key}`, text]),
    ...Object.entries(errors.codes).map(([key, text]): [string, string] => [`error.${key}`, text]),
    ...Object.entries(errors.reasons).map(([key, text]): [string, string] => [`error.${key}`, text]),
    ...Object.entries(COUNTS).flatMap(([key, forms]) => Object.values(forms[locale]).map((text): [string, string] => [`plural.${key}`, text])),
  ];
}

describe('one glossary', () => {
  for (const locale of LOCALES) {
    it(`no ${locale} string uses a word the glossary replaces`, () => {
      const offending = allTexts(locale).flatMap(([key, text]) =>
        GLOSSARY_AVOID[locale].filter((rule) => rule.avoid.test(text)).map((rule) => `${key}: «${text}» (use «${rule.use}»)`),
      );
      expect(offending).toEqual([]);
    });
  }

  it('the rules catch the words they are for', () => {
    const ar = GLOSSARY_AVOID.ar;
    expect(ar.some((rule) => rule.avoid.test('التظليلات: 3'))).toBe(true);
    expect(ar.some((rule) => rule.avoid.test('أضف تعليقًا'))).toBe(false);
    expect(ar.some((rule) => rule.avoid.test('التعليقات والوسوم'))).toBe(true);
    expect(ar.some((rule) => rule.avoid.test('حدّد نصًا لتبرزه أو تعلّق عليه'))).toBe(false);
  });
});

describe('counts and sizes', () => {
  it('Arabic counts take the plural form of their number, the number isolated', () => {
    const bare = (text: string) => text.replace(/[\u2068\u2069]/g, '');
    expect([0, 1, 2, 3, 10, 11, 99, 100, 103].map((n) => bare(plural('notes', n, 'ar')))).toEqual([
      'لا ملاحظات',
      'ملاحظة واحدة',
      'ملاحظتان',
      '3 ملاحظات',
      '10 ملاحظات',
      '11 ملاحظة',
      '99 ملاحظة',
      '100 ملاحظة',
      '103 ملاحظات',
    ]);
    expect(plural('articles', 11, 'ar')).toBe('\u206811\u2069 مقالًا');
    expect([1, 2, 5].map((n) => bare(plural('notes', n, 'en')))).toEqual(['1 note', '2 notes', '5 notes']);
    expect(bare(formatCount(2500, 'en', { one: '{n} item', other: '{n} items' }))).toBe('2,500 items');
  });

  it('every count has the forms its language needs', () => {
    for (const [name, forms] of Object.entries(COUNTS)) {
      expect(Object.keys(forms.ar).sort(), name).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
      expect(Object.keys(forms.en).sort(), name).toEqual(['one', 'other']);
    }
  });

  it('sizes use unit names, not «KB»', () => {
    expect(formatBytes(11.5 * 1024, 'ar')).toBe('11.5 كيلوبايت');
    expect(formatBytes(3 * 1024 * 1024, 'ar')).toBe('3 ميغابايت');
    expect(formatBytes(900, 'ar')).toBe('900 بايت');
    expect(formatBytes(11.5 * 1024, 'en')).toBe('11.5 kB');
    expect(formatBytes(11.5 * 1024, 'ar')).not.toMatch(/KB|kB/);
  });
});

describe('errors in the user language', () => {
  const thrown = (error: QirtasError) => new ApiCallError(error.toApiError());

  it('every code and every reason has a sentence in both languages', () => {
    for (const locale of LOCALES) {
      for (const code of ERROR_CODES) expect(ERROR_SENTENCES[locale].codes[code], `${locale} ${code}`).toBeTruthy();
      for (const reason of Object.keys(ERROR_REASONS)) expect(ERROR_SENTENCES[locale].reasons[reason as keyof typeof ERROR_REASONS], `${locale} ${reason}`).toBeTruthy();
      for (const [reason, params] of Object.entries(ERROR_REASONS))
        for (const param of params) expect(ERROR_SENTENCES[locale].reasons[reason as keyof typeof ERROR_REASONS], `${locale} ${reason} {${param}}`).toContain(`{${param}}`);
    }
  });

  it('every reason the core gives is one the UI can word', () => {
    const root = join(import.meta.dirname, '../../../..');
    const sources = ['main', 'common'].flatMap((folder) =>
      (readdirSync(join(root, folder), { recursive: true }) as string[]).filter((name) => name.endsWith('.ts')).map((name) => join(root, folder, name)),
    );
    const given = new Set(sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\breason: '([a-z][a-z-]*)'/g)].map((match) => match[1] as string)));
    expect(given.size).toBeGreaterThan(10);
    expect([...given].filter((reason) => !isErrorReason(reason))).toEqual([]);
  });

  it('a reason is worded with its parameters isolated, and the English message stays as the detail', () => {
    const error = thrown(new QirtasError('INVALID_INPUT', 'report.docx: too large when unpacked', 'C:\\docs\\report.docx', { reason: 'too-large-unpacked', limit: 300 * 1024 * 1024 }));
    const worded = wordError(error, 'ar');
    expect(worded.text).toBe('الملف \u2068report.docx\u2069 أكبر من المسموح حين يُفكّ ضغطه (الحد \u2068300 ميغابايت\u2069)، فلم يُستورد.');
    expect(worded.detail).toBe('report.docx: too large when unpacked');
    expect(wordError(error, 'en').text).toBe('\u2068report.docx\u2069 is too large when unpacked (the limit is \u2068300 MB\u2069), so it was not imported.');
  });

  it('an error without a reason is worded by its code, naming its file', () => {
    const worded = wordError(thrown(new QirtasError('DAMAGED_FILE', '/data/articles/x.json is not valid JSON', '/data/articles/x.json')), 'ar');
    expect(worded.text).toContain('تالف');
    expect(worded.text).toContain('\u2068x.json\u2069');
    expect(worded.text).not.toMatch(/valid JSON/);
  });

  it('a size just over the limit is shown so the two differ', () => {
    const limit = 50 * 1024 * 1024;
    const error = thrown(new QirtasError('INVALID_INPUT', 'big.jsonl: too large', 'big.jsonl', { reason: 'file-too-large', size: limit + 1000, limit }));
    const text = wordError(error, 'en').text;
    const [size, max] = [...text.matchAll(/\u2068([^\u2069]*)\u2069/g)].map((match) => match[1]).slice(1);
    expect(size).not.toBe(max);
  });

  it('a transport failure is worded as the archive being out of reach', () => {
    expect(wordError(new TypeError('Failed to fetch'), 'ar').text).toBe(ERROR_SENTENCES.ar.offline);
  });
});
