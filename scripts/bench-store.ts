/**
 * Store benchmark (issue 10, "storage must scale"): at 10,000 and 50,000
 * articles, the time to save one article's metadata change (a tag, the reading
 * status, collection membership — each through ArchiveStore.updateMeta, durable
 * when it resolves) and a bulk change of 1,000 articles (updateMetaMany), plus
 * opening the archive, folding the journal into library.json (compaction) and
 * re-opening with journal lines to replay. The naive way — rewriting
 * library.json whole (temp + fsync + rename + folder fsync) for every change,
 * what the store did before the journal — runs on the same data in the same run
 * for the ratio. Targets: ≤ 50 ms p95 single, ≤ 2 s bulk of 1,000, at 50,000.
 *
 * The library is written directly (realistic metadata of real Arabic titles);
 * article files are not needed for metadata changes, and no metadata change
 * touches any article file (counted: articleFilesWritten).
 *
 *   npx tsx scripts/bench-store.ts [--sizes 10000,50000] [--samples 200]
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { ArticleMeta } from '../common/types/article.js';
import { ArchiveStore } from '../main/store/archive-store.js';
import { writeFileDurably } from '../main/store/durable-file.js';
import { SEED_LINES } from '../tests/support/seed.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,50000' }, samples: { type: 'string', default: '200' } } });
const SIZES = values.sizes.split(',').map(Number);
const SAMPLES = Number(values.samples);
const BULK = 1000;
const BULK_RUNS = 7;
const NAIVE_SAMPLES = 7;

function percentile(numbers: number[], p: number): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
const round = (ms: number) => Math.round(ms * 10) / 10;
const stats = (numbers: number[]) => ({ medianMs: round(percentile(numbers, 50)), p95Ms: round(percentile(numbers, 95)), maxMs: round(Math.max(...numbers)), samples: numbers.length });

function metaFor(index: number): ArticleMeta {
  const line = SEED_LINES[index % SEED_LINES.length] as string;
  const stamp = new Date(Date.UTC(2020, 0, 1) + index * 60_000).toISOString();
  return {
    id: randomUUID(),
    title: `${line.slice(0, 60)} (${index})`,
    source: ['الجزيرة نت', 'بي بي سي عربي', 'العربي الجديد', 'الشرق الأوسط'][index % 4] as string,
    author: `كاتب ${index % 300}`,
    url: `https://example.org/articles/${index}`,
    published: `20${10 + (index % 15)}-0${1 + (index % 9)}-1${index % 10}`,
    tags: ['سوريا', 'درعا', 'اقتصاد', 'سياسة'].slice(0, 1 + (index % 4)),
    language: 'ar',
    importedAt: stamp,
    updatedAt: stamp,
    contentHash: (index.toString(16) + 'f'.repeat(64)).slice(0, 64),
    wordCount: 300 + (index % 900),
    trashedAt: null,
    readingStatus: (['unread', 'reading', 'read'] as const)[index % 3],
    collectionIds: index % 5 === 0 ? ['c-1'] : [],
    highlightCount: index % 7,
  };
}

async function makeArchive(size: number): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), `qirtas-bench-store-${size}-`));
  await mkdir(join(dataDir, 'articles'), { recursive: true });
  const articles = Array.from({ length: size }, (_, index) => metaFor(index));
  writeFileSync(join(dataDir, 'library.json'), `${JSON.stringify({ schemaVersion: 1, articles })}\n`);
  return dataDir;
}

/** One metadata change of one article, as the library view makes them. */
function singleChange(meta: ArticleMeta, sample: number): ArticleMeta {
  switch (sample % 3) {
    case 0:
      return { ...meta, tags: meta.tags.includes('مهم') ? meta.tags.filter((tag) => tag !== 'مهم') : [...meta.tags, 'مهم'] };
    case 1:
      return { ...meta, readingStatus: meta.readingStatus === 'read' ? 'reading' : 'read' };
    default:
      return { ...meta, collectionIds: (meta.collectionIds ?? []).includes('c-2') ? [] : [...(meta.collectionIds ?? []), 'c-2'] };
  }
}

async function benchSize(size: number) {
  const dataDir = await makeArchive(size);
  const libraryBytes = statSync(join(dataDir, 'library.json')).size;
  let started = performance.now();
  const store = await ArchiveStore.open(dataDir, { log: () => undefined });
  const openMs = performance.now() - started;
  const ids = store.listMeta().map((meta) => meta.id);

  // The first change rewrites library.json once to give the journal its base (archives from before the journal).
  started = performance.now();
  await store.updateMeta(ids[0] as string, (meta) => ({ ...meta, tags: [...meta.tags, 'أول'] }));
  const firstChangeMs = performance.now() - started;

  const single: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const id = ids[(sample * 7919) % ids.length] as string;
    started = performance.now();
    await store.updateMeta(id, (meta) => singleChange(meta, sample));
    single.push(performance.now() - started);
  }

  const bulk: number[] = [];
  for (let run = 0; run < BULK_RUNS; run += 1) {
    const chosen = Array.from({ length: BULK }, (_, index) => ids[(run * 104_729 + index * 37) % ids.length] as string);
    const tag = `دفعة ${run}`;
    started = performance.now();
    await store.updateMetaMany(chosen, (meta) => ({ ...meta, tags: [...meta.tags, tag] }));
    bulk.push(performance.now() - started);
  }

  started = performance.now();
  await store.close();
  const closeMs = performance.now() - started;
  const journalBytes = statSync(join(dataDir, 'library.journal')).size;

  started = performance.now();
  const reopened = await ArchiveStore.open(dataDir, { log: () => undefined });
  const reopenWithJournalMs = performance.now() - started;
  started = performance.now();
  await reopened.compact();
  const compactMs = performance.now() - started;
  await reopened.close();

  // The naive way on the same library: rewrite library.json whole, durably, for one change.
  const whole = (await ArchiveStore.open(dataDir, { readOnly: true })).library;
  const naive: number[] = [];
  for (let sample = 0; sample < NAIVE_SAMPLES; sample += 1) {
    started = performance.now();
    const articles = [...whole.articles];
    articles[sample] = singleChange(articles[sample] as ArticleMeta, sample);
    await writeFileDurably(join(dataDir, 'library-naive.json'), `${JSON.stringify({ ...whole, articles })}\n`);
    naive.push(performance.now() - started);
  }
  const articleFilesWritten = readdirSync(join(dataDir, 'articles')).length;
  rmSync(dataDir, { recursive: true, force: true });
  const singleStats = stats(single);
  const naiveStats = stats(naive);
  return {
    articles: size,
    libraryJsonMB: round(libraryBytes / 1024 / 1024),
    openMs: round(openMs),
    firstChangeMs: round(firstChangeMs),
    metadataSave: { ...singleStats, targetP95Ms: 50, meetsTarget: singleStats.p95Ms <= 50 },
    bulk1000: { ...stats(bulk), targetMs: 2000, meetsTarget: percentile(bulk, 95) <= 2000 },
    journalBytesAfter: journalBytes,
    closeMs: round(closeMs),
    reopenWithJournalMs: round(reopenWithJournalMs),
    compactMs: round(compactMs),
    naiveWholeRewrite: naiveStats,
    ratioNaiveToJournalMedian: round(naiveStats.medianMs / Math.max(0.01, singleStats.medianMs)),
    articleFilesWritten,
  };
}

const results: Record<string, unknown> = {};
for (const size of SIZES) {
  console.error(`store bench: ${size} articles…`);
  results[`at${size}`] = await benchSize(size);
}
console.log(JSON.stringify({ samples: SAMPLES, ...results }, null, 2));
