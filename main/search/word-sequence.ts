/**
 * The word sequence of a document: one 16-bit hash per token, in order (canonical
 * text, a 0 separator, then title/tags/highlights/notes), stored with its text. The
 * postings hold no positions, so a quoted phrase is checked against this sequence
 * first — a couple of bytes per word, no normalization — and only the few documents
 * that pass are re-tokenized to confirm the phrase and place its highlights. A hash
 * collision can only let a document through to that confirmation, never drop one.
 */

export const SEPARATOR = 0;

/** 16-bit FNV-1a of a normalized term; never 0 (the separator). */
export function wordHash(norm: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < norm.length; i += 1) h = Math.imul(h ^ norm.charCodeAt(i), 0x01000193);
  const folded = (h ^ (h >>> 16)) & 0xffff;
  return folded === SEPARATOR ? 1 : folded;
}

/** Writes `sequence` as little-endian 16-bit values into `out` at `at`; returns the end. */
export function writeSequence(sequence: ArrayLike<number>, out: Uint8Array, at: number): number {
  let p = at;
  for (let i = 0; i < sequence.length; i += 1) {
    out[p++] = sequence[i]! & 0xff;
    out[p++] = sequence[i]! >>> 8;
  }
  return p;
}

/** A membership table over all 16-bit hashes: table[h] === 1 when hash h is accepted. */
export function acceptTable(hashes: readonly number[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const h of hashes) table[h] = 1;
  return table;
}

/**
 * Whether the word hashes in bytes[from, to) may hold the phrase: consecutive words
 * accepted by `accept[0]`, `accept[1]`, … (each table lists the forms a phrase word
 * may take, e.g. the first word with an attached proclitic).
 */
export function mayContain(bytes: Uint8Array, from: number, to: number, accept: readonly Uint8Array[]): boolean {
  const n = (to - from) >> 1;
  const k = accept.length;
  if (k === 0) return true;
  const first = accept[0]!;
  outer: for (let i = 0; i + k <= n; i += 1) {
    let p = from + 2 * i;
    if (first[bytes[p]! | (bytes[p + 1]! << 8)] !== 1) continue;
    for (let j = 1; j < k; j += 1) {
      p += 2;
      if (accept[j]![bytes[p]! | (bytes[p + 1]! << 8)] !== 1) continue outer;
    }
    return true;
  }
  return false;
}
