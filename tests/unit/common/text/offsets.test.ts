/**
 * The offset map (arabic-search.md §4): the H cases of §7.5 and fast-check
 * properties — every span lies inside the original, spans never go backwards, a
 * highlight never separates a letter from its marks nor cuts a surrogate pair,
 * and re-normalizing the original text of a token range gives the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, normalizeForSearch, toOriginalRange, type Normalized } from '../../../../common/text/arabic.js';
import { expandQueryWord } from '../../../../common/text/query-expansion.js';
import { tokenize } from '../../../../common/text/tokenize.js';
import { SEED_ARTICLE, vocabularyOf } from './helpers.js';

/** In-article find: every occurrence of the normalized needle, mapped to the original. */
function find(original: string, needle: string): Array<{ start: number; end: number }> {
  const n = normalize(original);
  const q = normalizeForSearch(needle);
  const hits: Array<{ start: number; end: number }> = [];
  for (let at = n.text.indexOf(q); at >= 0 && q !== ''; at = n.text.indexOf(q, at + 1)) {
    hits.push(toOriginalRange(n, at, at + q.length));
  }
  return hits;
}

// H1: fatha (class 30) before shadda (class 33), the canonical order; H1b the other order.
const H1 = 'قال \u0645\u064F\u062D\u064E\u0645\u064E\u0651\u062F\u064C';
const H1_SWAPPED = 'قال \u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F\u064C';
const H2 = '\uFE8D\uFEFB\uFE97\uFEA4\uFE8E\uFEA9';

describe('§7.5 H cases', () => {
  it.each([
    ['H1', H1, 'محمد', [4, 13]],
    ['H1 (shadda before fatha)', H1_SWAPPED, 'محمد', [4, 13]],
    ['H2', H2, 'الاتحاد', [0, 6]],
    ['H3', H2, 'لا', [1, 2]],
    ['H4', '\uFDF2 أكبر', 'الله', [0, 1]],
    ['H5', 'مدرســـة', 'مدرسة', [0, 8]],
    ['H6', '\u200Fغزة\u200F', 'غزه', [1, 4]],
    ['H7', '\u{1F1F5}\u{1F1F8} غزة', 'غزة', [5, 8]],
    ['H8', 'ا\u0654من', 'أمن', [0, 4]],
  ])('%s: find %s → %s', (_id, original, needle, [start, end]) => {
    expect(original.length).toBeGreaterThanOrEqual(end);
    expect(find(original, needle)).toEqual([{ start, end }]);
  });

  it('H1 has 13 UTF-16 units and H7 a 4-unit flag', () => {
    expect(H1.length).toBe(13);
    expect('\u{1F1F5}\u{1F1F8}'.length).toBe(4);
  });

  it('H9: the snippet highlights the whole matched token, harakat included', () => {
    const original = 'الحُكُومَةُ قالت';
    const candidates = new Set(expandQueryWord('حكومة', vocabularyOf(original)).map((c) => c.term));
    const hits = tokenize(original).filter((t) => candidates.has(t.norm));
    expect(hits.map((t) => original.slice(t.start, t.end))).toEqual(['الحُكُومَةُ']);
  });
});

describe('toOriginalRange', () => {
  it('maps an empty range to an empty range at the right place', () => {
    const n = normalize('قال مُحَمَّدٌ');
    expect(toOriginalRange(n, 4, 4)).toEqual({ start: 4, end: 4 });
    expect(toOriginalRange(n, n.text.length, n.text.length)).toEqual({ start: 13, end: 13 });
    expect(toOriginalRange(normalize(''), 0, 0)).toEqual({ start: 0, end: 0 });
  });

  it('clamps out-of-range input', () => {
    const n = normalize('حمص');
    expect(toOriginalRange(n, -5, 99)).toEqual({ start: 0, end: 3 });
  });

  it('gives a leading mark (after a separator) to the next letter', () => {
    const n = normalize('قال \u064Eمحمد');
    expect(n.text).toBe('قال محمد');
    expect(toOriginalRange(n, 4, 8)).toEqual({ start: 4, end: 9 });
  });

  it('extends a whole ligature over the mark that follows it', () => {
    const original = '\uFEFB\u064E';
    const n = normalize(original);
    expect(n.text).toBe('لا');
    expect(toOriginalRange(n, 0, 1)).toEqual({ start: 0, end: 2 });
    expect(toOriginalRange(n, 1, 2)).toEqual({ start: 0, end: 2 });
  });

  it('round-trips every token of the seed article', () => {
    const n = normalize(SEED_ARTICLE);
    for (const token of tokenize(SEED_ARTICLE)) {
      expect(normalizeForSearch(SEED_ARTICLE.slice(token.start, token.end))).toBe(token.norm);
    }
    expect(find(SEED_ARTICLE, 'حمص').length).toBe(normalize(SEED_ARTICLE).text.split('حمص').length - 1);
    for (const hit of find(SEED_ARTICLE, 'حمص')) expect(SEED_ARTICLE.slice(hit.start, hit.end)).toBe('حمص');
    expect(n.text.length).toBeLessThanOrEqual(SEED_ARTICLE.length);
  });
});

