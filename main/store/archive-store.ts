/**
 * The archive on disk (design §3): library.json (metadata, settings) plus one
 * articles/<id>.json per article, each a lowdb database over the durable adapter.
 * Saving one article never rewrites another. Owns the data-folder lock while open
 * for writing; a read-only store takes no lock and refuses every write.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { QirtasError } from '../../common/errors.js';
import {
  ArticleFile,
  type ArticleMeta,
  LibraryFile,
  SCHEMA_VERSION,
  type Settings,
} from '../../common/types/article.js';
import { acquireDataLock, type DataLock } from './data-lock.js';
import { DurableJsonFile, isTempFileName, readJsonFile } from './durable-file.js';

export const LIBRARY_FILE = 'library.json';
export const ARTICLES_DIR = 'articles';
export const INDEX_DIR = 'index';
export const BACKUPS_DIR = 'backups';

const EMPTY_LIBRARY: LibraryFile = LibraryFile.parse({ schemaVersion: SCHEMA_VERSION, articles: [] });
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** Article files written at once during a batch import. */
const PARALLEL_WRITES = 32;

export interface OpenOptions {
  /** Open without the lock, for commands that only read (list, show, search). */
  readOnly?: boolean;
}

export class ArchiveStore {
  private constructor(
    readonly dataDir: string,
    private readonly library: Low<LibraryFile>,
    private readonly lock: DataLock | null,
  ) {}

  /** Opens (creating when missing) the archive in `dataDir`. Throws DAMAGED_FILE or LOCKED with a clear message. */
  static async open(dataDir: string, options: OpenOptions = {}): Promise<ArchiveStore> {
    const readOnly = options.readOnly ?? false;
    if (!readOnly) {
      for (const folder of [dataDir, join(dataDir, ARTICLES_DIR), join(dataDir, INDEX_DIR), join(dataDir, BACKUPS_DIR)]) {
        await mkdir(folder, { recursive: true });
      }
    }
    const lock = readOnly ? null : await acquireDataLock(dataDir);
    try {
      const library = new Low<LibraryFile>(new DurableJsonFile(join(dataDir, LIBRARY_FILE), LibraryFile), structuredClone(EMPTY_LIBRARY));
      await library.read();
      const store = new ArchiveStore(dataDir, library, lock);
      if (!readOnly) await store.sweepTempFiles();
      return store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  get readOnly(): boolean {
    return this.lock === null;
  }

  async close(): Promise<void> {
    await this.lock?.release();
  }

  /**
   * Temp files are written before the rename that acknowledges a save, so one left
   * behind belongs to a save that was never acknowledged (the process died first).
   */
  private async sweepTempFiles(): Promise<void> {
    for (const folder of [this.dataDir, join(this.dataDir, ARTICLES_DIR)]) {
      for (const name of await readdir(folder)) {
        if (isTempFileName(name)) await unlink(join(folder, name)).catch(() => undefined);
      }
    }
  }

  private assertWritable(): void {
    if (this.lock === null) throw new QirtasError('LOCKED', 'This archive was opened read-only; nothing can be changed.');
  }

  private articlePath(id: string): string {
    if (!SAFE_ID.test(id)) throw new QirtasError('NOT_FOUND', `No article with id "${id}".`);
    return join(this.dataDir, ARTICLES_DIR, `${id}.json`);
  }

  /**
   * Applies a change to library.json and saves it. If the save fails, memory goes
   * back to what the file still holds, so a later save never writes a change the
   * user was told had failed. (Changes replace entries rather than edit them, so a
   * shallow snapshot is enough.)
   */
  private async changeLibrary(change: (data: LibraryFile) => void): Promise<void> {
    const before = { ...this.library.data, articles: [...this.library.data.articles] };
    change(this.library.data);
    try {
      await this.library.write();
    } catch (error) {
      this.library.data = before;
      throw error;
    }
  }

  listMeta(): readonly ArticleMeta[] {
    return this.library.data.articles;
  }

  getMeta(id: string): ArticleMeta {
    const meta = this.library.data.articles.find((article) => article.id === id);
    if (!meta) throw new QirtasError('NOT_FOUND', `No article with id "${id}".`);
    return meta;
  }

  get settings(): Settings {
    return this.library.data.settings;
  }

  /** Reads one article's blocks and annotations. A damaged file is reported by name, never rewritten. */
  async readArticle(id: string): Promise<ArticleFile> {
    this.getMeta(id);
    const path = this.articlePath(id);
    const file = await readJsonFile(path, ArticleFile);
    if (!file) throw new QirtasError('DAMAGED_FILE', `${path} is missing: the article's text is gone from the data folder.`, path);
    return file;
  }

  /** Replaces one article's file (blocks and annotations). Never touches library.json. */
  async writeArticle(file: ArticleFile): Promise<void> {
    this.assertWritable();
    this.getMeta(file.id);
    await new DurableJsonFile(this.articlePath(file.id), ArticleFile).write(file);
  }

  /**
   * Adds articles: their files first, then one library.json write that makes them
   * visible. Files are written a few at a time so their fsyncs overlap.
   */
  async addArticles(entries: ReadonlyArray<{ meta: ArticleMeta; file: ArticleFile }>): Promise<void> {
    this.assertWritable();
    let next = 0;
    const writer = async () => {
      while (next < entries.length) {
        const { meta, file } = entries[next++] as { meta: ArticleMeta; file: ArticleFile };
        await new DurableJsonFile(this.articlePath(meta.id), ArticleFile).write(file);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, entries.length) }, writer));
    await this.changeLibrary((data) => {
      data.articles.push(...entries.map((entry) => entry.meta));
    });
  }

  /** Replaces one article's metadata in library.json. */
  async updateMeta(id: string, change: (meta: ArticleMeta) => ArticleMeta): Promise<ArticleMeta> {
    this.assertWritable();
    const index = this.library.data.articles.findIndex((article) => article.id === id);
    if (index < 0) throw new QirtasError('NOT_FOUND', `No article with id "${id}".`);
    const updated = change(this.library.data.articles[index] as ArticleMeta);
    await this.changeLibrary((data) => {
      data.articles[index] = updated;
    });
    return updated;
  }

  /** Deletes an article for good: drop it from library.json first, so a crash leaves at most an unreferenced file. */
  async removeArticle(id: string): Promise<void> {
    this.assertWritable();
    const path = this.articlePath(id);
    this.getMeta(id);
    await this.changeLibrary((data) => {
      data.articles = data.articles.filter((article) => article.id !== id);
    });
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    // Written whole: settings are small and change rarely.
    this.assertWritable();
    await this.changeLibrary((data) => {
      data.settings = { ...data.settings, ...patch };
    });
    return this.library.data.settings;
  }
}
