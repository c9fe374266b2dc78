/**
 * The one API contract (design §2): every operation the UI may ask for, with a zod
 * schema for its arguments and one for its result. The Electron IPC handler, the
 * HTTP host and the CLI all go through the same dispatcher that validates against
 * these schemas; the renderer's client is typed from them.
 */
import { z } from 'zod';
import type { ApiResponse } from './errors.js';
import { type OperationName, OPERATION_NAMES } from './operations.js';
import { ArticleMeta, Annotation, Block, ColorLabels, HighlightColor, IsoDate, Locale, ReaderSettingsPatch, Settings } from './types/article.js';
import { isAcceptableLink } from './url-rule.js';
import { ImportWarning } from './import-warnings.js';
import { BackupInfo, BackupList, BackupSettings, ExportFile, ExportPreview, ExportRequest, ImportJsonReport, RestoreResult } from './api-export.js';
export * from './api-export.js';
import { Collection, LibraryFilters, LibraryScope, LibrarySort, ReadingStatus, SavedSearch } from './types/library.js';
import { GetUiStateResult, PatchUiStateArgs, PatchUiStateResult } from './ui-state.js';

const Id = z.object({ id: z.string().min(1).max(200) });

/** Metadata a user may edit. Every field optional: a patch. */
export const ArticlePatch = z
  .object({
    title: z.string().trim().min(1, 'title cannot be empty').max(500),
    source: z.string().max(500),
    author: z.string().max(500),
    url: z
      .string()
      .max(2000)
      // The one link rule (common/url-rule.ts): an edited link is refused, not silently dropped.
      .refine(isAcceptableLink, 'url must start with http:// or https:// (an absolute web link)'),
    published: IsoDate.nullable(),
    tags: z.array(z.string().trim().min(1).max(100)).max(100),
  })
  .partial();
export type ArticlePatch = z.infer<typeof ArticlePatch>;

export const ImportTextArgs = z.object({
  text: z.string().max(50 * 1024 * 1024),
  /** Shown in messages about this text (a file name, or "pasted text"). */
  origin: z.string().max(1000).optional(),
  title: z.string().max(500).optional(),
  source: z.string().max(500).optional(),
  tags: z.array(z.string()).max(100).optional(),
});

