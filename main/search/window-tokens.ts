/**
 * Tokens of the snippet's passage only (speed): a result needs the matched words
 * of about thirty words of text, not the normalization of the whole article.
 * The passage is chosen on the stored word sequence (16-bit hashes, one per
 * token of the canonical text), located in the original text by a raw scan for
 * word runs, and only that slice is tokenized. Used only when the raw scan
 * provably lines up with the tokenizer (same number of words, and the slice
 * re-tokenizes to exactly the passage's words); otherwise the caller tokenizes
 * everything as before.
 */
import { type Token, tokenize } from '../../common/text/tokenize.js';
import type { WordMasks } from './proximity.js';
import { chooseWindow, type Hit } from './snippet.js';
import { SEPARATOR } from './word-sequence.js';

// A word as the tokenizer sees one: letters and digits, with the marks, tatweel and
// invisible joiners that normalization deletes inside it.
const RAW_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\p{Cf}\u0640]*/gu;

export interface WindowTokens {
  tokens: Token[];
  /** There is text before / after the slice (for the ellipses). */
  before: boolean;
  after: boolean;
}

/** The passage's tokens (offsets in `canonical`), or null when the fast path cannot be trusted. */
export function windowTokens(canonical: string, bytes: Uint8Array, from: number, to: number, masks: WordMasks, wordCount: number): WindowTokens | null {
  const hashes: number[] = [];
  for (let p = from; p + 1 < to; p += 2) {
    const h = bytes[p]! | (bytes[p + 1]! << 8);
    if (h === SEPARATOR) break;
    hashes.push(h);
  }
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of canonical.matchAll(RAW_WORD)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  if (starts.length !== hashes.length || hashes.length === 0) return null;
  const hits: Hit[] = [];
  hashes.forEach((h, token) => {
    const mask = masks.any.get(h);
    if (mask === undefined) return;
    const exact = masks.exact.get(h) ?? 0;
    for (let w = 0; w < 31; w += 1) if (mask & (1 << w)) hits.push({ token, word: w, weight: exact & (1 << w) ? 1 : 0.5 });
  });
  if (hits.length === 0) return null;
  const [first, last] = chooseWindow(hits, hashes.length, wordCount);
  const sliceStart = starts[first]!;
  const sliceEnd = ends[last - 1]!;
  const tokens = tokenize(canonical.slice(sliceStart, sliceEnd));
  if (tokens.length !== last - first) return null;
  for (const t of tokens) {
    t.start += sliceStart;
    t.end += sliceStart;
  }
  return { tokens, before: first > 0, after: last < hashes.length };
}
