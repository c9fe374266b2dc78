/**
 * The restore swap's journal (restore-journal.json) and its roll-back, owned by
 * the store because opening the archive must finish it first (issue 13): a
 * restore killed half-way leaves the journal, and EVERY writable open rolls the
 * swap back, awaited, before anything reads or writes; a read-only open refuses
 * with INTERRUPTED_RESTORE instead of showing a half-swapped (or empty) archive.
 *
 * restore.ts writes the journal and does the swap; this module only reads it and
 * undoes what it records.
 */
import { mkdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { QirtasError } from '../../common/errors.js';
import { syncFolder } from './durable-file.js';
import { LIBRARY_JOURNAL_FILE } from './library-journal.js';

export const RESTORE_JOURNAL_FILE = 'restore-journal.json';
/**
 * The parts of the data folder a restore replaces. backups/ and the lock stay.
 * library.journal goes with library.json: its lines belong to the old library.
 */
export const SWAPPED_ITEMS = ['library.json', LIBRARY_JOURNAL_FILE, 'articles', 'index'] as const;
export type SwappedItem = (typeof SWAPPED_ITEMS)[number];

export const SwapJournal = z.object({
  version: z.literal(1),
  started: z.string(),
  staging: z.string(),
  aside: z.string(),
  /** Which items existed in the data folder before the swap began. */
  existed: z.array(z.enum(SWAPPED_ITEMS)),
});
export type SwapJournal = z.infer<typeof SwapJournal>;

export async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export function hasInterruptedRestore(dataDir: string): Promise<boolean> {
  return pathExists(join(dataDir, RESTORE_JOURNAL_FILE));
}

/** The error a read-only command gets while a restore is unfinished. */
export function interruptedRestoreError(dataDir: string): QirtasError {
  return new QirtasError(
    'INTERRUPTED_RESTORE',
    `A restore into ${dataDir} was interrupted (or is running now), so the archive cannot be read as it is. ` +
      'Open Qirtas on it, or run any writing command such as `qirtas import`, to put the previous archive back; nothing has been lost.',
    join(dataDir, RESTORE_JOURNAL_FILE),
  );
}

async function readSwapJournal(path: string): Promise<SwapJournal | null> {
  try {
    const parsed = SwapJournal.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Rolls back a swap that a dead process left half done, if any: whatever was
 * moved in goes back to staging, whatever was moved aside comes back. Safe to
 * run again if it is itself interrupted. Returns whether there was anything to do.
 * The caller holds the data-folder lock.
 */
export async function recoverInterruptedRestore(dataDir: string): Promise<boolean> {
  const journalPath = join(dataDir, RESTORE_JOURNAL_FILE);
  if (!(await pathExists(journalPath))) return false;
  const journal = await readSwapJournal(journalPath);
  if (!journal) {
    // Unreadable journal: it is written durably before any move, so no move happened.
    await unlink(journalPath);
    await syncFolder(dataDir);
    return true;
  }
  const staging = join(dataDir, journal.staging);
  const aside = join(dataDir, journal.aside);
  await mkdir(staging, { recursive: true });
  for (const item of SWAPPED_ITEMS) {
    const live = join(dataDir, item);
    const old = join(aside, item);
    const wasMovedAside = await pathExists(old);
    const isNew = (await pathExists(live)) && (wasMovedAside || !journal.existed.includes(item));
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
