/**
 * Text folding for duplicate detection and word counts. Deliberately smaller and
 * more stable than the search analyzer: a content hash must not change when the
 * search normalization is tuned, or every archive would "forget" its duplicates.
 */

// Arabic harakat, Quranic annotation marks, dagger alef, tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Zero-width characters, bidi embeddings/isolates and the BOM: invisible, carry no words.
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Folds a text so that two copies differing only in marks, spacing or presentation forms compare equal. */
export function fingerprintText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ARABIC_MARKS, '')
    .replace(INVISIBLES, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;

/** Counts words: runs of letters and digits, with diacritics and tatweel kept inside the word. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count += 1;
  return count;
}
