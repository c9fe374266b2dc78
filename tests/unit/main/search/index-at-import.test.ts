/**
 * Issue 9 item 7: the search index is brought up to date by the import itself.
 * Real .txt files of real Arabic text on disk, imported the way `qirtas import`
 * does; the first search answers from what the import indexed — no article is read
 * back and no build runs (SearchOps.stats) — and the saved index on disk is current
 * when the import's app closes, so a fresh process loads it and answers at once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { SearchOps } from '../../../../main/service/search-ops.js';
import { ArchiveStore } from '../../../../main/store/archive-store.js';
import { importFiles } from '../../../../main/import/import-files.js';
import { generateArticle, seedArticleLines } from '../../../support/arabic-corpus.js';
import { bundleChild } from '../../../support/bundle-child.js';
import { SEED_PATH } from '../../../support/seed.js';

const ASSETS = new URL('../../../../assets', import.meta.url).pathname;

/** `count` real-text articles as .txt files (title line, then paragraphs), plus the sample article. */
function writeArticles(count: number, seed: number): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'qirtas-index-import-files-'));
  const paths = [SEED_PATH];
  for (let i = 0; i < count; i += 1) {
    const article = generateArticle(i, seed);
    const path = join(folder, `article-${i}.txt`);
    writeFileSync(path, [article.title, ...article.blocks.map((block) => block.text)].join('\n'));
    paths.push(path);
  }
  return paths;
}

const open = (dataDir: string) => openArchiveApp({ dataDir, assetsDir: ASSETS, host: 'cli', version: 'test' });
/** A word of the sample article's sub-heading (the generated articles never use the headings). */
const SEED_HEADING = seedArticleLines().find((line) => line.split(/\s+/).length <= 5)!;

