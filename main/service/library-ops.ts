/**
 * The research library's listing and reading status (issue 10): one window of
 * sorted, filtered rows of a scope (everything, a collection, a saved search, the
 * trash) with facet counts, and the reader's progress reports. Sorting and
 * filtering run here, on entries cached per metadata object (common/library), so
 * the renderer asks only for the rows it shows. Highlight counts live in each
 * article's metadata; articles saved before issue 10 are counted once from their
 * files.
 */
import type { z } from 'zod';
import type { Contract, LibraryFacets, LibraryRow, ListLibraryResult, ResultOf } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import {
  applyFilters,
  compileFilters,
  type CompiledFilters,
  countFacets,
  EntryCache,
  type EntryTest,
  filterWords,
  haystackOf,
  type LibraryEntry,
  OrderCache,
  titleKeyOf,
  toRow,
  withDescendants,
} from '../../common/library/index.js';
import type { ArticleMeta } from '../../common/types/article.js';
import { type Collection, LIBRARY_SORT_FIELDS, type LibraryFilters, type ParsedLibraryScope, type SavedSearch } from '../../common/types/library.js';
import type { LibraryStore } from './library-store.js';

type Args<K extends keyof Contract> = z.output<Contract[K]['args']>;

/** Progress at or past this counts as having read to the end. */
export const READ_THRESHOLD = 0.98;
/** Article files read at once when counting highlights. */
const PARALLEL_READS = 16;

/** Finds the articles of a full-text query, best first (the search index). */
export type FindIds = (query: string, exact: boolean) => Promise<string[]>;

export interface LibraryOpsDeps {
  store: () => LibraryStore;
  findIds: FindIds;
  /** Something the library lists changed (rows, counts). */
  changed: () => void;
}

export function notFoundCollection(id: string): QirtasError {
  return QirtasError.withParams('NOT_FOUND', `No collection with id "${id}".`, { reason: 'collection-not-found', id });
}

export class LibraryOps {
  readonly entries = new EntryCache();
  private readonly orders = new OrderCache();
  /** One entry per article, in the store's order; the same array while no metadata changed. */
  private universeCache: { metas: ArticleMeta[]; entries: LibraryEntry[] } | null = null;
  private lastQuery: QueryResult | null = null;
  /** Saved searches resolved, with what they were resolved against. */
  private readonly savedResults = new Map<string, { saved: SavedSearch; universe: readonly LibraryEntry[]; entries: LibraryEntry[] }>();
  /** Highlight counts of articles whose metadata does not hold one yet. */
  private readonly counted = new Map<string, number>();
  private counting: Promise<void> | null = null;
  /** Articles whose file could not be read when counting: their count is not saved. */
  private readonly unreadable = new Set<string>();

  constructor(private readonly deps: LibraryOpsDeps) {}

  private get store(): LibraryStore {
    return this.deps.store();
  }

  highlightCountOf(meta: ArticleMeta): number {
    return meta.highlightCount ?? this.counted.get(meta.id) ?? 0;
  }

  private entryOf(meta: ArticleMeta): LibraryEntry {
    return this.entries.entryOf(meta, meta.highlightCount === undefined ? this.highlightCountOf(meta) : undefined);
  }

  rowOf(meta: ArticleMeta): LibraryRow {
    return toRow(meta, this.highlightCountOf(meta));
  }

  /**
   * Counts the highlights of every article that has no count yet (archives from
   * before issue 10, new imports), reading their files; a writable store keeps
   * the counts in one metadata write. Runs once at a time.
   */
  ensureHighlightCounts(): Promise<void> {
    this.counting ??= this.countMissing().finally(() => {
      this.counting = null;
    });
    return this.counting;
  }

