/**
 * The commands as a user runs them (a real process on a real data folder):
 * `qirtas export` (Markdown to a file, CSV to stdout, a usage error),
 * `qirtas backup -o`, `qirtas restore` into a new folder (same files), refused
 * while another process holds the archive, and `qirtas import-json`.
 * The CLI is bundled like the real build (packages left in node_modules).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataLock } from '../../../../main/store/data-lock.js';
import { buildNotesArchive, type NotesArchive, SEED_HIGHLIGHTS } from '../export/archive-with-notes.js';

const ROOT = new URL('../../../../', import.meta.url).pathname;
let cli: string;
let archive: NotesArchive;
const work = mkdtempSync(join(tmpdir(), 'qirtas-cli-export-'));

beforeAll(async () => {
  cli = join(ROOT, 'test-results', 'children', 'qirtas-cli-export.mjs');
  mkdirSync(join(ROOT, 'test-results', 'children'), { recursive: true });
  await build({ entryPoints: [join(ROOT, 'main/cli/cli-entry.ts')], outfile: cli, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  archive = await buildNotesArchive();
  await archive.app.close(); // the CLI takes the archive
});
afterAll(() => undefined);

function qirtas(args: string[]) {
  const result = spawnSync('node', [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('qirtas export / backup / restore', () => {
  it('exports Markdown to a file and CSV to stdout, and explains usage errors', () => {
    const out = join(work, 'notes.md');
    const md = qirtas(['export', '--format', 'md', '--tag', 'حمص', '--only-highlights', '--group-by', 'color', '-o', out, '--data-dir', archive.dataDir]);
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`1 articles, ${SEED_HIGHLIGHTS.length} highlights`);
    const text = readFileSync(out, 'utf8');
    for (const planned of SEED_HIGHLIGHTS) expect(text).toContain(`> ${planned.phrase.replace(/[()]/g, (c) => c)}`);

    const csv = qirtas(['export', '--format', 'csv', '--article', archive.seedId.slice(0, 8), '-o', '-', '--data-dir', archive.dataDir]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFarticle_id,')).toBe(true);
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(SEED_HIGHLIGHTS.length + 1);

    expect(qirtas(['export', '--format', 'odt', '-o', out, '--data-dir', archive.dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of') });
    expect(qirtas(['export', '--format', 'md', '--all', '--tag', 'x', '-o', out, '--data-dir', archive.dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('give one scope') });
    expect(qirtas(['export', '--format', 'docx', '-o', '-', '--data-dir', archive.dataDir])).toMatchObject({ code: 2 });
  });

  it('backs up, restores into a new folder with the same files, and refuses while the archive is open elsewhere', async () => {
    const zip = join(work, 'backup.zip');
    const backup = qirtas(['backup', '-o', zip, '--data-dir', archive.dataDir]);
    expect(backup.stderr).toBe('');
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(`2 articles, ${SEED_HIGHLIGHTS.length + 1} highlights`) });
    expect(backup.stdout).toContain('verified');

    const target = join(work, 'restored');
    const restore = qirtas(['restore', zip, '--data-dir', target]);
    expect(restore.stderr).toBe('');
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringContaining('there was no archive here before') });
    const files = (dir: string) => ['library.json', ...readdirSync(join(dir, 'articles')).map((name) => `articles/${name}`)];
    expect(files(target).sort()).toEqual(files(archive.dataDir).sort());
    for (const file of files(target)) expect(readFileSync(join(target, file))).toEqual(readFileSync(join(archive.dataDir, file)));

    // Again over the restored archive: the previous one is kept aside.
    const over = qirtas(['restore', zip, '--data-dir', target, '--json']);
    expect(over.code).toBe(0);
    expect(JSON.parse(over.stdout).previousKeptAt).toContain('before-restore-');

    const lock = await acquireDataLock(target);
    try {
      const refused = qirtas(['restore', zip, '--data-dir', target]);
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('is open in Qirtas') });
      // Backup still works, reading the files as they are.
      const live = qirtas(['backup', '-o', join(work, 'live.zip'), '--data-dir', target]);
      expect(live).toMatchObject({ code: 0, stderr: expect.stringContaining('Qirtas is open on this archive') });
    } finally {
      await lock.release();
    }
    const broken = qirtas(['restore', join(work, 'notes.md'), '--data-dir', target]);
    expect(broken).toMatchObject({ code: 1, stderr: expect.stringContaining('This backup cannot be restored') });
  });

  it('exports JSON and imports it back with import-json', () => {
    const json = join(work, 'notes.json');
    expect(qirtas(['export', '--format', 'json', '--all', '-o', json, '--data-dir', archive.dataDir]).code).toBe(0);
    const fresh = join(work, 'fresh');
    const imported = qirtas(['import-json', json, '--data-dir', fresh]);
    expect(imported.stderr).toBe('');
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining(`2 articles added, 0 merged, ${SEED_HIGHLIGHTS.length + 1} highlights added`) });
  });
});
