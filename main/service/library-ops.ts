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
import type { Contract, LibraryRow, ListLibraryResult, ResultOf } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import {
  applyFilters,
  compileFilters,
  countFacets,
  EntryCache,
  type LibraryEntry,
  LibraryRanks,
  sortEntries,
  toRow,
  withDescendants,
} from '../../common/library/index.js';
import type { ArticleMeta } from '../../common/types/article.js';
import type { LibraryFilters, ParsedLibraryScope } from '../../common/types/library.js';
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
  private readonly ranks = new LibraryRanks();
  /** Highlight counts of articles whose metadata does not hold one yet. */
  private readonly counted = new Map<string, number>();
  private counting: Promise<void> | null = null;

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
          () => 0, // a damaged file is reported when opened; it lists with no highlights
        );
        this.counted.set(meta.id, count);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, missing.length) }, reader));
    await this.persistCounts();
  }

  private async persistCounts(): Promise<void> {
    const store = this.store;
    if (store.readOnly || this.counted.size === 0) return;
    const ids = [...this.counted.keys()].filter((id) => {
      try {
        return store.getMeta(id).highlightCount === undefined;
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
    await store.updateMetaMany([id], (meta) => ({ ...meta, highlightCount: count }));
    this.deps.changed();
  }

  /** The entries of a scope, before the listing's own filters. */
  private async scopeEntries(scope: ParsedLibraryScope): Promise<LibraryEntry[]> {
    const store = this.store;
    const all = store.listMeta();
    const out: LibraryEntry[] = [];
    switch (scope.kind) {
      case 'all':
        for (const meta of all) if (meta.trashedAt === null) out.push(this.entryOf(meta));
        return out;
      case 'trash':
        for (const meta of all) if (meta.trashedAt !== null) out.push(this.entryOf(meta));
        return out;
      case 'collection': {
        const collections = store.library.collections;
        if (!collections.some((collection) => collection.id === scope.id)) throw notFoundCollection(scope.id);
        const wanted = scope.deep ? withDescendants(collections, scope.id) : new Set([scope.id]);
        for (const meta of all) {
          if (meta.trashedAt !== null || !meta.collectionIds) continue;
          if (meta.collectionIds.some((id) => wanted.has(id))) out.push(this.entryOf(meta));
        }
        return out;
      }
      case 'savedSearch':
        return this.savedSearchEntries(scope.id);
    }
  }

  /** A saved search resolved now: its query through the search index, then its filters. */
  async savedSearchEntries(id: string): Promise<LibraryEntry[]> {
    const saved = this.store.library.savedSearches.find((candidate) => candidate.id === id);
    if (!saved) throw QirtasError.withParams('NOT_FOUND', `No saved search with id "${id}".`, { reason: 'saved-search-not-found', id });
    let entries: LibraryEntry[];
    if (saved.query.trim() === '') {
      entries = this.store
        .listMeta()
        .filter((meta) => meta.trashedAt === null)
        .map((meta) => this.entryOf(meta));
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
    return applyFilters(entries, compileFilters(saved.filters, this.entries.folds));
  }

  async listLibrary(args: Args<'listLibrary'>): Promise<ListLibraryResult> {
    if (needsAllCounts(args.filters) || args.facets || args.sort.field === 'highlights') await this.ensureHighlightCounts();
    const scoped = await this.scopeEntries(args.scope);
    const compiled = compileFilters(args.filters, this.entries.folds);
    const filtered = applyFilters(scoped, compiled);
    const sorted = sortEntries(filtered, args.sort, this.ranks);
    const window = sorted.slice(args.offset, args.offset + args.limit);
    return {
      total: sorted.length,
      scopeTotal: scoped.length,
      offset: args.offset,
      rows: window.map((entry) => this.rowOf(entry.meta)),
      ...(args.ids ? { ids: sorted.map((entry) => entry.meta.id) } : {}),
      ...(args.facets ? { facets: countFacets(scoped, compiled, args.filters, (value) => this.entries.folds.fold(value)) } : {}),
    };
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

function needsAllCounts(filters: LibraryFilters): boolean {
  return filters.hasHighlights !== undefined;
}
