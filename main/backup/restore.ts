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
 * A process that dies during the swap leaves the journal: the next restore,
 * backup or open of the service rolls the swap back (recoverInterruptedRestore),
 * putting the previous archive back in place.
 *
 * The caller must hold the data-folder lock (the CLI takes it; the service holds
 * it through its open store) — this module takes none.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { syncFolder, writeFileDurably } from '../store/durable-file.js';
import { readBackup, type ReadBackupResult } from './backup-reader.js';
import type { ZipLimits } from './zip-read.js';

export const JOURNAL_FILE = 'restore-journal.json';
export const STAGING_PREFIX = '.restore-staging-';
export const BEFORE_RESTORE_PREFIX = 'before-restore-';
/** The parts of the data folder a restore replaces. backups/ and the lock stay. */
export const SWAPPED_ITEMS = ['library.json', 'articles', 'index'] as const;
export const KEEP_BEFORE_RESTORE = 3;

const Journal = z.object({
  version: z.literal(1),
  started: z.string(),
  staging: z.string(),
  aside: z.string(),
  /** Which items existed in the data folder before the swap began. */
  existed: z.array(z.enum(SWAPPED_ITEMS)),
});
type Journal = z.infer<typeof Journal>;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
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
    for (const sub of ['articles', 'index']) await mkdir(join(folder, sub), { recursive: true });
    await syncFolder(join(folder, 'articles'));
    await syncFolder(folder);
    return { ...result, folder };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

async function readJournal(dataDir: string): Promise<Journal | null> {
  let raw: string;
  try {
    raw = await readFile(join(dataDir, JOURNAL_FILE), 'utf8');
  } catch {
    return null;
  }
  const parsed = Journal.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/**
 * Rolls back a swap that a dead process left half done, if any: whatever was
 * moved in goes back to staging, whatever was moved aside comes back. Returns
 * whether there was anything to do.
 */
export async function recoverInterruptedRestore(dataDir: string): Promise<boolean> {
  const journalPath = join(dataDir, JOURNAL_FILE);
  if (!(await exists(journalPath))) return false;
  const journal = await readJournal(dataDir);
  if (!journal) {
    // Unreadable journal: written durably before any move, so no move happened.
    await unlink(journalPath);
    return true;
  }
  const staging = join(dataDir, journal.staging);
  const aside = join(dataDir, journal.aside);
  await mkdir(staging, { recursive: true });
  for (const item of SWAPPED_ITEMS) {
    const live = join(dataDir, item);
    const old = join(aside, item);
    const wasMovedAside = await exists(old);
    const isNew = (await exists(live)) && (wasMovedAside || !journal.existed.includes(item));
    if (isNew) await rename(live, join(staging, item)).catch(() => rm(live, { recursive: true, force: true }));
    if (wasMovedAside) await rename(old, live);
  }
  await syncFolder(dataDir);
  await unlink(journalPath);
  await syncFolder(dataDir);
  await rm(staging, { recursive: true, force: true });
  await rm(aside, { recursive: true, force: true }).catch(() => undefined);
  return true;
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
export async function swapInStaged(dataDir: string, staged: StagedRestore, now = new Date()): Promise<{ previousKeptAt: string }> {
  const backupsDir = join(dataDir, 'backups');
  await mkdir(backupsDir, { recursive: true });
  const asideName = join('backups', `${BEFORE_RESTORE_PREFIX}${fileStamp(now)}`);
  const aside = join(dataDir, asideName);
  await mkdir(aside);
  const existed = (await Promise.all(SWAPPED_ITEMS.map(async (item) => ((await exists(join(dataDir, item))) ? item : null)))).filter((item) => item !== null);
  const journal: Journal = { version: 1, started: now.toISOString(), staging: staged.folder.slice(dataDir.length + 1), aside: asideName, existed };
  await writeFileDurably(join(dataDir, JOURNAL_FILE), JSON.stringify(journal));
  try {
    for (const item of existed) await rename(join(dataDir, item), join(aside, item));
    for (const item of SWAPPED_ITEMS) {
      const fresh = join(staged.folder, item);
      if (await exists(fresh)) await rename(fresh, join(dataDir, item));
    }
    await syncFolder(aside);
    await syncFolder(dataDir);
  } catch (error) {
    // Put the previous archive back before reporting.
    await recoverInterruptedRestore(dataDir);
    throw error;
  }
  await unlink(join(dataDir, JOURNAL_FILE));
  await syncFolder(dataDir);
  await rm(staged.folder, { recursive: true, force: true });
  if (existed.length === 0) {
    // There was no archive here (a restore into a new folder): nothing to keep.
    await rm(aside, { recursive: true, force: true });
    return { previousKeptAt: '' };
  }
  await rotateBeforeRestore(backupsDir, KEEP_BEFORE_RESTORE);
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
  options: { limits?: Partial<ZipLimits>; now?: Date; beforeSwap?: () => Promise<void> } = {},
): Promise<RestoreOutcome> {
  await mkdir(dataDir, { recursive: true });
  await recoverInterruptedRestore(dataDir);
  await sweepStaging(dataDir);
  const staged = await stageBackup(zipPath, dataDir, options.limits, options.now);
  try {
    await options.beforeSwap?.();
  } catch (error) {
    await rm(staged.folder, { recursive: true, force: true });
    throw error;
  }
  const { previousKeptAt } = await swapInStaged(dataDir, staged, options.now);
  return { articleCount: staged.articleCount, annotationCount: staged.annotationCount, previousKeptAt };
}
