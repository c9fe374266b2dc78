/**
 * A collection restore (a merge) killed half-way, with the real `qirtas restore`
 * process and the test hook QIRTAS_TEST_KILL_MERGE_AT (the process SIGKILLs
 * itself right after the named step):
 * - after the new articles' files were written but before the one library
 *   change: the next open shows the archive exactly as it was (its own article
 *   untouched, byte for byte), the unnamed files moved to
 *   backups/orphaned-articles/ — also in a new folder that had no library.json
 *   yet (they must not be taken for a library to rebuild); restoring again
 *   completes the merge;
 * - after the library change: the merge is whole.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackupInfo, ImportOutcome } from '../../../../common/api.js';
import { ArchiveStore } from '../../../../main/store/archive-store.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { bundleChild } from '../../../support/bundle-child.js';
import { ASSETS_DIR } from '../../../support/seed.js';
import { buildCollectionArchive, call, type CollectionArchive } from './collection-archive.js';

let cli: string;
let archive: CollectionArchive;
let zip: string;
const work = mkdtempSync(join(tmpdir(), 'qirtas-merge-kill-'));

beforeAll(async () => {
  cli = await bundleChild('main/cli/cli-entry.ts', 'qirtas-cli-merge-kill');
  archive = await buildCollectionArchive();
  zip = join(archive.dataDir, 'backups', (await call<BackupInfo>(archive.app, 'createBackup', { collection: archive.levant.id })).name);
  await archive.app.close();
});

function qirtas(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('node', [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** An archive holding one article of its own. */
async function archiveWithOne(name: string): Promise<{ dataDir: string; ownId: string; ownBytes: Buffer }> {
  const dataDir = join(work, name);
  const app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
  const outcome = await call<ImportOutcome>(app, 'importText', { text: 'مقال خاص بهذا الأرشيف عن تاريخ حلب.\nفقرة ثانية عن أسواقها القديمة.', title: 'حلب' });
  await app.close();
  if (outcome.status !== 'imported') throw new Error('not imported');
  return { dataDir, ownId: outcome.article.id, ownBytes: readFileSync(join(dataDir, 'articles', `${outcome.article.id}.json`)) };
}

async function listed(dataDir: string): Promise<{ ids: string[]; collections: number }> {
  const store = await ArchiveStore.open(dataDir, { log: () => undefined });
  try {
    return { ids: store.listMeta().map((meta) => meta.id).sort(), collections: store.library.collections.length };
  } finally {
    await store.close();
  }
}

const backupIds = () => archive.ids.slice(0, 3).sort();

describe('a collection restore killed half-way', () => {
  it('before its library change: the archive is as it was, the files are set aside, and a new restore completes it', async () => {
    const { dataDir, ownId, ownBytes } = await archiveWithOne('killed-before');
    const run = qirtas(['restore', zip, '--data-dir', dataDir], { QIRTAS_TEST_KILL_MERGE_AT: 'files-written' });
    expect(run.signal).toBe('SIGKILL');
    expect(await listed(dataDir)).toEqual({ ids: [ownId], collections: 0 });
    expect(readFileSync(join(dataDir, 'articles', `${ownId}.json`))).toEqual(ownBytes);
    expect(readdirSync(join(dataDir, 'articles'))).toEqual([`${ownId}.json`]);
    expect(readdirSync(join(dataDir, 'backups', 'orphaned-articles')).sort()).toEqual(backupIds().map((id) => `${id}.json`));

    const again = qirtas(['restore', zip, '--data-dir', dataDir, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).merge).toMatchObject({ articlesAdded: 3, articlesKept: 0, collectionsCreated: 3 });
    expect(await listed(dataDir)).toEqual({ ids: [ownId, ...backupIds()].sort(), collections: 3 });
  });

  it('before its library change in a new folder: nothing is taken for a library to rebuild', async () => {
    const dataDir = join(work, 'killed-new');
    const run = qirtas(['restore', zip, '--data-dir', dataDir], { QIRTAS_TEST_KILL_MERGE_AT: 'files-written' });
    expect(run.signal).toBe('SIGKILL');
    expect(existsSync(join(dataDir, 'library.json'))).toBe(true);
    expect(await listed(dataDir)).toEqual({ ids: [], collections: 0 });
  });

  it('after its library change: the merge is whole', async () => {
    const { dataDir, ownId, ownBytes } = await archiveWithOne('killed-after');
    const run = qirtas(['restore', zip, '--data-dir', dataDir], { QIRTAS_TEST_KILL_MERGE_AT: 'committed' });
    expect(run.signal).toBe('SIGKILL');
    expect(await listed(dataDir)).toEqual({ ids: [ownId, ...backupIds()].sort(), collections: 3 });
    expect(readFileSync(join(dataDir, 'articles', `${ownId}.json`))).toEqual(ownBytes);
    for (const id of backupIds()) expect(readFileSync(join(dataDir, 'articles', `${id}.json`))).toEqual(readFileSync(join(archive.dataDir, 'articles', `${id}.json`)));
  });
});
