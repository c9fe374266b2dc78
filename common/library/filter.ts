/**
 * Library filters (issue 10): the filter box (words folded like search, each a
 * substring of title, source, author or tags, so it narrows as you type) and the
 * facet selections, compiled once per query into predicates over entries.
 */
import type { LibraryFilters } from '../types/library.js';
import { foldText, stripArticle } from './collation.js';
import { type FoldCache, haystackOf, type LibraryEntry } from './entry.js';

export type EntryTest = (entry: LibraryEntry) => boolean;

/** The facet dimensions, in the order facet counting refers to them. */
export const FACET_DIMENSIONS = ['tags', 'sources', 'authors', 'years', 'status', 'hasHighlights'] as const;
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

export interface CompiledFilters {
  /** Null when there is no filter text. */
  text: EntryTest | null;
  /** One test per dimension that has a selection (null: no selection). */
  facets: Record<FacetDimension, EntryTest | null>;
}

/** The filter text as folded words; a leading ال is dropped so «المعارضة» finds «معارضة» too. */
export function filterWords(text: string | undefined): string[] {
  if (!text) return [];
  return foldText(text)
    .split(' ')
    .filter(Boolean)
    .map(stripArticle);
}

export function compileFilters(filters: LibraryFilters, folds: FoldCache): CompiledFilters {
  const words = filterWords(filters.text);
  const text: EntryTest | null =
    words.length === 0
      ? null
      : (entry) => {
          const haystack = haystackOf(entry);
          for (const word of words) if (!haystack.includes(word)) return false;
          return true;
        };
  const keySet = (values: readonly string[] | undefined) => (values && values.length > 0 ? new Set(values.map((value) => folds.fold(value))) : null);
  const tags = filters.tags && filters.tags.length > 0 ? [...new Set(filters.tags.map((tag) => folds.fold(tag)))] : null;
  const sources = keySet(filters.sources);
  const authors = keySet(filters.authors);
  const years = filters.years && filters.years.length > 0 ? new Set(filters.years) : null;
  const status = filters.status && filters.status.length > 0 ? new Set(filters.status) : null;
  const hasHighlights = filters.hasHighlights;
  return {
    text,
    facets: {
      tags: tags ? (entry) => tags.every((tag) => entry.tagKeys.includes(tag)) : null,
      sources: sources ? (entry) => sources.has(entry.sourceKey) : null,
      authors: authors ? (entry) => authors.has(entry.authorKey) : null,
      years: years ? (entry) => years.has(entry.year) : null,
      status: status ? (entry) => status.has(entry.status) : null,
      hasHighlights: hasHighlights === undefined ? null : (entry) => entry.highlightCount > 0 === hasHighlights,
    },
  };
}

/** Entries that pass every filter. */
export function applyFilters(entries: readonly LibraryEntry[], compiled: CompiledFilters): LibraryEntry[] {
  const tests = [compiled.text, ...FACET_DIMENSIONS.map((dimension) => compiled.facets[dimension])].filter((test): test is EntryTest => test !== null);
  if (tests.length === 0) return [...entries];
  return entries.filter((entry) => tests.every((test) => test(entry)));
}
