/**
 * What query expansion needs from the index: document frequencies, prefix
 * completions and fuzzy neighbours over the vocabulary of normalized terms. The
 * search engine implements it over its own term dictionary; SimpleVocabulary is
 * the brute-force version for tests and tiny archives.
 */

/** What the index offers the expansion: implemented by the search engine over its vocabulary. */
export interface Vocabulary {
  /** Number of documents containing the normalized term; 0 when absent. */
  docFrequency(term: string): number;
  /** Up to `limit` vocabulary terms starting with `prefix`, in any order. */
  termsWithPrefix(prefix: string, limit: number): Iterable<string>;
  /** Terms within `maxEdits` (Damerau–Levenshtein) of `term`; the caller filters further. */
  termsWithin(term: string, maxEdits: number): Iterable<string>;
  /** Arabic terms with this Latin consonant skeleton (latin-skeleton.ts); optional: without it Latin queries reach only Latin words. */
  termsWithSkeleton?(skeleton: string): Iterable<string>;
}