// Characters that exercise every path of the normalizer: letters, marks (before
// and after letters), hamza marks, tatweel, invisibles, ligatures and other
// expansions, digits, separators, surrogate pairs and lone surrogates.
const PIECES = [
  'ا', 'ب', 'ت', 'ح', 'س', 'ل', 'م', 'و', 'ي', 'ى', 'ة', 'ه', 'ء', 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ٱ', '\u06A9', '\u06CC',
  '\u064B', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670', '\u06D6', '\u0653', '\u0654', '\u0655',
  '\u0640', '\u200C', '\u200D', '\u200F', '\u202B', '\u2066', '\uFEFF', '\u00AD',
  '\uFEFB', '\uFEF7', '\uFEB3', '\uFE85', '\uFDF2', '\uFE70', '\uFC5E',
  '٢', '۴', '5', ' ', '  ', '،', '؟', '.', '\n', '-', '«', '»', '\u06DD',
  'A', 'é', 'e\u0301', 'İ', 'ß', '\u{1F1F5}', '\u{1F600}', '\u{1D400}', '\uD800', '\uDC00',
  'على', 'إلى', 'فى',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

// What the normalizer attaches to the previous letter: if one of these follows a
// highlight that ends on a letter, the highlight has split a letter from its marks.
const ATTACHABLE = /^[\p{M}\u0640\u06E5\u06E6\uFE70-\uFE7F\uFC5E-\uFC63]/u;

const isHigh = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;
const splitsSurrogate = (s: string, at: number): boolean =>
  at > 0 && at < s.length && isHigh(s.charCodeAt(at - 1)) && isLow(s.charCodeAt(at));

/** Normalized [start, end) of each token (maximal non-space run). */
function normalizedTokens(n: Normalized): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /[^ ]+/gu;
  for (let m = re.exec(n.text); m; m = re.exec(n.text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

describe('offset map properties (fast-check)', () => {
  it('every span lies inside the original, is non-empty, and start and end never decrease', () => {
    fc.assert(
      fc.property(text, (original) => {
        const n = normalize(original);
        expect(n.start.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i += 1) {
          expect(n.start[i]).toBeGreaterThanOrEqual(0);
          expect(n.start[i]).toBeLessThan(n.end[i]);
          expect(n.end[i]).toBeLessThanOrEqual(original.length);
          if (i > 0) {
            expect(n.start[i]).toBeGreaterThanOrEqual(n.start[i - 1]);
            expect(n.end[i]).toBeGreaterThanOrEqual(n.end[i - 1]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('holds on arbitrary Unicode too (including unpaired surrogates)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (original) => {
        const n = normalize(original);
        for (let i = 0; i < n.text.length; i += 1) {
          expect(n.start[i]).toBeLessThan(n.end[i]);
          expect(n.end[i]).toBeLessThanOrEqual(original.length);
          if (i > 0) expect(n.start[i]).toBeGreaterThanOrEqual(n.start[i - 1]);
        }
        expect(normalizeForSearch(n.text)).toBe(n.text);
      }),
      { numRuns: 500 },
    );
  });

  it('toOriginalRange stays inside the original and never splits a letter from its marks or a surrogate pair', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (original, x, y) => {
        const n = normalize(original);
        const len = n.text.length;
        const a = len === 0 ? 0 : x % (len + 1);
        const b = len === 0 ? 0 : a + (y % (len - a + 1));
        const range = toOriginalRange(n, a, b);
        expect(range.start).toBeGreaterThanOrEqual(0);
        expect(range.start).toBeLessThanOrEqual(range.end);
        expect(range.end).toBeLessThanOrEqual(original.length);
        expect(splitsSurrogate(original, range.start)).toBe(false);
        expect(splitsSurrogate(original, range.end)).toBe(false);
        if (b > a && n.text[b - 1] !== ' ') {
          expect(ATTACHABLE.test(original.slice(range.end))).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('re-normalizing the original of a token-boundary range gives the normalized slice', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (original, x, y) => {
        const n = normalize(original);
        const tokens = normalizedTokens(n);
        if (tokens.length === 0) return;
        const first = x % tokens.length;
        const last = first + (y % (tokens.length - first));
        const [a] = tokens[first];
        const [, b] = tokens[last];
        const range = toOriginalRange(n, a, b);
        // A glyph that expands to several words (none in PIECES) cannot be cut at a token boundary.
        expect(normalizeForSearch(original.slice(range.start, range.end))).toBe(n.text.slice(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('normalization is idempotent', () => {
    fc.assert(
      fc.property(text, (original) => {
        const once = normalizeForSearch(original);
        expect(normalizeForSearch(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('the seed article with random marks sprinkled in keeps the same tokens', () => {
    const words = SEED_ARTICLE.split(/\s+/u).filter((w) => w.length > 0).slice(0, 60);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('', '\u064E', '\u0651\u064F', '\u0640', '\u200C', '\u0670'), {
          minLength: 200,
          maxLength: 200,
        }),
        (marks) => {
          let k = 0;
          const voweled = words
            .map((w) => [...w].map((ch) => ch + (/\p{L}/u.test(ch) ? marks[k++ % marks.length] : '')).join(''))
            .join(' ');
          const plain = words.join(' ');
          expect(tokenize(voweled).map((t) => t.norm)).toEqual(tokenize(plain).map((t) => t.norm));
          for (const token of tokenize(voweled)) {
            expect(normalizeForSearch(voweled.slice(token.start, token.end))).toBe(token.norm);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
