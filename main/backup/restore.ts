/**
 * Restoring a backup (issue 6), in two steps that never touch the live archive
 * until everything has been checked:
 *
 * 1. Stage: the zip is read the careful way (backup-reader.ts: central
 *    directory limits, names, symlinks, manifest, checksums, schemas) and each
 *    verified file is written, fsynced, into a hidden staging folder INSIDE the
 *    data folder (`.restore-staging-<stamp>`): the same file system as the
 *    archive, so the swap is made of renames, and covered by the data-folder
 *    lock. Any refusal deletes the staging folder and changes nothing else.
 * 2. Swap: a journal (restore-journal.json, written durably) records what is
 *    about to move; the current library.json, articles/ and index/ are renamed
 *    into backups/before-restore-<stamp>/, the staged ones are renamed in, the
 *    folder is fsynced, and removing the journal commits. The previous archive
 *    is KEPT in that dated folder (the last 3 are kept; older ones deleted), so a
 *    restore can itself be undone by hand.
 *
 * A process that dies during the swap leaves the journal: the next writable
 * open of the archive (ArchiveStore.open, awaited before anything reads or
 * writes), restore or backup rolls the swap back (store/swap-journal.ts),
 * putting the previous archive back in place; read-only opens refuse with
 * INTERRUPTED_RESTORE until then.
 *
 * Only whole-archive backups are swapped in; a collection backup is refused
 * here (staging) and merged instead (merge-restore.ts).
 *
 * Test hook: every step of the swap is named (RESTORE_STEPS); `onStep` is called
 * after each, and QIRTAS_TEST_KILL_RESTORE_AT=<step> makes the process SIGKILL
 * itself right after that step (the fault-injection tests and the soak suite).
 *
 * The caller must hold the data-folder lock (the CLI takes it; the service holds
 * it through its open store) — this module takes none.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncFolder, writeFileDurably } from '../store/durable-file.js';
import { pathExists as exists, recoverInterruptedRestore, RESTORE_JOURNAL_FILE as JOURNAL_FILE, SWAPPED_ITEMS, type SwapJournal } from '../store/swap-journal.js';
import { readBackup, type ReadBackupResult } from './backup-reader.js';
import { MANIFEST_NAME } from './manifest.js';
import { BackupRefused, type ZipLimits } from './zip-read.js';

export { RESTORE_JOURNAL_FILE as JOURNAL_FILE, recoverInterruptedRestore, SWAPPED_ITEMS } from '../store/swap-journal.js';
export const STAGING_PREFIX = '.restore-staging-';
export const BEFORE_RESTORE_PREFIX = 'before-restore-';
export const KEEP_BEFORE_RESTORE = 3;

/** The steps of a restore, in order; the test hook can stop the process after any of them. */
export const RESTORE_STEPS = [
  'staged',
  'journal-written',
  ...SWAPPED_ITEMS.map((item) => `moved-aside:${item}` as const),
  ...SWAPPED_ITEMS.map((item) => `moved-in:${item}` as const),
  'synced',
  'journal-removed',
  'staging-removed',
  'rotated',
] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];
export type StepHook = (step: RestoreStep) => void | Promise<void>;

async function reached(step: RestoreStep, hook: StepHook | undefined): Promise<void> {
  await hook?.(step);
  if (process.env.QIRTAS_TEST_KILL_RESTORE_AT === step) process.kill(process.pid, 'SIGKILL');
}

