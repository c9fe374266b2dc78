/**
 * Library sorting (issue 10): by title, source or author in Arabic collation
 * (through RankTable ranks, so 50,000 rows sort by number), or by published date,
 * date added, words, highlights or last read. Articles without the value (no
 * source, undated, never read) come last in either direction; ties fall back to
 * the title, then the date added.
 */
import type { LibrarySort, LibrarySortField } from '../types/library.js';
import { type LibraryEntry, titleKeyOf } from './entry.js';
import { RankTable } from './ranks.js';

/** Collation ranks of titles, sources and authors, kept between queries. */
export class LibraryRanks {
  readonly titles = new RankTable();
  readonly sources = new RankTable();
  readonly authors = new RankTable();
}

function publishedNumber(published: string | null): number {
  if (!published) return Number.NaN;
  return Number(published.slice(0, 4)) * 10_000 + Number(published.slice(5, 7)) * 100 + Number(published.slice(8, 10));
}

/** The number an entry sorts by for `field`; NaN when it has no value. */
function keyFunction(field: LibrarySortField, entries: readonly LibraryEntry[], ranks: LibraryRanks): (entry: LibraryEntry) => number {
  switch (field) {
    case 'title':
      ranks.titles.ensure(entries.map(titleKeyOf));
      return (entry) => ranks.titles.rankOf(titleKeyOf(entry));
    case 'source':
      ranks.sources.ensure(entries.map((entry) => entry.sourceKeySort));
      return (entry) => (entry.sourceKeySort ? ranks.sources.rankOf(entry.sourceKeySort) : Number.NaN);
    case 'author':
      ranks.authors.ensure(entries.map((entry) => entry.authorKeySort));
      return (entry) => (entry.authorKeySort ? ranks.authors.rankOf(entry.authorKeySort) : Number.NaN);
    case 'published':
      return (entry) => publishedNumber(entry.meta.published);
    case 'added':
      return (entry) => entry.addedTime;
    case 'words':
      return (entry) => entry.meta.wordCount;
    case 'highlights':
      return (entry) => entry.highlightCount;
    case 'lastRead':
      return (entry) => entry.lastReadTime;
  }
}

/** A new array of the entries in the requested order. */
export function sortEntries(entries: readonly LibraryEntry[], sort: LibrarySort, ranks: LibraryRanks): LibraryEntry[] {
  const n = entries.length;
  const primary = keyFunction(sort.field, entries, ranks);
  const title = sort.field === 'title' ? null : keyFunction('title', entries, ranks);
  const keys = new Float64Array(n);
  const ties = new Float64Array(n);
  const added = new Float64Array(n);
  const sign = sort.direction === 'desc' ? -1 : 1;
  for (let i = 0; i < n; i += 1) {
    const entry = entries[i] as LibraryEntry;
    keys[i] = primary(entry);
    ties[i] = title ? title(entry) : 0;
    added[i] = entry.addedTime;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  order.sort((a, b) => {
    const ka = keys[a] as number;
    const kb = keys[b] as number;
    const missingA = Number.isNaN(ka);
    const missingB = Number.isNaN(kb);
    if (missingA !== missingB) return missingA ? 1 : -1;
    if (!missingA && ka !== kb) return (ka - kb) * sign;
    return (ties[a] as number) - (ties[b] as number) || (added[b] as number) - (added[a] as number) || a - b;
  });
  const sorted = new Array<LibraryEntry>(n);
  for (let i = 0; i < n; i += 1) sorted[i] = entries[order[i] as number] as LibraryEntry;
  return sorted;
}
