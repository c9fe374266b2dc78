/**
 * Library sorting (issue 10): by title, source or author in Arabic order (their
 * collation keys compare as plain strings, see collation.ts), or by published
 * date, date added, words, highlights or last read. Articles without the value
 * (no source, undated, never read) come last in either direction; ties fall back
 * to the title, then the newest added, then the id — a total order, so a sorted
 * list can be kept up to date by merging the few entries that changed (order.ts).
 */
import type { LibrarySort } from '../types/library.js';
import { type LibraryEntry, titleKeyOf } from './entry.js';

function publishedNumber(published: string | null): number {
  if (!published) return Number.NaN;
  return Number(published.slice(0, 4)) * 10_000 + Number(published.slice(5, 7)) * 100 + Number(published.slice(8, 10));
}

type SortKey = { kind: 'text'; of: (entry: LibraryEntry) => string } | { kind: 'number'; of: (entry: LibraryEntry) => number };

/** What an entry sorts by for a field: a collation key ("" when missing) or a number (NaN when missing). */
export function sortKey(field: LibrarySort['field']): SortKey {
  switch (field) {
    case 'title':
      return { kind: 'text', of: titleKeyOf };
    case 'source':
      return { kind: 'text', of: (entry) => entry.sourceKeySort };
    case 'author':
      return { kind: 'text', of: (entry) => entry.authorKeySort };
    case 'published':
      return { kind: 'number', of: (entry) => publishedNumber(entry.meta.published) };
    case 'added':
      return { kind: 'number', of: (entry) => entry.addedTime };
    case 'words':
      return { kind: 'number', of: (entry) => entry.meta.wordCount };
    case 'highlights':
      return { kind: 'number', of: (entry) => entry.highlightCount };
    case 'lastRead':
      return { kind: 'number', of: (entry) => entry.lastReadTime };
  }
}

/** The comparison every library order follows (see the header). */
export function entryComparator(sort: LibrarySort): (a: LibraryEntry, b: LibraryEntry) => number {
  const key = sortKey(sort.field);
  const sign = sort.direction === 'desc' ? -1 : 1;
  const primary =
    key.kind === 'text'
      ? (a: LibraryEntry, b: LibraryEntry) => {
          const ka = key.of(a);
          const kb = key.of(b);
          if (ka === kb) return 0;
          if (ka === '' || kb === '') return ka === '' ? 1 : -1;
          return (ka < kb ? -1 : 1) * sign;
        }
      : (a: LibraryEntry, b: LibraryEntry) => {
          const ka = key.of(a);
          const kb = key.of(b);
          const missingA = Number.isNaN(ka);
          const missingB = Number.isNaN(kb);
          if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
          return ka === kb ? 0 : (ka < kb ? -1 : 1) * sign;
        };
  return (a, b) => {
    const first = primary(a, b);
    if (first !== 0) return first;
    if (sort.field !== 'title') {
      const ta = titleKeyOf(a);
      const tb = titleKeyOf(b);
      if (ta !== tb) return ta < tb ? -1 : 1;
    }
    if (a.addedTime !== b.addedTime) return b.addedTime - a.addedTime;
    return a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0;
  };
}

/** A new array of the entries in the requested order. */
export function sortEntries(entries: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
  // Title keys are folded on first use and cached on the entry, so ties only cost their first comparison.
  return [...entries].sort(entryComparator(sort));
}
