/**
 * `qirtas backup -o FILE [--with-index | --collection C]` and `qirtas restore FILE [--data-dir DIR]`.
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
 *
 * Collections (issue 10): `backup --collection C` (name, path or id, as
 * `export --collection`) writes a backup of that collection with its
 * sub-collections and their articles. `restore` of such a backup opens the
 * archive (taking its lock) and MERGES it in (backup/merge-restore.ts): articles
 * not there are added, those already there are kept as they are; it prints what
 * it did. Nothing is replaced or deleted.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { QirtasError } from '../../../common/errors.js';
import { createBackup } from '../../backup/create-backup.js';
import type { RestoreResult } from '../../../common/api.js';
import { backupScope } from '../../backup/merge-restore.js';
import { recoverInterruptedRestore, restoreBackupFile } from '../../backup/restore.js';
import { acquireDataLock, type DataLock } from '../../store/data-lock.js';
import { type CliContext, EXIT_OK, UsageError } from '../cli-context.js';
import { collectionPath } from '../../../common/library/index.js';
import { resolveCollection } from './collection-names.js';

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

/** The collection's id, named as `export --collection` names it (read without the lock: the app may be open). */
async function collectionId(context: CliContext, nameOrId: string): Promise<{ id: string; path: string }> {
  const app = await context.open(true);
  try {
    const collection = resolveCollection(app, nameOrId);
    return { id: collection.id, path: collectionPath(app.store.library.collections, collection) };
  } finally {
    await app.close();
  }
}

export async function backupCommand(context: CliContext, output: string | undefined, withIndex: boolean, collection?: string): Promise<number> {
  if (!output) throw new UsageError('backup needs an output file: qirtas backup -o FILE.zip');
  if (collection !== undefined && withIndex) throw new UsageError('--with-index backs up the whole archive\'s search index; it cannot go with --collection');
  const target = resolve(output);
  await mkdir(context.dataDir, { recursive: true });
  const scoped = collection === undefined ? undefined : await collectionId(context, collection);
  const lock = await tryLock(context.dataDir);
  try {
    if (lock) await recoverInterruptedRestore(context.dataDir);
    else context.err('note: Qirtas is open on this archive; backing up its files as they are on disk (each one is whole).');
    const backup = await createBackup(context.dataDir, target, { kind: 'manual', appVersion: context.version, includeIndex: withIndex, collection: scoped?.id });
    const scope = backup.manifest.scope;
    if (context.json) {
      context.out(
        JSON.stringify(
          { file: backup.path, size: backup.size, articles: backup.manifest.articleCount, annotations: backup.manifest.annotationCount, files: backup.manifest.files.length, ...(scope ? { scope } : {}) },
          null,
          2,
        ),
      );
    } else {
      context.out(
        `wrote ${backup.path}: ${scope ? `collection "${scope.path}" (${scope.collectionCount} collections with its sub-collections), ` : ''}` +
          `${backup.manifest.articleCount} articles, ${backup.manifest.annotationCount} highlights, ` +
          `${backup.manifest.files.length} files, ${mb(backup.size)}; verified (every checksum and schema)`,
      );
    }
    return EXIT_OK;
  } finally {
    await lock?.release();
  }
}

/** The merge report, in lines. */
function printMerge(context: CliContext, result: RestoreResult): void {
  const merge = result.merge;
  if (!merge) return;
  context.out(`merged the backup of collection "${merge.collection.name}" into ${context.dataDir} (a collection backup adds; nothing in the archive was replaced or deleted)`);
  context.out(`  added: ${merge.articlesAdded} articles with ${merge.annotationsAdded} highlights`);
  const titles = merge.keptTitles.map((title) => `«${title}»`).join(', ');
  context.out(`  already in the archive, left as they are: ${merge.articlesKept} articles${titles ? ` (${titles}${merge.articlesKept > merge.keptTitles.length ? ', …' : ''})` : ''}`);
  context.out(`  collections: ${merge.collectionsCreated} created, ${merge.collectionsExisting} already there`);
  for (const renamed of merge.collectionsRenamed) context.out(`  renamed "${renamed.from}" to "${renamed.to}" (another collection of that name is in the same place)`);
  if (merge.membershipsAdded > 0) context.out(`  put ${merge.membershipsAdded} articles already in the archive back into the collection`);
}

/** A collection backup: merged through the archive's own store (it takes the lock). */
async function mergeCommand(context: CliContext, zipPath: string): Promise<number> {
  const app = await context.open(false).catch((error: unknown) => {
    if (error instanceof QirtasError && error.code === 'LOCKED') {
      throw new QirtasError('LOCKED', `The archive at ${context.dataDir} is open in Qirtas. Restore the collection backup from the app (Export → Backups), or close it and run this again.`);
    }
    throw error;
  });
  try {
    const result = await app.service.backups.restoreFile(zipPath);
    if (context.json) context.out(JSON.stringify({ dataDir: context.dataDir, ...result }, null, 2));
    else printMerge(context, result);
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

export async function restoreCommand(context: CliContext, file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('restore needs a backup file: qirtas restore FILE.zip [--data-dir DIR]');
  await mkdir(context.dataDir, { recursive: true });
  if (await backupScope(resolve(file))) return mergeCommand(context, resolve(file));
  const lock = await tryLock(context.dataDir);
  if (!lock) {
    throw new QirtasError('LOCKED', `The archive at ${context.dataDir} is open in Qirtas. Restore from the app (Export → Backups), or close it and run this again.`);
  }
  try {
    const outcome = await restoreBackupFile(resolve(file), context.dataDir);
    if (context.json) context.out(JSON.stringify({ dataDir: context.dataDir, scope: 'archive', ...outcome }, null, 2));
    else {
      context.out(`restored ${outcome.articleCount} articles and ${outcome.annotationCount} highlights into ${context.dataDir}`);
      context.out(outcome.previousKeptAt ? `the previous archive was kept in ${outcome.previousKeptAt}` : 'there was no archive here before');
    }
    return EXIT_OK;
  } finally {
    await lock.release();
  }
}
