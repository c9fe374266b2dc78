/**
 * Keeps the search index in step with the archive (issues 3 and 9): loads the
 * persisted index from index/ at start (rebuilding it, one article at a time, when
 * missing, damaged or from another analyzer version), catches up with articles
 * changed since it was saved, and updates it in the import itself: imported
 * articles are indexed from the text in hand, batch by batch, so the first search
 * after an import never waits for a build. It saves a moment after the last change,
 * on close, and early whenever the texts held in memory grow past a bound (so a
 * 50,000-article import stays within its memory budget). Trashed articles are not
 * searchable.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ArticleFile } from '../../common/types/article.js';
import { join } from 'node:path';
import type { ArticleMeta } from '../../common/types/article.js';
import { findQuoteSelector } from '../../common/anchoring/selectors.js';
import { writeFileDurably } from '../store/durable-file.js';
import { ARTICLES_DIR, type ArchiveStore, INDEX_DIR } from '../store/archive-store.js';
import { SearchIndex } from '../search/search-index.js';
import { QuickLists } from '../search/quick-lists.js';
import type { SearchDoc, SearchOptions, SearchResponse } from '../search/types.js';

/** Saving the index costs a full write; after a burst of changes, wait this long. */
const SAVE_DELAY_MS = 3000;
const STATE_FILE = 'search-state.json';
/** Texts and postings held in memory since the last save beyond which an import saves early (memory bound). */
const EARLY_SAVE_TEXT_BYTES = 96 * 1024 * 1024;
const EARLY_SAVE_POSTINGS = 12_000_000;

/** What the index has done since this process opened it (tests and benchmarks read it). */
export interface SearchIndexStats {
  /** Articles read back from their files to be indexed (a load's catch-up, a rebuild, a later change). */
  articlesReadBack: number;
  /** Articles indexed straight from an import, without reading them back. */
  indexedAtImport: number;
  /** Whole-index builds from the article files (no usable saved index). */
  fullBuilds: number;
  /** Saves that finished. */
  saves: number;
}

/** One stored article as the index sees it. */
export function searchDocOf(meta: ArticleMeta, file: ArticleFile): SearchDoc {
  const annotations = file.annotations;
  return {
    id: meta.id,
    ...(meta.externalId ? { externalId: meta.externalId } : {}),
    title: meta.title,
    blocks: file.blocks,
    tags: [...meta.tags, ...annotations.flatMap((annotation) => annotation.tags)],
    source: meta.source,
    published: meta.published,
    highlights: annotations.map((annotation) => ({ text: findQuoteSelector(annotation.target.selector)?.exact ?? '', color: annotation.color })),
    notes: annotations.map((annotation) => annotation.note).filter(Boolean),
  };
}

export class SearchOps {
  private index: SearchIndex | null = null;
  private ready: Promise<SearchIndex> | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private dirty = false;
  private quick: QuickLists | null = null;
  /** The save being written, if any: changes wait for it, so the file holds one consistent snapshot. */
  private saving: Promise<void> | null = null;
  /** Bulk imports in progress (holdSaves). */
  private holds = 0;
  readonly stats: SearchIndexStats = { articlesReadBack: 0, indexedAtImport: 0, fullBuilds: 0, saves: 0 };
  /** The memory bound past which an import saves early (tests lower it). */
  readonly earlySave = { textBytes: EARLY_SAVE_TEXT_BYTES, postings: EARLY_SAVE_POSTINGS };

  constructor(private readonly store: ArchiveStore) {}

  private get indexDir(): string {
    return join(this.store.dataDir, INDEX_DIR);
  }

  private async docFor(meta: ArticleMeta): Promise<SearchDoc | null> {
    try {
      const file = await this.store.readArticle(meta.id);
      this.stats.articlesReadBack += 1;
      return searchDocOf(meta, file);
    } catch {
      // A damaged article file is reported when opened; it is simply not searchable.
      return null;
    }
  }

  /** The index, loading or building it on first use. */
  whenReady(): Promise<SearchIndex> {
    this.ready ??= this.open();
    return this.ready;
  }

  private async open(rebuild = false): Promise<SearchIndex> {
    const loaded = rebuild ? null : await SearchIndex.load(this.indexDir).catch(() => null);
    const live = this.store.listMeta().filter((meta) => meta.trashedAt === null);
    let index: SearchIndex;
    if (loaded) {
      index = loaded;
      await this.catchUp(index, live);
    } else {
      // One article at a time: never all texts in memory at once (a 50,000-article rebuild).
      index = new SearchIndex();
      this.index = index;
      if (live.length > 0) this.stats.fullBuilds += 1;
      for (const meta of live) {
        const doc = await this.docFor(meta);
        if (doc) index.upsert(doc);
        await this.saveIfLarge(index);
      }
      index.compact();
      this.markDirty();
    }
    this.index = index;
    return index;
  }

