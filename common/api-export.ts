/**
 * The export and backup part of the API contract (issue 6, 12): formats, scopes
 * and options of an export, the structured view every format renders, the JSON
 * import report, backups and restore. common/api.ts re-exports all of it and
 * uses it in the contract's operations.
 */
import { z } from 'zod';
import { Block, HighlightColor, IsoDate, Locale } from './types/article.js';

export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'docx', 'json', 'csv', 'csl', 'bib', 'ris'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** What to export: one or several articles, a tag, a colour, the results of a search, or everything. */
export const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('articles'), ids: z.array(z.string().min(1).max(200)).min(1).max(100_000) }),
  /** Articles with this tag, and highlights with it in any article. */
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(100) }),
  z.object({ kind: z.literal('color'), color: HighlightColor }),
  /** The articles a search finds (at most 500, best first). */
  z.object({ kind: z.literal('query'), query: z.string().trim().min(1).max(1000), exact: z.boolean().default(false) }),
  /** The articles of a collection (issue 10); `deep` (the default) adds those of its sub-collections. */
  z.object({ kind: z.literal('collection'), id: z.string().min(1).max(200), deep: z.boolean().default(true) }),
]);
export type ExportScope = z.input<typeof ExportScope>;

export const ExportOptions = z.object({
  /** Only the highlights with their notes and tags (false: the article text with highlights marked). */
  onlyHighlights: z.boolean().default(false),
  /** How highlights are grouped when only highlights are exported (the text is always by article). */
  groupBy: z.enum(['article', 'color', 'tag']).default('article'),
  /** Language of the export's own labels ("Note", "Source"…); the articles keep theirs. */
  locale: Locale.default('ar'),
});
export type ExportOptions = z.output<typeof ExportOptions>;

export const ExportRequest = z.object({
  scope: ExportScope,
  format: ExportFormat,
  options: ExportOptions.default({ onlyHighlights: false, groupBy: 'article', locale: 'ar' }),
});
export type ExportRequest = z.input<typeof ExportRequest>;

export const ExportCitation = z.object({ title: z.string(), source: z.string(), author: z.string(), url: z.string(), published: IsoDate.nullable() });
export type ExportCitation = z.infer<typeof ExportCitation>;

/** One highlight as exports show it: quote, note, tags, its citation and where it is (null for an orphan). */
export const ExportEntry = z.object({
  id: z.string(),
  articleId: z.string(),
  color: HighlightColor,
  colorLabel: z.string(),
  quote: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  /** UTF-16 offsets in the canonical text and the 1-based number of the block (paragraph or heading) it starts in. */
  position: z.object({ start: z.number().int(), end: z.number().int(), paragraph: z.number().int() }).nullable(),
  citation: ExportCitation,
  /** Its number among the notes of its section (the marks in the text refer to it); 0 when it has no note or tags. */
  noteNumber: z.number().int(),
});
export type ExportEntry = z.infer<typeof ExportEntry>;

/** A piece of a block: plain, or highlighted in a colour; `notes` are the note numbers whose highlight ends here. */
export const ExportSegment = z.object({
  text: z.string(),
  /** The innermost highlight's colour. */
  color: HighlightColor.optional(),
  /** Set where highlights overlap: every colour covering the text, outermost first. */
  colors: z.array(HighlightColor).optional(),
  notes: z.array(z.number().int()).optional(),
});
export type ExportSegment = z.infer<typeof ExportSegment>;

export const ExportSection = z.object({
  kind: z.enum(['article', 'color', 'tag']),
  title: z.string(),
  color: HighlightColor.optional(),
  /** Set for an article section. */
  citation: ExportCitation.optional(),
  articleId: z.string().optional(),
  entries: z.array(ExportEntry),
  /** The article text with its highlights, when the text is exported. */
  blocks: z.array(z.object({ kind: Block.shape.kind, segments: z.array(ExportSegment) })).optional(),
});
export type ExportSection = z.infer<typeof ExportSection>;

