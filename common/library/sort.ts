/**
 * Library sorting (issue 10): by title, source or author in Arabic order (their
 * collation keys compare as plain strings, see collation.ts), or by published
 * date, date added, words, highlights, last read or when it went to the trash. Articles without the value
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
    case 'trashed':
      return { kind: 'number', of: (entry) => (entry.meta.trashedAt === null ? Number.NaN : Date.parse(entry.meta.trashedAt)) };
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

/**
 * The first four code units of a key as one number that orders like them (0 past the end, so a
 * shorter key comes first). A code too large to fit ends the prefix there, so keys that differ
 * only after it get equal prefixes and are compared as strings.
 */
function prefixNumber(key: string): number {
  let value = 0;
  let open = true;
  for (let i = 0; i < 4; i += 1) {
    let digit = 0;
    if (open && i < key.length) {
      digit = key.charCodeAt(i) + 1;
      if (digit >= 2047) {
        digit = 2047;
        open = false;
      }
    }
    value = value * 2048 + digit;
  }
  return value;
}

/**
 * A new array of the entries in the requested order: the keys are read once into
 * arrays and indices are sorted over them (the same order as entryComparator).
 */
export function sortEntries(entries: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
  const n = entries.length;
  const key = sortKey(sort.field);
  const sign = sort.direction === 'desc' ? -1 : 1;
  const titles = new Array<string>(n);
  const added = new Float64Array(n);
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i += 1) {
    const entry = entries[i] as LibraryEntry;
    added[i] = entry.addedTime;
    ids[i] = entry.meta.id;
  }
  const needsTitles = key.kind === 'text' || sort.field !== 'added';
  const titlePrefixes = new Float64Array(needsTitles ? n : 0);
  if (needsTitles) {
    for (let i = 0; i < n; i += 1) {
      titles[i] = titleKeyOf(entries[i] as LibraryEntry);
      titlePrefixes[i] = prefixNumber(titles[i] as string);
    }
  }
  const tieBreak = (a: number, b: number): number => {
    if (sort.field !== 'title' && needsTitles) {
      const pa = titlePrefixes[a] as number;
      const pb = titlePrefixes[b] as number;
      if (pa !== pb) return pa < pb ? -1 : 1;
      const ta = titles[a] as string;
      const tb = titles[b] as string;
      if (ta !== tb) return ta < tb ? -1 : 1;
    } else if (sort.field !== 'title') {
      const ta = titleKeyOf(entries[a] as LibraryEntry);
      const tb = titleKeyOf(entries[b] as LibraryEntry);
      if (ta !== tb) return ta < tb ? -1 : 1;
    }
    const aa = added[a] as number;
    const ab = added[b] as number;
    if (aa !== ab) return ab - aa;
    const ia = ids[a] as string;
    const ib = ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  if (key.kind === 'text') {
    const keys = sort.field === 'title' ? titles : entries.map(key.of);
    // Most comparisons are settled by the first four characters read as one number; only equal
    // prefixes compare the strings (a string comparison costs several times a number's).
    const prefixes = sort.field === 'title' ? titlePrefixes : new Float64Array(n);
    if (sort.field !== 'title') for (let i = 0; i < n; i += 1) prefixes[i] = prefixNumber(keys[i] as string);
    order.sort((a, b) => {
      const ka = keys[a] as string;
      const kb = keys[b] as string;
      if (ka !== kb) {
        if (ka === '' || kb === '') return ka === '' ? 1 : -1;
        const pa = prefixes[a] as number;
        const pb = prefixes[b] as number;
        if (pa !== pb) return (pa < pb ? -1 : 1) * sign;
        return (ka < kb ? -1 : 1) * sign;
      }
      return tieBreak(a, b);
    });
  } else {
    const keys = new Float64Array(n);
    // Missing values last in either direction: +Infinity after the sign is applied.
    for (let i = 0; i < n; i += 1) {
      const value = key.of(entries[i] as LibraryEntry);
      keys[i] = Number.isNaN(value) ? Number.POSITIVE_INFINITY : value * sign;
    }
    order.sort((a, b) => {
      const ka = keys[a] as number;
      const kb = keys[b] as number;
      if (ka !== kb) return ka < kb ? -1 : 1;
      return tieBreak(a, b);
    });
  }
  const sorted = new Array<LibraryEntry>(n);
  for (let i = 0; i < n; i += 1) sorted[i] = entries[order[i] as number] as LibraryEntry;
  return sorted;
}
