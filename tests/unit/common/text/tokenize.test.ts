/**
 * Tokenization (arabic-search.md §2.1 step 6): normalized surface tokens with
 * original offsets; punctuation splits, diacritics and tatweel never do.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../common/text/arabic.js';
import { tokenize, tokensOf } from '../../../../common/text/tokenize.js';
import { SEED_ARTICLE } from './helpers.js';

const norms = (s: string): string[] => tokenize(s).map((t) => t.norm);

describe('tokenize', () => {
  it('splits at spaces and at Arabic and Latin punctuation', () => {
    expect(norms('دمشق، حمص؛ درعا؟ (قسد) «ردع العدوان» -التي- 12.5%')).toEqual([
      'دمشق', 'حمص', 'درعا', 'قسد', 'ردع', 'العدوان', 'التي', '12', '5',
    ]);
  });

  it('never splits a word at harakat, tatweel, dagger alef or zero-width characters', () => {
    expect(norms('مُحَمَّدٌ مدرســـة هٰذا مفا\u200Cوضات ﻻ\u200Dتحاد')).toEqual(['محمد', 'مدرسه', 'هذا', 'مفاوضات', 'لاتحاد']);
  });

  it('gives original offsets, end exclusive, trailing marks included', () => {
    const original = 'قال مُحَمَّدٌ، ثم';
    const tokens = tokenize(original);
    expect(tokens).toEqual([
      { norm: 'قال', start: 0, end: 3 },
      { norm: 'محمد', start: 4, end: 13 },
      { norm: 'ثم', start: 15, end: 17 },
    ]);
    expect(original.slice(tokens[1].start, tokens[1].end)).toBe('مُحَمَّدٌ');
  });

  it('keeps Latin words and numbers, lowercased and with ASCII digits', () => {
    expect(norms('فيروس COVID-19 عام ٢٠٢٤')).toEqual(['فيروس', 'covid', '19', 'عام', '2024']);
  });

  it('tokensOf reuses one normalization', () => {
    const n = normalize(SEED_ARTICLE);
    expect(tokensOf(n)).toEqual(tokenize(SEED_ARTICLE));
  });

  it('tokenizes the seed article into its words', () => {
    const tokens = tokenize(SEED_ARTICLE);
    const rawWords = SEED_ARTICLE.split(/[\s،؛؟.,:()“”"\-–]+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
    expect(tokens.length).toBe(rawWords.length);
    expect(tokens.slice(0, 4).map((t) => t.norm)).toEqual(['اعلنت', 'المعارضه', 'السوريه', 'المسلحه']);
    for (const t of tokens) {
      expect(t.start).toBeLessThan(t.end);
      expect(t.norm).not.toMatch(/\s/u);
    }
    for (let i = 1; i < tokens.length; i += 1) expect(tokens[i].start).toBeGreaterThanOrEqual(tokens[i - 1].end);
  });

  it('returns no tokens for empty or separator-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ، ؟ \u200F ')).toEqual([]);
  });
});
