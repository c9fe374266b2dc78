/**
 * The bounded edit distance (OSA: adjacent transpositions count once) and the
 * fuzzy budget of arabic-search.md §3.5, checked against a plain reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, maxEdits } from '../../../../common/text/edit-distance.js';

/** Unbounded optimal-string-alignment distance, written the obvious way. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('maxEdits', () => {
  it.each([
    [1, 0], [2, 0], [3, 0], [4, 1], [7, 1], [8, 2], [15, 2],
  ])('%i letters → %i edits', (letters, edits) => {
    expect(maxEdits(letters)).toBe(edits);
  });
});

describe('editDistance', () => {
  it.each([
    ['فلسطين', 'فلسطبن', 1],
    ['مستشفي', 'مسشتفي', 1],
    ['مفاوضات', 'مفاوضت', 1],
    ['الديمقراطيه', 'الديمقارطيه', 1],
    ['سءال', 'سوال', 1],
    ['قال', 'قال', 0],
    ['', 'abc', 3],
  ])('%s ↔ %s = %i', (a, b, expected) => {
    expect(editDistance(a, b, 5)).toBe(expected);
  });

  it('reports anything above the bound as bound + 1', () => {
    expect(editDistance('الخارجيه', 'الداخليه', 2)).toBe(3);
    expect(editDistance('ab', 'abcdef', 1)).toBe(2);
  });

  it('agrees with the reference implementation', () => {
    const word = fc.string({ unit: fc.constantFrom('ا', 'ب', 'ت', 'س', 'ل', 'م'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
      { numRuns: 1000 },
    );
  });
});
