/**
 * The trash in the order things were thrown away (issue 10): `trashed` sorts by
 * the moment an article went to the trash — newest first by default in the Trash
 * view, as a file manager's bin — through the contract (the CLI's --sort takes it too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListLibraryResult } from '../../../../common/api.js';
import { type LibraryFixture, makeLibrary } from './library-fixture.js';

let lib: LibraryFixture;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await lib.app.close();
});

const trashOrder = async (direction: 'asc' | 'desc') =>
  (await lib.call<ListLibraryResult>('listLibrary', { scope: { kind: 'trash' }, sort: { field: 'trashed', direction }, ids: true, limit: 0 })).ids;

describe('sorting the trash by when each article went there', () => {
  it('puts the last thrown away first (desc) or last (asc), whatever their titles or dates added', async () => {
    // Thrown away one at a time, in an order unlike the titles' and the imports'.
    const order = [lib.ids[6], lib.ids[1], lib.ids[8], lib.ids[3]] as string[];
    for (const id of order) {
      await lib.call('bulkUpdate', { ids: [id], action: { kind: 'trash' } });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await trashOrder('desc')).toEqual([...order].reverse());
    expect(await trashOrder('asc')).toEqual(order);
  });

  it('leaves the library itself in a stable order when asked for it (nothing there is in the trash)', async () => {
    const listed = await lib.call<ListLibraryResult>('listLibrary', { sort: { field: 'trashed', direction: 'desc' }, ids: true, limit: 0 });
    const byTitle = await lib.call<ListLibraryResult>('listLibrary', { sort: { field: 'title', direction: 'asc' }, ids: true, limit: 0 });
    expect(listed.ids).toEqual(byTitle.ids);
  });
});
