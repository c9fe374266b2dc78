/**
 * The term dictionary: term ↔ id, live document frequency per term, and the
 * Vocabulary the query expander asks (document frequency, prefix lookup, edit-distance
 * lookup). Prefix and edit lookups run over one sorted array of the terms (binary
 * search; trie-like walk, see edit-walk.ts), with a parallel array of term ids so
 * frequencies are read without hashing. New terms wait in a small pending list and
 * are merged into the sorted array at the next lookup, so bulk indexing never pays
 * for re-sorting. Lookups are memoized until the vocabulary changes (type-ahead asks
 * the same words again at every keystroke).
 */
import type { Vocabulary } from '../../common/text/query-expansion.js';
import { editDistanceWithin, lowerBound, prefixEnd, walkWithin } from './edit-walk.js';
import { SkeletonIndex } from './skeleton-index.js';

/** Merge pending terms into the sorted array once there are more than this. */
const PENDING_SCAN_LIMIT = 256;
const CACHE_ENTRIES = 512;

export class TermDictionary implements Vocabulary {
  private readonly terms: string[];
  private readonly ids = new Map<string, number>();
  private df: Int32Array;
  private sorted: string[];
  private sortedIds: Int32Array;
  private pending: string[] = [];
  /** Bumped whenever the set of live terms changes; lookups cached under an older version are stale. */
  private version = 0;
  private cacheVersion = 0;
  private readonly cache = new Map<string, string[]>();
  private readonly skeletons = new SkeletonIndex((id) => this.terms[id]!, () => this.terms.length);

  /** `terms` must be distinct; `df[i]` is the live document frequency of `terms[i]`. */
  constructor(terms: string[] = [], df: Int32Array = new Int32Array(0), termsAreSorted = false) {
    this.terms = terms;
    for (let i = 0; i < terms.length; i += 1) this.ids.set(terms[i]!, i);
    this.df = new Int32Array(Math.max(1024, Math.ceil(terms.length * 1.25)));
    this.df.set(df.subarray(0, terms.length));
    if (termsAreSorted) {
      this.sorted = terms.slice();
      this.sortedIds = Int32Array.from(terms, (_, i) => i);
    } else {
      const order = Array.from(terms, (_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
      this.sorted = order.map((i) => terms[i]!);
      this.sortedIds = Int32Array.from(order);
    }
  }

  get size(): number {
    return this.terms.length;
  }

  idOf(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  termOf(id: number): string {
    return this.terms[id]!;
  }

  /** The id of `term`, adding it (with frequency 0) when new. */
  intern(term: string): number {
    const known = this.ids.get(term);
    if (known !== undefined) return known;
    const id = this.terms.length;
    this.terms.push(term);
    this.ids.set(term, id);
    this.pending.push(term);
    if (id >= this.df.length) {
      const grown = new Int32Array(this.df.length * 2);
      grown.set(this.df);
      this.df = grown;
    }
    return id;
  }

  dfOf(id: number): number {
    return this.df[id]!;
  }

  addDf(id: number, delta: number): void {
    const before = this.df[id]!;
    const after = before + delta;
    this.df[id] = after;
    // A term appearing or vanishing changes what lookups return.
    if ((before > 0) !== (after > 0)) this.version += 1;
  }

  docFrequency(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.df[id]!;
  }

  /** Live terms starting with `prefix`: the `limit` most frequent ones. */
  termsWithPrefix(prefix: string, limit: number): string[] {
    return this.cached(`p${limit}:${prefix}`, () => {
      if (this.pending.length > PENDING_SCAN_LIMIT) this.mergePending();
      const from = lowerBound(this.sorted, prefix);
      const to = prefixEnd(this.sorted, prefix, from);
      const live: number[] = [];
      for (let i = from; i < to; i += 1) if (this.df[this.sortedIds[i]!]! > 0) live.push(this.sortedIds[i]!);
      for (const term of this.pending) if (term.startsWith(prefix) && this.docFrequency(term) > 0) live.push(this.ids.get(term)!);
      if (live.length > limit) live.sort((a, b) => this.df[b]! - this.df[a]!).length = limit;
      return live.map((id) => this.terms[id]!);
    });
  }

  /** Live terms within `maxEdits` (Damerau–Levenshtein, adjacent swaps) of `term`. */
  termsWithin(term: string, maxEdits: number): string[] {
    return this.cached(`w${maxEdits}:${term}`, () => {
      if (this.pending.length > PENDING_SCAN_LIMIT) this.mergePending();
      const found: string[] = [];
      walkWithin(this.sorted, term, maxEdits, (index) => {
        if (this.df[this.sortedIds[index]!]! > 0) found.push(this.sorted[index]!);
      });
      for (const candidate of this.pending) {
        if (this.docFrequency(candidate) > 0 && editDistanceWithin(term, candidate, maxEdits) <= maxEdits) found.push(candidate);
      }
      return found;
    });
  }

  /** Live Arabic terms with this Latin consonant skeleton (cross-script search). */
  termsWithSkeleton(skeleton: string): string[] {
    const found: string[] = [];
    for (const id of this.skeletons.lookup(skeleton)) if (this.df[id]! > 0) found.push(this.terms[id]!);
    return found;
  }

  /** All terms in id order with their frequencies (for compaction and saving). */
  snapshot(): { terms: readonly string[]; df: Int32Array } {
    return { terms: this.terms, df: this.df.subarray(0, this.terms.length) };
  }

  private cached(key: string, compute: () => string[]): string[] {
    if (this.cacheVersion !== this.version || this.pending.length > 0) {
      // New or vanished terms: every memoized answer may be wrong now.
      this.cache.clear();
      this.cacheVersion = this.version;
    }
    const hit = this.cache.get(key);
    if (hit) return hit;
    const value = compute();
    if (this.pending.length === 0) {
      if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, value);
    }
    return value;
  }

  private mergePending(): void {
    if (this.pending.length === 0) return;
    const add = this.pending.sort();
    this.pending = [];
    const total = this.sorted.length + add.length;
    const merged = new Array<string>(total);
    const mergedIds = new Int32Array(total);
    let a = 0;
    let b = 0;
    let k = 0;
    while (a < this.sorted.length || b < add.length) {
      if (b >= add.length || (a < this.sorted.length && this.sorted[a]! < add[b]!)) {
        mergedIds[k] = this.sortedIds[a]!;
        merged[k++] = this.sorted[a++]!;
      } else {
        mergedIds[k] = this.ids.get(add[b]!)!;
        merged[k++] = add[b++]!;
      }
    }
    this.sorted = merged;
    this.sortedIds = mergedIds;
  }
}
