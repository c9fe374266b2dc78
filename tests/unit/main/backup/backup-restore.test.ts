/**
 * Backup and restore on a real archive (the seed article with highlights):
 * a backup restored into a new folder gives the same archive byte for byte;
 * every malicious or broken zip of the fixture set is refused with its reason,
 * and the archive it was restored over is byte-for-byte unchanged (every file
 * hashed before and after, nothing left in the data folder); restoring through
 * the service swaps the files under its lock and the open service reloads;
 * automatic backups rotate; a swap interrupted half-way is rolled back.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupInfo, BackupList, FullArticle, RestoreResult } from '../../../../common/api.js';
import type { ArticleMeta } from '../../../../common/types/article.js';
import { readBackup } from '../../../../main/backup/backup-reader.js';
import { BackupOps } from '../../../../main/backup/backup-ops.js';
import { createBackup } from '../../../../main/backup/create-backup.js';
import { JOURNAL_FILE, recoverInterruptedRestore, restoreBackupFile, stageBackup, SWAPPED_ITEMS } from '../../../../main/backup/restore.js';
import { BackupRefused, DEFAULT_LIMITS, readCentralDirectory } from '../../../../main/backup/zip-read.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { acquireDataLock } from '../../../../main/store/data-lock.js';
import { ASSETS_DIR } from '../../../support/seed.js';
import { buildNotesArchive, call, type NotesArchive, SEED_HIGHLIGHTS } from '../export/archive-with-notes.js';
import { makeFixtures } from './zip-fixtures.js';

let archive: NotesArchive;
let backupPath: string;
const work = mkdtempSync(join(tmpdir(), 'qirtas-backup-test-'));

beforeAll(async () => {
  archive = await buildNotesArchive();
  await archive.app.service.flush(); // the search index on disk too, like a real session
  // Fold the library journal into library.json, as BackupOps.create does, so the files compare byte for byte.
  await archive.app.service.currentStore.compact();
  backupPath = join(work, 'archive.zip');
  await createBackup(archive.dataDir, backupPath, { kind: 'manual', appVersion: 'test' });
});
afterAll(async () => {
  await archive.app.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every file under a folder (recursively) with its SHA-256. */
function hashTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        out[`${relative(root, path)}/`] = 'dir';
        walk(path);
      } else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return out;
}

const archiveFiles = (dataDir: string) => ['library.json', ...readdirSync(join(dataDir, 'articles')).map((name) => `articles/${name}`)].sort();

