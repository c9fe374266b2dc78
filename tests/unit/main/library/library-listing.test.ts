/**
 * The library listing through the dispatcher on a real archive: Arabic collation
 * (diacritics, hamza seats and ال ignored), every sort field in both directions,
 * the filter box folded like search, facets with disjunctive counts, windows and
 * ids, and errors as data with params.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListLibraryResult } from '../../../../common/api.js';
import { ARTICLES, type LibraryFixture, makeLibrary } from './library-fixture.js';

let lib: LibraryFixture;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await lib.app.close();
});

const list = (args: object) => lib.call<ListLibraryResult>('listLibrary', { limit: 100, ...args });
const titles = (result: ListLibraryResult) => result.rows.map((row) => row.title);

describe('listLibrary sorting', () => {
  it('sorts titles in Arabic order, ignoring diacritics, hamza seats and the article ال, English after Arabic', async () => {
    const asc = await list({ sort: { field: 'title', direction: 'asc' } });
    expect(titles(asc)).toEqual(ARTICLES.map((article) => article.title));
    const desc = await list({ sort: { field: 'title', direction: 'desc' } });
    expect(titles(desc)).toEqual(ARTICLES.map((article) => article.title).reverse());
  });

  it('sorts by source and author with the article ignored, articles without one last in both directions', async () => {
    const bySource = await list({ sort: { field: 'source', direction: 'asc' } });
    // الأهرام (اهرام) < الجزيرة (جزيره) < الغد (غد) < النهار (نهار) < The Guardian; no source last.
    const sources = bySource.rows.map((row) => row.source);
    expect([...new Set(sources)]).toEqual(['الأهرام', 'الجزيرة نت', 'الغد', 'النهار', 'The Guardian', '']);
    const bySourceDesc = await list({ sort: { field: 'source', direction: 'desc' } });
    expect([...new Set(bySourceDesc.rows.map((row) => row.source))]).toEqual(['The Guardian', 'النهار', 'الغد', 'الجزيرة نت', 'الأهرام', '']);
    // Ties keep title order: the four الجزيرة articles by title.
    expect(bySource.rows.filter((row) => row.source === 'الجزيرة نت').map((row) => row.title)).toEqual([
      'أزمة المياه في العراق',
      'آفاق السلام في اليمن',
      'تُونِس: الانتقال الديمقراطي',
      'الْحَرْبُ في سُورِيَا',
    ]);
    const byAuthor = await list({ sort: { field: 'author', direction: 'asc' } });
    expect([...new Set(byAuthor.rows.map((row) => row.author))]).toEqual(['ريما حداد', 'سامر خليل', 'منى عبد الله', 'Jane Doe', '']);
  });

  it('sorts by published date (undated last either way), words and added date', async () => {
    const published = await list({ sort: { field: 'published', direction: 'desc' } });
    expect(published.rows.map((row) => row.published)).toEqual(['2024-12-07', '2023-11-20', '2023-05-02', '2021-09-14', '2021-02-01', '2021-01-25', '2021-01-14', '2020-08-10', '2019-03-30', null]);
    const oldest = await list({ sort: { field: 'published', direction: 'asc' } });
    expect(oldest.rows.at(0)?.published).toBe('2019-03-30');
    expect(oldest.rows.at(-1)?.published).toBeNull();
    const words = (await list({ sort: { field: 'words', direction: 'asc' } })).rows.map((row) => row.wordCount);
    expect(words).toEqual([...words].sort((a, b) => a - b));
    const added = (await list({ sort: { field: 'added', direction: 'desc' } })).rows.map((row) => row.importedAt);
    expect(added).toEqual([...added].sort().reverse());
  });

  it('returns a window of rows with the total, and every matching id in order on request', async () => {
    const all = await list({ sort: { field: 'title', direction: 'asc' }, ids: true });
    const page = await list({ sort: { field: 'title', direction: 'asc' }, offset: 3, limit: 4 });
    expect(page.total).toBe(10);
    expect(page.offset).toBe(3);
    expect(page.rows.map((row) => row.id)).toEqual(all.ids?.slice(3, 7));
    expect(all.ids).toEqual(all.rows.map((row) => row.id));
    expect(page.rows[0]).toMatchObject({ readingStatus: 'unread', progress: 0, lastReadAt: null, collectionIds: [], highlightCount: 0 });
  });
});

describe('listLibrary filters', () => {
  it('narrows on title, source, author and tags, folded like search, as the user types', async () => {
    // Typed without diacritics, with another hamza seat, with or without ال.
    expect(titles(await list({ filters: { text: 'الحرب' } }))).toEqual(['الْحَرْبُ في سُورِيَا']);
    expect(titles(await list({ filters: { text: 'سوري' } }))).toEqual(['الْحَرْبُ في سُورِيَا']);
    expect(titles(await list({ filters: { text: 'تونس' } }))).toEqual(['تُونِس: الانتقال الديمقراطي']);
    expect(titles(await list({ filters: { text: 'ازمة' } }))).toEqual(['أزمة المياه في العراق']);
    // A source, an author, a tag; two words must both match (in any field).
    expect((await list({ filters: { text: 'الاهرام' } })).total).toBe(2);
    expect((await list({ filters: { text: 'سامر' } })).total).toBe(3);
    expect(titles(await list({ filters: { text: 'ديمقراطيه' } }))).toEqual(['تُونِس: الانتقال الديمقراطي']);
    expect(titles(await list({ sort: { field: 'title', direction: 'asc' }, filters: { text: 'سامر العراق' } }))).toEqual(['أزمة المياه في العراق']);
    expect(titles(await list({ filters: { text: 'guardian spring' } }))).toEqual(['The Arab Spring revisited']);
    expect((await list({ filters: { text: 'كلمة-لا-توجد' } })).total).toBe(0);
  });

  it('gives the same answer letter by letter as typed at once (the previous matches are narrowed)', async () => {
    const sort = { field: 'title', direction: 'asc' };
    const typed = ['س', 'سا', 'سام', 'سامر', 'سامر ا', 'سامر ال', 'سامر الع'];
    const stepwise: number[] = [];
    for (const text of typed) stepwise.push((await list({ sort, filters: { text } })).total);
    const fresh: number[] = [];
    for (const text of typed) fresh.push((await list({ sort: { field: 'words', direction: 'asc' }, filters: { text } })).total);
    expect(stepwise).toEqual(fresh);
    expect(stepwise.at(3)).toBe(3);
    expect(stepwise.at(-1)).toBe(1);
    // «ال» then «الحر» (read as «حر»): not a narrowing of the earlier word, so everything is searched again.
    expect((await list({ sort, filters: { text: 'ال' } })).total).toBeGreaterThan(1);
    expect(titles(await list({ sort, filters: { text: 'الحر' } }))).toEqual(['الْحَرْبُ في سُورِيَا']);
    // Another window of the same listing.
    const all = await list({ sort, filters: { text: 'ال' }, ids: true });
    const window = await list({ sort, filters: { text: 'ال' }, offset: 2, limit: 3 });
    expect(window.rows.map((row) => row.id)).toEqual(all.ids?.slice(2, 5));
  });

  it('applies facet selections: tags all present, other facets any of', async () => {
    expect((await list({ filters: { sources: ['الجزيرة نت'] } })).total).toBe(4);
    expect((await list({ filters: { sources: ['الجزيرة نت', 'الأهرام'] } })).total).toBe(6);
    // Folded: a tag typed with diacritics matches.
    expect(titles(await list({ filters: { tags: ['سُوريا'] } }))).toEqual(['الْحَرْبُ في سُورِيَا']);
    expect((await list({ filters: { tags: ['سوريا', 'لبنان'] } })).total).toBe(0);
    expect((await list({ filters: { years: ['2021'] } })).total).toBe(4);
    expect(titles(await list({ filters: { years: [''] } }))).toEqual(['الاقتصادُ الأردنيُّ بعد الجائحة']);
    expect((await list({ filters: { authors: ['سامر خليل'], years: ['2023', '2024'] } })).total).toBe(2);
    expect((await list({ filters: { status: ['read'] } })).total).toBe(0);
    expect((await list({ filters: { hasHighlights: false } })).total).toBe(10);
  });

  it('counts facets over the text filter, each facet without its own selection', async () => {
    const result = await list({ facets: true, filters: { sources: ['الأهرام'] } });
    expect(result.total).toBe(2);
    const facets = result.facets!;
    // Sources are counted without the source selection: every source stays visible.
    expect(facets.sources[0]).toEqual({ value: 'الجزيرة نت', count: 4 });
    expect(facets.sources).toContainEqual({ value: 'الأهرام', count: 2 });
    // Other facets are counted within the selection.
    expect(facets.years).toEqual([
      { value: '2021', count: 2 },
    ]);
    expect(facets.status).toEqual([
      { value: 'unread', count: 2 },
      { value: 'reading', count: 0 },
      { value: 'read', count: 0 },
    ]);
    expect(facets.hasHighlights).toEqual({ with: 0, without: 2 });
    const all = (await list({ facets: true })).facets!;
    expect(all.years.map((year) => year.value)).toEqual(['2024', '2023', '2021', '2020', '2019', '']);
    expect(all.authors.find((author) => author.value === 'سامر خليل')?.count).toBe(3);
    expect(all.tags).toHaveLength(13);
  });

  it('reports an unknown collection or saved search as NOT_FOUND with params the UI can word', async () => {
    const response = await lib.app.dispatch('listLibrary', { scope: { kind: 'collection', id: 'nope' } });
    expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { reason: 'collection-not-found', id: 'nope' } } });
    const bad = await lib.app.dispatch('listLibrary', { sort: { field: 'colour' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', params: { reason: 'invalid-argument', operation: 'listLibrary', field: 'sort.field' } } });
  });
});
