/**
 * The article model (design §4): metadata kept in library.json, and the blocks and
 * annotations kept in articles/<id>.json. Zod schemas are the single source of
 * truth; the TypeScript types are inferred from them.
 */
import { z } from 'zod';
import { Collection, ReadingStatus, SavedSearch } from './library.js';

export const SCHEMA_VERSION = 1;

export const BlockKind = z.enum(['heading', 'paragraph', 'quote', 'list-item']);
export type BlockKind = z.infer<typeof BlockKind>;

export const Block = z.object({ kind: BlockKind, text: z.string() });
export type Block = z.infer<typeof Block>;

/** ISO calendar date, YYYY-MM-DD (a published date has no time of day). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const ArticleMeta = z.object({
  id: z.string().min(1),
  /** The id the article had in the dataset it came from, if any. */
  externalId: z.string().optional(),
  title: z.string(),
  source: z.string().default(''),
  author: z.string().default(''),
  url: z.string().default(''),
  published: IsoDate.nullable().default(null),
  tags: z.array(z.string()).default([]),
  language: z.string().default('ar'),
  importedAt: z.string(),
  updatedAt: z.string(),
  /** SHA-256 of the normalized text: equal hashes mean a re-import of the same text. */
  contentHash: z.string(),
  wordCount: z.number().int().nonnegative(),
  /** Set when the article is in the trash; null otherwise. */
  trashedAt: z.string().nullable().default(null),
  /* Library fields (issue 10). Optional so archives from before keep loading; common/library/row.ts reads them with their defaults. */
  /** Absent: unread. */
  readingStatus: ReadingStatus.optional(),
  /** How far the reader got, 0–1 (absent: 0). */
  progress: z.number().min(0).max(1).optional(),
  /** When the article was last open in the reader (ISO time); absent or null: never. */
  lastReadAt: z.string().nullable().optional(),
  /** The collections it is in (an article can be in several). */
  collectionIds: z.array(z.string()).optional(),
  /** Number of highlights; absent until counted (the core counts archives from before issue 10 once). */
  highlightCount: z.number().int().nonnegative().optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/**
 * Highlight colours. Each has a meaning the user can name (settings.colorLabels),
 * for qualitative coding: by default claim, evidence, actor, place, question.
 */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const HighlightColor = z.enum(HIGHLIGHT_COLORS);
export type HighlightColor = z.infer<typeof HighlightColor>;

/** A W3C Web Annotation over the article's canonical text (UTF-16 offsets). */
export const Annotation = z.object({
  id: z.string(),
  target: z.object({ selector: z.array(z.union([TextQuoteSelector, TextPositionSelector])) }),
  color: HighlightColor,
  note: z.string().default(''),
  tags: z.array(z.string()).default([]),
  created: z.string(),
  modified: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

/** Contents of articles/<id>.json. */
export const ArticleFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  blocks: z.array(Block),
  annotations: z.array(Annotation).default([]),
});
export type ArticleFile = z.infer<typeof ArticleFile>;

export const Locale = z.enum(['ar', 'en']);
export type Locale = z.infer<typeof Locale>;

/** The reader settings' fields with their bounds and no defaults, so a patch carries only what changed. */
const readerSettingsFields = {
  font: z.enum(['naskh', 'sans']),
  /** Font size in CSS pixels. */
  size: z.number().min(12).max(40),
  lineHeight: z.number().min(1.4).max(3),
  /** Column width in characters (CSS ch). */
  width: z.number().min(30).max(100),
  /** 'system' follows the OS (prefers-color-scheme) until the user picks one; the theme colours the whole app. */
  theme: z.enum(['system', 'light', 'sepia', 'dark']),
  showDiacritics: z.boolean(),
};

export const ReaderSettings = z.object({
  font: readerSettingsFields.font.default('naskh'),
  size: readerSettingsFields.size.default(21),
  lineHeight: readerSettingsFields.lineHeight.default(2.2),
  width: readerSettingsFields.width.default(62),
  theme: readerSettingsFields.theme.default('system'),
  showDiacritics: readerSettingsFields.showDiacritics.default(true),
});
export type ReaderSettings = z.infer<typeof ReaderSettings>;

export const DEFAULT_READER_SETTINGS: ReaderSettings = ReaderSettings.parse({});

/**
 * A change to some reader settings. Not `ReaderSettings.partial()`: zod still fills
 * defaults inside a partial object, so every patch would reset the fields it does
 * not name (issue 10: only the last change survived a restart).
 */
export const ReaderSettingsPatch = z.object(readerSettingsFields).partial();
export type ReaderSettingsPatch = z.infer<typeof ReaderSettingsPatch>;

/** What each highlight colour means to this user; empty means "use the default label". */
export const ColorLabels = z.partialRecord(HighlightColor, z.string().max(60));
export type ColorLabels = z.infer<typeof ColorLabels>;

export const Settings = z.object({
  locale: Locale.default('ar'),
  reader: ReaderSettings.default(DEFAULT_READER_SETTINGS),
  colorLabels: ColorLabels.default({}),
});
export type Settings = z.infer<typeof Settings>;

/** Contents of library.json: everything but article bodies. */
export const LibraryFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(ArticleMeta),
  settings: Settings.default({ locale: 'ar', reader: DEFAULT_READER_SETTINGS, colorLabels: {} }),
  /** Issue 10: the user's collections (membership is on each article) and saved searches. */
  collections: z.array(Collection).default([]),
  savedSearches: z.array(SavedSearch).default([]),
});
export type LibraryFile = z.infer<typeof LibraryFile>;

/** Joins blocks into the canonical text every offset refers to (design §4). */
export const BLOCK_SEPARATOR = '\n\n';
export function canonicalText(blocks: readonly Block[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}
