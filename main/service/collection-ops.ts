/**
 * Collections and saved searches (issue 10). Collections are named and nestable;
 * membership is kept on each article (collectionIds), so adding an article to a
 * collection is a metadata change of that article only. Deleting a collection
 * never deletes an article: the articles are only taken out of it, and its
 * sub-collections move up to its parent (or are deleted with it when asked).
 * Saved searches are a query plus filters, resolved every time they are listed.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CollectionInfo, Contract, LibraryTree, ResultOf } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import { keyCollator, sameName, treeOrder, withDescendants, wouldCycle } from '../../common/library/index.js';
import type { Collection, SavedSearch } from '../../common/types/library.js';
import { type LibraryOps, notFoundCollection } from './library-ops.js';
import type { LibraryStore } from './library-store.js';

type Args<K extends keyof Contract> = z.output<Contract[K]['args']>;

export interface CollectionOpsDeps {
  store: () => LibraryStore;
  library: LibraryOps;
  /** Collections or saved searches changed. */
  treeChanged: () => void;
  /** Article memberships changed. */
  articlesChanged: () => void;
}

export class CollectionOps {
  constructor(private readonly deps: CollectionOpsDeps) {}

  private get store(): LibraryStore {
    return this.deps.store();
  }

  private get collections(): readonly Collection[] {
    return this.store.library.collections;
  }

  private find(id: string): Collection {
    const collection = this.collections.find((candidate) => candidate.id === id);
    if (!collection) throw notFoundCollection(id);
    return collection;
  }

  private assertFreeName(name: string, parentId: string | null, exceptId?: string): void {
    const clash = this.collections.find((other) => other.id !== exceptId && other.parentId === parentId && sameName(other.name, name));
    if (clash) {
      throw QirtasError.withParams('CONFLICT', `There is already a collection named "${clash.name}" here.`, { reason: 'collection-name-taken', name: clash.name });
    }
  }

  async listCollections(): Promise<LibraryTree> {
    const collections = this.collections;
    const direct = new Map<string, number>();
    const members = new Map<string, string[]>();
    for (const meta of this.store.listMeta()) {
      if (meta.trashedAt !== null || !meta.collectionIds) continue;
      for (const id of meta.collectionIds) {
        direct.set(id, (direct.get(id) ?? 0) + 1);
        const list = members.get(id) ?? [];
        list.push(meta.id);
        members.set(id, list);
      }
    }
    const infos: CollectionInfo[] = treeOrder(collections).map(({ collection }) => {
      const below = withDescendants(collections, collection.id);
      let deepCount = direct.get(collection.id) ?? 0;
      if (below.size > 1) {
        const ids = new Set<string>();
        for (const id of below) for (const articleId of members.get(id) ?? []) ids.add(articleId);
        deepCount = ids.size;
      }
      return { ...collection, count: direct.get(collection.id) ?? 0, deepCount };
    });
    const savedSearches = [];
    for (const saved of [...this.store.library.savedSearches].sort((a, b) => keyCollator.compare(a.name, b.name))) {
      const count = await this.deps.library.savedSearchEntries(saved.id).then(
        (entries) => entries.length,
        () => 0,
      );
      savedSearches.push({ ...saved, count });
    }
    return { collections: infos, savedSearches };
  }

  async createCollection({ name, parentId }: Args<'createCollection'>): Promise<Collection> {
    if (parentId !== null) this.find(parentId);
    this.assertFreeName(name, parentId);
    const now = new Date().toISOString();
    const collection: Collection = { id: randomUUID(), name, parentId, created: now, modified: now };
    await this.store.changeLibrary((draft) => {
      draft.collections = [...draft.collections, collection];
    });
    this.deps.treeChanged();
    return collection;
  }

  async updateCollection({ id, name, parentId }: Args<'updateCollection'>): Promise<Collection> {
    const current = this.find(id);
    const nextParent = parentId === undefined ? current.parentId : parentId;
    if (nextParent !== null) this.find(nextParent);
    if (wouldCycle(this.collections, id, nextParent)) {
      throw QirtasError.withParams('BAD_ARGS', `A collection cannot go inside itself or one of its sub-collections.`, { reason: 'collection-cycle', name: current.name });
    }
    const nextName = name ?? current.name;
    this.assertFreeName(nextName, nextParent, id);
    const updated: Collection = { ...current, name: nextName, parentId: nextParent, modified: new Date().toISOString() };
    await this.store.changeLibrary((draft) => {
      draft.collections = draft.collections.map((collection) => (collection.id === id ? updated : collection));
    });
    this.deps.treeChanged();
    return updated;
  }

  /** One durable write: the collection (and its sub-collections, when asked) go, and every article leaves them. */
  async deleteCollection({ id, subcollections }: Args<'deleteCollection'>): Promise<ResultOf<'deleteCollection'>> {
    const target = this.find(id);
    const deleted = subcollections === 'delete' ? withDescendants(this.collections, id) : new Set([id]);
    let articlesChanged = 0;
    const now = new Date().toISOString();
    await this.store.changeLibrary((draft) => {
      draft.collections = draft.collections
        .filter((collection) => !deleted.has(collection.id))
        .map((collection) => (collection.parentId !== null && deleted.has(collection.parentId) ? { ...collection, parentId: target.parentId, modified: now } : collection));
      draft.articles = draft.articles.map((meta) => {
        if (!meta.collectionIds?.some((collectionId) => deleted.has(collectionId))) return meta;
        articlesChanged += 1;
        return { ...meta, collectionIds: meta.collectionIds.filter((collectionId) => !deleted.has(collectionId)) };
      });
    });
    this.deps.treeChanged();
    if (articlesChanged > 0) this.deps.articlesChanged();
    return { deletedIds: [...deleted], articlesChanged };
  }

  async saveSearch({ id, name, query, exact, filters }: Args<'saveSearch'>): Promise<SavedSearch> {
    const all = this.store.library.savedSearches;
    const existing = id === undefined ? undefined : all.find((saved) => saved.id === id);
    if (id !== undefined && !existing) throw QirtasError.withParams('NOT_FOUND', `No saved search with id "${id}".`, { reason: 'saved-search-not-found', id });
    const clash = all.find((saved) => saved.id !== id && sameName(saved.name, name));
    if (clash) throw QirtasError.withParams('CONFLICT', `There is already a saved search named "${clash.name}".`, { reason: 'saved-search-name-taken', name: clash.name });
    const now = new Date().toISOString();
    // An update keeps what it does not give (a rename sends only the name).
    const saved: SavedSearch = {
      id: existing?.id ?? randomUUID(),
      name,
      query: query ?? existing?.query ?? '',
      exact: exact ?? existing?.exact ?? false,
      filters: filters ?? existing?.filters ?? {},
      created: existing?.created ?? now,
      modified: now,
    };
    await this.store.changeLibrary((draft) => {
      draft.savedSearches = existing ? draft.savedSearches.map((other) => (other.id === saved.id ? saved : other)) : [...draft.savedSearches, saved];
    });
    this.deps.treeChanged();
    return saved;
  }

  async deleteSavedSearch({ id }: Args<'deleteSavedSearch'>): Promise<{ id: string }> {
    if (!this.store.library.savedSearches.some((saved) => saved.id === id)) {
      throw QirtasError.withParams('NOT_FOUND', `No saved search with id "${id}".`, { reason: 'saved-search-not-found', id });
    }
    await this.store.changeLibrary((draft) => {
      draft.savedSearches = draft.savedSearches.filter((saved) => saved.id !== id);
    });
    this.deps.treeChanged();
    return { id };
  }
}
