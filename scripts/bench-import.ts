/**
 * Import benchmark (issue 4): 1,000 .txt files of ~600 words of real Arabic
 * text, imported the way `qirtas import` does (read, detect encoding, parse,
 * batch into the store and the search index — issue 9: the import indexes), then
 * the index saved (what closing the app or the CLI does). bench-scale.ts runs the
 * 10,000- and 50,000-article versions.
 * Several runs in fresh data folders; prints one JSON object with medians, the
 * files-per-second figure against the 200 files/s target, and peak memory.
 *
 *   npx tsx scripts/bench-import.ts [--files 1000] [--runs 3]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchiveApp } from '../main/service/archive-app.js';
import { importFiles } from '../main/import/import-files.js';
import { generateArticle } from '../tests/support/arabic-corpus.js';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const FILES = Number(values.files);
const RUNS = Number(values.runs);
const ASSETS = new URL('../assets', import.meta.url).pathname;

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** ~600 words per file: the corpus makes 400–800-word articles of real sentences. */
function writeFiles(folder: string): { paths: string[]; words: number } {
  const paths: string[] = [];
  let words = 0;
  for (let index = 0; index < FILES; index += 1) {
    const article = generateArticle(index, 7);
    const text = [article.title, ...article.blocks.map((block) => block.text)].join('\n');
    words += text.split(/\s+/).length;
    const path = join(folder, `article-${String(index).padStart(4, '0')}.txt`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return { paths, words: Math.round(words / FILES) };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const folder = mkdtempSync(join(tmpdir(), 'qirtas-bench-files-'));
const { paths, words } = writeFiles(folder);
const runs: Array<{ importSeconds: number; indexSeconds: number; totalSeconds: number; filesPerSecond: number }> = [];
for (let run = 0; run < RUNS; run += 1) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-bench-import-'));
  const app = await openArchiveApp({ dataDir, assetsDir: ASSETS, host: 'cli', version: 'bench' });
  const started = performance.now();
  const report = await importFiles(app.service, paths);
  const imported = performance.now();
  if (report.imported.length !== FILES) throw new Error(`expected ${FILES} imported, got ${report.imported.length} (failed: ${report.failed.length})`);
  if (app.service.searchIndex.stats.indexedAtImport !== FILES) throw new Error('the import did not index what it added');
  await app.service.flush();
  const indexed = performance.now();
  const hits = await app.service.search({ query: 'المعارضة', limit: 5, exact: false, prefix: false });
  if (hits.results.length === 0) throw new Error('the index does not answer after the import');
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  const totalSeconds = (indexed - started) / 1000;
  runs.push({
    importSeconds: Number(((imported - started) / 1000).toFixed(2)),
    indexSeconds: Number(((indexed - imported) / 1000).toFixed(2)),
    totalSeconds: Number(totalSeconds.toFixed(2)),
    filesPerSecond: Math.round(FILES / totalSeconds),
  });
}
clearInterval(sampler);
rmSync(folder, { recursive: true, force: true });

const filesPerSecond = median(runs.map((run) => run.filesPerSecond));
console.log(
  JSON.stringify(
    {
      benchmark: 'import',
      files: FILES,
      wordsPerFile: words,
      runs,
      medianFilesPerSecond: filesPerSecond,
      target: { filesPerSecond: 200, met: filesPerSecond >= 200 },
      peakRssMB: Math.round(peakRss / 1024 / 1024),
    },
    null,
    2,
  ),
);
