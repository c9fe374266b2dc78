/**
 * Collection backup benchmark (issue 10): in an archive of 10,000 and 50,000
 * articles of real Arabic text, a collection of 1,000 of them (200 with a
 * highlight) is backed up through the service (createBackup { collection },
 * verified after writing), then restored — merged — into an empty archive (all
 * 1,000 added: files written durably, one library change, the search index
 * updated) and into the archive it came from (all 1,000 already there: kept).
 * Medians of a few runs; the zip's size. Nothing here has a target in the issue;
 * the figures say what a researcher waits for.
 *
 *   npx tsx scripts/bench-collection-backup.ts [--sizes 10000,50000] [--collection 1000] [--runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { BackupInfo, RestoreResult } from '../common/api.js';
import { articleFromDraft, draftFromPlainText } from '../main/import/text-import.js';
import { type ArchiveApp, openArchiveApp } from '../main/service/archive-app.js';
import { ASSETS_DIR, SEED_LINES } from '../tests/support/seed.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,50000' }, collection: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const SIZES = values.sizes.split(',').map(Number);
const IN_COLLECTION = Number(values.collection);
const RUNS = Number(values.runs);

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] as number);
};

async function call<T>(app: ArchiveApp, operation: string, args: unknown): Promise<T> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw new Error(`${operation}: ${response.error.message}`);
  return response.value as T;
}

const open = (dataDir: string) => openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'bench' });

async function scenario(total: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-bench-collection-'));
  const app = await open(dataDir);
  const articles = [];
  for (let index = 0; index < total; index += 1) {
    const text = [...SEED_LINES.slice(index % 10, (index % 10) + 4), `مقال رقم ${index}`].join('\n');
    const created = articleFromDraft({ ...draftFromPlainText(text, 'bench'), title: `${SEED_LINES[index % SEED_LINES.length]?.slice(0, 40)} ${index}` }, 'bench');
    articles.push({ meta: { ...created.meta, highlightCount: 0 }, file: { ...created.file, annotations: [] } });
  }
  for (let start = 0; start < articles.length; start += 2000) await app.service.currentStore.addArticles(articles.slice(start, start + 2000));
  const members = articles.slice(0, IN_COLLECTION).map(({ meta }) => meta.id);
  for (const id of members.slice(0, 200)) await call(app, 'addAnnotation', { articleId: id, start: 0, end: 12, color: 'yellow', note: 'ملاحظة للقياس' });
  const parent = await call<{ id: string }>(app, 'createCollection', { name: 'بلاد الشام' });
  const collection = await call<{ id: string }>(app, 'createCollection', { name: 'سوريا', parentId: parent.id });
  await call(app, 'bulkUpdate', { ids: members, action: { kind: 'addToCollection', collectionId: collection.id } });
  console.error(`  ${total} articles ready; ${IN_COLLECTION} in the collection`);

  const backupMs: number[] = [];
  let info: BackupInfo | null = null;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    info = await call<BackupInfo>(app, 'createBackup', { collection: parent.id });
    backupMs.push(performance.now() - started);
  }
  const zip = join(dataDir, 'backups', (info as BackupInfo).name);

  const intoEmptyMs: number[] = [];
  let added = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const emptyDir = mkdtempSync(join(tmpdir(), 'qirtas-bench-merge-'));
    const empty = await open(emptyDir);
    const started = performance.now();
    const result: RestoreResult = await empty.service.backups.restoreFile(zip);
    intoEmptyMs.push(performance.now() - started);
    added = result.merge?.articlesAdded ?? 0;
    await empty.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }

  const intoSameMs: number[] = [];
  let kept = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = await app.service.backups.restoreFile(zip);
    intoSameMs.push(performance.now() - started);
    kept = result.merge?.articlesKept ?? 0;
  }
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    articles: total,
    inCollection: IN_COLLECTION,
    zipKB: Math.round((info as BackupInfo).size / 1024),
    backupMedianMs: median(backupMs),
    mergeIntoEmptyMedianMs: median(intoEmptyMs),
    added,
    mergeIntoSameArchiveMedianMs: median(intoSameMs),
    kept,
  };
}

const results = [];
for (const size of SIZES) results.push(await scenario(size));
console.log(JSON.stringify({ runs: RUNS, scenarios: results }, null, 2));