describe('backup', () => {
  it('is one zip with a manifest listing every archive file with its size and SHA-256, and nothing else', () => {
    const entries = unzipSync(readFileSync(backupPath));
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array));
    expect(manifest).toMatchObject({ format: 'qirtas-backup', manifestVersion: 1, archiveSchemaVersion: 1, kind: 'manual', articleCount: 2, annotationCount: SEED_HIGHLIGHTS.length + 1 });
    expect(manifest.files.map((file: { path: string }) => file.path).sort()).toEqual(archiveFiles(archive.dataDir));
    for (const file of manifest.files as Array<{ path: string; size: number; sha256: string }>) {
      const bytes = readFileSync(join(archive.dataDir, file.path));
      expect(file.size).toBe(bytes.length);
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(entries[file.path]).toEqual(new Uint8Array(bytes));
    }
    // Not the lock, not temp files, not the index (a cache), not backups/.
    expect(Object.keys(entries).filter((name) => !name.startsWith('articles/')).sort()).toEqual(['library.json', 'manifest.json']);
  });

  it('restored into a new folder gives the same archive, byte for byte', async () => {
    const target = join(work, 'restored-new');
    mkdirSync(target, { recursive: true });
    const lock = await acquireDataLock(target);
    try {
      const outcome = await restoreBackupFile(backupPath, target);
      expect(outcome).toEqual({ articleCount: 2, annotationCount: SEED_HIGHLIGHTS.length + 1, previousKeptAt: '' });
    } finally {
      await lock.release();
    }
    expect(archiveFiles(target)).toEqual(archiveFiles(archive.dataDir));
    for (const file of archiveFiles(target)) expect(readFileSync(join(target, file)), file).toEqual(readFileSync(join(archive.dataDir, file)));
    // It opens, and reads the same.
    const reopened = await openArchiveApp({ dataDir: target, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
    try {
      const seed = await call<FullArticle>(reopened, 'getArticle', { id: archive.seedId });
      expect(seed.annotations.map((annotation) => annotation.quote)).toEqual(SEED_HIGHLIGHTS.map((planned) => planned.phrase));
      expect((await reopened.service.search({ query: 'درعا', limit: 5, exact: false, prefix: false })).results.length).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
  });

  it('refuses every malicious or broken zip with its reason, and leaves the archive byte-for-byte unchanged', async () => {
    const fixtures = makeFixtures(readFileSync(backupPath));
    expect(fixtures.length).toBeGreaterThanOrEqual(18);
    const target = join(work, 'victim');
    cpSync(archive.dataDir, target, { recursive: true });
    rmSync(join(target, 'qirtas.lock'), { force: true });
    const lock = await acquireDataLock(target);
    try {
      const before = hashTree(target);
      for (const fixture of fixtures) {
        const path = join(work, `fixture-${fixture.name.replace(/[^a-z0-9]+/gi, '-')}.zip`);
        writeFileSync(path, fixture.bytes);
        const attempt = restoreBackupFile(path, target);
        await expect(attempt, fixture.name).rejects.toBeInstanceOf(BackupRefused);
        await expect(restoreBackupFile(path, target), fixture.name).rejects.toThrow(fixture.reason);
        await expect(restoreBackupFile(path, target)).rejects.toThrow(/Nothing was changed\.$/);
        if (fixture.beforeInflating) {
          // Decided from the central directory alone.
          const handle = await open(path, 'r');
          await expect(readCentralDirectory(handle, DEFAULT_LIMITS), fixture.name).rejects.toThrow(fixture.reason);
          await handle.close();
        }
        expect(hashTree(target), fixture.name).toEqual(before);
        expect(existsSync(join(work, 'evil.json')) || existsSync('/tmp/qirtas-evil.json') || existsSync(join(target, '..', 'outside.json'))).toBe(false);
      }
    } finally {
      await lock.release();
    }
  }, 120_000);

  it('refuses an archive above the size cap before reading it', async () => {
    await expect(readBackup(backupPath, { limits: { maxArchiveBytes: 1000 } })).rejects.toThrow(/above the .* a backup may be/);
    await expect(readBackup(join(work, 'nope.zip'))).rejects.toThrow(/no backup file/);
  });

  it('rolls back a swap that died half-way, putting the previous archive back', async () => {
    const target = join(work, 'interrupted');
    cpSync(archive.dataDir, target, { recursive: true });
    rmSync(join(target, 'qirtas.lock'), { force: true });
    const before = hashTree(target);
    const staged = await stageBackup(backupPath, target);
    // What swapInStaged does, stopped after moving library.json and articles/ aside and moving library.json in.
    const aside = join('backups', 'before-restore-test');
    mkdirSync(join(target, aside));
    const existed = SWAPPED_ITEMS.filter((item) => existsSync(join(target, item)));
    writeFileSync(join(target, JOURNAL_FILE), JSON.stringify({ version: 1, started: new Date().toISOString(), staging: relative(target, staged.folder), aside, existed }));
    await rename(join(target, 'library.json'), join(target, aside, 'library.json'));
    await rename(join(target, 'articles'), join(target, aside, 'articles'));
    await rename(join(staged.folder, 'library.json'), join(target, 'library.json'));
    expect(await recoverInterruptedRestore(target)).toBe(true);
    expect(hashTree(target)).toEqual(before);
    expect(await recoverInterruptedRestore(target)).toBe(false);
  });
});

describe('restore through the service (the process holding the lock)', () => {
  it('swaps under the lock, keeps the previous archive aside, and the open service reloads', async () => {
    const dataDir = join(work, 'live');
    cpSync(archive.dataDir, dataDir, { recursive: true });
    rmSync(join(dataDir, 'qirtas.lock'), { force: true });
    const app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
    try {
      const created = await call<BackupInfo>(app, 'createBackup', {});
      expect(created).toMatchObject({ kind: 'manual', articleCount: 2, annotationCount: SEED_HIGHLIGHTS.length + 1 });
      const snapshot = Object.fromEntries(archiveFiles(dataDir).map((file) => [file, readFileSync(join(dataDir, file))]));

      // Change things after the backup: delete a highlight, add an article, search once (index built).
      const seed = await call<FullArticle>(app, 'getArticle', { id: archive.seedId });
      await call(app, 'deleteAnnotation', { articleId: archive.seedId, annotationId: seed.annotations[0]?.id });
      await call(app, 'importText', { text: 'مقال جديد أضيف بعد النسخة الاحتياطية.\nفقرة ثانية فيه.' });
      expect((await app.service.search({ query: 'الاحتياطية', limit: 5, exact: false, prefix: false })).results).toHaveLength(1);
      const events: string[] = [];
      app.service.events.subscribe((event) => events.push(event.type));

      const listed = await call<BackupList>(app, 'listBackups', {});
      expect(listed.backups.map((backup) => backup.name)).toContain(created.name);
      const result = await call<RestoreResult>(app, 'restoreBackup', { name: created.name });
      expect(result.articleCount).toBe(2);
      expect(result.previousKeptAt).toMatch(/backups[\\/]before-restore-/);
      expect(readdirSync(join(result.previousKeptAt, 'articles'))).toHaveLength(3);

      // The files are the backup's, and the running service sees them without reopening.
      for (const [file, bytes] of Object.entries(snapshot)) expect(readFileSync(join(dataDir, file)), file).toEqual(bytes);
      expect(archiveFiles(dataDir)).toEqual(Object.keys(snapshot));
      expect((await call<ArticleMeta[]>(app, 'listArticles', {})).map((meta) => meta.id).sort()).toEqual([archive.seedId, archive.secondId].sort());
      expect((await call<FullArticle>(app, 'getArticle', { id: archive.seedId })).annotations).toHaveLength(SEED_HIGHLIGHTS.length);
      expect((await app.service.search({ query: 'الاحتياطية', limit: 5, exact: false, prefix: false })).results).toHaveLength(0);
      expect(events).toEqual(expect.arrayContaining(['articles-changed', 'settings-changed']));
      // Still the one writer: the lock names this process; writes work.
      expect(JSON.parse(readFileSync(join(dataDir, 'qirtas.lock'), 'utf8')).pid).toBe(process.pid);
      await call(app, 'updateArticle', { id: archive.secondId, patch: { title: 'بعد الاستعادة' } });

      // Restoring an uploaded zip works the same way; a bad one changes nothing.
      const before = hashTree(join(dataDir, 'articles'));
      const refused = await app.dispatch('restoreBackup', { fileName: 'x.zip', data: Buffer.from('not a zip').toString('base64') });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('too short to be a zip') } });
      expect(hashTree(join(dataDir, 'articles'))).toEqual(before);
      const uploaded = await call<RestoreResult>(app, 'restoreBackup', { fileName: 'archive.zip', data: readFileSync(backupPath).toString('base64') });
      expect(uploaded.annotationCount).toBe(SEED_HIGHLIGHTS.length + 1);
      expect((await call<FullArticle>(app, 'getArticle', { id: archive.secondId })).meta.title).toBe('عمليات الجنوب');
      expect(readdirSync(join(dataDir, 'backups')).filter((name) => name.startsWith('.'))).toEqual([]);
    } finally {
      await app.close();
    }
    expect(existsSync(join(dataDir, 'qirtas.lock'))).toBe(false);
    const again = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
    expect((await call<FullArticle>(again, 'getArticle', { id: archive.seedId })).annotations).toHaveLength(SEED_HIGHLIGHTS.length);
    await again.close();
  }, 60_000);
});