export const ImportOutcome = z.discriminatedUnion('status', [
  /**
   * warnings: what the user should know about this article (a dropped link, a dataset record whose text another
   * record already has…), in plain English; codedWarnings: the same as codes with parameters, which the UI words
   * in the user's language (common/import-warnings.ts).
   */
  z.object({ status: z.literal('imported'), article: ArticleMeta, warnings: z.array(z.string()).optional(), codedWarnings: z.array(ImportWarning).optional() }),
  /** The same text (by normalized content hash) is already in the archive. */
  z.object({ status: z.literal('duplicate'), existing: ArticleMeta }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** One file sent from the UI (dropped or picked), its bytes as base64. */
export const ImportFileArgs = z.object({
  name: z.string().min(1).max(1000),
  data: z.string().max(70 * 1024 * 1024),
  format: z.enum(['txt', 'markdown', 'html', 'docx', 'pdf', 'jsonl', 'csv']).optional(),
  encoding: z.string().max(40).optional(),
  tags: z.array(z.string()).max(100).optional(),
});

export const ImportFileResult = z.discriminatedUnion('status', [
  /** warnings / codedWarnings: every warning of the file (its articles' too), as in ImportOutcome. */
  z.object({ status: z.literal('done'), outcomes: z.array(ImportOutcome), warnings: z.array(z.string()), codedWarnings: z.array(ImportWarning).optional() }),
  /** The text encoding could not be told for sure: ask the user and send the file again with `encoding`. */
  z.object({ status: z.literal('needs-encoding'), message: z.string(), candidates: z.array(z.string()) }),
]);
export type ImportFileResult = z.infer<typeof ImportFileResult>;

export const ArticleView = z.enum(['library', 'trash']);
export type ArticleView = z.infer<typeof ArticleView>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  host: z.enum(['electron', 'browser', 'cli']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Where an annotation sits in the current text, or that it could not be placed (an orphan, kept and listed). */
export const AnnotationAnchor = z.discriminatedUnion('status', [
  z.object({ status: z.literal('anchored'), start: z.number().int(), end: z.number().int() }),
  z.object({ status: z.literal('orphan') }),
]);
export type AnnotationAnchor = z.infer<typeof AnnotationAnchor>;

export const AnchoredAnnotation = Annotation.extend({ anchor: AnnotationAnchor, quote: z.string() });
export type AnchoredAnnotation = z.infer<typeof AnchoredAnnotation>;

export const FullArticle = z.object({
  meta: ArticleMeta,
  blocks: z.array(Block),
  /** In text order; orphans last. */
  annotations: z.array(AnchoredAnnotation),
});
export type FullArticle = z.infer<typeof FullArticle>;

const Range = z.object({ start: z.number().int(), end: z.number().int() });

export const SearchArgs = z.object({
  query: z.string().max(1000),
  limit: z.number().int().min(1).max(500).default(20),
  tag: z.string().optional(),
  source: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  hasHighlights: z.boolean().optional(),
  color: HighlightColor.optional(),
  /** Diacritics and hamza respected as typed. */
  exact: z.boolean().default(false),
  /** Type-ahead: the last word also matches as a prefix. */
  prefix: z.boolean().default(false),
});
export type SearchArgs = z.input<typeof SearchArgs>;

export const SearchResult = z.object({
  id: z.string(),
  externalId: z.string().optional(),
  title: z.string(),
  score: z.number(),
  /** Found only through a typo-tolerant candidate: shown as "approximate", never as a confident match. */
  approximate: z.boolean(),
  snippet: z.object({ text: z.string(), highlights: z.array(Range) }),
  /** Where the snippet comes from: the body, or the title when the title holds the match best. */
  snippetField: z.enum(['title', 'body']).optional(),
  /** The match the snippet shows, in the canonical text (null when only metadata matched): Enter scrolls there. */
  firstMatch: Range.nullable(),
  /** Issue 9: the article holds only some of the query's words ("partial: n of m"); the missing ones as typed. */
  partial: z.object({ matched: z.number().int(), total: z.number().int(), missing: z.array(z.string()) }).optional(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({
  results: z.array(SearchResult),
  didYouMean: z.string().optional(),
  /** Latin query words and the Arabic words of the archive they were searched as («Homs → حمص»). */
  searched: z.array(z.object({ word: z.string(), forms: z.array(z.string()) })).optional(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const QuickMatch = z.object({
  kind: z.enum(['article', 'tag', 'source']),
  id: z.string(),
  label: z.string(),
  score: z.number(),
  ranges: z.array(Range),
});
export type QuickMatch = z.infer<typeof QuickMatch>;

const Tags = z.array(z.string().trim().min(1).max(100)).max(100);
const AnnotationRef = z.object({ articleId: z.string().min(1), annotationId: z.string().min(1) });

export const AnnotationPatch = z.object({ color: HighlightColor, note: z.string().max(100_000), tags: Tags }).partial();

export const NotesFilter = z.object({
  color: HighlightColor.optional(),
  tag: z.string().optional(),
  articleId: z.string().optional(),
  /** Created on or after / before or on (YYYY-MM-DD). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Words in the note or the highlighted text (Arabic folding applies). */
  text: z.string().max(500).optional(),
});
export type NotesFilter = z.infer<typeof NotesFilter>;

export const NoteEntry = z.object({
  article: ArticleMeta.pick({ id: true, title: true, source: true, published: true }),
  annotation: AnchoredAnnotation,
});
export type NoteEntry = z.infer<typeof NoteEntry>;

/* ---- Research library (issue 10): listing, collections, saved searches, bulk actions, reading status ---- */

/** An article as the library lists it: its metadata with every library field filled in. */
export const LibraryRow = ArticleMeta.extend({
  readingStatus: ReadingStatus,
  progress: z.number().min(0).max(1),
  lastReadAt: z.string().nullable(),
  collectionIds: z.array(z.string()),
  highlightCount: z.number().int().nonnegative(),
});
export type LibraryRow = z.infer<typeof LibraryRow>;

/** One value of a facet and how many articles have it. `value` is shown as stored (the first spelling met); filters compare it folded. */
export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

/**
 * Counts for the facet sidebar, over the scope and the filter text. Each facet is
 * counted with every *other* facet's selection applied but not its own, so the
 * alternatives of a facet stay visible while one is chosen. Most frequent first.
 */
export const LibraryFacets = z.object({
  tags: z.array(FacetCount),
  sources: z.array(FacetCount),
  authors: z.array(FacetCount),
  /** Publication years, newest first; "" counts the undated. */
  years: z.array(FacetCount),
  /** One entry per reading status (unread, reading, read), in that order. */
  status: z.array(FacetCount),
  hasHighlights: z.object({ with: z.number().int(), without: z.number().int() }),
});
export type LibraryFacets = z.infer<typeof LibraryFacets>;

/**
 * The library listing. The core sorts and filters (it keeps collation keys and
 * folded text ready) and returns one window of rows: the renderer's virtualised
 * list asks for the rows it shows, so 50,000 articles never cross the boundary at
 * once. `ids: true` adds every matching id in order (Select all, bulk actions).
 */
export const ListLibraryArgs = z.object({
  scope: LibraryScope.default({ kind: 'all' }),
  sort: LibrarySort.default({ field: 'added', direction: 'desc' }),
  filters: LibraryFilters.default({}),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(0).max(100_000).default(200),
  facets: z.boolean().default(false),
  ids: z.boolean().default(false),
});
export type ListLibraryArgs = z.input<typeof ListLibraryArgs>;

export const ListLibraryResult = z.object({
  /** Articles matching scope and filters. */
  total: z.number().int(),
  /** Articles in the scope before filters (for "12 of 340"). */
  scopeTotal: z.number().int(),
  offset: z.number().int(),
  rows: z.array(LibraryRow),
  ids: z.array(z.string()).optional(),
  facets: LibraryFacets.optional(),
});
export type ListLibraryResult = z.infer<typeof ListLibraryResult>;

export const CollectionInfo = Collection.extend({
  /** Articles (not in the trash) in this collection itself. */
  count: z.number().int(),
  /** With those of its sub-collections, each article once. */
  deepCount: z.number().int(),
});
export type CollectionInfo = z.infer<typeof CollectionInfo>;

export const SavedSearchInfo = SavedSearch.extend({ count: z.number().int() });
export type SavedSearchInfo = z.infer<typeof SavedSearchInfo>;

/** Collections in tree order (each parent before its children, siblings by name), and saved searches by name. */
export const LibraryTree = z.object({ collections: z.array(CollectionInfo), savedSearches: z.array(SavedSearchInfo) });
export type LibraryTree = z.infer<typeof LibraryTree>;

const ArticleIds = z.array(z.string().min(1).max(200)).min(1).max(100_000);
const CollectionId = z.string().min(1).max(200);

/** One change applied to many articles in one durable write. */
export const BulkAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('addTags'), tags: Tags.min(1) }),
  z.object({ kind: z.literal('removeTags'), tags: Tags.min(1) }),
  z.object({ kind: z.literal('addToCollection'), collectionId: CollectionId }),
  z.object({ kind: z.literal('removeFromCollection'), collectionId: CollectionId }),
  /** By hand: unread also resets progress to 0, read sets it to 1. */
  z.object({ kind: z.literal('setStatus'), status: ReadingStatus }),
  z.object({ kind: z.literal('trash') }),
  z.object({ kind: z.literal('restore') }),
]);
export type BulkAction = z.infer<typeof BulkAction>;

export const BulkResult = z.object({
  /** Articles the action changed (those already in the wanted state are left alone and not listed). */
  changedIds: z.array(z.string()),
  /** Pass to undoBulk to put back exactly what this action changed (kept in memory for the last 20 actions). */
  undoToken: z.string(),
});
export type BulkResult = z.infer<typeof BulkResult>;

const BackupName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.zip$/, 'not a backup file name');

export const contract = {
  appInfo: { args: z.object({}), result: AppInfo },
  listArticles: { args: z.object({ view: ArticleView.default('library') }), result: z.array(ArticleMeta) },
  getArticle: { args: Id, result: FullArticle },
  importText: { args: ImportTextArgs, result: ImportOutcome },
  importSample: { args: z.object({}), result: ImportOutcome },
  /** Imports one file of any supported format; a failure is an INVALID_INPUT error naming the file and the reason. */
  importFile: { args: ImportFileArgs, result: ImportFileResult },
  updateArticle: { args: Id.extend({ patch: ArticlePatch }), result: ArticleMeta },
  trashArticle: { args: Id, result: ArticleMeta },
  restoreArticle: { args: Id, result: ArticleMeta },
  /** Deletes for good; only articles already in the trash. */
  deleteArticle: { args: Id, result: z.object({ id: z.string() }) },
  /** Highlights [start, end) of the canonical text (snapped so no mark leaves its letter). */
  addAnnotation: {
    args: z.object({ articleId: z.string().min(1), start: z.number().int().nonnegative(), end: z.number().int().positive(), color: HighlightColor, note: z.string().max(100_000).optional(), tags: Tags.optional() }),
    result: AnchoredAnnotation,
  },
  updateAnnotation: { args: AnnotationRef.extend({ patch: AnnotationPatch }), result: AnchoredAnnotation },
  /** Returns the deleted annotation so the UI can offer Undo (restoreAnnotation). */
  deleteAnnotation: { args: AnnotationRef, result: Annotation },
  restoreAnnotation: { args: z.object({ articleId: z.string().min(1), annotation: Annotation }), result: AnchoredAnnotation },
  listAnnotations: { args: NotesFilter, result: z.array(NoteEntry) },
  /** Replaces the article's text (one paragraph per line); highlights follow it or become orphans. */
  updateArticleText: { args: z.object({ id: z.string().min(1), text: z.string().min(1).max(50 * 1024 * 1024) }), result: FullArticle },
  /** In-article find with the same Arabic folding as search (exact: diacritics and hamza respected). Ranges in the canonical text. */
  findInArticle: {
    args: z.object({ id: z.string().min(1), query: z.string().max(500), exact: z.boolean().default(false) }),
    result: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  },
  search: { args: SearchArgs, result: SearchResponse },
  /** Fuzzy titles, tags and sources for the quick switcher (fuse.js over short lists). */
  quickOpen: { args: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }), result: z.array(QuickMatch) },
  /** Every tag and source in the library, for filters and suggestions. */
  listFacets: { args: z.object({}), result: z.object({ tags: z.array(z.string()), sources: z.array(z.string()) }) },
  getSettings: { args: z.object({}), result: Settings },
  updateSettings: {
    args: z.object({ locale: Locale.optional(), reader: ReaderSettingsPatch.optional(), colorLabels: ColorLabels.optional() }),
    result: Settings,
  },
  /** One export file (issue 6): the bytes as base64, to download or save. PDF needs a renderer (Electron's printToPDF or Chromium). */
  exportNotes: { args: ExportRequest, result: ExportFile },
  /** The export as structured data (for the preview and the print view) and, for text formats, the file's text. */
  previewExport: { args: ExportRequest.extend({ maxEntries: z.number().int().min(1).max(1_000_000).default(60) }), result: ExportPreview },
  /** Imports a Qirtas JSON export (W3C Web Annotation collection): new articles are added, known ones get the highlights they lack. */
  importAnnotationsJson: { args: z.object({ name: z.string().min(1).max(1000), data: z.string().max(70 * 1024 * 1024) }), result: ImportJsonReport },
  listBackups: { args: z.object({}), result: BackupList },
  /** A verified backup zip in the data folder's backups/: the whole archive, or one collection. */
  createBackup: {
    /** `collection` (an id): back up only that collection with its sub-collections and their articles (issue 10). */
    args: z.object({ collection: z.string().min(1).max(200).optional() }),
    result: BackupInfo,
  },
  /** Restores a backup from backups/ (name) or a zip sent from the UI (fileName + base64 data); verified before anything changes. */
  restoreBackup: {
    args: z.union([z.object({ name: BackupName }), z.object({ fileName: z.string().min(1).max(1000), data: z.string().max(80 * 1024 * 1024) })]),
    result: RestoreResult,
  },
  updateBackupSettings: { args: BackupSettings.partial(), result: BackupSettings },
  /** A backup zip from backups/, its bytes as base64: how the browser shell (and any host) downloads a backup (issue 12). */
  downloadBackup: { args: z.object({ name: BackupName }), result: z.object({ fileName: z.string(), mimeType: z.string(), data: z.string(), size: z.number().int() }) },
  /** The library: one window of sorted, filtered rows of a scope (all, collection, saved search, trash), with facets on request. */
  listLibrary: { args: ListLibraryArgs, result: ListLibraryResult },
  /** Every collection (tree order, with counts) and saved search (with its live count). */
  listCollections: { args: z.object({}), result: LibraryTree },
  /** A new collection, at the top level or inside `parentId`. Names are unique among siblings (folded); CONFLICT otherwise. */
  createCollection: { args: z.object({ name: Collection.shape.name, parentId: CollectionId.nullable().default(null) }), result: Collection },
  /** Rename and/or move (parentId null: to the top level). Moving into itself or a descendant is BAD_ARGS. */
  updateCollection: {
    args: z.object({ id: CollectionId, name: Collection.shape.name.optional(), parentId: CollectionId.nullable().optional() }),
    result: Collection,
  },
  /**
   * Deletes a collection; its articles are never deleted, only taken out of it.
   * Its sub-collections move up to its parent ('lift', the default) or are deleted with it ('delete').
   */
  deleteCollection: {
    args: z.object({ id: CollectionId, subcollections: z.enum(['lift', 'delete']).default('lift') }),
    result: z.object({ deletedIds: z.array(z.string()), articlesChanged: z.number().int() }),
  },
  /**
   * Saves a search with its filters under a name: a new one without `id`; with `id`, that one is updated, and
   * what is left out (query, exact, filters) is kept — `{ id, name }` renames it.
   */
  saveSearch: {
    args: z.object({ id: z.string().min(1).max(200).optional(), name: SavedSearch.shape.name, query: z.string().max(1000).optional(), exact: z.boolean().optional(), filters: LibraryFilters.optional() }),
    result: SavedSearch,
  },
  deleteSavedSearch: { args: Id, result: z.object({ id: z.string() }) },
  /** Applies one action to many articles in one durable write; unknown ids are NOT_FOUND and change nothing. */
  bulkUpdate: { args: z.object({ ids: ArticleIds, action: BulkAction }), result: BulkResult },
  /** Undoes a bulkUpdate: puts back the fields it changed on the articles it changed. */
  undoBulk: { args: z.object({ undoToken: z.string().min(1).max(200) }), result: z.object({ changedIds: z.array(z.string()) }) },
  /**
   * The reader reports where the user is (progress 0–1 of the text); sets lastReadAt.
   * `atEnd` (or progress ≥ 0.98) marks the article read; otherwise an unread article becomes "reading".
   */
  recordReading: { args: z.object({ id: z.string().min(1).max(200), progress: z.number().min(0).max(1), atEnd: z.boolean().default(false) }), result: LibraryRow },
  /** The window's remembered state (library view, theme, reading positions) from the data folder's ui-state.json (common/ui-state.ts). */
  getUiState: { args: z.object({}), result: GetUiStateResult },
  /** Sets some keys of it (null clears one); saved coalesced, or at once with `flush`. */
  patchUiState: { args: PatchUiStateArgs, result: PatchUiStateResult },
} satisfies Record<OperationName, { args: z.ZodType; result: z.ZodType }>;

// Compile-time check: the contract has exactly the operations that OPERATION_NAMES lists.
type MissingFromNames = Exclude<keyof typeof contract, OperationName>;
const namesCoverContract: MissingFromNames extends never ? true : never = true;
void namesCoverContract;
export { OPERATION_NAMES };
export type { OperationName };

export type Contract = typeof contract;
export type ArgsOf<K extends OperationName> = z.input<Contract[K]['args']>;
export type ResultOf<K extends OperationName> = z.output<Contract[K]['result']>;

/** The API as the renderer sees it: one async function per operation. */
export type ArchiveApi = { [K in OperationName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

/** What the raw transports carry (IPC invoke result, HTTP response body). */
export type WireResponse = ApiResponse<unknown>;

/** Push events: IPC `send` under Electron, Server-Sent Events in the browser shell. */
export type ArchiveEvent =
  | { type: 'articles-changed' }
  /** One article's text or annotations changed. */
  | { type: 'article-changed'; id: string }
  | { type: 'settings-changed' }
  /** Collections or saved searches were created, renamed, moved or deleted (memberships come as articles-changed). */
  | { type: 'collections-changed' };

export function isOperationName(value: string): value is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(value);
}
