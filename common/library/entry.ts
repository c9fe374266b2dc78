/**
 * One article as the library works with it: its metadata, the library fields with
 * their defaults, and the folded values that filters, facets and sorting compare.
 * Short repeated values (sources, authors, tags) are folded once per distinct
 * spelling; title keys are folded on first need, since a plain listing by date
 * needs none of them.
 */
import type { ArticleMeta } from '../types/article.js';
import type { ReadingStatus } from '../types/library.js';
import { collationKey, collationKeyOfFolded, foldText } from './collation.js';

export interface LibraryEntry {
  readonly meta: ArticleMeta;
  /** Creation order of entries (a changed article gets a new entry, so a later number). */
  readonly seq: number;
  /** Scratch mark for OrderCache (which entries a new universe still holds). */
  mark: number;
  readonly status: ReadingStatus;
  readonly highlightCount: number;
  readonly sourceKey: string;
  readonly authorKey: string;
  /** Collation keys (leading article dropped) of source and author; "" when there is none. */
  readonly sourceKeySort: string;
  readonly authorKeySort: string;
  readonly tagKeys: readonly string[];
  /** "2023", or "" when undated. */
  readonly year: string;
  /** Milliseconds; NaN when never read. */
  readonly addedTime: number;
  readonly lastReadTime: number;
  /** Filled on first need by foldedTitleOf / titleKeyOf / haystackOf / joinedHaystackOf. */
  foldedTitle: string | null;
  titleKey: string | null;
  haystack: string | null;
  joinedHaystack: string | null;
}

/** Folds each distinct short value once (sources, authors and tags repeat across thousands of articles). */
export class FoldCache {
  private readonly folded = new Map<string, string>();
  private readonly sortKeys = new Map<string, string>();

  fold(value: string): string {
    let result = this.folded.get(value);
    if (result === undefined) {
      result = foldText(value);
      if (this.folded.size < 200_000) this.folded.set(value, result);
    }
    return result;
  }

  /** The collation key of a source or an author (article stripped), cached like fold. */
  sortKey(value: string): string {
    let result = this.sortKeys.get(value);
    if (result === undefined) {
      result = collationKey(value);
      if (this.sortKeys.size < 200_000) this.sortKeys.set(value, result);
    }
    return result;
  }
}

export function readingStatusOf(meta: ArticleMeta): ReadingStatus {
  return meta.readingStatus ?? 'unread';
}

let entrySeq = 0;

/** The seq the next entry will get: entries made before this call have a smaller one. */
export function nextEntrySeq(): number {
  return entrySeq + 1;
}

export function makeEntry(meta: ArticleMeta, folds: FoldCache, highlightCount = meta.highlightCount ?? 0): LibraryEntry {
  entrySeq += 1;
  const lastRead = meta.lastReadAt ? Date.parse(meta.lastReadAt) : Number.NaN;
  return {
    meta,
    seq: entrySeq,
    mark: 0,
    status: readingStatusOf(meta),
    highlightCount,
    sourceKey: folds.fold(meta.source),
    authorKey: folds.fold(meta.author),
    sourceKeySort: folds.sortKey(meta.source),
    authorKeySort: folds.sortKey(meta.author),
    tagKeys: meta.tags.map((tag) => folds.fold(tag)),
    year: meta.published ? meta.published.slice(0, 4) : '',
    addedTime: Date.parse(meta.importedAt),
    lastReadTime: lastRead,
    foldedTitle: null,
    titleKey: null,
    haystack: null,
    joinedHaystack: null,
  };
}

export function foldedTitleOf(entry: LibraryEntry): string {
  entry.foldedTitle ??= foldText(entry.meta.title);
  return entry.foldedTitle;
}

export function titleKeyOf(entry: LibraryEntry): string {
  entry.titleKey ??= collationKeyOfFolded(foldedTitleOf(entry));
  return entry.titleKey;
}

/** Title, source, author and tags, folded, one per line: what the filter box searches. */
export function haystackOf(entry: LibraryEntry): string {
  if (entry.haystack === null) {
    let text = foldedTitleOf(entry);
    if (entry.sourceKey) text += `\n${entry.sourceKey}`;
    if (entry.authorKey) text += `\n${entry.authorKey}`;
    for (const tag of entry.tagKeys) text += `\n${tag}`;
    entry.haystack = text;
  }
  return entry.haystack;
}

/** Punctuation inside a word (U.S.A., O'Reilly, e-mail, 2011–2024, سوريا/حمص): between a letter or digit and the next. */
const INSIDE_WORD_PUNCTUATION = /(?<=[\p{L}\p{N}\p{M}])[\p{P}\p{S}]+(?=[\p{L}\p{N}])/gu;
const HAS_INSIDE_WORD_PUNCTUATION = /[\p{L}\p{N}\p{M}][\p{P}\p{S}]+[\p{L}\p{N}]/u;

function joinedFold(raw: string, folded: string): string {
  return HAS_INSIDE_WORD_PUNCTUATION.test(raw) ? foldText(raw.replace(INSIDE_WORD_PUNCTUATION, '')) : folded;
}

/**
 * The haystack again with punctuation inside words dropped instead of made a space
 * («U.S.A.» → "usa", «e-mail» → "email"), so a word typed without that punctuation
 * finds it, and one typed with it finds it written without. The same string as
 * haystackOf when no field has such punctuation (most Arabic titles).
 */
export function joinedHaystackOf(entry: LibraryEntry): string {
  if (entry.joinedHaystack === null) {
    const { meta } = entry;
    const fields = [meta.title, meta.source, meta.author, ...meta.tags];
    if (!fields.some((field) => HAS_INSIDE_WORD_PUNCTUATION.test(field))) entry.joinedHaystack = haystackOf(entry);
    else {
      let text = joinedFold(meta.title, foldedTitleOf(entry));
      if (entry.sourceKey) text += `\n${joinedFold(meta.source, entry.sourceKey)}`;
      if (entry.authorKey) text += `\n${joinedFold(meta.author, entry.authorKey)}`;
      meta.tags.forEach((tag, index) => {
        text += `\n${joinedFold(tag, entry.tagKeys[index] ?? '')}`;
      });
      entry.joinedHaystack = text;
    }
  }
  return entry.joinedHaystack;
}

/**
 * Keeps one entry per metadata object: the store replaces an article's metadata
 * object when it changes, so an unchanged article reuses its folded values.
 */
export class EntryCache {
  private entries = new WeakMap<ArticleMeta, LibraryEntry>();
  readonly folds = new FoldCache();

  entryOf(meta: ArticleMeta, highlightCount?: number): LibraryEntry {
    let entry = this.entries.get(meta);
    if (entry === undefined || (highlightCount !== undefined && entry.highlightCount !== highlightCount)) {
      entry = makeEntry(meta, this.folds, highlightCount);
      this.entries.set(meta, entry);
    }
    return entry;
  }
}
