/**
 * normalizeExact: the exact-mode text keeps harakat and hamza and drops only
 * what is invisible or presentational; its offset map has the same contract as
 * normalize's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeExact, toOriginalRange } from '../../../../common/text/arabic.js';
import { SEED_ARTICLE } from './helpers.js';

const x = (s: string): string => normalizeExact(s).text;

describe('normalizeExact', () => {
  it('keeps harakat, hamza forms, ى, ة and alef forms', () => {
    expect(x('مُحَمَّدٌ')).toBe('مُحَمَّدٌ');
    expect(x('أمن آمن إن ٱلله مسؤول مسئول على فاطمة')).toBe('أمن آمن إن ٱلله مسؤول مسئول على فاطمة');
  });

  it('removes tatweel, zero-width and bidi characters', () => {
    expect(x('مدرســـة')).toBe('مدرسة');
    expect(x('\u200Fمفا\u200Cوضات\u200E\u2066')).toBe('مفاوضات');
  });

  it('folds presentation forms but keeps their hamza', () => {
    expect(x('\uFE8D\uFEFB\uFE97\uFEA4\uFE8E\uFEA9')).toBe('الاتحاد');
    expect(x('\uFEF7\uFEE3')).toBe('لأم');
    expect(x('\uFE85')).toBe('ؤ');
    expect(x('\uFDF2')).toBe('الله');
    expect(x('\uFDFD')).toBe('بسم الله الرحمن الرحيم');
    expect(x('ب\uFE77')).toBe('بَ');
  });

  it('canonicalizes mark order and decomposed hamza', () => {
    expect(x('\u0645\u0651\u064E')).toBe(x('\u0645\u064E\u0651'));
    expect(x('ا\u0654من')).toBe('أمن');
    expect(x('مسو\u0654ول')).toBe('مسؤول');
  });

  it('collapses separators, lowercases, and folds the digit script', () => {
    expect(x('وزير ،  الخارجية')).toBe('وزير الخارجية');
    expect(x('COVID عام ٢٠٢٤')).toBe('covid عام 2024');
  });

  it('maps offsets back to whole letter clusters', () => {
    const original = 'قال مُحَمَّدٌ';
    const n = normalizeExact(original);
    const at = n.text.indexOf('مُ');
    expect(toOriginalRange(n, at, n.text.length)).toEqual({ start: 4, end: 13 });
    expect(toOriginalRange(n, at, at + 1)).toEqual({ start: 4, end: 6 });
  });

  it('has spans inside the original that never go backwards', () => {
    const pieces = ['ا', 'ب', 'م', 'و', 'ي', '\u064E', '\u0651', '\u0654', '\u0640', '\u200C', '\uFEFB', '\uFE70', '\uFDF2', ' ', '،', '٣', 'A', '\u{1F600}', '\uD800'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const original = parts.join('');
        const n = normalizeExact(original);
        expect(n.start.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i += 1) {
          expect(n.start[i]).toBeLessThan(n.end[i]);
          expect(n.end[i]).toBeLessThanOrEqual(original.length);
          if (i > 0) expect(n.start[i]).toBeGreaterThanOrEqual(n.start[i - 1]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves the unvoweled seed article unchanged apart from separators', () => {
    expect(x(SEED_ARTICLE).trim()).toBe(SEED_ARTICLE.replace(/[\s،؛؟.,:()“”"\-–]+/gu, ' ').trim());
  });
});
