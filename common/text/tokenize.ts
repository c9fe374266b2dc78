/**
 * Surface tokens for the index and for snippets: maximal runs of letters and
 * digits in the normalized text (arabic-search.md §2.1 step 6), each with its span
 * in the ORIGINAL text. Because normalization already deleted marks, tatweel and
 * zero-width characters and turned every separator (، ؛ ؟ « » included) into one
 * space, a token is simply a run of non-spaces, and a diacritic can never split a word.
 */
import { normalize, type Normalized } from './arabic.js';

export interface Token {
  /** The normalized surface form: the index term. */
  norm: string;
  /** UTF-16 offsets in the original text, end exclusive; trailing marks included. */
  start: number;
  end: number;
}

const SPACE = 0x20;

/** Tokens of an already normalized text (lets a caller reuse one `normalize` for tokens and highlights). */
export function tokensOf(n: Normalized): Token[] {
  const text = n.text;
  const tokens: Token[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    if (text.charCodeAt(i) === SPACE) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < len && text.charCodeAt(j) !== SPACE) j += 1;
    tokens.push({ norm: text.slice(i, j), start: n.start[i], end: n.end[j - 1] });
    i = j;
  }
  return tokens;
}

/** Normalized surface tokens of an original text, with original offsets. */
export function tokenize(original: string): Token[] {
  return tokensOf(normalize(original));
}
