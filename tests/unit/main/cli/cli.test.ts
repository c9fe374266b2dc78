/**
 * The `qirtas` command as a user runs it (a real process on a real data folder):
 * import, list, show, duplicates, usage errors (exit 2), failures on stderr
 * (exit 1), a damaged library.json named and left untouched.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from '../../../support/bundle-child.js';
import { SEED_PATH } from '../../../support/seed.js';

let cli: string;
beforeAll(async () => {
  // Bundled next to dist/ depth-wise, so it finds assets/ and package.json like the real build.
  cli = await bundleChild('main/cli/cli-entry.ts', 'qirtas-cli');
});

function qirtas(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync('node', [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('qirtas CLI', () => {
  it('imports a text file, lists it, shows it, and reports a re-import as duplicate', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-cli-'));
    const imported = qirtas(['import', SEED_PATH, '--data-dir', dataDir, '--json']);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as { imported: Array<{ id: string }>; duplicates: unknown[]; failed: unknown[] };
    expect(report.imported).toHaveLength(1);
    const id = report.imported[0]?.id as string;

    const list = qirtas(['list', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain('401 words');

    const show = qirtas(['show', id.slice(0, 8), '--data-dir', dataDir]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('## سيطرة المعارضة على درعا');
    expect(show.stdout).toContain('## عمليات الجنوب');

    // QIRTAS_DATA_DIR is honoured like --data-dir.
    const again = qirtas(['import', SEED_PATH], { QIRTAS_DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 imported, 1 duplicate, 0 failed');
  });

  it('reports each bad file with its reason on stderr, imports the rest, and exits 1', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-cli-'));
    const folder = mkdtempSync(join(tmpdir(), 'qirtas-cli-files-'));
    const empty = join(folder, 'empty.txt');
    const latin1 = join(folder, 'not-utf8.txt');
    writeFileSync(empty, '');
    writeFileSync(latin1, Buffer.from([0xc7, 0xe1, 0xda, 0xd1, 0xc8, 0xed, 0xc9]));
    const result = qirtas(['import', empty, latin1, SEED_PATH, join(folder, 'missing.txt'), '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${empty}: the file is empty`);
    expect(result.stderr).toContain(`${latin1}: cannot tell the text encoding for sure`);
    expect(result.stderr).toContain('--encoding');
    expect(result.stderr).toMatch(/missing\.txt: no such file/);
    expect(result.stdout).toContain('1 imported, 0 duplicate, 3 failed');

    // Told the encoding, the same short Windows-1256 file imports as Arabic.
    const told = qirtas(['import', latin1, '--encoding', 'windows-1256', '--data-dir', dataDir, '--json']);
    expect(told.code, told.stderr).toBe(0);
    const id = (JSON.parse(told.stdout) as { imported: Array<{ id: string }> }).imported[0]?.id as string;
    expect(qirtas(['show', id, '--data-dir', dataDir]).stdout).toContain('العربية');
  });

  it('names a damaged library.json, changes nothing, and exits 1', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-cli-'));
    const library = join(dataDir, 'library.json');
    writeFileSync(library, '{ not json');
    for (const args of [['list'], ['import', SEED_PATH]]) {
      const result = qirtas([...args, '--data-dir', dataDir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(library);
      expect(result.stderr).toContain('left untouched');
    }
    expect(readFileSync(library, 'utf8')).toBe('{ not json');
  });

  it('imports a JSONL dataset keeping its ids, and searches it one query per line with --batch', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-cli-'));
    const lines = readFileSync(SEED_PATH, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
    const dataset = join(mkdtempSync(join(tmpdir(), 'qirtas-cli-data-')), 'articles.data');
    writeFileSync(
      dataset,
      [
        { id: 'A-1', title: lines[1], body: lines.slice(2, 11).join('\n\n'), source: 'الجزيرة', tags: ['حمص'] },
        { id: 'A-2', title: lines[11], body: lines.slice(12).join('\n\n'), published: '2024-12-07' },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const imported = qirtas(['import', '--format', 'jsonl', dataset, '--data-dir', dataDir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 imported');

    const single = qirtas(['search', 'تلبيسه', '--json', '--data-dir', dataDir]);
    expect(single.code, single.stderr).toBe(0);
    const found = JSON.parse(single.stdout) as { results: Array<{ externalId: string; snippet: string }> };
    expect(found.results.map((result) => result.externalId)).toEqual(['A-1']);
    expect(found.results[0]?.snippet).toContain('تلبيسة');

    const batch = qirtas(
      ['search', '--batch', '--json', '--data-dir', dataDir],
      {},
      ['{"q": "نصيب الحدودي", "limit": 5}', '{"q": "برشلونة"}', '{"q": "الطيران الروسي"}', 'not json'].join('\n'),
    );
    expect(batch.code).toBe(1);
    const answers = batch.stdout.trim().split('\n').map((line) => JSON.parse(line) as { results?: Array<{ id: string; externalId: string; title: string; score: number; snippet: string }>; error?: string });
    expect(answers).toHaveLength(4);
    expect(answers[0]?.results?.map((result) => result.externalId)).toEqual(['A-2']);
    expect(Object.keys(answers[0]?.results?.[0] ?? {})).toEqual(expect.arrayContaining(['id', 'externalId', 'title', 'score', 'snippet']));
    expect(answers[1]?.results).toEqual([]);
    expect(answers[2]?.results?.[0]?.externalId).toBe('A-1');
    expect(answers[3]?.error).toContain('line 4');
  });

  it('exits 2 with usage on bad usage, 1 on an unknown id', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-cli-'));
    expect(qirtas(['frobnicate', '--data-dir', dataDir]).code).toBe(2);
    expect(qirtas(['list', '--no-such-flag']).code).toBe(2);
    expect(qirtas(['show', '--data-dir', dataDir]).code).toBe(2);
    expect(qirtas(['serve', '--port', 'abc', '--data-dir', dataDir]).code).toBe(2);
    const unknown = qirtas(['show', 'nope', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No article with id "nope"');
    expect(qirtas(['--help']).stdout).toContain('Usage: qirtas');
  });
});