/** A timestamp that sorts and is safe in a file name: 2025-01-31T10-20-30-123Z. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export interface StagedRestore extends ReadBackupResult {
  folder: string;
}

/** Reads and verifies the backup into a staging folder in the data folder. Refusals leave nothing behind. */
export async function stageBackup(zipPath: string, dataDir: string, limits: Partial<ZipLimits> = {}, now = new Date()): Promise<StagedRestore> {
  await mkdir(dataDir, { recursive: true });
  const folder = join(dataDir, `${STAGING_PREFIX}${fileStamp(now)}-${randomBytes(3).toString('hex')}`);
  await mkdir(folder);
  const written: string[] = [];
  try {
    const result = await readBackup(zipPath, {
      limits,
      onFile: async (name, bytes) => {
        // Names were checked against the allow-list (library.json, articles/<id>.json, index/<name>).
        const target = join(folder, ...name.split('/'));
        await mkdir(dirname(target), { recursive: true });
        const handle = await open(target, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        written.push(target);
      },
    });
    // A collection backup holds part of an archive: swapping it in would drop every other article (merge-restore.ts merges it).
    if (result.manifest.scope) throw new BackupRefused(MANIFEST_NAME, 'it is a backup of one collection, which is merged into an archive, never put in its place', basename(zipPath).startsWith('.upload-') ? undefined : basename(zipPath));
    for (const sub of ['articles', 'index']) await mkdir(join(folder, sub), { recursive: true });
    await syncFolder(join(folder, 'articles'));
    await syncFolder(folder);
    return { ...result, folder };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Deletes staging folders left by a restore that died before its swap. */
export async function sweepStaging(dataDir: string): Promise<void> {
  if (await exists(join(dataDir, JOURNAL_FILE))) return; // recovery needs them
  for (const name of await readdir(dataDir).catch(() => [] as string[])) {
    if (name.startsWith(STAGING_PREFIX)) await rm(join(dataDir, name), { recursive: true, force: true });
  }
}

async function rotateBeforeRestore(backupsDir: string, keep: number): Promise<void> {
  const folders = (await readdir(backupsDir).catch(() => [] as string[])).filter((name) => name.startsWith(BEFORE_RESTORE_PREFIX)).sort();
  for (const name of folders.slice(0, Math.max(0, folders.length - keep))) await rm(join(backupsDir, name), { recursive: true, force: true });
}

/**
 * Swaps the staged archive in. The previous one is kept in
 * backups/before-restore-<stamp>/ (returned; '' when there was none). The
 * caller holds the lock.
 */
export async function swapInStaged(dataDir: string, staged: StagedRestore, now = new Date(), onStep?: StepHook): Promise<{ previousKeptAt: string }> {
  const backupsDir = join(dataDir, 'backups');
  await mkdir(backupsDir, { recursive: true });
  const asideName = join('backups', `${BEFORE_RESTORE_PREFIX}${fileStamp(now)}`);
  const aside = join(dataDir, asideName);
  await mkdir(aside);
  const existed = (await Promise.all(SWAPPED_ITEMS.map(async (item) => ((await exists(join(dataDir, item))) ? item : null)))).filter((item) => item !== null);
  const journal: SwapJournal = { version: 1, started: now.toISOString(), staging: staged.folder.slice(dataDir.length + 1), aside: asideName, existed };
  await writeFileDurably(join(dataDir, JOURNAL_FILE), JSON.stringify(journal));
  try {
    await reached('journal-written', onStep);
    for (const item of SWAPPED_ITEMS) {
      if (existed.includes(item)) await rename(join(dataDir, item), join(aside, item));
      await reached(`moved-aside:${item}`, onStep);
    }
    for (const item of SWAPPED_ITEMS) {
      const fresh = join(staged.folder, item);
      if (await exists(fresh)) await rename(fresh, join(dataDir, item));
      await reached(`moved-in:${item}`, onStep);
    }
    await syncFolder(aside);
    await syncFolder(dataDir);
    await reached('synced', onStep);
  } catch (error) {
    // Put the previous archive back before reporting.
    await recoverInterruptedRestore(dataDir);
    throw error;
  }
  // Removing the journal commits the restore.
  await unlink(join(dataDir, JOURNAL_FILE));
  await syncFolder(dataDir);
  await reached('journal-removed', onStep);
  await rm(staged.folder, { recursive: true, force: true });
  await reached('staging-removed', onStep);
  if (existed.length === 0) {
    // There was no archive here (a restore into a new folder): nothing to keep.
    await rm(aside, { recursive: true, force: true });
    await reached('rotated', onStep);
    return { previousKeptAt: '' };
  }
  await rotateBeforeRestore(backupsDir, KEEP_BEFORE_RESTORE);
  await reached('rotated', onStep);
  return { previousKeptAt: aside };
}

export interface RestoreOutcome {
  articleCount: number;
  annotationCount: number;
  previousKeptAt: string;
}

/**
 * Restores `zipPath` into `dataDir` (created when missing). Refusals change
 * nothing. `beforeSwap` runs after staging verified and right before the swap
 * (the service saves its search index there, so it cannot be written later).
 */
export async function restoreBackupFile(
  zipPath: string,
  dataDir: string,
  options: { limits?: Partial<ZipLimits>; now?: Date; beforeSwap?: () => Promise<void>; onStep?: StepHook } = {},
): Promise<RestoreOutcome> {
  await mkdir(dataDir, { recursive: true });
  await recoverInterruptedRestore(dataDir);
  await sweepStaging(dataDir);
  const staged = await stageBackup(zipPath, dataDir, options.limits, options.now);
  try {
    await reached('staged', options.onStep);
    await options.beforeSwap?.();
  } catch (error) {
    await rm(staged.folder, { recursive: true, force: true });
    throw error;
  }
  const { previousKeptAt } = await swapInStaged(dataDir, staged, options.now, options.onStep);
  return { articleCount: staged.articleCount, annotationCount: staged.annotationCount, previousKeptAt };
}
