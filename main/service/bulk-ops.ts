/**
 * Bulk actions on a selection of articles (issue 10): add or remove tags, add to
 * or remove from a collection, set the reading status, move to the trash or
 * restore — each one durable metadata write for the whole selection. Every
 * action can be undone exactly: the fields it changed are kept (in memory, for
 * the last few actions) and undoBulk puts them back on the articles it changed.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { BulkAction, BulkResult, Contract } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import type { FoldCache } from '../../common/library/index.js';
import type { ArticleMeta } from '../../common/types/article.js';
import { notFoundCollection } from './library-ops.js';
import type { LibraryStore } from './library-store.js';

type Args<K extends keyof Contract> = z.output<Contract[K]['args']>;

/** The metadata fields a bulk action may change (and its undo puts back). */
const BULK_FIELDS = ['tags', 'collectionIds', 'readingStatus', 'progress', 'trashedAt'] as const;
type BulkFields = Pick<ArticleMeta, (typeof BULK_FIELDS)[number]>;

/** Undo records kept. */
const UNDO_KEPT = 20;

export interface BulkOpsDeps {
  store: () => LibraryStore;
  folds: FoldCache;
  /** The listed metadata changed; `reindex` when what search indexes changed (tags, trash). */
  changed: (ids: readonly string[], reindex: boolean) => void;
}

function fieldsOf(meta: ArticleMeta): BulkFields {
  const out: Record<string, unknown> = {};
  for (const field of BULK_FIELDS) out[field] = meta[field];
  return out as BulkFields;
}

/** The metadata after the action, or the same object when the action changes nothing for it. */
function applyAction(meta: ArticleMeta, action: BulkAction, fold: (value: string) => string, now: string): ArticleMeta {
  switch (action.kind) {
    case 'addTags': {
      const have = new Set(meta.tags.map(fold));
      const added = action.tags.filter((tag) => {
        const key = fold(tag);
        if (have.has(key)) return false;
        have.add(key);
        return true;
      });
      return added.length === 0 ? meta : { ...meta, tags: [...meta.tags, ...added] };
    }
    case 'removeTags': {
      const drop = new Set(action.tags.map(fold));
      const kept = meta.tags.filter((tag) => !drop.has(fold(tag)));
      return kept.length === meta.tags.length ? meta : { ...meta, tags: kept };
    }
    case 'addToCollection': {
      const ids = meta.collectionIds ?? [];
      return ids.includes(action.collectionId) ? meta : { ...meta, collectionIds: [...ids, action.collectionId] };
    }
    case 'removeFromCollection': {
      const ids = meta.collectionIds ?? [];
      return ids.includes(action.collectionId) ? { ...meta, collectionIds: ids.filter((id) => id !== action.collectionId) } : meta;
    }
    case 'setStatus': {
      const progress = action.status === 'unread' ? 0 : action.status === 'read' ? 1 : (meta.progress ?? 0);
      if ((meta.readingStatus ?? 'unread') === action.status && (meta.progress ?? 0) === progress) return meta;
      return { ...meta, readingStatus: action.status, progress };
    }
    case 'trash':
      return meta.trashedAt === null ? { ...meta, trashedAt: now } : meta;
    case 'restore':
      return meta.trashedAt === null ? meta : { ...meta, trashedAt: null };
  }
}

/** Writes `fields` back as they were: an absent optional field is removed again. */
function withFields(meta: ArticleMeta, fields: BulkFields): ArticleMeta {
  const next: Record<string, unknown> = { ...meta };
  for (const field of BULK_FIELDS) {
    if (fields[field] === undefined) delete next[field];
    else next[field] = fields[field];
  }
  return next as ArticleMeta;
}

export class BulkOps {
  private readonly undo = new Map<string, { before: Map<string, BulkFields>; reindex: boolean }>();

  constructor(private readonly deps: BulkOpsDeps) {}

  private get store(): LibraryStore {
    return this.deps.store();
  }

  async bulkUpdate({ ids, action }: Args<'bulkUpdate'>): Promise<BulkResult> {
    const store = this.store;
    const unique = [...new Set(ids)];
    const unknown = unique.filter((id) => {
      try {
        store.getMeta(id);
        return false;
      } catch {
        return true;
      }
    });
    if (unknown.length > 0) {
      throw QirtasError.withParams('NOT_FOUND', `${unknown.length} of the selected articles are no longer in the archive (first: "${unknown[0]}"); nothing was changed.`, {
        reason: 'articles-not-found',
        count: unknown.length,
        id: unknown[0] as string,
      });
    }
    if (action.kind === 'addToCollection' || action.kind === 'removeFromCollection') {
      if (!store.library.collections.some((collection) => collection.id === action.collectionId)) throw notFoundCollection(action.collectionId);
    }
    const fold = (value: string) => this.deps.folds.fold(value);
    const now = new Date().toISOString();
    const reindex = action.kind === 'addTags' || action.kind === 'removeTags' || action.kind === 'trash' || action.kind === 'restore';
    const changing = unique.filter((id) => applyAction(store.getMeta(id), action, fold, now) !== store.getMeta(id));
    const before = new Map(changing.map((id) => [id, fieldsOf(store.getMeta(id))]));
    if (changing.length > 0) {
      await store.updateMetaMany(changing, (meta) => {
        const next = applyAction(meta, action, fold, now);
        // Tags are indexed for search: updatedAt tells the index's catch-up the article changed.
        return next !== meta && reindex && action.kind !== 'trash' && action.kind !== 'restore' ? { ...next, updatedAt: now } : next;
      });
      this.deps.changed(changing, reindex);
    }
    const undoToken = randomUUID();
    this.undo.set(undoToken, { before, reindex });
    while (this.undo.size > UNDO_KEPT) this.undo.delete(this.undo.keys().next().value as string);
    return { changedIds: changing, undoToken };
  }

  async undoBulk({ undoToken }: Args<'undoBulk'>): Promise<{ changedIds: string[] }> {
    const record = this.undo.get(undoToken);
    if (!record) {
      throw QirtasError.withParams('NOT_FOUND', 'This action can no longer be undone (too long ago, or the app was restarted).', { reason: 'undo-expired' });
    }
    const store = this.store;
    const ids = [...record.before.keys()].filter((id) => {
      try {
        store.getMeta(id);
        return true;
      } catch {
        return false; // deleted for good since
      }
    });
    if (ids.length > 0) {
      await store.updateMetaMany(ids, (meta) => withFields(meta, record.before.get(meta.id) as BulkFields));
      this.deps.changed(ids, record.reindex);
    }
    this.undo.delete(undoToken);
    return { changedIds: ids };
  }
}
