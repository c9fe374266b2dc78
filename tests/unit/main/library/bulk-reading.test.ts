/**
 * Bulk actions and reading status through the dispatcher on a real archive: tags
 * added and removed (folded, no duplicates), collection membership, status by
 * hand, trash and restore, each undone exactly; unknown ids change nothing; the
 * reader's progress reports set reading / read; highlight counts follow the
 * highlights; everything persists across a reopen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkResult, LibraryRow, ListLibraryResult } from '../../../../common/api.js';
import type { Collection } from '../../../../common/types/library.js';
import { callOk, type LibraryFixture, makeLibrary, openAt } from './library-fixture.js';

let lib: LibraryFixture;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(async () => {
  await lib.app.close();
});

const rows = async () => {
  const result = await lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'all' }, limit: 1000 });
  return new Map(result.rows.map((row) => [row.id, row]));
};
const bulk = (ids: string[], action: object) => lib.call<BulkResult>('bulkUpdate', { ids, action });

describe('bulkUpdate', () => {
  it('adds tags without duplicating a folded spelling, removes them, and undoes exactly what it changed', async () => {
    const [a, b, c] = [lib.ids[0]!, lib.ids[3]!, lib.ids[7]!];
    // c already has «سوريا»; «سُوريا» is the same tag folded.
    const added = await bulk([a, b, c], { kind: 'addTags', tags: ['سُوريا', 'أرشيف'] });
    expect(new Set(added.changedIds)).toEqual(new Set([a, b, c]));
    let now = await rows();
    expect(now.get(a)?.tags).toEqual(['مياه', 'العراق', 'سُوريا', 'أرشيف']);
    expect(now.get(c)?.tags).toEqual(['سوريا', 'حرب', 'أرشيف']);
    expect((await lib.call<ListLibraryResult>('listLibrary', { filters: { tags: ['ارشيف'] } })).total).toBe(3);

    await lib.call('undoBulk', { undoToken: added.undoToken });
    now = await rows();
    expect(now.get(a)?.tags).toEqual(['مياه', 'العراق']);
    expect(now.get(c)?.tags).toEqual(['سوريا', 'حرب']);

    const removed = await bulk([a, c], { kind: 'removeTags', tags: ['العراق', 'سوريا'] });
    expect(new Set(removed.changedIds)).toEqual(new Set([a, c]));
    now = await rows();
    expect(now.get(a)?.tags).toEqual(['مياه']);
    expect(now.get(c)?.tags).toEqual(['حرب']);
    // Nothing to change: nothing listed, nothing written.
    expect((await bulk([a], { kind: 'removeTags', tags: ['غير موجود'] })).changedIds).toEqual([]);
  });

  it('moves to the trash and back (undo), and sets the status by hand', async () => {
    const picked = [lib.ids[1]!, lib.ids[2]!, lib.ids[5]!];
    const trashed = await bulk(picked, { kind: 'trash' });
    expect(trashed.changedIds).toHaveLength(3);
    expect((await lib.call<ListLibraryResult>('listLibrary', {})).total).toBe(7);
    expect((await lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'trash' } })).total).toBe(3);
    await lib.call('undoBulk', { undoToken: trashed.undoToken });
    expect((await lib.call<ListLibraryResult>('listLibrary', {})).total).toBe(10);
    expect(await lib.app.dispatch('undoBulk', { undoToken: trashed.undoToken })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { reason: 'undo-expired' } } });

    await bulk(picked, { kind: 'setStatus', status: 'read' });
    let now = await rows();
    expect(picked.map((id) => [now.get(id)?.readingStatus, now.get(id)?.progress])).toEqual([['read', 1], ['read', 1], ['read', 1]]);
    const facets = (await lib.call<ListLibraryResult>('listLibrary', { facets: true })).facets!;
    expect(facets.status).toEqual([
      { value: 'unread', count: 7 },
      { value: 'reading', count: 0 },
      { value: 'read', count: 3 },
    ]);
    await bulk([picked[0]!], { kind: 'setStatus', status: 'unread' });
    now = await rows();
    expect([now.get(picked[0]!)?.readingStatus, now.get(picked[0]!)?.progress]).toEqual(['unread', 0]);
  });

  it('adds to and removes from a collection in one change, and refuses unknown ids or collections without changing anything', async () => {
    const collection = await lib.call<Collection>('createCollection', { name: 'مختارات' });
    const all = lib.ids.slice(0, 6);
    await bulk(all, { kind: 'addToCollection', collectionId: collection.id });
    const out = await bulk(all.slice(0, 2), { kind: 'removeFromCollection', collectionId: collection.id });
    expect(out.changedIds).toHaveLength(2);
    const inside = await lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'collection', id: collection.id }, ids: true });
    expect(new Set(inside.ids)).toEqual(new Set(all.slice(2)));

    const unknown = await lib.app.dispatch('bulkUpdate', { ids: [lib.ids[8], 'no-such-article'], action: { kind: 'addTags', tags: ['x'] } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { reason: 'articles-not-found', count: 1 } } });
    expect((await rows()).get(lib.ids[8]!)?.tags).toEqual([]);
    const noCollection = await lib.app.dispatch('bulkUpdate', { ids: [lib.ids[8]], action: { kind: 'addToCollection', collectionId: 'gone' } });
    expect(noCollection).toMatchObject({ ok: false, error: { params: { reason: 'collection-not-found' } } });
    expect(await lib.app.dispatch('bulkUpdate', { ids: [], action: { kind: 'trash' } })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
  });

  it('keeps bulk changes after a reopen', async () => {
    await bulk([lib.ids[0]!, lib.ids[1]!], { kind: 'addTags', tags: ['مراجعة'] });
    await bulk([lib.ids[1]!], { kind: 'setStatus', status: 'reading' });
    await lib.app.close();
    lib.app = await openAt(lib.dataDir);
    const result = await callOk<ListLibraryResult>(lib.app, 'listLibrary', { filters: { tags: ['مراجعة'] }, sort: { field: 'title', direction: 'asc' } });
    expect(result.rows.map((row) => [row.title, row.readingStatus])).toEqual([
      ['أزمة المياه في العراق', 'unread'],
      ['إصلاح التعليم في مصر', 'reading'],
    ]);
  });
});

describe('reading status and progress', () => {
  it('the reader’s reports move an article from unread to reading to read, with last read and progress', async () => {
    const id = lib.ids[4]!;
    const started = await lib.call<LibraryRow>('recordReading', { id, progress: 0.3 });
    expect(started).toMatchObject({ readingStatus: 'reading', progress: 0.3 });
    expect(Date.now() - Date.parse(started.lastReadAt!)).toBeLessThan(60_000);
    const ended = await lib.call<LibraryRow>('recordReading', { id, progress: 0.6, atEnd: true });
    expect(ended).toMatchObject({ readingStatus: 'read', progress: 1 });
    // Reading again from the start keeps it read; the position is kept.
    expect(await lib.call<LibraryRow>('recordReading', { id, progress: 0.1 })).toMatchObject({ readingStatus: 'read', progress: 0.1 });
    // Scrolling to the end counts as the end (a moment later, so the two last-read times differ).
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await lib.call<LibraryRow>('recordReading', { id: lib.ids[5]!, progress: 0.99 })).toMatchObject({ readingStatus: 'read' });

    const byLastRead = await lib.call<ListLibraryResult>('listLibrary', { sort: { field: 'lastRead', direction: 'desc' } });
    expect(byLastRead.rows.slice(0, 2).map((row) => row.id)).toEqual([lib.ids[5], lib.ids[4]]);
    expect(byLastRead.rows.slice(2).every((row) => row.lastReadAt === null)).toBe(true);
    expect(await lib.app.dispatch('recordReading', { id, progress: 1.5 })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
  });

  it('counts highlights as they are added and removed, for sorting and the has-highlights facet', async () => {
    const id = lib.ids[6]!;
    const first = await lib.call<{ id: string }>('addAnnotation', { articleId: id, start: 0, end: 10, color: 'yellow' });
    await lib.call('addAnnotation', { articleId: id, start: 20, end: 30, color: 'green' });
    await lib.call('addAnnotation', { articleId: lib.ids[2]!, start: 0, end: 5, color: 'blue' });
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await check()); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await waitFor(async () => (await rows()).get(id)?.highlightCount === 2 && (await rows()).get(lib.ids[2]!)?.highlightCount === 1);
    const sorted = await lib.call<ListLibraryResult>('listLibrary', { sort: { field: 'highlights', direction: 'desc' }, facets: true });
    expect(sorted.rows.slice(0, 2).map((row) => [row.id, row.highlightCount])).toEqual([
      [id, 2],
      [lib.ids[2], 1],
    ]);
    expect(sorted.facets?.hasHighlights).toEqual({ with: 2, without: 8 });
    await lib.call('deleteAnnotation', { articleId: id, annotationId: first.id });
    await waitFor(async () => (await rows()).get(id)?.highlightCount === 1);
    expect((await rows()).get(id)?.highlightCount).toBe(1);
    expect((await lib.call<ListLibraryResult>('listLibrary', { filters: { hasHighlights: true } })).total).toBe(2);
  });
});
