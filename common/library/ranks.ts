/**
 * Collation ranks: the position of every key in collated order, so that sorting
 * 50,000 rows compares numbers instead of calling Intl.Collator a million times.
 * New keys are inserted between their neighbours (a fractional rank); a batch of
 * many new keys is sorted once and merged. Keys are never removed (a stale key
 * only costs a map entry).
 */
import { keyCollator } from './collation.js';

/** Below this many new keys, insert one by one; above, sort the batch and merge. */
const MERGE_THRESHOLD = 64;
const GAP = 1024;

export class RankTable {
  private sorted: string[] = [];
  private readonly ranks = new Map<string, number>();

  constructor(private readonly compare: (a: string, b: string) => number = keyCollator.compare) {}

  get size(): number {
    return this.sorted.length;
  }

  /** The rank of a key already known (call ensure() first for new ones). */
  rankOf(key: string): number {
    return this.ranks.get(key) ?? Number.NaN;
  }

  /** Makes sure every key has a rank. */
  ensure(keys: Iterable<string>): void {
    const missing = new Set<string>();
    for (const key of keys) if (!this.ranks.has(key)) missing.add(key);
    if (missing.size === 0) return;
    if (missing.size > MERGE_THRESHOLD) this.merge([...missing]);
    else for (const key of missing) this.insert(key);
  }

  private insert(key: string): void {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.sorted[mid] as string, key) <= 0) low = mid + 1;
      else high = mid;
    }
    const before = low > 0 ? (this.sorted[low - 1] as string) : null;
    if (before !== null && this.compare(before, key) === 0) {
      // Equal under the collator (e.g. differs only in case): the same rank.
      this.sorted.splice(low, 0, key);
      this.ranks.set(key, this.ranks.get(before) as number);
      return;
    }
    const previous = before === null ? 0 : (this.ranks.get(before) as number);
    const next = low < this.sorted.length ? (this.ranks.get(this.sorted[low] as string) as number) : previous + 2 * GAP;
    const rank = (previous + next) / 2;
    this.sorted.splice(low, 0, key);
    if (rank <= previous || rank >= next) this.renumber();
    else this.ranks.set(key, rank);
  }

  private merge(added: string[]): void {
    added.sort(this.compare);
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < this.sorted.length || j < added.length) {
      if (j >= added.length || (i < this.sorted.length && this.compare(this.sorted[i] as string, added[j] as string) <= 0)) merged.push(this.sorted[i++] as string);
      else merged.push(added[j++] as string);
    }
    this.sorted = merged;
    this.renumber();
  }

  private renumber(): void {
    let rank = GAP;
    for (let i = 0; i < this.sorted.length; i += 1) {
      const key = this.sorted[i] as string;
      if (i > 0 && this.compare(this.sorted[i - 1] as string, key) !== 0) rank += GAP;
      this.ranks.set(key, rank);
    }
  }
}
