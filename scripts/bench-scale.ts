/**
 * Scale benchmark (issue 9 item 7): the search index kept current by the import
 * itself, and memory that stays bounded at 50,000 articles and for a 500 MB dataset.
 * Articles are generated from real Arabic text (tests/support/arabic-corpus.ts: the
 * sample article and real translated sentences). Every scenario runs in a child
 * process of its own, so its peak resident memory (getrusage maxRSS, plus RSS
 * sampled every 100 ms for the profile) is its own. Prints one JSON object.
 *
 *   npx tsx scripts/bench-scale.ts                 10,000 articles: import incl. indexing, first search,
 *                                                  then a new process: load + first search, query percentiles
 *   npx tsx scripts/bench-scale.ts --articles 2000 a smaller run
 *   npx tsx scripts/bench-scale.ts --big           also: 50,000-article import + first search (peak RSS),
 *                                                  and a 500 MB JSONL dataset import (RSS profile)
 *   --jsonl-mb N                                   size of the dataset for --big (default 500)
 *   --big-only, --dataset-only                     skip the 10,000 run / also the 50,000 run
 * Wall times depend on what else the machine runs; cpuSeconds (user + system time of
 * the child) is reported beside them as the figure that does not.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticle } from '../tests/support/arabic-corpus.js';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = join(ROOT, 'assets');

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    big: { type: 'boolean', default: false },
    'jsonl-mb': { type: 'string', default: '500' },
    /** With --big: skip the 10,000-article run (the big runs alone). */
    'big-only': { type: 'boolean', default: false },
    /** With --big: skip the 50,000-article run (the dataset alone). */
    'dataset-only': { type: 'boolean', default: false },
    child: { type: 'string' },
    data: { type: 'string' },
    input: { type: 'string' },
  },
});

const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function percentile(numbers: number[], p: number): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** RSS sampled on a timer (a long synchronous stretch delays a sample; maxRSS still catches the peak). */
function rssSampler() {
  const started = performance.now();
  const samples: string[] = [];
  const timer = setInterval(() => samples.push(`${round((performance.now() - started) / 1000, 1)}s ${mb(process.memoryUsage().rss)}MB`), 100);
  return {
    samples,
    stop: () => clearInterval(timer),
    peakMB: () => Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** One article as a .txt file: title line, then its blocks, one a line. */
function articleText(index: number): string {
  const article = generateArticle(index, 9);
  return [article.title, ...article.blocks.map((block) => block.text)].join('\n');
}

function writeTxtFolder(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'qirtas-scale-files-'));
  for (let i = 0; i < count; i += 1) writeFileSync(join(folder, `article-${String(i).padStart(6, '0')}.txt`), articleText(i));
  return folder;
}

/** A JSONL dataset of about `megabytes` MB, written as a stream. */
async function writeJsonl(megabytes: number): Promise<{ path: string; records: number; bytes: number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'qirtas-scale-jsonl-')), 'dataset.jsonl');
  const out = createWriteStream(path);
  let bytes = 0;
  let records = 0;
  while (bytes < megabytes * 1024 * 1024) {
    const article = generateArticle(records, 21);
    const line = `${JSON.stringify({ id: `rec-${records}`, title: article.title, body: article.blocks.map((b) => b.text).join('\n\n'), source: article.source, tags: article.tags, published: article.published })}\n`;
    bytes += Buffer.byteLength(line);
    records += 1;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise((resolve) => out.end(resolve));
  return { path, records, bytes };
}

/** Queries: words and phrases of the sample article and of the generated text. */
function queries(): string[] {
  const words = new Set<string>();
  for (let i = 0; words.size < 60 && i < 200; i += 1) {
    const text = articleText(i * 37).split(/\s+/).filter((w) => w.length > 3);
    words.add(text[(i * 7) % text.length]!);
  }
  return [...words];
}

function runChild(scenario: string, args: string[]): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--child', scenario, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    // Said at once on stderr too: the clean-up of a big run takes minutes.
    console.error(`bench-scale: ${scenario}: ${JSON.stringify({ ...result, rssProfileMB: undefined })}`);
    return result;
  } catch {
    return { error: `exit ${run.status}`, output: run.stdout.slice(-2000) };
  }
}

