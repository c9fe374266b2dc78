/**
 * Sorted orders kept between queries (issue 10), so scrolling, typing in the
 * filter box and clicking facets never sort 50,000 entries again: every listing
 * filters the cached order of the whole library (filtering keeps the order). When
 * metadata changes, the entries that changed are taken out and merged back in at
 * their place; only a change of much of the library sorts everything again.
 */
import type { LibrarySort } from '../types/library.js';
import { type LibraryEntry, nextEntrySeq } from './entry.js';
import { entryComparator, sortEntries } from './sort.js';

/** Orders kept: every field in both directions (16 arrays of references: ~6 MB at 50,000 articles). */
const KEPT = 16;
/** Above this share of changed entries, sort everything instead of merging. */
const RESORT_SHARE = 0.2;

interface CachedOrder {
  /** The universe it was built for (same array: nothing changed). */
  universe: readonly LibraryEntry[];
  order: LibraryEntry[];
  /** Entries made from here on are not in the order (a changed article gets a new entry). */
  nextSeq: number;
}

export class OrderCache {
  private readonly orders = new Map<string, CachedOrder>();
  private mark = 0;

  /** Every entry of `universe` (one per article) in `sort` order. */
  ordered(universe: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
    const key = `${sort.field}:${sort.direction}`;
    const cached = this.orders.get(key);
    let next: CachedOrder;
    if (cached && cached.universe === universe) next = cached;
    else if (cached) next = this.update(cached, universe, sort);
    else next = this.build(universe, sort);
    // Most recently used last; the least recently used goes first.
    this.orders.delete(key);
    this.orders.set(key, next);
    while (this.orders.size > KEPT) this.orders.delete(this.orders.keys().next().value as string);
    return next.order;
  }

  private build(universe: readonly LibraryEntry[], sort: LibrarySort): CachedOrder {
    const nextSeq = nextEntrySeq();
    return { universe, order: sortEntries(universe, sort), nextSeq };
  }

  private update(cached: CachedOrder, universe: readonly LibraryEntry[], sort: LibrarySort): CachedOrder {
    const nextSeq = nextEntrySeq();
    // Marks instead of Sets: identity hashing 50,000 objects costs more than the merge itself.
    const mark = ++this.mark;
    const changed: LibraryEntry[] = [];
    for (const entry of universe) {
      entry.mark = mark;
      if (entry.seq >= cached.nextSeq) changed.push(entry);
    }
    const kept = cached.order.filter((entry) => entry.mark === mark);
    if (changed.length + (cached.order.length - kept.length) > universe.length * RESORT_SHARE) return this.build(universe, sort);
    // Entries still current keep their relative order; each changed one goes in at its place, found by
    // binary search (k·log n comparisons instead of a pass over all n).
    const compare = entryComparator(sort);
    changed.sort(compare);
    const places = changed.map((entry) => {
      let low = 0;
      let high = kept.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compare(kept[middle] as LibraryEntry, entry) <= 0) low = middle + 1;
        else high = middle;
      }
      return low;
    });
    const order = new Array<LibraryEntry>(kept.length + changed.length);
    let k = 0;
    let from = 0;
    for (let j = 0; j < changed.length; j += 1) {
      const place = places[j] as number;
      while (from < place) order[k++] = kept[from++] as LibraryEntry;
      order[k++] = changed[j] as LibraryEntry;
    }
    while (from < kept.length) order[k++] = kept[from++] as LibraryEntry;
    return { universe, order, nextSeq };
  }
}
