/**
 * What a collection backup holds (issue 10): the collection with every
 * sub-collection below it (as Zotero's "show items from subcollections" — a
 * researcher backing up «بلاد الشام» expects «سوريا» under it too), the
 * articles in any of them that are not in the trash, each article's collection
 * memberships cut down to those collections, and no settings or saved searches
 * (those belong to the whole archive). Also the zip's name, which says it is a
 * collection backup.
 */
import { QirtasError } from '../../common/errors.js';
import { collectionPath, withDescendants } from '../../common/library/index.js';
import { type ArticleMeta, type LibraryFile, SCHEMA_VERSION } from '../../common/types/article.js';
import type { ManifestScope } from './manifest.js';

export interface ScopedLibrary {
  /** library.json of the backup (a valid LibraryFile). */
  library: Pick<LibraryFile, 'schemaVersion' | 'articles' | 'collections' | 'savedSearches'>;
  scope: ManifestScope;
}

/** The part of `library` a backup of collection `id` holds. NOT_FOUND (with params the UI words) when there is no such collection. */
export function scopedLibrary(library: LibraryFile, id: string): ScopedLibrary {
  const root = library.collections.find((collection) => collection.id === id);
  if (!root) throw QirtasError.withParams('NOT_FOUND', `No collection with id "${id}"; nothing was backed up.`, { reason: 'collection-not-found', id });
  const wanted = withDescendants(library.collections, id);
  const collections = library.collections.filter((collection) => wanted.has(collection.id));
  const articles: ArticleMeta[] = [];
  for (const meta of library.articles) {
    if (meta.trashedAt !== null) continue;
    const memberships = meta.collectionIds?.filter((collectionId) => wanted.has(collectionId)) ?? [];
    if (memberships.length === 0) continue;
    articles.push({ ...meta, collectionIds: memberships });
  }
  return {
    library: { schemaVersion: SCHEMA_VERSION, articles, collections, savedSearches: [] },
    scope: { kind: 'collection', id, name: root.name, path: collectionPath(library.collections, root), parentId: root.parentId, collectionCount: collections.length },
  };
}

/**
 * The ASCII part of a name for a file name (BackupName allows only [A-Za-z0-9._-]):
 * «Gaza 2014 تقارير» → "gaza-2014"; an all-Arabic name gives "".
 */
export function asciiSlug(name: string, max = 40): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // é → e, not e-
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, max)
    .replace(/-+$/, '');
}

/** "collection-gaza-2014" or, for a name with no Latin letters or digits, "collection-<first 8 of its id>". */
export function collectionFilePart(scope: Pick<ManifestScope, 'id' | 'name'>): string {
  const slug = asciiSlug(scope.name) || asciiSlug(scope.id, 8) || 'x';
  return `collection-${slug}`;
}