describe('index updated by the import', () => {
  it('answers the first search after an import without reading any article back or building', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-index-import-'));
    const app = await open(dataDir);
    const report = await importFiles(app.service, writeArticles(150, 11), { batchSize: 40 });
    expect(report.imported).toHaveLength(151);
    const stats = app.service.searchIndex.stats;
    expect(stats.indexedAtImport).toBe(151);

    const seedId = report.imported.find((item) => item.file === SEED_PATH)!.id;
    const response = await app.service.search({ query: `"${SEED_HEADING}"`, limit: 5, exact: false, prefix: false });
    expect(response.results.map((result) => result.id)).toContain(seedId);
    // A word that only the generated articles use: results among them, found at once.
    const generated = report.imported.find((item) => item.file !== SEED_PATH)!;
    const title = await app.service.search({ query: `"${generated.title}"`, limit: 50, exact: false, prefix: false });
    expect(title.results.map((result) => result.id)).toContain(generated.id);

    expect(stats.articlesReadBack).toBe(0);
    expect(stats.fullBuilds).toBe(0);
    await app.close();
  });

  it('adds to a saved index when importing into an existing archive, again without reading anything back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-index-import-'));
    const first = await open(dataDir);
    await importFiles(first.service, writeArticles(60, 12).slice(1));
    await first.close();
    expect(readdirSync(join(dataDir, 'index')).some((name) => /^search-v\d+\.bin$/.test(name))).toBe(true);

    const second = await open(dataDir);
    const report = await importFiles(second.service, [SEED_PATH]);
    const seedId = report.imported[0]!.id;
    const response = await second.service.search({ query: `"${SEED_HEADING}"`, limit: 5, exact: false, prefix: false });
    expect(response.results[0]?.id).toBe(seedId);
    expect(second.service.searchIndex.stats).toMatchObject({ articlesReadBack: 0, fullBuilds: 0, indexedAtImport: 1 });
    await second.close();
  });

  it('saves early during a long import when the texts it holds pass the bound; results stay right across saves', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-index-import-'));
    const app = await open(dataDir);
    // A bound of ~40 articles' texts: a 120-article import in batches of 20 must save several times.
    app.service.searchIndex.earlySave.textBytes = 200_000;
    const files = writeArticles(120, 14);
    const report = await importFiles(app.service, files, { batchSize: 20 });
    expect(report.imported).toHaveLength(121);
    const { stats } = app.service.searchIndex;
    expect(stats.saves).toBeGreaterThanOrEqual(2);
    const index = await app.service.searchIndex.whenReady();
    expect(index.pendingMemory().textBytes).toBeLessThanOrEqual(200_000 + 100_000);
    // The seed (first file, saved long ago: its text now comes from the file) and the last article.
    const seedId = report.imported.find((item) => item.file === SEED_PATH)!.id;
    const seed = await app.service.search({ query: `"${SEED_HEADING}"`, limit: 5, exact: false, prefix: false });
    expect(seed.results[0]?.id).toBe(seedId);
    expect(seed.results[0]?.snippet.text).toContain(SEED_HEADING.split(' ')[0]);
    const last = report.imported.at(-1)!;
    const hits = await app.service.search({ query: `"${last.title}"`, limit: 50, exact: false, prefix: false });
    expect(hits.results.map((result) => result.id)).toContain(last.id);
    expect(index.damaged).toBe(false);
    expect(stats.articlesReadBack).toBe(0);
    await app.close();
  });

  it('a dataset record with another id but the same text is imported as its own article, with a warning', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-index-import-'));
    const app = await open(dataDir);
    const folder = mkdtempSync(join(tmpdir(), 'qirtas-dup-'));
    const [title, ...body] = seedArticleLines();
    const record = { title, body: body.join('\n\n') };
    const path = join(folder, 'twins.jsonl');
    writeFileSync(path, [{ id: 'r1', ...record }, { id: 'r2', ...record }, { id: 'r1', ...record }].map((r) => JSON.stringify(r)).join('\n'));
    const report = await importFiles(app.service, [path]);
    expect(report.imported.map((item) => item.id)).toHaveLength(2);
    expect(report.imported[1]!.warnings?.join(' ')).toMatch(/same text as «.*» \(id r1\)/);
    // The same id again is the same record: a duplicate.
    expect(report.duplicates).toHaveLength(1);
    const hits = await app.service.search({ query: `"${SEED_HEADING}"`, limit: 5, exact: false, prefix: false });
    expect(hits.results.map((result) => result.externalId).sort()).toEqual(['r1', 'r2']);
    // Importing the dataset again adds nothing: each id is already there with its text.
    const again = await importFiles(app.service, [path]);
    expect(again.imported).toHaveLength(0);
    expect(again.duplicates).toHaveLength(3);
    await app.close();
  });
});

describe('CLI import then search in another process', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await bundleChild('main/cli/cli-entry.ts', 'qirtas-cli');
  });

  it('leaves the saved index current when the command ends; a new process loads it without reading articles', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-cli-index-'));
    const files = writeArticles(80, 13);
    const folder = join(files[1]!, '..');
    const imported = spawnSync('node', [cli, 'import', folder, SEED_PATH, '--recursive', '--data-dir', dataDir, '--json'], { encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as { imported: Array<{ id: string; file: string }> };
    expect(report.imported).toHaveLength(81);
    const seedId = report.imported.find((item) => item.file === SEED_PATH)!.id;

    // A fresh reader of the folder (as a later `qirtas search` or app start is).
    const store = await ArchiveStore.open(dataDir, { readOnly: true });
    const ops = new SearchOps(store);
    const response = await ops.search(`"${SEED_HEADING}"`, { limit: 5 });
    expect(response.results[0]?.id).toBe(seedId);
    expect(ops.stats).toMatchObject({ articlesReadBack: 0, fullBuilds: 0 });
    await ops.close();

    const searched = spawnSync('node', [cli, 'search', SEED_HEADING, '--data-dir', dataDir, '--json'], { encoding: 'utf8' });
    expect(searched.status, searched.stderr).toBe(0);
    expect((JSON.parse(searched.stdout) as { results: Array<{ id: string }> }).results[0]?.id).toBe(seedId);
  });
});