describe('automatic backups', () => {
  it('one a day while the app is open, each verified, the last N kept', async () => {
    const dataDir = join(work, 'auto');
    cpSync(archive.dataDir, dataDir, { recursive: true });
    rmSync(join(dataDir, 'qirtas.lock'), { force: true });
    const app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
    let now = new Date('2025-03-01T09:00:00Z');
    const ops = new BackupOps({ store: () => app.service.currentStore, appVersion: 'test', beforeSwap: async () => undefined, reload: async () => undefined, now: () => now });
    try {
      const first = await ops.runScheduledCheck();
      expect(first).toMatchObject({ kind: 'auto', name: 'qirtas-auto-2025-03-01T09-00-00-000Z.zip' });
      now = new Date('2025-03-01T20:00:00Z');
      expect(await ops.runScheduledCheck()).toBeNull();
      for (let day = 2; day <= 10; day += 1) {
        now = new Date(`2025-03-${String(day).padStart(2, '0')}T09:30:00Z`);
        expect(await ops.runScheduledCheck()).not.toBeNull();
      }
      let autos = (await ops.list()).backups.filter((backup) => backup.kind === 'auto');
      expect(autos).toHaveLength(7);
      expect(autos[0]?.created).toBe('2025-03-10T09:30:00.000Z');
      for (const backup of autos) await readBackup(join(ops.folder, backup.name)); // each one verifies
      expect(await call(app, 'updateBackupSettings', { keep: 3 })).toEqual({ enabled: true, keep: 3 });
      await ops.updateSettings({ keep: 3 });
      autos = (await ops.list()).backups.filter((backup) => backup.kind === 'auto');
      expect(autos.map((backup) => backup.created)).toEqual(['2025-03-10T09:30:00.000Z', '2025-03-09T09:30:00.000Z', '2025-03-08T09:30:00.000Z']);
      await ops.updateSettings({ enabled: false });
      now = new Date('2025-04-01T09:00:00Z');
      expect(await ops.runScheduledCheck()).toBeNull();
      expect(statSync(join(ops.folder, 'settings.json')).isFile()).toBe(true);
    } finally {
      await ops.stop();
      await app.close();
    }
  }, 60_000);
});
