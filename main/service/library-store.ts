/**
 * What the library operations (issue 10) need from the archive store: read the
 * metadata and the library's own lists, and change library.json through the
 * store's queued durable writes. ArchiveStore satisfies it.
 */
import type { ArticleFile, ArticleMeta, LibraryFile } from '../../common/types/article.js';

export interface LibraryStore {
  readonly readOnly: boolean;
  listMeta(): readonly ArticleMeta[];
  getMeta(id: string): ArticleMeta;
  readArticle(id: string): Promise<ArticleFile>;
  /** The library's top-level values (collections, saved searches…) as last saved. */
  readonly library: Pick<LibraryFile, 'collections' | 'savedSearches'>;
  /** One queued durable write of library.json; memory goes back when the save fails. Metadata objects are replaced, never edited. */
  changeLibrary<T>(change: (draft: LibraryFile) => T | Promise<T>): Promise<T>;
  /** Replaces the metadata of several articles in one durable write; unknown ids are NOT_FOUND and change nothing. */
  updateMetaMany(ids: readonly string[], change: (meta: ArticleMeta) => ArticleMeta): Promise<ArticleMeta[]>;
}
