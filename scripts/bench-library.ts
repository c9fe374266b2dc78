/**
 * Library benchmark (issue 10): at 10,000 and 50,000 articles of real Arabic
 * metadata (titles, sources, tags and dates from tests/support/arabic-corpus.ts,
 * some titles with diacritics and the article), through the service as a host
 * calls it:
 *  - listLibrary: the first (cold) call, then every sort field in both directions,
 *    filter text typed letter by letter, facet selections, a collection scope —
 *    each a window of 200 rows, medians and p95 (target ≤ 50 ms at 50,000);
 *  - the naive alternative the renderer would otherwise need: all rows as JSON
 *    (bytes, stringify + parse time) and sorting them with localeCompare per
 *    comparison, with the ratio;
 *  - metadata save p95 (one article's tag, status, collection; target ≤ 50 ms),
 *    recordReading p95, and a bulk tag of 1,000 articles (target ≤ 2 s) and its undo.
 * The archive is written directly (article files and library.json, no fsync: setup,
 * not what is measured), then opened by the real store. One JSON object on stdout.
 *
 *   npx tsx scripts/bench-library.ts [--sizes 10000,50000] [--runs 15]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ListLibraryArgs, ListLibraryResult } from '../common/api.js';
import { type ArticleMeta, SCHEMA_VERSION } from '../common/types/article.js';
import { LIBRARY_SORT_FIELDS } from '../common/types/library.js';
import { EntryCache, sortEntries, titleKeyOf } from '../common/library/index.js';
import { openArchiveApp, type ArchiveApp } from '../main/service/archive-app.js';
import { generateArticle, rng } from '../tests/support/arabic-corpus.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,50000' }, runs: { type: 'string', default: '15' } } });
const SIZES = values.sizes.split(',').map(Number);
const RUNS = Number(values.runs);
const ASSETS = fileURLToPath(new URL('../assets', import.meta.url));
// No automatic backup of the benchmark archive in the middle of the measurements.
process.env.QIRTAS_BACKUP_FIRST_CHECK_MS = '2000000000';
const log = (text: string) => process.stderr.write(`${text}\n`);
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

function stats(times: number[]): { median: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
  return { median: round(at(0.5), 2), p95: round(at(0.95), 2), max: round(sorted.at(-1) as number, 2) };
}

const DIACRITIC_TITLES = ['الْحَرْبُ فِي سُورِيَا', 'أَزْمَةُ الْمِيَاهِ', 'إِصْلَاحُ التَّعْلِيمِ', 'آفَاقُ السَّلَامِ'];
const AUTHORS = ['سامر خليل', 'منى عبد الله', 'ريما حداد', 'أحمد يوسف', 'ليلى منصور', 'Jane Doe', ''];

/** Writes an archive of `count` articles: small article files, one library.json (setup only: no fsync). */
function writeArchive(count: number): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-bench-library-'));
  mkdirSync(join(dataDir, 'articles'));
  const random = rng(count);
  const articles: ArticleMeta[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const article = generateArticle(i, 5);
    const second = generateArticle(i + 1, 6).title;
    const title = i % 17 === 0 ? `${DIACRITIC_TITLES[i % DIACRITIC_TITLES.length]} ${i}` : `${article.title} ${second}`;
    const id = `b${String(i).padStart(7, '0')}`;
    const time = new Date(start + i * 60_000).toISOString();
    const blocks = article.blocks.slice(0, 2);
    writeFileSync(join(dataDir, 'articles', `${id}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, id, blocks, annotations: [] }));
    articles.push({
      id,
      title,
      source: article.source,
      author: AUTHORS[Math.floor(random() * AUTHORS.length)] as string,
      url: '',
      published: article.published,
      tags: article.tags,
      language: 'ar',
      importedAt: time,
      updatedAt: time,
      contentHash: `h${i}`,
      wordCount: 200 + Math.floor(random() * 2000),
      trashedAt: null,
      highlightCount: Math.floor(random() * 4),
      ...(random() < 0.3 ? { readingStatus: random() < 0.5 ? 'read' : 'reading', progress: round(random(), 2), lastReadAt: new Date(start + Math.floor(random() * 1e10)).toISOString() } : {}),
    } as ArticleMeta);
  }
  writeFileSync(join(dataDir, 'library.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, articles }));
  return dataDir;
}

async function call<T>(app: ArchiveApp, operation: string, args: unknown): Promise<T> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw new Error(`${operation}: ${response.error.message}`);
  return response.value as T;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function benchSize(count: number): Promise<Record<string, unknown>> {
  log(`bench-library: writing ${count} articles…`);
  const dataDir = writeArchive(count);
  const openStarted = performance.now();
  const app = await openArchiveApp({ dataDir, assetsDir: ASSETS, host: 'cli', version: 'bench' });
  const openMs = performance.now() - openStarted;
  const list = (args: ListLibraryArgs) => call<ListLibraryResult>(app, 'listLibrary', { limit: 200, ...args });
  try {
    const firstDefault = await timed(() => list({}));
    const firstTitle = await timed(() => list({ sort: { field: 'title', direction: 'asc' } }));
    const firstFilter = await timed(() => list({ filters: { text: 'سور' }, facets: true }));
    // What the app does in the background after opening (title folding); then the steady state is measured.
    const warmMs = await timed(() => app.service.libraryServices.library.warm());

    const sorts: Record<string, ReturnType<typeof stats>> = {};
    for (const field of LIBRARY_SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const times: number[] = [];
        for (let run = 0; run < RUNS; run += 1) times.push(await timed(() => list({ sort: { field, direction } })));
        sorts[`${field}:${direction}`] = stats(times);
      }
    }
    // The filter box as the user types «الحرب في سوريا», letter by letter, sorted by title.
    const typed = 'الحرب في سوريا';
    const typing: number[] = [];
    for (let run = 0; run < Math.max(1, Math.floor(RUNS / 5)); run += 1) {
      for (let n = 1; n <= typed.length; n += 1) typing.push(await timed(() => list({ sort: { field: 'title', direction: 'asc' }, filters: { text: typed.slice(0, n) } })));
    }
    // A cache miss: sorting the whole library from scratch (what a sort costs before the background
    // preparation has run, or after most of the library changed).
    const fresh = new EntryCache();
    const entries = app.store.listMeta().map((meta) => fresh.entryOf(meta));
    entries.forEach(titleKeyOf);
    const fullSorts: Record<string, number> = {};
    for (const field of LIBRARY_SORT_FIELDS) fullSorts[field] = round(await timed(async () => sortEntries(entries, { field, direction: 'asc' })));
    const facetTimes: number[] = [];
    const facets = await list({ facets: true });
    const someSource = facets.facets?.sources[0]?.value ?? '';
    const someTag = facets.facets?.tags[1]?.value ?? '';
    for (let run = 0; run < RUNS; run += 1) {
      facetTimes.push(await timed(() => list({ sort: { field: 'published', direction: 'desc' }, filters: { sources: [someSource], tags: [someTag], status: ['unread', 'reading'] }, facets: true })));
    }
    const idsTimes: number[] = [];
    for (let run = 0; run < 5; run += 1) idsTimes.push(await timed(() => list({ sort: { field: 'title', direction: 'asc' }, ids: true })));

    // Naive alternative: every row to the renderer, sorted there with localeCompare.
    const everything = await list({ limit: 100_000 });
    const serialiseStarted = performance.now();
    const json = JSON.stringify(everything.rows);
    JSON.parse(json);
    const serialiseMs = performance.now() - serialiseStarted;
    const naiveStarted = performance.now();
    [...everything.rows].sort((a, b) => a.title.localeCompare(b.title, 'ar'));
    const naiveSortMs = performance.now() - naiveStarted;

    // Metadata saves, one article at a time (each a durable write).
    const ids = everything.rows.map((row) => row.id);
    const collection = await call<{ id: string }>(app, 'createCollection', { name: 'مختارات' });
    const saves: Record<string, number[]> = { tag: [], status: [], collection: [], recordReading: [] };
    for (let run = 0; run < 40; run += 1) {
      const id = ids[(run * 7919) % ids.length] as string;
      saves.tag!.push(await timed(() => call(app, 'bulkUpdate', { ids: [id], action: { kind: 'addTags', tags: [`وسم ${run}`] } })));
      saves.status!.push(await timed(() => call(app, 'bulkUpdate', { ids: [id], action: { kind: 'setStatus', status: 'read' } })));
      saves.collection!.push(await timed(() => call(app, 'bulkUpdate', { ids: [id], action: { kind: 'addToCollection', collectionId: collection.id } })));
      saves.recordReading!.push(await timed(() => call(app, 'recordReading', { id, progress: 0.42 })));
    }
    const thousand = ids.slice(0, 1000);
    const bulkTimes: number[] = [];
    const undoTimes: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      let token = '';
      bulkTimes.push(await timed(async () => {
        token = (await call<{ undoToken: string }>(app, 'bulkUpdate', { ids: thousand, action: { kind: 'addTags', tags: [`دفعة ${run}`] } })).undoToken;
      }));
      undoTimes.push(await timed(() => call(app, 'undoBulk', { undoToken: token })));
    }
    const collectionList = await timed(() => list({ scope: { kind: 'collection', id: collection.id }, sort: { field: 'title', direction: 'asc' } }));
    const sortValues = Object.values(sorts);
    return {
      articles: count,
      openMs: round(openMs),
      firstListMs: { defaultSort: round(firstDefault), titleSort: round(firstTitle), filterWithFacets: round(firstFilter) },
      backgroundWarmMs: round(warmMs),
      sortMs: sorts,
      worstSortP95Ms: Math.max(...sortValues.map((value) => value.p95)),
      fullSortCacheMissMs: fullSorts,
      filterTypingMs: stats(typing),
      facetSelectionWithCountsMs: stats(facetTimes),
      allIdsInTitleOrderMs: stats(idsTimes),
      collectionScopeMs: round(collectionList, 2),
      naiveAllRows: {
        jsonBytes: json.length,
        stringifyAndParseMs: round(serialiseMs),
        localeCompareSortMs: round(naiveSortMs),
        ratioToTitleSortMedian: round(naiveSortMs / (sorts['title:asc']?.median ?? 1), 1),
      },
      metadataSaveMs: Object.fromEntries(Object.entries(saves).map(([key, times]) => [key, stats(times)])),
      bulkTag1000Ms: stats(bulkTimes),
      bulkUndo1000Ms: stats(undoTimes),
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: Record<string, unknown> = { targets: { sortFilterMs: 50, metadataSaveP95Ms: 50, bulk1000Ms: 2000 } };
for (const size of SIZES) results[`articles${size}`] = await benchSize(size);
console.log(JSON.stringify(results, null, 2));
