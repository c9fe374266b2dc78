/**
 * ArchiveService: the one implementation of the API contract (design §2). Hosts
 * never call the store directly; they go through the dispatcher to this class.
 * Arguments arrive already validated by the contract's schemas.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { AppInfo, Contract, ImportOutcome, ResultOf } from '../../common/api.js';
import type { OperationName } from '../../common/operations.js';
import { QirtasError } from '../../common/errors.js';
import { importWarning, warningMessages } from '../../common/import-warnings.js';
import type { ArticleMeta } from '../../common/types/article.js';
import { ArchiveStore } from '../store/archive-store.js';
import { articleFromDraft, type ArticleDraft, draftFromPlainText } from '../import/text-import.js';
import { EventHub } from './event-hub.js';
import { AnnotationOps } from './annotation-ops.js';
import { SearchOps } from './search-ops.js';
import { findInText } from '../search/find-in-text.js';
import { EncodingUnsureError, parseFile } from '../import/formats/index.js';
import { draftFromParsed } from '../import/import-files.js';
import { anchorAll } from './anchored.js';
import { canonicalText } from '../../common/types/article.js';
import { dirname } from 'node:path';
import { exportNotes, previewExport, type ExportDeps } from '../export/export-notes.js';
import { importAnnotationExport } from '../export/json-import.js';
import { BackupOps } from '../backup/backup-ops.js';
import { createLibraryServices, type LibraryServices } from './library-services.js';
import { UiStateOps } from './ui-state-ops.js';

/** Arguments as the schemas output them (defaults filled in). */
type ParsedArgs<K extends OperationName> = z.output<Contract[K]['args']>;

/** What the dispatcher calls: one method per operation. */
export type ArchiveOperations = { [K in OperationName]: (args: ParsedArgs<K>) => Promise<ResultOf<K>> };

export const SAMPLE_FILE = join('samples', 'seed-article.txt');

export interface ServiceOptions {
  store: ArchiveStore;
  /** Folder holding samples/ (assets/ in the source tree and in the packaged app). */
  assetsDir: string;
  host: AppInfo['host'];
  version: string;
}

export class ArchiveService implements ArchiveOperations {
  readonly events = new EventHub();
  // Not readonly: a restore (issue 6) re-opens the store on the restored files and rebuilds these on it.
  private store: ArchiveStore;
  private annotations: AnnotationOps;
  searchIndex: SearchOps;
  readonly backups: BackupOps;
  /** Issue 10: the library listing, collections and saved searches, bulk actions (library-services.ts). */
  readonly libraryServices: LibraryServices;
  /** The window's remembered state in ui-state.json (issue 10; ui-state-ops.ts). */
  readonly uiState: UiStateOps;

  constructor(private readonly options: ServiceOptions) {
    this.store = options.store;
    this.uiState = new UiStateOps(options.store.dataDir, { readOnly: options.store.readOnly });
    this.libraryServices = createLibraryServices({ store: () => this.store, searchIndex: () => this.searchIndex, emit: (event) => this.events.emit(event) });
    this.searchIndex = new SearchOps(this.store);
    this.annotations = new AnnotationOps(this.store, (id) => this.articleChanged(id));
    this.backups = new BackupOps({
      store: () => this.store,
      appVersion: options.version,
      // The old index must be complete, saved and its file released before index/ moves aside, so it never
      // writes into the restored archive; a fresh (lazy) one serves until the store is re-opened.
      beforeSwap: async () => {
        await this.searchIndex.whenReady();
        await this.searchIndex.close();
        this.searchIndex = new SearchOps(this.store);
        // Every queued write lands before the files move; later ones are refused until the reload (issue 13).
        await this.store.quiesce();
      },
      reload: () => this.reopenStore(),
      // A collection backup was merged in (issue 10): index what was added, tell the views.
      afterMerge: async ({ added, changedIds }) => {
        if (added.length > 0) await this.searchIndex.articlesAdded(added);
        for (const id of changedIds) this.articleChanged(id);
        this.events.emit({ type: 'collections-changed' });
        this.events.emit({ type: 'articles-changed' });
      },
      log: (message) => console.error(message),
    });
    this.backups.start();
    // In the background once the app is up: count highlights of articles that have no count yet (archives from
    // before issue 10, new imports), and fold titles so the first title sort or filter is as quick as the next.
    if (!this.store.readOnly) {
      const { library } = this.libraryServices;
      setTimeout(() => void library.ensureHighlightCounts().then(() => library.warm()).catch(() => undefined), 2000).unref();
    }
  }

