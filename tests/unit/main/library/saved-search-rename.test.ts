/**
 * Renaming a saved search (issue 10) through the contract and the CLI: saveSearch
 * with an id and only a name renames it in place — same id, query, exact flag and
 * filters, so it lists the same articles — durably (it survives a reopen); a name
 * another saved search has is refused with its reason and changes nothing; an
 * unknown id is NOT_FOUND. `qirtas collection rename-search` does the same from a
 * real process.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryTree, ListLibraryResult } from '../../../../common/api.js';
import type { SavedSearch } from '../../../../common/types/library.js';
import { bundleChild } from '../../../support/bundle-child.js';
import { callOk, type LibraryFixture, makeLibrary, openAt } from './library-fixture.js';

let lib: LibraryFixture;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await lib.app.close();
});

/** Through whichever app is open now (the tests reopen the archive). */
const call = <T>(operation: string, args: unknown) => callOk<T>(lib.app, operation, args);
const idsOf = async (id: string) => (await call<ListLibraryResult>('listLibrary', { scope: { kind: 'savedSearch', id }, ids: true, sort: { field: 'title', direction: 'asc' } })).ids;

describe('renaming a saved search through the contract', () => {
  it('keeps its id, query, exact flag and filters, and so its articles; the new name survives a reopen', async () => {
    const saved = await call<SavedSearch>('saveSearch', { name: 'المعارضة', query: 'المعارضة', exact: true, filters: { sources: ['الجزيرة نت'], status: ['unread'] } });
    const before = await idsOf(saved.id);
    expect(before?.length).toBeGreaterThan(0);

    const renamed = await call<SavedSearch>('saveSearch', { id: saved.id, name: 'المعارضة في الجزيرة (غير مقروءة)' });
    expect(renamed).toMatchObject({ id: saved.id, name: 'المعارضة في الجزيرة (غير مقروءة)', query: 'المعارضة', exact: true, filters: { sources: ['الجزيرة نت'], status: ['unread'] }, created: saved.created });
    expect(await idsOf(saved.id)).toEqual(before);

    await lib.app.close();
    lib.app = await openAt(lib.dataDir);
    const tree = await callOk<LibraryTree>(lib.app, 'listCollections', {});
    expect(tree.savedSearches).toMatchObject([{ id: saved.id, name: 'المعارضة في الجزيرة (غير مقروءة)', query: 'المعارضة', count: before?.length }]);
    await call('deleteSavedSearch', { id: saved.id });
  });

  it('refuses a name another saved search has (letter case and spacing aside), changing nothing; an unknown id is not found', async () => {
    const first = await call<SavedSearch>('saveSearch', { name: 'Arab Spring', query: 'spring' });
    const second = await call<SavedSearch>('saveSearch', { name: 'سوريا', filters: { tags: ['سوريا'] } });
    const clash = await lib.app.dispatch('saveSearch', { id: second.id, name: 'arab spring' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { reason: 'saved-search-name-taken', name: 'Arab Spring' } } });
    const tree = await call<LibraryTree>('listCollections', {});
    expect(tree.savedSearches.map((saved) => saved.name).sort()).toEqual(['Arab Spring', 'سوريا']);
    expect(await lib.app.dispatch('saveSearch', { id: 'no-such-search', name: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { reason: 'saved-search-not-found' } } });
    // Its own name again, differently cased, is no clash.
    expect(await call<SavedSearch>('saveSearch', { id: first.id, name: 'ARAB SPRING' })).toMatchObject({ name: 'ARAB SPRING', query: 'spring' });
    await call('deleteSavedSearch', { id: first.id });
    await call('deleteSavedSearch', { id: second.id });
  });
});

describe('qirtas collection rename-search', { timeout: 180_000 }, () => {
  it('renames by name or id from a real process, keeping the filters; an unknown one exits 1, a missing name 2', async () => {
    const saved = await call<SavedSearch>('saveSearch', { name: 'أعوام ٢٠٢١', filters: { years: ['2021'] } });
    const before = await idsOf(saved.id);
    await lib.app.close();
    const cli = await bundleChild('main/cli/cli-entry.ts', 'qirtas-cli-rename-search');
    const qirtas = (...args: string[]) => spawnSync('node', [cli, ...args, '--data-dir', lib.dataDir], { encoding: 'utf8' });

    const byName = qirtas('collection', 'rename-search', 'أعوام ٢٠٢١', 'مقالات', '2021');
    expect(byName.status, byName.stderr).toBe(0);
    expect(byName.stdout).toContain('Renamed to مقالات 2021');
    const byId = qirtas('collection', 'rename-search', saved.id, 'عام 2021 كله', '--json');
    expect(byId.status, byId.stderr).toBe(0);
    expect(JSON.parse(byId.stdout)).toMatchObject({ id: saved.id, name: 'عام 2021 كله', filters: { years: ['2021'] } });
    const listed = qirtas('collection', 'list');
    expect(listed.stdout).toContain(`search: عام 2021 كله  ${before?.length} articles  [${saved.id}]`);

    const unknown = qirtas('collection', 'rename-search', 'لا يوجد', 'اسم');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('لا يوجد');
    expect(qirtas('collection', 'rename-search', saved.id).status).toBe(2);

    lib.app = await openAt(lib.dataDir);
    expect(await idsOf(saved.id)).toEqual(before);
  });
});