/** The export as structured data: what every format renders, the preview and the print view show. */
export const ExportView = z.object({
  title: z.string(),
  generated: z.string(),
  locale: Locale,
  onlyHighlights: z.boolean(),
  articleCount: z.number().int(),
  highlightCount: z.number().int(),
  sections: z.array(ExportSection),
  /** The preview was cut at maxEntries highlights. */
  truncated: z.boolean(),
});
export type ExportView = z.infer<typeof ExportView>;

export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64. */
  data: z.string(),
  size: z.number().int(),
  articleCount: z.number().int(),
  highlightCount: z.number().int(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const ExportPreview = z.object({
  /** The file as text (formats that are text), cut at 200,000 characters; null for DOCX and PDF. */
  text: z.string().nullable(),
  textTruncated: z.boolean(),
  view: ExportView,
});
export type ExportPreview = z.infer<typeof ExportPreview>;

export const ImportJsonReport = z.object({
  articlesAdded: z.number().int(),
  /** Articles already in the archive (same text): their highlights were merged in. */
  articlesMerged: z.number().int(),
  annotationsAdded: z.number().int(),
  /** Already present (same id). */
  annotationsSkipped: z.number().int(),
  /** Could not be placed in the article's text: kept as orphans. */
  orphans: z.number().int(),
  /** Things the user should know, e.g. a source link that was not http(s) and was dropped (issue 13). */
  warnings: z.array(z.string()).optional(),
});
export type ImportJsonReport = z.infer<typeof ImportJsonReport>;

export const BackupKind = z.enum(['auto', 'manual', 'before-restore', 'uploaded']);
/** A backup of one collection (with its sub-collections) rather than the whole archive: restoring it adds, never replaces. */
export const BackupCollectionScope = z.object({
  kind: z.literal('collection'),
  id: z.string(),
  name: z.string(),
  /** «parent/child» names from the top level when it was backed up. */
  path: z.string(),
  /** The collection and every sub-collection in the backup. */
  collectionCount: z.number().int(),
});
export type BackupCollectionScope = z.infer<typeof BackupCollectionScope>;
export const BackupInfo = z.object({
  name: z.string(),
  kind: BackupKind,
  created: z.string(),
  size: z.number().int(),
  articleCount: z.number().int(),
  annotationCount: z.number().int(),
  /** Absent: the whole archive. */
  scope: BackupCollectionScope.optional(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupSettings = z.object({
  /** Automatic backups while the app is open: one a day. */
  enabled: z.boolean(),
  /** Automatic backups kept (older ones are deleted). */
  keep: z.number().int().min(1).max(100),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupList = z.object({ folder: z.string(), backups: z.array(BackupInfo), settings: BackupSettings });
export type BackupList = z.infer<typeof BackupList>;

/** What restoring a collection backup did: it merges into the archive, never replacing or deleting anything. */
export const RestoreMergeReport = z.object({
  /** The collection as it is now in the archive (its name may have changed when another one of that name sat in the same place). */
  collection: z.object({ id: z.string(), name: z.string() }),
  articlesAdded: z.number().int(),
  annotationsAdded: z.number().int(),
  /** Articles of the backup that were already in the archive (same id or same text): left as they are, with their highlights. */
  articlesKept: z.number().int(),
  /** A few of their titles, for the report (at most 20). */
  keptTitles: z.array(z.string()),
  collectionsCreated: z.number().int(),
  /** Already in the archive (same id): kept with their current name and place. */
  collectionsExisting: z.number().int(),
  /** Re-created under another name because a different collection of that name sat in the same place. */
  collectionsRenamed: z.array(z.object({ from: z.string(), to: z.string() })),
  /** Articles already in the archive put back into the backup's collections. */
  membershipsAdded: z.number().int(),
});
export type RestoreMergeReport = z.infer<typeof RestoreMergeReport>;

export const RestoreResult = z.object({
  /** 'archive': the whole archive was replaced; 'collection': a collection backup was merged in. Absent in results from before issue 10: 'archive'. */
  scope: z.enum(['archive', 'collection']).optional(),
  articleCount: z.number().int(),
  annotationCount: z.number().int(),
  /** Where the archive that was replaced was kept (a folder in backups/); '' when nothing was replaced. */
  previousKeptAt: z.string(),
  /** Set for a collection backup. */
  merge: RestoreMergeReport.optional(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;
