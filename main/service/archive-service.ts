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
import type { ArticleMeta } from '../../common/types/article.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { articleFromDraft, type ArticleDraft, draftFromPlainText } from '../import/text-import.js';
import { EventHub } from './event-hub.js';
import { AnnotationOps } from './annotation-ops.js';
import { SearchOps } from './search-ops.js';
import { EncodingUnsureError, parseFile } from '../import/formats/index.js';
import { draftFromParsed } from '../import/import-files.js';
import { anchorAll } from './anchored.js';
import { canonicalText } from '../../common/types/article.js';

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
  private readonly store: ArchiveStore;
  private readonly annotations: AnnotationOps;
  readonly searchIndex: SearchOps;

  constructor(private readonly options: ServiceOptions) {
    this.store = options.store;
    this.searchIndex = new SearchOps(this.store);
    this.annotations = new AnnotationOps(this.store, (id) => this.articleChanged(id));
  }

  /** Every change to one article goes through here: the index follows, listeners hear of it. */
  private articleChanged(id: string): void {
    void this.searchIndex.articleChanged(id);
    this.events.emit({ type: 'article-changed', id });
  }

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
   * Adds drafts as new articles in one store write. A draft whose text is already
   * in the archive (same content hash, also within the batch) is reported as a
   * duplicate and not added twice.
   */
  async importDrafts(drafts: ReadonlyArray<{ draft: ArticleDraft; origin: string }>): Promise<ImportOutcome[]> {
    const known = new Map(this.store.listMeta().map((meta) => [meta.contentHash, meta]));
    const additions: Array<ReturnType<typeof articleFromDraft>> = [];
    const outcomes = drafts.map(({ draft, origin }): ImportOutcome => {
      const article = articleFromDraft(draft, origin);
      const existing = known.get(article.meta.contentHash);
      if (existing) return { status: 'duplicate', existing };
      known.set(article.meta.contentHash, article.meta);
      additions.push(article);
      return { status: 'imported', article: article.meta };
    });
    if (additions.length > 0) {
      await this.store.addArticles(additions);
      for (const { meta } of additions) void this.searchIndex.articleChanged(meta.id);
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
      const outcomes = await this.importDrafts(parsed.map((article) => ({ draft: draftFromParsed(article, args.tags), origin: args.name })));
      return { status: 'done', outcomes, warnings: parsed.flatMap((article) => article.warnings ?? []) };
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
    if (this.store.getMeta(id).trashedAt === null) {
      throw new QirtasError('CONFLICT', 'Only an article in the trash can be deleted for good; move it to the trash first.');
    }
    await this.store.removeArticle(id);
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
    return this.searchIndex.findInText(canonicalText(file.blocks), query, exact);
  }

  /** Saves what is pending (the search index) before the archive closes. */
  async flush(): Promise<void> {
    await this.searchIndex.save();
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
