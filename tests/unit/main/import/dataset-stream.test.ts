/**
 * Datasets read from disk as a stream, record by record (issue 9 item 7), imported
 * the way `qirtas import` does: real files of real Arabic text (the sample article,
 * the test corpus). A bad record is reported with its line number and the others
 * import (and are searchable at once); a dataset over the 50 MB cap of whole files
 * imports; the reader's memory stays flat on a large file (measured in a child).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../../main/import/import-files.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { generateArticle, seedArticleLines } from '../../../support/arabic-corpus.js';
import { bundleChild } from '../../../support/bundle-child.js';

const ASSETS = new URL('../../../../assets', import.meta.url).pathname;
const open = () => openArchiveApp({ dataDir: mkdtempSync(join(tmpdir(), 'qirtas-stream-')), assetsDir: ASSETS, host: 'cli', version: 'test' });
const folder = () => mkdtempSync(join(tmpdir(), 'qirtas-stream-files-'));

/** Records from the corpus: real sentences, one article each. */
function corpusRecord(index: number) {
  const article = generateArticle(index, 31);
  return { id: `rec-${index}`, title: article.title, body: article.blocks.map((block) => block.text).join('\n\n'), source: article.source, tags: article.tags };
}

describe('streamed datasets', () => {
  it('reports a JSONL record that is not JSON, and one without a body, by line; imports and indexes the rest', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify(corpusRecord(i)));
    lines.splice(4, 0, '{"title": "' + seedArticleLines()[1] + '", "body": '); // line 5: cut off mid-record
    lines.splice(8, 0, JSON.stringify({ id: 'no-body', title: seedArticleLines()[2] })); // line 9
    lines.splice(10, 0, ''); // a blank line 11 is not a record
    const path = join(folder(), 'articles.jsonl');
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const app = await open();
    const report = await importFiles(app.service, [path]);
    expect(report.failed).toEqual([
      { file: path, reason: expect.stringMatching(/^line 5 was not imported: not valid JSON/) },
      { file: path, reason: 'line 9 was not imported: "body" is missing or empty' },
    ]);
    expect(report.imported).toHaveLength(12);
    // Searchable straight away: the last record's title finds it.
    const last = corpusRecord(11);
    const hits = await app.service.search({ query: `"${last.title}"`, limit: 50, exact: false, prefix: false });
    expect(hits.results.map((result) => result.externalId)).toContain('rec-11');
    expect(app.service.searchIndex.stats).toMatchObject({ articlesReadBack: 0, indexedAtImport: 12 });
    await app.close();
  });

  it('reads CSV with multi-line quoted bodies; a bad row is named by the line it starts on', async () => {
    const records = Array.from({ length: 6 }, (_, i) => ({ ...corpusRecord(i), tags: corpusRecord(i).tags.join(';') }));
    const csv = Papa.unparse(records, { columns: ['id', 'title', 'body', 'source', 'tags'] });
    const rows = csv.split('\r\n');
    // Bodies span several lines: count where each record starts.
    const good = csv.replace(/\r\n/g, '\n');
    const badLine = good.split('\n').length + 1;
    const path = join(folder(), 'articles.csv');
    writeFileSync(path, `${good}\nbad,${seedArticleLines()[1]},,x,y\n${rows.at(-1)!.replace('rec-5', 'rec-6')}\n`);
    const app = await open();
    const report = await importFiles(app.service, [path]);
    expect(report.failed).toEqual([{ file: path, reason: `line ${badLine} was not imported: "body" is missing or empty` }]);
    expect(report.imported).toHaveLength(7);
    // rec-6 has rec-5's text under another id: a separate article, with a warning.
    const twin = report.imported.at(-1)!;
    expect(twin.warnings?.join(' ')).toMatch(/same text as .*\(id rec-5\).*\(id rec-6\)/);
    await app.close();
  });

  it('refuses a CSV without a body column, naming it, and adds nothing', async () => {
    const path = join(folder(), 'wrong.csv');
    writeFileSync(path, `headline,text\n${seedArticleLines()[1]},${seedArticleLines()[2]}\n`);
    const app = await open();
    const report = await importFiles(app.service, [path]);
    expect(report.failed).toEqual([{ file: path, reason: expect.stringMatching(/no "title" column \(it has: headline, text\)/) }]);
    expect(app.store.listMeta()).toHaveLength(0);
    await app.close();
  });

  it('imports a dataset over the 50 MB limit of whole files', async () => {
    // 40 lines of ~1.4 MB (long real-text bodies: many corpus articles joined). The same record repeated
    // (same id, same text) after the first: read and checked in full, but indexed once, to keep this quick.
    const path = join(folder(), 'large.jsonl');
    const out = createWriteStream(path);
    const body = Array.from({ length: 300 }, (_, i) => corpusRecord(i).body).join('\n\n');
    const line = `${JSON.stringify({ id: 'big', title: seedArticleLines()[1], body })}\n`;
    for (let i = 0; i < 40; i += 1) out.write(line);
    await new Promise((resolve) => out.end(resolve));
    expect(statSync(path).size).toBeGreaterThan(50 * 1024 * 1024);
    const app = await open();
    const report = await importFiles(app.service, [path]);
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(1);
    expect(report.duplicates).toHaveLength(39);
    await app.close();
  }, 120_000);

  it('keeps the reader’s memory flat on a large file (child process, RSS sampled per hundredth)', async () => {
    const path = join(folder(), 'flat.jsonl');
    const out = createWriteStream(path);
    let bytes = 0;
    for (let i = 0; bytes < 120 * 1024 * 1024; i += 1) {
      const line = `${JSON.stringify(corpusRecord(i % 2000))}\n`;
      bytes += Buffer.byteLength(line);
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise((resolve) => out.end(resolve));
    const child = await bundleChild('tests/support/dataset-stream-child.ts', 'dataset-stream-child');
    const run = spawnSync(process.execPath, ['--expose-gc', child, path], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { records: number; failed: number; baselineMB: number; peakMB: number; samplesMB: number[] };
    expect(result.failed).toBe(0);
    expect(result.records).toBeGreaterThan(10_000);
    // Read whole, 120 MB of UTF-8 would take 120 MB of bytes plus over 200 MB of string; the reader holds a
    // few records at a time (what remains is V8's heap slack, collected lazily).
    expect(result.peakMB - result.baselineMB, JSON.stringify(result)).toBeLessThan(100);
    // Flat: the second half of the file costs no more than a little heap drift over the first.
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean(result.samplesMB.slice(80)) - mean(result.samplesMB.slice(20, 50)), JSON.stringify(result)).toBeLessThan(40);
  }, 120_000);
});
