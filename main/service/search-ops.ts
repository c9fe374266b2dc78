/**
 * Keeps the search index in step with the archive (issue 3): loads the persisted
 * index from index/ at start (rebuilding it when missing, damaged or from another
 * analyzer version), catches up with articles changed since it was saved, updates
 * it incrementally on every change, and saves it a moment after the last change
 * and on close. Trashed articles are not searchable.
 */
import { readFile, stat } from 'node:fs/promises';
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

export class SearchOps {
  private index: SearchIndex | null = null;
  private ready: Promise<SearchIndex> | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private dirty = false;
  private quick: QuickLists | null = null;

  constructor(private readonly store: ArchiveStore) {}

  private get indexDir(): string {
    return join(this.store.dataDir, INDEX_DIR);
  }

  private async docFor(meta: ArticleMeta): Promise<SearchDoc | null> {
    try {
      const file = await this.store.readArticle(meta.id);
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
      const docs: SearchDoc[] = [];
      for (const meta of live) {
        const doc = await this.docFor(meta);
        if (doc) docs.push(doc);
      }
      index = SearchIndex.build(docs);
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
      const fileTime = await stat(join(this.store.dataDir, ARTICLES_DIR, `${meta.id}.json`)).then((info) => info.mtimeMs, () => 0);
      if (!index.has(meta.id) || Date.parse(meta.updatedAt) > savedAt || fileTime > savedAt) {
        const doc = await this.docFor(meta);
        if (doc) index.upsert(doc);
        this.markDirty();
      }
    }
  }

  private markDirty(): void {
    this.dirty = true;
    this.quick = null;
    if (this.store.readOnly) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** Writes the index, then the time it describes (in that order, so a crash between errs towards re-indexing). */
  async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.index || !this.dirty || this.store.readOnly) return;
    this.dirty = false;
    const savedAt = Date.now();
    await this.index.save(this.indexDir);
    await writeFileDurably(join(this.indexDir, STATE_FILE), JSON.stringify({ savedAt }));
  }

  /** Re-indexes one article (or drops it when trashed or deleted). */
  async articleChanged(id: string): Promise<void> {
    if (!this.ready) return; // not loaded yet: catch-up at load covers it
    const index = await this.ready;
    const meta = this.store.listMeta().find((candidate) => candidate.id === id);
    const doc = meta && meta.trashedAt === null ? await this.docFor(meta) : null;
    if (doc) index.upsert(doc);
    else index.remove(id);
    this.markDirty();
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