  /** Brings a loaded index up to date with articles added, removed or changed after it was saved. */
  private async catchUp(index: SearchIndex, live: readonly ArticleMeta[]): Promise<void> {
    // Unknown save time (no or unreadable state file): treat every article as changed since.
    const savedAt = await readFile(join(this.indexDir, STATE_FILE), 'utf8').then(
      (json) => Number((JSON.parse(json) as { savedAt?: unknown }).savedAt) || 0,
      () => 0,
    );
    const liveIds = new Set(live.map((meta) => meta.id));
    for (const id of index.ids()) {
      if (!liveIds.has(id)) {
        index.remove(id);
        this.markDirty();
      }
    }
    for (const meta of live) {
      // statSync: tens of thousands of async stats cost a second at start; these cost milliseconds.
      const fileTime = statSync(join(this.store.dataDir, ARTICLES_DIR, `${meta.id}.json`), { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (!index.has(meta.id) || Date.parse(meta.updatedAt) > savedAt || fileTime > savedAt) {
        const doc = await this.docFor(meta);
        if (doc) index.upsert(doc);
        this.markDirty();
      }
    }
  }

  /**
   * For the length of a bulk import: the timed save waits for its end (a save writes
   * the whole index; saving every few seconds of a long import costs time quadratic
   * in its size). Early saves that bound memory still happen. Call the returned
   * function when the import ends.
   */
  holdSaves(): () => void {
    this.holds += 1;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      if (this.holds === 0 && this.dirty) this.markDirty();
    };
  }

  private markDirty(): void {
    this.dirty = true;
    this.quick = null;
    if (this.store.readOnly || this.holds > 0) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // The index is a cache: a save that fails (a full disk) is reported and tried again on the
    // next change or at close; it must never become an unhandled rejection that ends the process.
    this.saveTimer = setTimeout(() => {
      this.save().catch((error: Error) => console.error(`Qirtas: the search index could not be saved (${error.message}); it will be saved again later.`));
    }, SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** Writes the index, then the time it describes (in that order, so a crash between errs towards re-indexing). */
  async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    while (this.saving) await this.saving;
    if (!this.index || !this.dirty || this.store.readOnly) return;
    this.dirty = false;
    const index = this.index;
    const savedAt = Date.now();
    this.saving = (async () => {
      await index.save(this.indexDir);
      await writeFileDurably(join(this.indexDir, STATE_FILE), JSON.stringify({ savedAt }));
      this.stats.saves += 1;
    })();
    try {
      await this.saving;
    } catch (error) {
      this.dirty = true;
      throw error;
    } finally {
      this.saving = null;
    }
  }

  /** Waits for a save in progress: the index must not change while its snapshot is being written. */
  private async unchanging(): Promise<void> {
    while (this.saving) await this.saving.catch(() => undefined);
  }

  /**
   * Indexes articles just added by an import, from the text in hand (nothing is read
   * back). The caller awaits it, so the import ends with the index current. Saves
   * early when the texts held in memory pass the bound, which also paces the import.
   */
  async articlesAdded(articles: ReadonlyArray<{ meta: ArticleMeta; file: ArticleFile }>): Promise<void> {
    const index = await this.whenReady();
    await this.unchanging();
    for (const { meta, file } of articles) {
      if (meta.trashedAt !== null) continue;
      index.upsert(searchDocOf(meta, file));
      this.stats.indexedAtImport += 1;
    }
    this.markDirty();
    await this.saveIfLarge(index);
  }

  /** Saves now when the texts and postings added since the last save pass the memory bound. */
  private async saveIfLarge(index: SearchIndex): Promise<void> {
    const pending = index.pendingMemory();
    if (this.store.readOnly || (pending.textBytes <= this.earlySave.textBytes && pending.postings <= this.earlySave.postings)) return;
    this.dirty = true;
    await this.save();
  }

  /** Re-indexes one article (or drops it when trashed or deleted). */
  /**
   * Brings one article's entry up to date after a change. Callers do not wait for it,
   * so it never rejects: an article that cannot be read now (damaged, or gone) is
   * reported, and the catch-up at the next load indexes it again.
   */
  async articleChanged(id: string): Promise<void> {
    if (!this.ready) return; // not loaded yet: catch-up at load covers it
    try {
      const index = await this.ready;
      const meta = this.store.listMeta().find((candidate) => candidate.id === id);
      const doc = meta && meta.trashedAt === null ? await this.docFor(meta) : null;
      await this.unchanging();
      if (doc) index.upsert(doc);
      else index.remove(id);
      this.markDirty();
    } catch (error) {
      console.error(`Qirtas: the search index could not take in a change to article ${id} (${(error as Error).message}); it is indexed again at the next start.`);
    }
  }

  async search(query: string, options: SearchOptions): Promise<SearchResponse> {
    const index = await this.whenReady();
    const response = index.search(query, options);
    if (!index.damaged) return response;
    // A stored text failed its checksum: the saved index is damaged. It is a cache, so rebuild it from the articles.
    index.close();
    this.index = null;
    this.ready = this.open(true);
    return (await this.ready).search(query, options);
  }

  /** Saves what is pending and releases the index file. */
  async close(): Promise<void> {
    await this.save();
    this.index?.close();
  }

  /** Titles, tags and sources for the quick switcher (fuse.js over short lists). */
  quickLists(): QuickLists {
    if (!this.quick) {
      const live = this.store.listMeta().filter((meta) => meta.trashedAt === null);
      this.quick = new QuickLists({
        articles: live.map((meta) => ({ id: meta.id, title: meta.title })),
        tags: live.flatMap((meta) => meta.tags),
        sources: live.map((meta) => meta.source),
      });
    }
    return this.quick;
  }
}

