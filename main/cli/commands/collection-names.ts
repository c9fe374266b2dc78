/**
 * Naming a collection on the command line: by id, by name (folded, so
 * diacritics do not matter), or by path («بلاد الشام/سوريا») when a name is used
 * under several parents.
 */
import { QirtasError } from '../../../common/errors.js';
import { collectionPath, sameName } from '../../../common/library/index.js';
import type { Collection } from '../../../common/types/library.js';
import type { ArchiveApp } from '../../service/archive-app.js';

export function resolveCollection(app: ArchiveApp, nameOrId: string): Collection {
  const all = app.store.library.collections;
  const byId = all.find((collection) => collection.id === nameOrId);
  if (byId) return byId;
  const byPath = all.filter((collection) => sameName(collectionPath(all, collection), nameOrId));
  if (byPath.length === 1) return byPath[0] as Collection;
  const byName = all.filter((collection) => sameName(collection.name, nameOrId));
  if (byName.length === 1) return byName[0] as Collection;
  if (byName.length > 1) {
    const paths = byName.map((collection) => collectionPath(all, collection)).join(', ');
    throw QirtasError.withParams('BAD_ARGS', `${byName.length} collections are named "${nameOrId}" (${paths}); give its path or id.`, { reason: 'ambiguous-collection', name: nameOrId, count: byName.length });
  }
  throw QirtasError.withParams('NOT_FOUND', `No collection named "${nameOrId}". See them with: qirtas collection list`, { reason: 'collection-not-found', name: nameOrId });
}
