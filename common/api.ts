/**
 * The one API contract (design §2): every operation the UI may ask for, with a zod
 * schema for its arguments and one for its result. The Electron IPC handler, the
 * HTTP host and the CLI all go through the same dispatcher that validates against
 * these schemas; the renderer's client is typed from them.
 */
import { z } from 'zod';
import type { ApiResponse } from './errors.js';
import { type OperationName, OPERATION_NAMES } from './operations.js';
import { ArticleMeta, Annotation, Block, ColorLabels, HighlightColor, IsoDate, Locale, ReaderSettings, Settings } from './types/article.js';

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
      .refine((value) => value === '' || /^https?:\/\//i.test(value), 'url must start with http:// or https://'),
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
  z.object({ status: z.literal('imported'), article: ArticleMeta }),
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
  z.object({ status: z.literal('done'), outcomes: z.array(ImportOutcome), warnings: z.array(z.string()) }),
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
  /** The first match in the canonical text (null when only metadata matched). */
  firstMatch: Range.nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({ results: z.array(SearchResult), didYouMean: z.string().optional() });
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
    args: z.object({ locale: Locale.optional(), reader: ReaderSettings.partial().optional(), colorLabels: ColorLabels.optional() }),
    result: Settings,
  },
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
  | { type: 'settings-changed' };

export function isOperationName(value: string): value is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(value);
}
