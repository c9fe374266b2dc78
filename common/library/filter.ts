/**
 * Library filters (issue 10): the filter box (words folded like search, each a
 * substring of title, source, author or tags, so it narrows as you type) and the
 * facet selections, compiled once per query into predicates over entries.
 *
 * Punctuation is folded the same way on both sides: around a word — brackets,
 * quotes and guillemets, the Arabic comma, semicolon and question mark, dashes —
 * it is a space, so «(101)» or «101،» finds «رقم 101، …» and «الحلقة (101)».
 * Inside a word («U.S.A.», «O'Reilly», «2011–2024», «سوريا/حمص») the word is
 * found written either way: with the punctuation as spaces (the phrase "u s a")
 * or without it ("usa").
 */
import type { LibraryFilters } from '../types/library.js';
import { foldText, stripArticle } from './collation.js';
import { type FoldCache, haystackOf, joinedHaystackOf, type LibraryEntry } from './entry.js';

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

/**
 * The filter text as folded words, split where the user typed a space; a leading
 * ال is dropped so «المعارضة» finds «معارضة» too. A typed word that punctuation
 * splits in two or more («U.S.A.», «2011-2024») stays one word: its parts joined
 * by single spaces, the phrase the folded title holds.
 */
export function filterWords(text: string | undefined): string[] {
  if (!text) return [];
  const words: string[] = [];
  for (const typed of text.split(/\s+/u)) {
    const parts = foldText(typed).split(' ').filter(Boolean);
    if (parts.length === 0) continue;
    parts[0] = stripArticle(parts[0] as string);
    words.push(parts.join(' '));
  }
  return words;
}

/** One filter word as a test: the phrase in the haystack, or the word without its inner punctuation in the joined one. */
function wordTest(word: string): EntryTest {
  const joined = word.replaceAll(' ', '');
  return (entry) => {
    const haystack = haystackOf(entry);
    if (haystack.includes(word)) return true;
    const joinedHaystack = joinedHaystackOf(entry);
    // Most entries have no inner punctuation (the same string), and a plain word was just looked for.
    return (joinedHaystack !== haystack || joined !== word) && joinedHaystack.includes(joined);
  };
}

export function compileFilters(filters: LibraryFilters, folds: FoldCache): CompiledFilters {
  const wordTests = filterWords(filters.text).map(wordTest);
  const text: EntryTest | null =
    wordTests.length === 0
      ? null
      : (entry) => {
          for (const test of wordTests) if (!test(entry)) return false;
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
