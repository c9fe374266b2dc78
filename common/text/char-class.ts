/**
 * Unicode general-category groups, one look-up per code point. The analyzer needs
 * only five groups (letter, number, mark, invisible format, separator); asking a
 * `\p{…}` regex per character would dominate normalization time, so each code
 * point is classified once and cached (a dense table for the BMP, a map above it).
 */

// Plain numeric constants rather than an enum: they inline under isolatedModules.
export const LETTER = 1;
export const NUMBER = 2;
/** Mn, Mc, Me: combining marks, deleted by the search normalizer. */
export const MARK = 3;
/** Cf: invisible format controls (zero-width, bidi, …). */
export const FORMAT = 4;
/** Z, P, S, Cc, Cs, Co, Cn: whitespace, punctuation, symbols, controls, unassigned. */
export const SEPARATOR = 5;
export type CharClass = typeof LETTER | typeof NUMBER | typeof MARK | typeof FORMAT | typeof SEPARATOR;

const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^\p{N}$/u;
const MARK_RE = /^\p{M}$/u;
const FORMAT_RE = /^\p{Cf}$/u;

// 0 means "not classified yet".
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, CharClass>();

function compute(cp: number): CharClass {
  // Lone surrogates are not characters; String.fromCodePoint would give an
  // unpaired half that no \p{…} class matches, which is what we want anyway.
  const ch = String.fromCodePoint(cp);
  if (LETTER_RE.test(ch)) return LETTER;
  if (NUMBER_RE.test(ch)) return NUMBER;
  if (MARK_RE.test(ch)) return MARK;
  if (FORMAT_RE.test(ch)) return FORMAT;
  return SEPARATOR;
}

/** The category group of a code point (cached after the first call). */
export function charClass(cp: number): CharClass {
  if (cp < 0x10000) {
    const cached = bmp[cp];
    if (cached !== 0) return cached as CharClass;
    const c = compute(cp);
    bmp[cp] = c;
    return c;
  }
  let c = astral.get(cp);
  if (c === undefined) {
    c = compute(cp);
    astral.set(cp, c);
  }
  return c;
}
