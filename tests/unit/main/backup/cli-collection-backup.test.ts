/**
 * `qirtas backup --collection C` and `qirtas restore` of a collection backup as
 * a user runs them (a real process on real data folders; the CLI bundled like
 * the real build): the collection named by name or path, usage errors, the merge
 * report into a new folder and into the archive it came from (nothing replaced,
 * the other articles still there), and the refusal while the archive is open.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../../main/store/archive-store.js';
import { acquireDataLock } from '../../../../main/store/data-lock.js';
import { buildCollectionArchive, type CollectionArchive } from './collection-archive.js';

const ROOT = new URL('../../../../', import.meta.url).pathname;
let cli: string;
let archive: CollectionArchive;
const work = mkdtempSync(join(tmpdir(), 'qirtas-cli-collection-'));

beforeAll(async () => {
  cli = join(ROOT, 'test-results', 'children', 'qirtas-cli-collection.mjs');
  mkdirSync(join(ROOT, 'test-results', 'children'), { recursive: true });
  await build({ entryPoints: [join(ROOT, 'main/cli/cli-entry.ts')], outfile: cli, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  archive = await buildCollectionArchive();
  await archive.app.close(); // the CLI takes the archive
});

function qirtas(args: string[]) {
  const result = spawnSync('node', [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function articleIds(dataDir: string): Promise<string[]> {
  const store = await ArchiveStore.open(dataDir, { readOnly: true });
  return store.listMeta().map((meta) => meta.id).sort();
}

describe('qirtas backup --collection / restore', () => {
  const zip = join(work, 'levant.zip');

  it('backs up a collection named by name or path, and explains what it cannot do', () => {
    const made = qirtas(['backup', '-o', zip, '--collection', 'بلاد الشام', '--data-dir', archive.dataDir]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('collection "بلاد الشام" (3 collections with its sub-collections), 3 articles, 4 highlights');
    const manifest = JSON.parse(qirtas(['backup', '-o', join(work, 'syria.zip'), '--collection', 'بلاد الشام/سوريا', '--json', '--data-dir', archive.dataDir]).stdout);
    expect(manifest).toMatchObject({ articles: 2, scope: { kind: 'collection', name: 'سوريا', path: 'بلاد الشام/سوريا' } });

    expect(qirtas(['backup', '-o', join(work, 'x.zip'), '--collection', 'الأندلس', '--data-dir', archive.dataDir])).toMatchObject({ code: 1, stderr: expect.stringContaining('No collection named "الأندلس"') });
    expect(qirtas(['backup', '-o', join(work, 'x.zip'), '--collection', 'مصر', '--with-index', '--data-dir', archive.dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('--with-index') });
    expect(qirtas(['--help']).stdout).toContain('--collection C: only that collection');
  });

  it('restores it by merging: into a new folder, again (all kept), and into the archive it came from (nothing else touched)', async () => {
    const fresh = join(work, 'fresh');
    const first = qirtas(['restore', zip, '--data-dir', fresh]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('merged the backup of collection "بلاد الشام"');
    expect(first.stdout).toContain('nothing in the archive was replaced or deleted');
    expect(first.stdout).toContain('added: 3 articles with 4 highlights');
    expect(first.stdout).toContain('collections: 3 created, 0 already there');
    expect(await articleIds(fresh)).toEqual(archive.ids.slice(0, 3).sort());
    for (const id of archive.ids.slice(0, 3)) {
      expect(readFileSync(join(fresh, 'articles', `${id}.json`))).toEqual(readFileSync(join(archive.dataDir, 'articles', `${id}.json`)));
    }

    const again = JSON.parse(qirtas(['restore', zip, '--data-dir', fresh, '--json']).stdout);
    expect(again).toMatchObject({ scope: 'collection', previousKeptAt: '', merge: { articlesAdded: 0, articlesKept: 3, collectionsExisting: 3 } });

    const before = await articleIds(archive.dataDir);
    const home = qirtas(['restore', zip, '--data-dir', archive.dataDir]);
    expect(home.code).toBe(0);
    expect(home.stdout).toContain('already in the archive, left as they are: 3 articles');
    expect(await articleIds(archive.dataDir)).toEqual(before);
  });

  it('refuses while the archive is open elsewhere, changing nothing', async () => {
    const target = join(work, 'locked');
    mkdirSync(target, { recursive: true });
    const lock = await acquireDataLock(target);
    try {
      expect(qirtas(['restore', zip, '--data-dir', target])).toMatchObject({ code: 1, stderr: expect.stringContaining('is open in Qirtas') });
    } finally {
      await lock.release();
    }
    expect(await articleIds(target)).toEqual([]);
  });
});
