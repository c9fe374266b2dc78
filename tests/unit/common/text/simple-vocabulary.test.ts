/**
 * SimpleVocabulary: the brute-force Vocabulary used by tests and tiny archives.
 */
import { describe, expect, it } from 'vitest';
import { SimpleVocabulary } from '../../../../common/text/simple-vocabulary.js';
import { SEED_ARTICLE } from './helpers.js';

describe('SimpleVocabulary', () => {
  const v = new SimpleVocabulary(
    new Map([
      ['مفاوضات', 30],
      ['المفاوضات', 40],
      ['مفاوضين', 5],
      ['فلسطين', 9],
      ['مستشفي', 3],
    ]),
  );

  it('reports document frequencies, 0 when absent', () => {
    expect(v.docFrequency('مفاوضات')).toBe(30);
    expect(v.docFrequency('غزه')).toBe(0);
  });

  it('lists terms with a prefix, up to the limit', () => {
    expect(new Set(v.termsWithPrefix('مفاو', 10))).toEqual(new Set(['مفاوضات', 'مفاوضين']));
    expect([...v.termsWithPrefix('مفاو', 1)]).toHaveLength(1);
    expect([...v.termsWithPrefix('مفاو', 0)]).toEqual([]);
  });

  it('lists terms within a Damerau–Levenshtein distance', () => {
    expect([...v.termsWithin('فلسطبن', 1)]).toEqual(['فلسطين']);
    expect([...v.termsWithin('مسشتفي', 1)]).toEqual(['مستشفي']);
    expect([...v.termsWithin('فلسطبن', 0)]).toEqual([]);
  });

  it('reads the map live', () => {
    const map = new Map([['حمص', 1]]);
    const live = new SimpleVocabulary(map);
    map.set('درعا', 2);
    expect(live.docFrequency('درعا')).toBe(2);
  });

  it('counts document frequencies from texts', () => {
    const fromSeed = SimpleVocabulary.fromTexts(SEED_ARTICLE.split('\n'));
    expect(fromSeed.docFrequency('حمص')).toBeGreaterThan(1);
    const two = SimpleVocabulary.fromTexts(['حمص حمص حمص', 'حِمْص درعا']);
    expect(two.docFrequency('حمص')).toBe(2);
    expect(two.docFrequency('درعا')).toBe(1);
  });
});