  /**
   * After a restore swapped the files (the lock still held by this process):
   * opens a new store on them — taking over this process's own lock — and
   * rebuilds the annotation and search helpers on it. The old store object is
   * dropped without releasing (its release would remove the lock the new one
   * holds); the host's close() still releases the lock file at exit.
   */
  private async reopenStore(): Promise<void> {
    const before = this.store.listMeta().map((meta) => meta.id);
    const fresh = await ArchiveStore.open(this.store.dataDir);
    this.store = fresh;
    this.searchIndex = new SearchOps(fresh);
    this.annotations = new AnnotationOps(fresh, (id) => this.articleChanged(id));
    this.events.emit({ type: 'articles-changed' });
    this.events.emit({ type: 'settings-changed' });
    // An open article (the reader) may be one whose text or highlights the restore changed.
    for (const id of new Set([...before, ...fresh.listMeta().map((meta) => meta.id)])) this.events.emit({ type: 'article-changed', id });
  }

  /** The store the service currently works on (a restore replaces it). */
  get currentStore(): ArchiveStore {
    return this.store;
  }

  private exportDeps(): ExportDeps {
    return {
      appRoot: dirname(this.options.assetsDir),
      findArticles: async (query, exact) => (await this.searchIndex.search(query, { limit: 500, exact, prefix: false })).results.map((result) => result.id),
    };
  }

