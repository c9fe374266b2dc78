/**
 * Import warnings worded in the user's language (issue 10): every warning code
 * the core can send has an Arabic and an English sentence, with every parameter
 * filled (names and numbers isolated, counts in their plural forms), the glossary
 * kept, and the core's English message as the technical detail.
 */
import { describe, expect, it } from 'vitest';
import { GLOSSARY_AVOID } from '../../../../common/glossary.js';
import { IMPORT_WARNING_CODES, IMPORT_WARNING_PARAMS, type ImportWarning, importWarning } from '../../../../common/import-warnings.js';
import { WARNING_SENTENCES, wordWarnings } from '../../../../renderer/i18n/warning-strings.js';

const LOCALES = ['ar', 'en'] as const;
const ARABIC_LETTER = /[\u0621-\u064A]/;
const bare = (text: string) => text.replace(/[\u2068\u2069]/g, '');

/** One warning of every code, made as the core makes them. */
const SAMPLES: ImportWarning[] = [
  importWarning.invalidBytes(3),
  importWarning.visualOrderRepaired(),
  importWarning.visualOrderSuspected(),
  importWarning.linkDropped(),
  importWarning.dateNotUnderstood('Spring 2020', 'record'),
  importWarning.sameText({ title: 'Reuters: Syria report', id: 'rec-5' }, 'rec-6'),
  importWarning.recordSkipped(7, 'not valid JSON (Unexpected end of JSON input)'),
];

describe('every import warning code is worded in Arabic and English', () => {
  it('the samples cover every code the core can send', () => {
    expect(SAMPLES.map((warning) => warning.code).sort()).toEqual([...IMPORT_WARNING_CODES].sort());
  });

  for (const locale of LOCALES) {
    it(`${locale}: a sentence for each code, every slot filled, the English message kept as the detail`, () => {
      for (const code of IMPORT_WARNING_CODES) {
        const sentence = WARNING_SENTENCES[locale].codes[code];
        expect(sentence?.trim(), code).toBeTruthy();
        if (locale === 'ar') expect(sentence, code).toMatch(ARABIC_LETTER);
      }
      for (const warning of SAMPLES) {
        const [worded] = wordWarnings([warning], locale);
        expect(worded?.text, warning.code).not.toMatch(/\{\w+\}/);
        expect(worded?.detail, warning.code).toBe(warning.message);
        if (locale === 'ar') expect(worded?.text, warning.code).not.toBe(warning.message);
        // Each declared parameter the sentence names reaches it.
        for (const param of IMPORT_WARNING_PARAMS[warning.code] as readonly string[]) {
          const value = warning.params?.[param];
          if (param !== 'line' && param !== 'count') expect(bare(worded!.text), `${warning.code}.${param}`).toContain(String(value));
        }
      }
    });

    it(`${locale}: no warning uses a word the glossary replaces`, () => {
      const texts = [...Object.values(WARNING_SENTENCES[locale].codes), ...SAMPLES.flatMap((warning) => wordWarnings([warning], locale).map((w) => w.text))];
      const offending = texts.flatMap((text) => GLOSSARY_AVOID[locale].filter((rule) => rule.avoid.test(text)).map((rule) => `«${text}» (use «${rule.use}»)`));
      expect(offending).toEqual([]);
    });
  }
});

describe('numbers, names and counts inside the sentences', () => {
  it('a Latin title and ids are isolated inside the Arabic sentence', () => {
    const [worded] = wordWarnings([importWarning.sameText({ title: 'Reuters: Syria report', id: 'rec-5' }, 'rec-6')], 'ar');
    expect(worded!.text).toContain('\u2068Reuters: Syria report\u2069');
    expect(worded!.text).toContain('\u2068rec-5\u2069');
    expect(worded!.text).toContain('\u2068rec-6\u2069');
  });

  it('replaced bytes are counted in their Arabic plural form', () => {
    const said = (count: number) => bare(wordWarnings([importWarning.invalidBytes(count)], 'ar')[0]!.text);
    expect(said(1)).toContain('بايت واحد');
    expect(said(2)).toContain('بايتان');
    expect(said(3)).toContain('3 بايتات');
    expect(said(11)).toContain('11 بايتًا');
    expect(bare(wordWarnings([importWarning.invalidBytes(1)], 'en')[0]!.text)).toContain('1 byte.');
    expect(bare(wordWarnings([importWarning.invalidBytes(5)], 'en')[0]!.text)).toContain('5 bytes.');
  });

  it('skipped records are one sentence per file, with their count and lines; the detail keeps every line', () => {
    const skipped = [2, 5, 9].map((line) => importWarning.recordSkipped(line, '"body" is missing or empty'));
    const worded = wordWarnings([importWarning.linkDropped(), ...skipped], 'ar');
    expect(worded.map((warning) => warning.code)).toEqual(['link-dropped', 'record-skipped']);
    expect(bare(worded[1]!.text)).toContain('3 سجلات');
    expect(bare(worded[1]!.text)).toContain('الأسطر 2، 5، 9');
    expect(worded[1]!.detail.split('\n')).toEqual(skipped.map((warning) => warning.message));
    const one = wordWarnings([importWarning.recordSkipped(7, 'x')], 'en')[0]!;
    expect(bare(one.text)).toBe('Records that were not valid were not imported: 1 record (line 7); the other records were imported.');
    const many = wordWarnings(Array.from({ length: 40 }, (_, index) => importWarning.recordSkipped(index + 2, 'x')), 'en')[0]!;
    expect(bare(many.text)).toContain('40 records (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, …)');
  });

  it('a code this version does not know (a newer core) is shown by its English message', () => {
    const [worded] = wordWarnings([{ code: 'some-future-warning', message: 'something new happened' }], 'ar');
    expect(worded).toEqual({ code: 'some-future-warning', text: 'something new happened', detail: 'something new happened' });
  });
});
