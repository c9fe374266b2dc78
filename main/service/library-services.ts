/**
 * Wires the research library (issue 10) for the service: the listing and reading
 * status (LibraryOps), collections and saved searches (CollectionOps) and bulk
 * actions (BulkOps), all reading the service's current store on every call (a
 * restore replaces it), with their events and search-index follow-ups.
 */
import type { ArchiveEvent } from '../../common/api.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { BulkOps } from './bulk-ops.js';
import { CollectionOps } from './collection-ops.js';
import { LibraryOps } from './library-ops.js';
import type { SearchOps } from './search-ops.js';

/** Most articles a saved search's query resolves to (best first). */
const SAVED_SEARCH_LIMIT = 5000;

export interface LibraryServices {
  library: LibraryOps;
  collections: CollectionOps;
  bulk: BulkOps;
}

export function createLibraryServices(deps: { store: () => ArchiveStore; searchIndex: () => SearchOps; emit: (event: ArchiveEvent) => void }): LibraryServices {
  const listChanged = () => deps.emit({ type: 'articles-changed' });
  // Re-indexes the articles of a bulk action one after another, so a thousand file reads never pile up at once.
  const reindexInTurn = async (ids: readonly string[]) => {
    for (const id of ids) await deps.searchIndex().articleChanged(id);
  };
  const library = new LibraryOps({
    store: deps.store,
    findIds: async (query, exact) => (await deps.searchIndex().search(query, { limit: SAVED_SEARCH_LIMIT, exact, prefix: false })).results.map((result) => result.id),
    changed: listChanged,
  });
  const collections = new CollectionOps({
    store: deps.store,
    library,
    treeChanged: () => deps.emit({ type: 'collections-changed' }),
    articlesChanged: listChanged,
  });
  const bulk = new BulkOps({
    store: deps.store,
    folds: library.entries.folds,
    changed: (ids, reindex) => {
      if (reindex) void reindexInTurn(ids);
      listChanged();
    },
  });
  return { library, collections, bulk };
}