  private async countMissing(): Promise<void> {
    const missing = this.store.listMeta().filter((meta) => meta.highlightCount === undefined && !this.counted.has(meta.id));
    if (missing.length === 0) return;
    let next = 0;
    const reader = async () => {
      while (next < missing.length) {
        const meta = missing[next++] as ArticleMeta;
        const count = await this.store.readArticle(meta.id).then(
          (file) => file.annotations.length,
          () => null, // a damaged file is reported when opened; it lists with no highlights, and nothing is saved for it
        );
        this.counted.set(meta.id, count ?? 0);
        if (count === null) this.unreadable.add(meta.id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, missing.length) }, reader));
    this.universeCache = null;
    await this.persistCounts();
  }

  private async persistCounts(): Promise<void> {
    const store = this.store;
    if (store.readOnly || this.counted.size === 0) return;
    const ids = [...this.counted.keys()].filter((id) => {
      try {
        return !this.unreadable.has(id) && store.getMeta(id).highlightCount === undefined;
      } catch {
        return false;
      }
    });
    if (ids.length === 0) return;
    await store.updateMetaMany(ids, (meta) => ({ ...meta, highlightCount: meta.highlightCount ?? this.counted.get(meta.id) ?? 0 }));
    for (const id of ids) this.counted.delete(id);
  }

  /** After an article's highlights changed: its count follows (one small metadata write when it differs). */
  async recountHighlights(id: string): Promise<void> {
    const store = this.store;
    if (store.readOnly) return;
    let count: number;
    try {
      count = (await store.readArticle(id)).annotations.length;
    } catch {
      return; // deleted meanwhile, or damaged (reported when opened)
    }
    if (store.getMeta(id).highlightCount === count) return;
    this.counted.delete(id);
    this.unreadable.delete(id);
    await store.updateMetaMany([id], (meta) => ({ ...meta, highlightCount: count }));
    this.deps.changed();
  }

  /** Every article's entry; the same array until some metadata changes (so sorted orders stay cached). */
  private universe(): LibraryEntry[] {
    const metas = this.store.listMeta();
    const cached = this.universeCache;
    if (cached && cached.metas.length === metas.length) {
      let same = true;
      for (let i = 0; i < metas.length && same; i += 1) same = cached.metas[i] === metas[i];
      if (same) return cached.entries;
    }
    const entries = metas.map((meta) => this.entryOf(meta));
    this.universeCache = { metas: [...metas], entries };
    return entries;
  }

  /**
   * Fills title keys and filter text ahead of the first title sort or filter
   * (about a second of Arabic folding at 50,000 articles) and sorts the library
   * every way it can be sorted, a slice at a time so requests are served in between.
   */
  async warm(): Promise<void> {
    const entries = this.universe();
    for (let i = 0; i < entries.length; i += 2000) {
      for (const entry of entries.slice(i, i + 2000)) {
        titleKeyOf(entry);
        haystackOf(entry);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Every sort order once, so a click on any column header is answered from the cache.
    for (const field of LIBRARY_SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        this.orders.ordered(this.universe(), { field, direction });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Which articles a scope holds, as a test over entries. */
  private async scopeTest(scope: ParsedLibraryScope): Promise<EntryTest> {
    switch (scope.kind) {
      case 'all':
        return (entry) => entry.meta.trashedAt === null;
      case 'trash':
        return (entry) => entry.meta.trashedAt !== null;
      case 'collection': {
        const collections = this.store.library.collections;
        if (!collections.some((collection) => collection.id === scope.id)) throw notFoundCollection(scope.id);
        const wanted = scope.deep ? withDescendants(collections, scope.id) : new Set([scope.id]);
        return (entry) => entry.meta.trashedAt === null && entry.meta.collectionIds !== undefined && entry.meta.collectionIds.some((id) => wanted.has(id));
      }
      case 'savedSearch': {
        const ids = new Set((await this.savedSearchEntries(scope.id)).map((entry) => entry.meta.id));
        return (entry) => ids.has(entry.meta.id);
      }
    }
  }

  /** A saved search resolved now: its query through the search index, then its filters. */
  async savedSearchEntries(id: string): Promise<LibraryEntry[]> {
    const saved = this.store.library.savedSearches.find((candidate) => candidate.id === id);
    if (!saved) throw QirtasError.withParams('NOT_FOUND', `No saved search with id "${id}".`, { reason: 'saved-search-not-found', id });
    // The sidebar lists every saved search with its count after each change: a query is run again only
    // when the library or the saved search changed since.
    const universe = this.universe();
    const cached = this.savedResults.get(id);
    if (cached && cached.saved === saved && cached.universe === universe) return cached.entries;
    let entries: LibraryEntry[];
    if (saved.query.trim() === '') {
      entries = universe.filter((entry) => entry.meta.trashedAt === null);
    } else {
      const ids = await this.deps.findIds(saved.query, saved.exact);
      entries = [];
      for (const articleId of ids) {
        try {
          const meta = this.store.getMeta(articleId);
          if (meta.trashedAt === null) entries.push(this.entryOf(meta));
        } catch {
          // deleted since the index last heard of it
        }
      }
    }
    if (needsAllCounts(saved.filters)) await this.ensureHighlightCounts();
    const result = applyFilters(entries, compileFilters(saved.filters, this.entries.folds));
    this.savedResults.set(id, { saved, universe, entries: result });
    return result;
  }

  async listLibrary(args: Args<'listLibrary'>): Promise<ListLibraryResult> {
    if (needsAllCounts(args.filters) || args.facets || args.sort.field === 'highlights') await this.ensureHighlightCounts();
    const result = await this.query(args);
    if (args.facets && !result.facets) result.facets = countFacets(result.scoped, result.compiled, args.filters, (value) => this.entries.folds.fold(value));
    const matching = result.matching;
    return {
      total: matching.length,
      scopeTotal: result.scoped.length,
      offset: args.offset,
      rows: matching.slice(args.offset, args.offset + args.limit).map((entry) => this.rowOf(entry.meta)),
      ...(args.ids ? { ids: matching.map((entry) => entry.meta.id) } : {}),
      ...(args.facets ? { facets: result.facets } : {}),
    };
  }

  /**
   * The scoped and matching entries, in order. The last answer is kept: scrolling
   * (another window of the same listing) reuses it, and typing more of a filter
   * word narrows the previous matches instead of the whole library.
   */
  private async query(args: Args<'listLibrary'>): Promise<QueryResult> {
    const universe = this.universe();
    const { text, ...rest } = args.filters;
    const key = JSON.stringify([args.scope, args.sort, rest]);
    const words = filterWords(text);
    const tree = this.store.library;
    const last = this.lastQuery;
    if (last && last.universe === universe && last.key === key && last.collections === tree.collections && last.savedSearches === tree.savedSearches) {
      if (sameWords(last.words, words)) return last;
      if (narrows(last.words, words)) {
        const compiled = compileFilters(args.filters, this.entries.folds);
        const matching = compiled.text ? last.matching.filter(compiled.text) : last.matching;
        this.lastQuery = { ...last, words, compiled, matching, facets: undefined };
        return this.lastQuery;
      }
    }
    const inScope = await this.scopeTest(args.scope);
    const compiled = compileFilters(args.filters, this.entries.folds);
    const tests = [compiled.text, ...Object.values(compiled.facets)].filter((test): test is EntryTest => test !== null);
    // The cached order of the whole library, filtered: filtering keeps the order, so no sort per keystroke or scroll.
    const ordered = this.orders.ordered(universe, args.sort);
    const scoped: LibraryEntry[] = [];
    const matching: LibraryEntry[] = [];
    for (const entry of ordered) {
      if (!inScope(entry)) continue;
      scoped.push(entry);
      let passes = true;
      for (let i = 0; i < tests.length && passes; i += 1) passes = (tests[i] as EntryTest)(entry);
      if (passes) matching.push(entry);
    }
    this.lastQuery = { universe, key, collections: tree.collections, savedSearches: tree.savedSearches, words, compiled, scoped, matching, facets: undefined };
    return this.lastQuery;
  }

  /** The reader's report: progress, last read now, and the status that follows (the end reached: read). */
  async recordReading({ id, progress, atEnd }: Args<'recordReading'>): Promise<ResultOf<'recordReading'>> {
    const before = this.store.getMeta(id);
    if (before.trashedAt !== null) {
      throw QirtasError.withParams('CONFLICT', 'This article is in the trash; restore it to keep reading.', { reason: 'article-in-trash', id });
    }
    const reachedEnd = atEnd || progress >= READ_THRESHOLD;
    const previous = before.readingStatus ?? 'unread';
    const status = reachedEnd ? 'read' : previous === 'unread' ? 'reading' : previous;
    const [meta] = await this.store.updateMetaMany([id], (current) => ({
      ...current,
      readingStatus: status,
      progress: reachedEnd ? 1 : progress,
      lastReadAt: new Date().toISOString(),
    }));
    // A change of status shows in the library; progress alone does not need every list to reload.
    if (status !== previous) this.deps.changed();
    return this.rowOf(meta as ArticleMeta);
  }
}

interface QueryResult {
  universe: readonly LibraryEntry[];
  /** Scope, sort and every filter but the text. */
  key: string;
  /** The collections and saved searches it was resolved with (replaced, never edited, on every change). */
  collections: readonly Collection[];
  savedSearches: readonly SavedSearch[];
  words: string[];
  compiled: CompiledFilters;
  scoped: LibraryEntry[];
  matching: LibraryEntry[];
  facets: LibraryFacets | undefined;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** Every entry matching `next` also matches `previous`: each earlier word is inside some new word (typing on). */
function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((word) => next.some((candidate) => candidate.includes(word)));
}

function needsAllCounts(filters: LibraryFilters): boolean {
  return filters.hasHighlights !== undefined;
}
