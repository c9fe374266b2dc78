/**
 * Export scoped to a collection (issue 10) through the dispatcher: only the
 * collection's articles (and its sub-collections', unless deep is off), the
 * collection's name as the title, an unknown collection as NOT_FOUND with params.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportPreview } from '../../../../common/api.js';
import type { Collection } from '../../../../common/types/library.js';
import { type LibraryFixture, makeLibrary } from './library-fixture.js';

let lib: LibraryFixture;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await lib.app.close();
});

describe('export scoped to a collection', () => {
  it('exports the articles of a collection and of its sub-collections, titled with its name', async () => {
    const parent = await lib.call<Collection>('createCollection', { name: 'مصر' });
    const child = await lib.call<Collection>('createCollection', { name: 'ثورة يناير', parentId: parent.id });
    await lib.call('bulkUpdate', { ids: [lib.ids[1]], action: { kind: 'addToCollection', collectionId: parent.id } });
    await lib.call('bulkUpdate', { ids: [lib.ids[6]], action: { kind: 'addToCollection', collectionId: child.id } });

    const deep = await lib.call<ExportPreview>('previewExport', { scope: { kind: 'collection', id: parent.id }, format: 'md' });
    expect(deep.view.articleCount).toBe(2);
    expect(deep.view.title).toContain('مصر');
    expect(deep.text).toContain('إصلاح التعليم في مصر');
    expect(deep.text).toContain('ثورة يناير بعد عشر سنوات');
    expect(deep.text).not.toContain('بيروت بعد الانفجار');

    const shallow = await lib.call<ExportPreview>('previewExport', { scope: { kind: 'collection', id: parent.id, deep: false }, format: 'md' });
    expect(shallow.view.articleCount).toBe(1);

    const missing = await lib.app.dispatch('exportNotes', { scope: { kind: 'collection', id: 'gone' }, format: 'csv' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { reason: 'collection-not-found' } } });
  });
});