  async exportNotes(args: ParsedArgs<'exportNotes'>): Promise<ResultOf<'exportNotes'>> {
    const result = await exportNotes(this.store, args, this.exportDeps());
    const data = Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength).toString('base64');
    return { fileName: result.fileName, mimeType: result.mimeType, data, size: result.bytes.byteLength, articleCount: result.articleCount, highlightCount: result.highlightCount };
  }

  previewExport({ maxEntries, ...request }: ParsedArgs<'previewExport'>): Promise<ResultOf<'previewExport'>> {
    return previewExport(this.store, request, maxEntries, this.exportDeps());
  }

  async importAnnotationsJson({ name, data }: ParsedArgs<'importAnnotationsJson'>): Promise<ResultOf<'importAnnotationsJson'>> {
    const { report, changedIds } = await importAnnotationExport(this.store, Buffer.from(data, 'base64').toString('utf8'), name);
    // Its notes cache knows nothing of the imported highlights: start a fresh one.
    if (changedIds.length > 0) this.annotations = new AnnotationOps(this.store, (id) => this.articleChanged(id));
    for (const id of changedIds) this.articleChanged(id);
    if (report.articlesAdded > 0) this.events.emit({ type: 'articles-changed' });
    return report;
  }

  listBackups(): Promise<ResultOf<'listBackups'>> {
    return this.backups.list();
  }

  createBackup(args: ParsedArgs<'createBackup'> = {}): Promise<ResultOf<'createBackup'>> {
    return this.backups.create('manual', { collection: args.collection });
  }

  restoreBackup(args: ParsedArgs<'restoreBackup'>): Promise<ResultOf<'restoreBackup'>> {
    return this.backups.restore(args);
  }

  downloadBackup({ name }: ParsedArgs<'downloadBackup'>): Promise<ResultOf<'downloadBackup'>> {
    return this.backups.read(name);
  }

  updateBackupSettings(patch: ParsedArgs<'updateBackupSettings'>): Promise<ResultOf<'updateBackupSettings'>> {
    return this.backups.updateSettings(patch);
  }

  /** Every change to one article goes through here: the index follows, listeners hear of it. */
  private articleChanged(id: string): void {
    void this.searchIndex.articleChanged(id);
    // Its highlight count (shown and sorted in the library) follows its annotations.
    void this.libraryServices.library.recountHighlights(id).catch(() => undefined);
    this.events.emit({ type: 'article-changed', id });
  }

  // Issue 10 operations, one line each: the work is in library-ops.ts, collection-ops.ts and bulk-ops.ts.
  listLibrary = (args: ParsedArgs<'listLibrary'>) => this.libraryServices.library.listLibrary(args);
  recordReading = (args: ParsedArgs<'recordReading'>) => this.libraryServices.library.recordReading(args);
  listCollections = () => this.libraryServices.collections.listCollections();
  createCollection = (args: ParsedArgs<'createCollection'>) => this.libraryServices.collections.createCollection(args);
  updateCollection = (args: ParsedArgs<'updateCollection'>) => this.libraryServices.collections.updateCollection(args);
  deleteCollection = (args: ParsedArgs<'deleteCollection'>) => this.libraryServices.collections.deleteCollection(args);
  saveSearch = (args: ParsedArgs<'saveSearch'>) => this.libraryServices.collections.saveSearch(args);
  deleteSavedSearch = (args: ParsedArgs<'deleteSavedSearch'>) => this.libraryServices.collections.deleteSavedSearch(args);
  bulkUpdate = (args: ParsedArgs<'bulkUpdate'>) => this.libraryServices.bulk.bulkUpdate(args);
  undoBulk = (args: ParsedArgs<'undoBulk'>) => this.libraryServices.bulk.undoBulk(args);
  getUiState = () => this.uiState.get();
  patchUiState = (args: ParsedArgs<'patchUiState'>) => this.uiState.patch(args);

  async appInfo(): Promise<AppInfo> {
    return { version: this.options.version, dataDir: this.store.dataDir, host: this.options.host };
  }

  async listArticles({ view }: ParsedArgs<'listArticles'>): Promise<ArticleMeta[]> {
    const inTrash = view === 'trash';
    return this.store
      .listMeta()
      .filter((meta) => (meta.trashedAt !== null) === inTrash)
      .sort((a, b) => (inTrash ? (b.trashedAt ?? '').localeCompare(a.trashedAt ?? '') : b.importedAt.localeCompare(a.importedAt)));
  }

  async getArticle({ id }: ParsedArgs<'getArticle'>): Promise<ResultOf<'getArticle'>> {
    const meta = this.store.getMeta(id);
    const file = await this.store.readArticle(id);
    return { meta, blocks: file.blocks, annotations: anchorAll(canonicalText(file.blocks), file.annotations) };
  }

  /**
   * Adds drafts as new articles in one store write, and indexes them before
   * returning (issue 9: the import leaves the search index current). A draft whose
   * text is already in the archive (same content hash, also within the batch) is
   * reported as a duplicate and not added twice — unless both carry their own,
   * different dataset ids: those are different records, added with a warning.
   */
  async importDrafts(drafts: ReadonlyArray<{ draft: ArticleDraft; origin: string }>): Promise<ImportOutcome[]> {
    // Loaded (or built) before the store changes, so the new articles are indexed from memory, not read back.
    await this.searchIndex.whenReady();
    const known = new Map<string, ArticleMeta[]>();
    const remember = (meta: ArticleMeta) => {
      const same = known.get(meta.contentHash);
      if (same) same.push(meta);
      else known.set(meta.contentHash, [meta]);
    };
    this.store.listMeta().forEach(remember);
    const additions: Array<ReturnType<typeof articleFromDraft>> = [];
    const outcomes = drafts.map(({ draft, origin }): ImportOutcome => {
      const created = articleFromDraft(draft, origin);
      // A new article has no highlights yet: saying so spares the library from counting them in its file.
      const article = { ...created, meta: { ...created.meta, highlightCount: created.file.annotations.length } };
      const sameText = known.get(article.meta.contentHash) ?? [];
      const ownId = article.meta.externalId;
      const existing = sameText.find((meta) => ownId === undefined || meta.externalId === undefined || meta.externalId === ownId);
      if (existing) return { status: 'duplicate', existing };
      remember(article.meta);
      additions.push(article);
      const twin = sameText[0];
      if (!twin) return { status: 'imported', article: article.meta };
      const warning = importWarning.sameText({ title: twin.title, id: twin.externalId ?? '' }, ownId ?? '');
      return { status: 'imported', article: article.meta, warnings: [warning.message], codedWarnings: [warning] };
    });
    if (additions.length > 0) {
      await this.store.addArticles(additions);
      await this.searchIndex.articlesAdded(additions);
      this.events.emit({ type: 'articles-changed' });
    }
    return outcomes;
  }

  private async importOne(draft: ArticleDraft, origin: string): Promise<ImportOutcome> {
    const [outcome] = await this.importDrafts([{ draft, origin }]);
    return outcome as ImportOutcome;
  }

  importText(args: ParsedArgs<'importText'>): Promise<ImportOutcome> {
    const origin = args.origin ?? 'pasted text';
    const draft = draftFromPlainText(args.text, origin);
    return this.importOne({ ...draft, title: args.title, source: args.source, tags: args.tags }, origin);
  }

  async importFile(args: ParsedArgs<'importFile'>): Promise<ResultOf<'importFile'>> {
    const bytes = Buffer.from(args.data, 'base64');
    try {
      const parsed = await parseFile(bytes, args.name, { format: args.format, encoding: args.encoding });
      const drafts = parsed.map((article) => ({ draft: draftFromParsed(article, args.tags), origin: args.name }));
      // Each outcome carries its own article's warnings (read after draftFromParsed, which may add one).
      const outcomes = (await this.importDrafts(drafts)).map((outcome, index): ImportOutcome => {
        if (outcome.status !== 'imported') return outcome;
        const coded = [...(parsed[index]?.warnings ?? []), ...(outcome.codedWarnings ?? [])];
        return coded.length > 0 ? { ...outcome, warnings: warningMessages(coded), codedWarnings: coded } : outcome;
      });
      const codedWarnings = parsed.flatMap((article) => article.warnings ?? []);
      return { status: 'done', outcomes, warnings: warningMessages(codedWarnings), codedWarnings };
    } catch (error) {
      if (error instanceof EncodingUnsureError) return { status: 'needs-encoding', message: error.message, candidates: [...error.candidates] };
      throw error;
    }
  }

  async importSample(): Promise<ImportOutcome> {
    const path = join(this.options.assetsDir, SAMPLE_FILE);
    const text = await readFile(path, 'utf8').catch(() => {
      throw new QirtasError('NOT_FOUND', `The sample article is missing from this installation (${path}).`, path);
    });
    return this.importOne({ ...draftFromPlainText(text, 'seed-article.txt'), tags: ['عينة'] }, 'seed-article.txt');
  }

  private async changeMeta(id: string, change: (meta: ArticleMeta) => Partial<ArticleMeta>): Promise<ArticleMeta> {
    const updated = await this.store.updateMeta(id, (meta) => ({ ...meta, ...change(meta), updatedAt: new Date().toISOString() }));
    this.articleChanged(id);
    this.events.emit({ type: 'articles-changed' });
    return updated;
  }

  updateArticle({ id, patch }: ParsedArgs<'updateArticle'>): Promise<ArticleMeta> {
    const tags = patch.tags ? { tags: [...new Set(patch.tags)] } : {};
    return this.changeMeta(id, () => ({ ...patch, ...tags }));
  }

  trashArticle({ id }: ParsedArgs<'trashArticle'>): Promise<ArticleMeta> {
    return this.changeMeta(id, () => ({ trashedAt: new Date().toISOString() }));
  }

  restoreArticle({ id }: ParsedArgs<'restoreArticle'>): Promise<ArticleMeta> {
    return this.changeMeta(id, () => ({ trashedAt: null }));
  }

  async deleteArticle({ id }: ParsedArgs<'deleteArticle'>): Promise<{ id: string }> {
    // Checked in the store's queue, against the metadata as it is when the delete runs (a restore from the trash may be queued first).
    await this.store.removeArticle(id, (meta) => {
      if (meta.trashedAt === null) throw new QirtasError('CONFLICT', 'Only an article in the trash can be deleted for good; move it to the trash first.');
    });
    this.annotations.forget(id);
    void this.searchIndex.articleChanged(id);
    this.events.emit({ type: 'articles-changed' });
    return { id };
  }

  addAnnotation(args: ParsedArgs<'addAnnotation'>): Promise<ResultOf<'addAnnotation'>> {
    return this.annotations.add(args);
  }

  updateAnnotation(args: ParsedArgs<'updateAnnotation'>): Promise<ResultOf<'updateAnnotation'>> {
    return this.annotations.update(args);
  }

  deleteAnnotation(args: ParsedArgs<'deleteAnnotation'>): Promise<ResultOf<'deleteAnnotation'>> {
    return this.annotations.remove(args);
  }

  restoreAnnotation(args: ParsedArgs<'restoreAnnotation'>): Promise<ResultOf<'restoreAnnotation'>> {
    return this.annotations.restore(args);
  }

  listAnnotations(args: ParsedArgs<'listAnnotations'>): Promise<ResultOf<'listAnnotations'>> {
    return this.annotations.list(args);
  }

  updateArticleText(args: ParsedArgs<'updateArticleText'>): Promise<ResultOf<'updateArticleText'>> {
    return this.annotations.replaceText(args);
  }

  async search(args: ParsedArgs<'search'>): Promise<ResultOf<'search'>> {
    const { query, ...options } = args;
    return this.searchIndex.search(query, options);
  }

  async quickOpen({ query, limit }: ParsedArgs<'quickOpen'>): Promise<ResultOf<'quickOpen'>> {
    return this.searchIndex.quickLists().switcher(query, limit);
  }

  async listFacets(): Promise<ResultOf<'listFacets'>> {
    const live = this.store.listMeta().filter((meta) => meta.trashedAt === null);
    const sorted = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'ar'));
    return { tags: sorted(live.flatMap((meta) => meta.tags)), sources: sorted(live.map((meta) => meta.source)) };
  }

  async findInArticle({ id, query, exact }: ParsedArgs<'findInArticle'>): Promise<ResultOf<'findInArticle'>> {
    const file = await this.store.readArticle(id);
    // Pure text work with the search folding: needs no index, so it never waits for one to build.
    return findInText(canonicalText(file.blocks), query, exact);
  }

  /** Saves what is pending (the search index, the window's UI state) before the archive closes. */
  async flush(): Promise<void> {
    await this.backups.stop();
    await this.searchIndex.save();
    // Window state is a convenience: a disk that refuses it must not keep the archive from closing.
    await this.uiState.flush().catch((error: unknown) => console.error(`Qirtas: the window state was not saved (${(error as Error).message}).`));
  }

  /** Saves what is pending and releases open files (the search index's) before the archive closes. */
  async close(): Promise<void> {
    await this.flush();
    await this.searchIndex.close();
  }

  async getSettings(): Promise<ResultOf<'getSettings'>> {
    return this.store.settings;
  }

  async updateSettings(patch: ParsedArgs<'updateSettings'>): Promise<ResultOf<'updateSettings'>> {
    const current = this.store.settings;
    const settings = await this.store.updateSettings({
      ...(patch.locale ? { locale: patch.locale } : {}),
      ...(patch.reader ? { reader: { ...current.reader, ...patch.reader } } : {}),
      ...(patch.colorLabels ? { colorLabels: { ...current.colorLabels, ...patch.colorLabels } } : {}),
    });
    this.events.emit({ type: 'settings-changed' });
    return settings;
  }
}
