/**
 * Collections and saved searches through the dispatcher on a real archive:
 * nesting, rename and move (cycles refused), membership in several collections,
 * deep listing, deleting a collection keeps its articles (sub-collections lifted
 * or deleted), saved searches resolved live, and all of it still there after the
 * archive is reopened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkResult, LibraryTree, ListLibraryResult } from '../../../../common/api.js';
import type { Collection, SavedSearch } from '../../../../common/types/library.js';
import { callOk, type LibraryFixture, makeLibrary, openAt } from './library-fixture.js';

let lib: LibraryFixture;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(async () => {
  await lib.app.close();
});

const create = (name: string, parentId: string | null = null) => lib.call<Collection>('createCollection', { name, parentId });
const add = (ids: string[], collectionId: string) => lib.call<BulkResult>('bulkUpdate', { ids, action: { kind: 'addToCollection', collectionId } });
const listIn = (id: string, deep = false) =>
  lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'collection', id, deep }, sort: { field: 'title', direction: 'asc' }, ids: true });

describe('collections', () => {
  it('nests, holds an article in several collections, counts and lists them with the same sorting', async () => {
    const levant = await create('بلاد الشام');
    const syria = await create('سوريا', levant.id);
    const thesis = await create('مراجع الأطروحة');
    await add([lib.ids[7]!, lib.ids[4]!], levant.id);
    await add([lib.ids[7]!], syria.id);
    await add([lib.ids[7]!, lib.ids[0]!], thesis.id);

    const tree = await lib.call<LibraryTree>('listCollections', {});
    expect(tree.collections.map((c) => [c.name, c.parentId === null ? 0 : 1, c.count, c.deepCount])).toEqual([
      ['بلاد الشام', 0, 2, 2],
      ['سوريا', 1, 1, 1],
      ['مراجع الأطروحة', 0, 2, 2],
    ]);
    expect((await listIn(thesis.id)).rows.map((row) => row.title)).toEqual(['أزمة المياه في العراق', 'الْحَرْبُ في سُورِيَا']);
    expect((await listIn(levant.id)).rows.map((row) => row.collectionIds.length)).toEqual([1, 3]);

    // A filter within a collection.
    const filtered = await lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'collection', id: thesis.id }, filters: { text: 'العراق' } });
    expect(filtered.total).toBe(1);
    expect(filtered.scopeTotal).toBe(2);

    // Sibling names are unique, folded; the same name elsewhere is fine.
    expect(await lib.app.dispatch('createCollection', { name: 'مَراجِع الأطروحة' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', params: { reason: 'collection-name-taken' } },
    });
    await create('مراجع الأطروحة', levant.id);
  });

  it('renames and moves; refuses to move a collection into its own sub-collection', async () => {
    const a = await create('أ');
    const b = await create('ب', a.id);
    const c = await create('ج', b.id);
    expect(await lib.app.dispatch('updateCollection', { id: a.id, parentId: c.id })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', params: { reason: 'collection-cycle' } } });
    expect(await lib.app.dispatch('updateCollection', { id: a.id, parentId: a.id })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    const moved = await lib.call<Collection>('updateCollection', { id: c.id, parentId: null, name: 'ج الجديدة' });
    expect(moved).toMatchObject({ parentId: null, name: 'ج الجديدة' });
    const tree = await lib.call<LibraryTree>('listCollections', {});
    expect(tree.collections.map((x) => x.name)).toEqual(['أ', 'ب', 'ج الجديدة']);
  });

  it('deleting a collection never deletes articles; sub-collections move up, or go with it when asked', async () => {
    const top = await create('أرشيف');
    const middle = await create('الخليج', top.id);
    const leaf = await create('العراق', middle.id);
    await add([lib.ids[0]!, lib.ids[1]!], middle.id);
    await add([lib.ids[0]!], leaf.id);
    expect((await listIn(top.id, true)).total).toBe(2);

    const removed = await lib.call<{ deletedIds: string[]; articlesChanged: number }>('deleteCollection', { id: middle.id });
    expect(removed).toEqual({ deletedIds: [middle.id], articlesChanged: 2 });
    const tree = await lib.call<LibraryTree>('listCollections', {});
    expect(tree.collections.map((x) => [x.name, x.parentId])).toEqual([
      ['أرشيف', null],
      ['العراق', top.id],
    ]);
    const everything = await lib.call<ListLibraryResult>('listLibrary', { ids: true });
    expect(everything.total).toBe(10);
    expect(everything.rows.find((row) => row.id === lib.ids[1])?.collectionIds).toEqual([]);
    expect(everything.rows.find((row) => row.id === lib.ids[0])?.collectionIds).toEqual([leaf.id]);

    const all = await lib.call<{ deletedIds: string[] }>('deleteCollection', { id: top.id, subcollections: 'delete' });
    expect(new Set(all.deletedIds)).toEqual(new Set([top.id, leaf.id]));
    expect((await lib.call<LibraryTree>('listCollections', {})).collections).toEqual([]);
    expect((await lib.call<ListLibraryResult>('listLibrary', {})).total).toBe(10);
    expect(await lib.app.dispatch('listLibrary', { scope: { kind: 'collection', id: top.id } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps collections, memberships and saved searches across a reopen', async () => {
    const kept = await create('للقراءة لاحقا');
    await add([lib.ids[2]!, lib.ids[5]!], kept.id);
    await lib.call<SavedSearch>('saveSearch', { name: 'الجزيرة غير المقروءة', filters: { sources: ['الجزيرة نت'], status: ['unread'] } });
    await lib.app.close();
    lib.app = await openAt(lib.dataDir);
    const tree = await callOk<LibraryTree>(lib.app, 'listCollections', {});
    expect(tree.collections.map((x) => [x.name, x.count])).toEqual([['للقراءة لاحقا', 2]]);
    expect(tree.savedSearches.map((x) => [x.name, x.count])).toEqual([['الجزيرة غير المقروءة', 4]]);
  });
});

describe('saved searches', () => {
  it('resolves a full-text query with filters live: a newly tagged or read article changes its result', async () => {
    const saved = await lib.call<SavedSearch>('saveSearch', { name: 'المعارضة في الجزيرة', query: 'المعارضة', filters: { sources: ['الجزيرة نت'] } });
    const first = await lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'savedSearch', id: saved.id }, ids: true });
    expect(first.total).toBeGreaterThan(0);
    for (const row of first.rows) expect(row.source).toBe('الجزيرة نت');

    const unreadOnly = await lib.call<SavedSearch>('saveSearch', { id: saved.id, name: 'المعارضة في الجزيرة', query: 'المعارضة', filters: { sources: ['الجزيرة نت'], status: ['unread'] } });
    expect(unreadOnly.id).toBe(saved.id);
    await lib.call('bulkUpdate', { ids: [first.rows[0]!.id], action: { kind: 'setStatus', status: 'read' } });
    const after = await lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'savedSearch', id: saved.id } });
    expect(after.total).toBe(first.total - 1);
    const tree = await lib.call<LibraryTree>('listCollections', {});
    expect(tree.savedSearches).toMatchObject([{ name: 'المعارضة في الجزيرة', count: first.total - 1 }]);

    await lib.call('deleteSavedSearch', { id: saved.id });
    expect((await lib.call<LibraryTree>('listCollections', {})).savedSearches).toEqual([]);
    expect(await lib.app.dispatch('listLibrary', { scope: { kind: 'savedSearch', id: saved.id } })).toMatchObject({ ok: false, error: { params: { reason: 'saved-search-not-found' } } });
  });

  it('a saved search of filters alone (no query) lists what the filters select', async () => {
    const saved = await lib.call<SavedSearch>('saveSearch', { name: '٢٠٢١', filters: { years: ['2021'] } });
    const result = await lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'savedSearch', id: saved.id }, sort: { field: 'published', direction: 'asc' } });
    expect(result.rows.map((row) => row.published)).toEqual(['2021-01-14', '2021-01-25', '2021-02-01', '2021-09-14']);
  });
});
