/** The stored-text codec is lossless for any UTF-16 string and one byte per Arabic letter or haraka. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeText } from '../../../../main/search/text-codec.js';
import { seedArticleLines } from '../../../support/arabic-corpus.js';

describe('text codec', () => {
  it('round-trips any string, lone surrogates and control characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(decodeText(encodeText(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
    for (const s of ['\u0001', '\u0000\u0001\u0002', '\uD83C', '🇵🇸 غزة', 'ﷲ ﻻ', 'مُحَمَّدٌ\u200F']) expect(decodeText(encodeText(s))).toBe(s);
  });

  it('stores real Arabic text in about one byte per character', () => {
    const text = seedArticleLines().join('\n\n');
    const bytes = encodeText(text);
    expect(decodeText(bytes)).toBe(text);
    expect(bytes.length).toBeLessThan(text.length * 1.05);
  });

  it('decodes a slice', () => {
    const bytes = encodeText('أعلنت المعارضة');
    expect(decodeText(bytes, 0, 5)).toBe('أعلنت');
  });
});
