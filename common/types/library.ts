/**
 * The research library's own model (issue 10): reading status, collections, saved
 * searches, and the sort / filter / scope of a library listing. Stored in
 * library.json beside the article metadata; shared by the contract, the core, the
 * renderer and the CLI. Imports nothing of the article model, so article.ts can
 * import from here without a cycle.
 */
import { z } from 'zod';

export const READING_STATUSES = ['unread', 'reading', 'read'] as const;
export const ReadingStatus = z.enum(READING_STATUSES);
export type ReadingStatus = z.infer<typeof ReadingStatus>;

const EntityId = z.string().min(1).max(200);
const Name = z.string().trim().min(1, 'a name cannot be empty').max(200);

/** A named, nestable group of articles. Membership is kept on each article (ArticleMeta.collectionIds). */
export const Collection = z.object({
  id: EntityId,
  name: Name,
  /** The collection it sits in; null at the top level. */
  parentId: EntityId.nullable().default(null),
  created: z.string(),
  modified: z.string(),
});
export type Collection = z.infer<typeof Collection>;

export const LIBRARY_SORT_FIELDS = ['title', 'source', 'author', 'published', 'added', 'words', 'highlights', 'lastRead', 'trashed'] as const;
export const LibrarySortField = z.enum(LIBRARY_SORT_FIELDS);
export type LibrarySortField = z.infer<typeof LibrarySortField>;

export const LibrarySort = z.object({
  field: LibrarySortField.default('added'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type LibrarySort = z.output<typeof LibrarySort>;

const FacetValues = z.array(z.string().max(500)).max(1000);

/**
 * What narrows a listing. Within one facet the values are alternatives (any of
 * them), except tags, where every chosen tag must be present; the facets and the
 * text combine with AND. Tags, sources and authors compare folded (diacritics,
 * hamza, ة/ه ignored), like search.
 */
export const LibraryFilters = z.object({
  /** Words that must each appear in the title, source, author or tags (folded like search; prefixes count, for type-ahead). */
  text: z.string().max(500).optional(),
  tags: FacetValues.optional(),
  sources: FacetValues.optional(),
  authors: FacetValues.optional(),
  /** Publication years ("2023"); "" stands for "no publication date". */
  years: FacetValues.optional(),
  status: z.array(ReadingStatus).max(3).optional(),
  hasHighlights: z.boolean().optional(),
});
export type LibraryFilters = z.infer<typeof LibraryFilters>;

/** A search with its filters, saved with a name ("smart collection"); its articles are found again every time it is listed. */
export const SavedSearch = z.object({
  id: EntityId,
  name: Name,
  /** Full-text query (the search engine's Arabic matching); empty: the filters alone decide. */
  query: z.string().max(1000).default(''),
  /** Diacritics and hamza as typed. */
  exact: z.boolean().default(false),
  filters: LibraryFilters.default({}),
  created: z.string(),
  modified: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

/** Which articles a listing starts from, before filters. */
export const LibraryScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  /** The articles in a collection; `deep` adds those of its sub-collections. */
  z.object({ kind: z.literal('collection'), id: EntityId, deep: z.boolean().default(false) }),
  z.object({ kind: z.literal('savedSearch'), id: EntityId }),
  z.object({ kind: z.literal('trash') }),
]);
export type LibraryScope = z.input<typeof LibraryScope>;
export type ParsedLibraryScope = z.output<typeof LibraryScope>;
