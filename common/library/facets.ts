/**
 * Facet counts for the library sidebar (issue 10). Disjunctive: each facet is
 * counted over the entries that pass the text and every other facet's selection,
 * so choosing one source still shows how many articles the other sources hold.
 * One pass: an entry failing exactly one facet counts only for that facet.
 */
import type { FacetCount, LibraryFacets } from '../api.js';
import { READING_STATUSES, type LibraryFilters } from '../types/library.js';
import { keyCollator } from './collation.js';
import type { LibraryEntry } from './entry.js';
import { type CompiledFilters, FACET_DIMENSIONS } from './filter.js';

/** Values listed per facet (most frequent first); selected values are always listed. */
export const FACET_LIMIT = 200;

class Counter {
  /** Folded key → [shown spelling, count]. */
  readonly counts = new Map<string, { value: string; count: number }>();

  add(key: string, value: string): void {
    const current = this.counts.get(key);
    if (current) current.count += 1;
    else this.counts.set(key, { value, count: 1 });
  }

  top(selected: ReadonlySet<string>, order: 'count' | 'value-desc'): FacetCount[] {
    const all = [...this.counts.entries()];
    if (order === 'value-desc') all.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
    else all.sort((a, b) => b[1].count - a[1].count || keyCollator.compare(a[1].value, b[1].value));
    const kept = all.slice(0, FACET_LIMIT);
    for (const entry of all.slice(FACET_LIMIT)) if (selected.has(entry[0])) kept.push(entry);
    return kept.map(([, { value, count }]) => ({ value, count }));
  }
}

export function countFacets(
  entries: readonly LibraryEntry[],
  compiled: CompiledFilters,
  filters: LibraryFilters,
  fold: (value: string) => string,
): LibraryFacets {
  const tags = new Counter();
  const sources = new Counter();
  const authors = new Counter();
  const years = new Counter();
  const status = new Map<string, number>(READING_STATUSES.map((value) => [value, 0]));
  const highlights = { with: 0, without: 0 };
  const tests = FACET_DIMENSIONS.map((dimension) => compiled.facets[dimension]);
  const count = (entry: LibraryEntry, dimension: number) => {
    switch (dimension) {
      case 0:
        entry.meta.tags.forEach((tag, i) => tags.add(entry.tagKeys[i] as string, tag));
        break;
      case 1:
        if (entry.sourceKey) sources.add(entry.sourceKey, entry.meta.source);
        break;
      case 2:
        if (entry.authorKey) authors.add(entry.authorKey, entry.meta.author);
        break;
      case 3:
        years.add(entry.year, entry.year);
        break;
      case 4:
        status.set(entry.status, (status.get(entry.status) ?? 0) + 1);
        break;
      default:
        if (entry.highlightCount > 0) highlights.with += 1;
        else highlights.without += 1;
    }
  };
  for (const entry of entries) {
    if (compiled.text && !compiled.text(entry)) continue;
    let failed = -1;
    let failures = 0;
    for (let d = 0; d < tests.length && failures < 2; d += 1) {
      const test = tests[d];
      if (test && !test(entry)) {
        failed = d;
        failures += 1;
      }
    }
    if (failures === 0) for (let d = 0; d < tests.length; d += 1) count(entry, d);
    else if (failures === 1) count(entry, failed);
  }
  const selected = (values: readonly string[] | undefined) => new Set((values ?? []).map(fold));
  return {
    tags: tags.top(selected(filters.tags), 'count'),
    sources: sources.top(selected(filters.sources), 'count'),
    authors: authors.top(selected(filters.authors), 'count'),
    years: years.top(new Set(filters.years ?? []), 'value-desc'),
    status: READING_STATUSES.map((value) => ({ value, count: status.get(value) ?? 0 })),
    hasHighlights: highlights,
  };
}