async function child(scenario: string): Promise<unknown> {
  const { openArchiveApp } = await import('../main/service/archive-app.js');
  const { importFiles } = await import('../main/import/import-files.js');
  const { collectFiles } = await import('../main/import/collect-files.js');
  const dataDir = values.data!;
  const memory = rssSampler();
  if (scenario === 'import') {
    // As `qirtas import FOLDER --recursive` does: import (indexing included), then close (saves the index).
    const app = await openArchiveApp({ dataDir, assetsDir: ASSETS, host: 'cli', version: 'bench' });
    const started = performance.now();
    const { files } = await collectFiles([values.input!], true);
    const report = await importFiles(app.service, files);
    const imported = performance.now();
    const importCpu = process.cpuUsage();
    const first = await app.service.search({ query: queries()[0]!, limit: 20, exact: false, prefix: false });
    const searched = performance.now();
    const stats = { ...app.service.searchIndex.stats };
    await app.close();
    const closed = performance.now();
    memory.stop();
    return {
      articles: report.imported.length,
      failed: report.failed.length,
      importSeconds: round((imported - started) / 1000, 2),
      importCpuSeconds: round((importCpu.user + importCpu.system) / 1e6, 2),
      firstSearchMs: round(searched - imported, 1),
      firstSearchHits: first.results.length,
      closeSeconds: round((closed - searched) / 1000, 2),
      totalCpuSeconds: cpuSeconds(),
      indexStats: stats,
      peakRssMB: memory.peakMB(),
      rssProfileMB: thin(memory.samples, 40),
    };
  }
  if (scenario === 'search') {
    // A later process (app start or `qirtas search`): loads the saved index and answers.
    const started = performance.now();
    const startCpuMs = cpuSeconds() * 1000;
    const app = await openArchiveApp({ dataDir, assetsDir: ASSETS, host: 'cli', version: 'bench', readOnly: true });
    const list = queries();
    const first = await app.service.search({ query: list[0]!, limit: 20, exact: false, prefix: false });
    const firstMs = performance.now() - started;
    const firstCpuMs = (process.cpuUsage().user + process.cpuUsage().system) / 1000 - startCpuMs;
    const times: number[] = [];
    for (const query of list) {
      const t = performance.now();
      await app.service.search({ query, limit: 20, exact: false, prefix: false });
      times.push(performance.now() - t);
    }
    const stats = { ...app.service.searchIndex.stats };
    await app.close();
    memory.stop();
    return {
      openAndFirstSearchMs: round(firstMs, 1),
      openAndFirstSearchCpuMs: round(firstCpuMs, 1),
      firstSearchHits: first.results.length,
      queries: times.length,
      queryMs: { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2), max: round(Math.max(...times), 2) },
      indexStats: stats,
      peakRssMB: memory.peakMB(),
    };
  }
  throw new Error(`unknown scenario ${scenario}`);
}

/** User + system CPU time of this process so far. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return round((usage.user + usage.system) / 1e6, 2);
}

/** At most `n` evenly spaced samples of a profile. */
function thin<T>(samples: T[], n: number): T[] {
  if (samples.length <= n) return samples;
  return Array.from({ length: n }, (_, i) => samples[Math.floor((i * (samples.length - 1)) / (n - 1))]!);
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {};
  const count = Number(values.articles);
  const scale = async (articles: number, key: string) => {
    console.error(`bench-scale: writing ${articles} files…`);
    const folder = writeTxtFolder(articles);
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-scale-data-'));
    console.error(`bench-scale: importing ${articles} articles…`);
    const imported = runChild('import', ['--data', dataDir, '--input', folder]);
    const later = runChild('search', ['--data', dataDir]);
    rmSync(folder, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    results[key] = { articles, import: imported, laterProcess: later };
  };
  if (!values['big-only'] && !values['dataset-only']) await scale(count, `articles${count}`);
  if (values.big) {
    if (!values['dataset-only']) await scale(50_000, 'articles50000');
    const megabytes = Number(values['jsonl-mb']);
    console.error(`bench-scale: writing a ${megabytes} MB JSONL dataset…`);
    const dataset = await writeJsonl(megabytes);
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-scale-data-'));
    mkdirSync(dataDir, { recursive: true });
    console.error(`bench-scale: importing it…`);
    const imported = runChild('import', ['--data', dataDir, '--input', dataset.path]);
    results.jsonlDataset = { megabytes: mb(statSync(dataset.path).size), records: dataset.records, import: imported };
    rmSync(join(dataset.path, '..'), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  const main10k = (results[`articles${count}`] ?? { import: {} }) as { import: { importSeconds?: number; firstSearchMs?: number } };
  const big = results.articles50000 as { import: { peakRssMB?: number }; laterProcess: { peakRssMB?: number } } | undefined;
  results.targets = {
    importSecondsPer10000: { value: main10k.import.importSeconds, target: 20, met: (main10k.import.importSeconds ?? Infinity) * (10_000 / count) <= 20 },
    firstSearchAfterImportMs: { value: main10k.import.firstSearchMs, target: 1000, met: (main10k.import.firstSearchMs ?? Infinity) <= 1000 },
    ...(big ? { peakRssMBAt50000: { value: big.import.peakRssMB, target: 1229, met: (big.import.peakRssMB ?? Infinity) <= 1229 } } : {}),
  };
  console.log(JSON.stringify({ benchmark: 'scale', ...results }, null, 2));
}

if (values.child) console.log(JSON.stringify(await child(values.child)));
else await main();
