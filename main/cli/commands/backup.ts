/**
 * `qirtas backup -o FILE [--with-index]` and `qirtas restore FILE [--data-dir DIR]`.
 *
 * backup: a verified zip of the archive (manifest with sizes and SHA-256 of
 * every file). It takes the lock when it can; while the app holds it, it reads
 * the files as they are on disk (each is replaced atomically, so each is whole)
 * and says so.
 *
 * restore: takes the data folder's lock itself (it never opens the store, so a
 * damaged library.json can be restored over), verifies the backup in a staging
 * folder, swaps it in, and keeps the previous archive in
 * backups/before-restore-<stamp>/. While the app is open it refuses: restore
 * from the app instead, which holds the lock.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { QirtasError } from '../../../common/errors.js';
import { createBackup } from '../../backup/create-backup.js';
import { recoverInterruptedRestore, restoreBackupFile } from '../../backup/restore.js';
import { acquireDataLock, type DataLock } from '../../store/data-lock.js';
import { type CliContext, EXIT_OK, UsageError } from '../cli-context.js';

async function tryLock(dataDir: string): Promise<DataLock | null> {
  try {
    return await acquireDataLock(dataDir);
  } catch (error) {
    if (error instanceof QirtasError && error.code === 'LOCKED') return null;
    throw error;
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export async function backupCommand(context: CliContext, output: string | undefined, withIndex: boolean): Promise<number> {
  if (!output) throw new UsageError('backup needs an output file: qirtas backup -o FILE.zip');
  const target = resolve(output);
  await mkdir(context.dataDir, { recursive: true });
  const lock = await tryLock(context.dataDir);
  try {
    if (lock) await recoverInterruptedRestore(context.dataDir);
    else context.err('note: Qirtas is open on this archive; backing up its files as they are on disk (each one is whole).');
    const backup = await createBackup(context.dataDir, target, { kind: 'manual', appVersion: context.version, includeIndex: withIndex });
    if (context.json) {
      context.out(JSON.stringify({ file: backup.path, size: backup.size, articles: backup.manifest.articleCount, annotations: backup.manifest.annotationCount, files: backup.manifest.files.length }, null, 2));
    } else {
      context.out(
        `wrote ${backup.path}: ${backup.manifest.articleCount} articles, ${backup.manifest.annotationCount} highlights, ` +
          `${backup.manifest.files.length} files, ${mb(backup.size)}; verified (every checksum and schema)`,
      );
    }
    return EXIT_OK;
  } finally {
    await lock?.release();
  }
}

export async function restoreCommand(context: CliContext, file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('restore needs a backup file: qirtas restore FILE.zip [--data-dir DIR]');
  await mkdir(context.dataDir, { recursive: true });
  const lock = await tryLock(context.dataDir);
  if (!lock) {
    throw new QirtasError('LOCKED', `The archive at ${context.dataDir} is open in Qirtas. Restore from the app (Export → Backups), or close it and run this again.`);
  }
  try {
    const outcome = await restoreBackupFile(resolve(file), context.dataDir);
    if (context.json) context.out(JSON.stringify({ dataDir: context.dataDir, ...outcome }, null, 2));
    else {
      context.out(`restored ${outcome.articleCount} articles and ${outcome.annotationCount} highlights into ${context.dataDir}`);
      context.out(outcome.previousKeptAt ? `the previous archive was kept in ${outcome.previousKeptAt}` : 'there was no archive here before');
    }
    return EXIT_OK;
  } finally {
    await lock.release();
  }
}
