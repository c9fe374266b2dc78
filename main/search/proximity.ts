/**
 * Proximity and phrase bonus for unquoted queries (issue 9 item 5): among the
 * best-scored documents, those where the query words stand together — adjacent
 * and in the typed order best — move up, and so do those holding the words in
 * the very form typed rather than through a clitic or inflected variant. Read from each document's stored word
 * sequence (16-bit hashes, word-sequence.ts): no re-tokenizing. A hash collision
 * can only award a small undeserved bonus, never drop a document.
 */
import { wordHash } from './word-sequence.js';

/** Weight of the share of consecutive query-word pairs found adjacent and in order. */
const ADJACENT_BONUS = 1;
/** All matched words within a window of about two words each, or four. */
const TIGHT_BONUS = 0.3;
const NEAR_BONUS = 0.15;
/** Candidate weights from this up count as the word as typed (query-expansion TIER_WEIGHTS: exact 1, variant and reading 0.9). */
const AS_TYPED = 0.9;

/** hash → bit mask of the query words with a candidate of that hash (any tier, and the word's exact form). */
export interface WordMasks {
  any: Map<number, number>;
  exact: Map<number, number>;
}

export function wordMasks(words: ReadonlyArray<{ terms: ReadonlyMap<string, number> }>): WordMasks {
  const any = new Map<number, number>();
  const exact = new Map<number, number>();
  words.forEach((word, w) => {
    if (w >= 31) return;
    for (const [term, weight] of word.terms) {
      const h = wordHash(term);
      any.set(h, (any.get(h) ?? 0) | (1 << w));
      // As typed: the word itself, a function word's other ي/ى spelling, or the base of an unwritten glued form.
      if (weight >= AS_TYPED) exact.set(h, (exact.get(h) ?? 0) | (1 << w));
    }
  });
  return { any, exact };
}

/**
 * The bonus (a factor ≥ 0 to add to 1) for the word sequence bytes[from, to)
 * and a query of `wordCount` words; 0 for one-word queries.
 */
export function proximityBonus(bytes: Uint8Array, from: number, to: number, maps: WordMasks, wordCount: number): number {
  const masks = maps.any;
  const m = Math.min(wordCount, 31);
  if (m < 2) return 0;
  const positions: number[] = [];
  const posMasks: number[] = [];
  let pairs = 0;
  let exactPairs = 0;
  let previous = 0;
  let previousExact = 0;
  for (let p = from, i = 0; p + 1 < to; p += 2, i += 1) {
    const h = bytes[p]! | (bytes[p + 1]! << 8);
    const mask = masks.get(h) ?? 0;
    const exact = mask === 0 ? 0 : (maps.exact.get(h) ?? 0);
    if (mask !== 0) {
      positions.push(i);
      posMasks.push(mask);
      // Word k here right after word k−1 there: an adjacent, in-order pair (as typed counts most).
      pairs |= previous & (mask >>> 1);
      exactPairs |= previousExact & (exact >>> 1);
    }
    previous = mask;
    previousExact = exact;
  }
  if (positions.length === 0) return 0;
  let pairCount = 0;
  for (let k = 0; k < m - 1; k += 1) if (exactPairs & (1 << k)) pairCount += 1;
  else if (pairs & (1 << k)) pairCount += 0.5;
  // Smallest window holding every word the document has (two pointers).
  let all = 0;
  for (const mask of posMasks) all |= mask;
  const need = popcount(all);
  const counts = new Int32Array(m);
  let have = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < positions.length; right += 1) {
    for (let k = 0; k < m; k += 1) if (posMasks[right]! & (1 << k) && counts[k]++ === 0) have += 1;
    while (have === need) {
      best = Math.min(best, positions[right]! - positions[left]! + 1);
      for (let k = 0; k < m; k += 1) if (posMasks[left]! & (1 << k) && --counts[k]! === 0) have -= 1;
      left += 1;
    }
  }
  const spread = need < 2 ? 0 : best <= 2 * need ? TIGHT_BONUS : best <= 4 * need + 4 ? NEAR_BONUS : 0;
  return (ADJACENT_BONUS * pairCount) / (m - 1) + (spread * need) / m;
}

/** Share of the query's words the sequence holds in the form typed (exact tier): exact > folded-away variants > clitic > inflection. */
export function exactShare(bytes: Uint8Array, from: number, to: number, maps: WordMasks, wordCount: number): number {
  const m = Math.min(wordCount, 31);
  if (m === 0) return 0;
  let seen = 0;
  for (let p = from; p + 1 < to; p += 2) seen |= maps.exact.get(bytes[p]! | (bytes[p + 1]! << 8)) ?? 0;
  let n = 0;
  for (let k = 0; k < m; k += 1) if (seen & (1 << k)) n += 1;
  return n / m;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n += 1;
  return n;
}
