/**
 * The library in memory: article metadata (frozen, indexed by id), settings and
 * the other top-level keys, plus what this version does not know (kept for the
 * next save). Turns a changed draft into a whole-value {@link LibraryChange},
 * applies changes (the same code for a live change and for a journal replay, so
 * memory always equals what a restart would load), and serialises library.json.
 *
 * Metadata objects are frozen: a change replaces an article's metadata object
 * rather than editing it, which is how a change is found without comparing
 * 50,000 objects field by field. Editing one in place throws.
 */
import { randomBytes } from 'node:crypto';
import { QirtasError } from '../../common/errors.js';
import { type ArticleMeta, ArticleMeta as ArticleMetaSchema, LibraryFile, SCHEMA_VERSION } from '../../common/types/article.js';
import type { LibraryChange } from './library-journal.js';
import { type Extras, unknownKeys, unknownKeysById, withExtras } from './unknown-keys.js';

/** Store-owned key of library.json: which journal lines apply to it. */
export const JOURNAL_BASE_KEY = 'journalBase';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function newJournalBase(): string {
  return randomBytes(9).toString('base64url');
}

export class LibraryState {
  private articles: ArticleMeta[];
  private readonly position = new Map<string, number>();
  /** Top-level values other than articles (settings, …), frozen. */
  private rest: Omit<LibraryFile, 'articles'>;

  private constructor(
    data: LibraryFile,
    private readonly topExtras: Extras | null,
    private readonly metaExtras: Map<string, Extras>,
    /** journalBase of the library.json this state was loaded from ('' when none). */
    public base: string,
  ) {
    const { articles, ...rest } = data;
    this.articles = articles.map((meta) => deepFreeze(meta));
    this.articles.forEach((meta, index) => this.position.set(meta.id, index));
    this.rest = deepFreeze(rest);
  }

  /** From library.json as read (null: there is none yet). */
  static load(read: { data: LibraryFile; raw: Record<string, unknown> } | null): LibraryState {
    if (!read) return new LibraryState(LibraryFile.parse({ schemaVersion: SCHEMA_VERSION, articles: [] }), null, new Map(), '');
    const extras = unknownKeys(read.raw, LibraryFile);
    const base = typeof extras?.[JOURNAL_BASE_KEY] === 'string' ? (extras[JOURNAL_BASE_KEY] as string) : '';
    if (extras) delete extras[JOURNAL_BASE_KEY];
    const topExtras = extras && Object.keys(extras).length > 0 ? extras : null;
    return new LibraryState(read.data, topExtras, unknownKeysById(read.raw.articles, ArticleMetaSchema), base);
  }

  get data(): LibraryFile {
    return { ...this.rest, articles: this.articles } as LibraryFile;
  }

  get list(): readonly ArticleMeta[] {
    return this.articles;
  }

  indexOf(id: string): number | undefined {
    return this.position.get(id);
  }

  /** An independent copy (for a change that must be written whole before memory may show it). */
  copy(): LibraryState {
    return new LibraryState({ ...this.rest, articles: [...this.articles] } as LibraryFile, this.topExtras, new Map(this.metaExtras), this.base);
  }

  get(id: string): ArticleMeta | undefined {
    const index = this.position.get(id);
    return index === undefined ? undefined : this.articles[index];
  }

  /** A draft a change may edit: its own articles array and top-level object; metadata objects stay frozen. */
  draft(): LibraryFile {
    return { ...this.rest, articles: [...this.articles] } as LibraryFile;
  }

  /**
   * What `draft` changed, validated (a change that would make library.json
   * unreadable is refused before anything is written). null: nothing changed.
   * Order of `draft.articles` is not kept: existing articles stay where they
   * were, new ones are appended (lists are sorted when shown).
   */
  diff(draft: LibraryFile): LibraryChange | null {
    const old = this.articles;
    const next = draft.articles;
    let put: ArticleMeta[] = [];
    let del: string[] = [];
    // Fast path (every change made by replacing slots or appending): pointer comparisons only —
    // a Map lookup per article costs tens of milliseconds at 50,000.
    let general = next.length < old.length;
    for (let index = 0; !general && index < old.length; index += 1) {
      const meta = next[index];
      if (meta === old[index]) continue;
      if (meta?.id !== (old[index] as ArticleMeta).id) general = true;
      else put.push(meta);
    }
    const appended = new Set<string>();
    for (let index = old.length; !general && index < next.length; index += 1) {
      const id = next[index]?.id as string;
      if (this.position.has(id) || appended.has(id)) general = true;
      appended.add(id);
      put.push(next[index] as ArticleMeta);
    }
    if (general) {
      put = [];
      const ids = new Set<string>();
      for (const meta of next) {
        if (ids.has(meta?.id)) throw new QirtasError('INTERNAL', 'A library change listed an article twice; nothing was saved.');
        ids.add(meta?.id);
        if (this.get(meta?.id) !== meta) put.push(meta);
      }
      del = old.filter((meta) => !ids.has(meta.id)).map((meta) => meta.id);
    }
    const set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(draft)) {
      if (key === 'articles' || (this.rest as Record<string, unknown>)[key] === value) continue;
      const schema = (LibraryFile.shape as Record<string, { parse(value: unknown): unknown }>)[key];
      if (!schema) throw new QirtasError('INTERNAL', `A library change set "${key}", which library.json does not have; nothing was saved.`);
      set[key] = schema.parse(value);
    }
    if (put.length === 0 && del.length === 0 && Object.keys(set).length === 0) return null;
    const change: LibraryChange = {};
    if (put.length > 0) change.put = put.map((meta) => ArticleMetaSchema.parse(meta));
    if (del.length > 0) change.del = del;
    if (Object.keys(set).length > 0) change.set = set;
    return change;
  }

  /** Applies a change (live or replayed). */
  apply(change: LibraryChange): void {
    if (change.del && change.del.length > 0) {
      const gone = new Set(change.del);
      this.articles = this.articles.filter((meta) => !gone.has(meta.id));
      for (const id of gone) this.metaExtras.delete(id);
      this.position.clear();
      this.articles.forEach((meta, index) => this.position.set(meta.id, index));
    }
    for (const meta of change.put ?? []) {
      const frozen = deepFreeze(meta);
      const index = this.position.get(meta.id);
      if (index === undefined) {
        this.position.set(meta.id, this.articles.length);
        this.articles.push(frozen);
      } else this.articles[index] = frozen;
    }
    if (change.set) this.rest = deepFreeze({ ...this.rest, ...change.set });
  }

  /** library.json's text with a new journal base (and every key this version does not know). */
  serialise(base: string): string {
    const articles = this.metaExtras.size === 0 ? this.articles : this.articles.map((meta) => withExtras(meta, this.metaExtras.get(meta.id)));
    const { schemaVersion, ...rest } = this.rest;
    return `${JSON.stringify({ ...this.topExtras, schemaVersion, [JOURNAL_BASE_KEY]: base, ...rest, articles })}\n`;
  }
}
