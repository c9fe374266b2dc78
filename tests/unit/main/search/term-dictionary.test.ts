/**
 * The term dictionary's lookups against brute force: the trie-like edit walk over
 * the sorted terms must return exactly the terms within the edit budget
 * (Damerau–Levenshtein, adjacent swaps), prefixes exactly the live terms starting
 * with the prefix, and both must follow additions and removals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../common/text/tokenize.js';
import { editDistanceWithin } from '../../../../main/search/edit-walk.js';
import { TermDictionary } from '../../../../main/search/term-dictionary.js';
import { corpusSentences } from '../../../support/arabic-corpus.js';

/** Plain optimal-string-alignment distance, no cut-offs: the reference. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const realTerms = [...new Set(corpusSentences().flatMap((s) => tokenize(s).map((t) => t.norm)))];

function dictionaryOf(terms: string[]): TermDictionary {
  const dict = new TermDictionary();
  for (const term of terms) dict.addDf(dict.intern(term), 1);
  return dict;
}

describe('TermDictionary', () => {
  const dict = dictionaryOf(realTerms);

  it('termsWithin matches brute force on the real vocabulary', () => {
    const probes = realTerms.filter((_, i) => i % 97 === 0).flatMap((t) => [t, t.slice(1), `${t}ا`, t.length > 3 ? t[1]! + t[0]! + t.slice(2) : t]);
    for (const probe of probes) {
      for (const k of [1, 2]) {
        const expected = realTerms.filter((t) => osa(probe, t) <= k).sort();
        expect(dict.termsWithin(probe, k).slice().sort(), `«${probe}» within ${k}`).toEqual(expected);
      }
    }
  });

  it('termsWithin matches brute force on random words (property)', () => {
    const letter = fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي');
    const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 60 }), word, fc.constantFrom(1, 2), (terms, probe, k) => {
        const d = dictionaryOf(terms);
        const expected = terms.filter((t) => osa(probe, t) <= k).sort();
        expect(d.termsWithin(probe, k).slice().sort()).toEqual(expected);
        for (const t of terms) expect(editDistanceWithin(probe, t, k) <= k).toBe(osa(probe, t) <= k);
      }),
      { numRuns: 300 },
    );
  });

  it('counts an adjacent swap as one edit', () => {
    expect(dict.termsWithin('الطاعبه', 1)).toContain('الطابعه');
  });

  it('termsWithPrefix returns the live terms with the prefix, most frequent first when limited', () => {
    const expected = realTerms.filter((t) => t.startsWith('الط')).sort();
    expect(dict.termsWithPrefix('الط', 10_000).slice().sort()).toEqual(expected);
    const d = dictionaryOf(['كتاب', 'كتابة', 'كتب']);
    d.addDf(d.idOf('كتابة'), 5);
    expect(d.termsWithPrefix('كتا', 1)).toEqual(['كتابة']);
    expect(d.termsWithPrefix('زز', 5)).toEqual([]);
  });

  it('follows additions and removals (lookups are memoized until the vocabulary changes)', () => {
    const d = dictionaryOf(realTerms.slice(0, 500));
    expect(d.termsWithin('حمصي', 1)).not.toContain('حمصيه');
    d.addDf(d.intern('حمصيه'), 1);
    expect(d.termsWithin('حمصي', 1)).toContain('حمصيه');
    expect(d.termsWithPrefix('حمص', 10)).toContain('حمصيه');
    d.addDf(d.idOf('حمصيه'), -1);
    expect(d.termsWithin('حمصي', 1)).not.toContain('حمصيه');
    expect(d.termsWithPrefix('حمص', 10)).not.toContain('حمصيه');
    expect(d.docFrequency('حمصيه')).toBe(0);
    // Many new terms at once are merged into the sorted array.
    for (const t of realTerms.slice(500)) d.addDf(d.intern(t), 1);
    expect(d.termsWithin('الطابعه', 1)).toContain('الطابعه');
  });
});
