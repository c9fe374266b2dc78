/**
 * Backups as the service offers them (issue 6): list the zips in backups/,
 * create one now, restore one (from backups/ or sent from the UI), and the
 * automatic daily backup while the app is open — the first check a minute
 * after the archive opens, then hourly: when the newest automatic backup is
 * older than 24 hours, write a new one (verified) and keep the last N (7 by
 * default). Backup settings live in backups/settings.json (not in
 * library.json, so a restore never changes how backups are made).
 *
 * Restoring goes through the process that holds the lock: the service's store
 * holds it, the swap happens under it, and then `reload` (the service) re-opens
 * the store on the restored files. Backups and restores are serialised.
 *
 * Issue 10: a backup can hold one collection (with its sub-collections); its
 * name says so (qirtas-manual-collection-<slug>-<stamp>.zip) and the list shows
 * its scope. Restoring one merges it into the open store (merge-restore.ts):
 * nothing is replaced, no reload is needed; `afterMerge` indexes what was added.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo, BackupList, BackupSettings, RestoreResult } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import { TEMP_SUFFIX, writeFileDurably } from '../store/durable-file.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { readManifest } from './backup-reader.js';
import { collectionFilePart } from './backup-scope.js';
import { createBackup, sweepBackupTemps } from './create-backup.js';
import type { BackupManifest } from './manifest.js';
import { backupScope, mergeCollectionBackup, type MergeOutcome } from './merge-restore.js';
import { fileStamp, restoreBackupFile, sweepStaging } from './restore.js';
import { BackupRefused, type ZipLimits } from './zip-read.js';

export const BACKUPS_FOLDER = 'backups';
const SETTINGS_FILE = 'settings.json';
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_FIRST_CHECK_MS = 60_000;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { enabled: true, keep: 7 };
const StoredSettings = z.object({ schemaVersion: z.literal(1), enabled: z.boolean(), keep: z.number().int().min(1).max(100) });

export interface BackupOpsOptions {
  /** The service's current store (it changes after a restore). */
  store: () => ArchiveStore;
  appVersion: string;
  /** Right before a swap: save caches that would otherwise be written later (the search index). */
  beforeSwap: () => Promise<void>;
  /** After a swap, with the lock still held: re-open the store on the restored files. */
  reload: () => Promise<void>;
  /** After a collection backup was merged in: index the added articles, tell the views. */
  afterMerge?: (outcome: MergeOutcome) => Promise<void>;
  now?: () => Date;
  limits?: Partial<ZipLimits>;
  log?: (message: string) => void;
}

/** qirtas-<kind>-<stamp>.zip; a collection backup: qirtas-<kind>-collection-<slug>-<stamp>.zip. */
export function backupFileName(kind: BackupInfo['kind'], now: Date, collection?: { id: string; name: string }): string {
  return `qirtas-${kind}-${collection ? `${collectionFilePart(collection)}-` : ''}${fileStamp(now)}.zip`;
}

/** A backup as the list shows it, from its manifest. */
function backupInfo(name: string, size: number, manifest: BackupManifest): BackupInfo {
  const { scope } = manifest;
  return {
    name,
    kind: manifest.kind,
    created: manifest.created,
    size,
    articleCount: manifest.articleCount,
    annotationCount: manifest.annotationCount,
    ...(scope ? { scope: { kind: scope.kind, id: scope.id, name: scope.name, path: scope.path, collectionCount: scope.collectionCount } } : {}),
  };
}

export class BackupOps {
  private queue: Promise<unknown> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private readonly manifests = new Map<string, BackupInfo>();

  constructor(private readonly options: BackupOpsOptions) {}

  private get dataDir(): string {
    return this.options.store().dataDir;
  }

  get folder(): string {
    return join(this.dataDir, BACKUPS_FOLDER);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Runs backups and restores one at a time. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async settings(): Promise<BackupSettings> {
    try {
      const stored = StoredSettings.parse(JSON.parse(await readFile(join(this.folder, SETTINGS_FILE), 'utf8')));
      return { enabled: stored.enabled, keep: stored.keep };
    } catch {
      return { ...DEFAULT_BACKUP_SETTINGS };
    }
  }

  async updateSettings(patch: Partial<BackupSettings>): Promise<BackupSettings> {
    if (this.options.store().readOnly) throw new QirtasError('LOCKED', 'This archive was opened read-only; nothing can be changed.');
    const settings = { ...(await this.settings()), ...patch };
    await mkdir(this.folder, { recursive: true });
    await writeFileDurably(join(this.folder, SETTINGS_FILE), `${JSON.stringify({ schemaVersion: 1, ...settings })}\n`);
    if (patch.keep !== undefined) await this.serial(() => this.rotate(settings.keep));
    return settings;
  }

  /** Every readable backup in backups/, newest first. */
  async list(): Promise<BackupList> {
    const names = (await readdir(this.folder).catch(() => [] as string[])).filter((name) => name.endsWith('.zip') && !name.startsWith('.'));
    const backups: BackupInfo[] = [];
    for (const name of names) {
      const path = join(this.folder, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const key = `${name}:${info.size}:${info.mtimeMs}`;
      let entry = this.manifests.get(key);
      if (!entry) {
        try {
          const manifest = await readManifest(path, this.options.limits);
          entry = backupInfo(name, info.size, manifest);
          this.manifests.set(key, entry);
        } catch {
          continue; // not a backup (or a damaged one): not offered for restore
        }
      }
      backups.push(entry);
    }
    backups.sort((a, b) => b.created.localeCompare(a.created) || b.name.localeCompare(a.name));
    return { folder: this.folder, backups, settings: await this.settings() };
  }

  /**
   * Writes and verifies a backup in backups/ (automatic ones are then rotated):
   * the whole archive, or one collection with its sub-collections (`collection`, an id).
   */
  create(kind: BackupInfo['kind'] = 'manual', options: { collection?: string } = {}): Promise<BackupInfo> {
    return this.serial(async () => {
      const store = this.options.store();
      if (store.readOnly) throw new QirtasError('LOCKED', 'This archive was opened read-only; back it up with `qirtas backup -o FILE`.');
      let collection: { id: string; name: string } | undefined;
      if (options.collection !== undefined) {
        collection = store.library.collections.find((candidate) => candidate.id === options.collection);
        if (!collection) throw QirtasError.withParams('NOT_FOUND', `No collection with id "${options.collection}"; nothing was backed up.`, { reason: 'collection-not-found', id: options.collection });
      }
      await mkdir(this.folder, { recursive: true });
      const now = this.now();
      const name = backupFileName(kind, now, collection);
      // library.json alone then holds the whole library (no journal lines to fold in). A collection backup writes
      // its own library.json, read with the journal folded in, so it does not rewrite the whole library first.
      if (!collection) await store.compact();
      const created = await createBackup(this.dataDir, join(this.folder, name), { kind, appVersion: this.options.appVersion, now, limits: this.options.limits, collection: collection?.id });
      if (kind === 'auto') await this.rotate((await this.settings()).keep);
      return backupInfo(name, created.size, created.manifest);
    });
  }

  /** Deletes automatic backups beyond the newest `keep`. */
  private async rotate(keep: number): Promise<void> {
    const autos = (await this.list()).backups.filter((backup) => backup.kind === 'auto');
    for (const old of autos.slice(keep)) await unlink(join(this.folder, old.name)).catch(() => undefined);
  }

  /** A backup's bytes (base64) to download (the browser shell has no other way to the data folder). */
  async read(name: string): Promise<{ fileName: string; mimeType: string; data: string; size: number }> {
    const path = join(this.folder, name);
    if (!existsSync(path)) throw new QirtasError('NOT_FOUND', `There is no backup named "${name}" in ${this.folder}.`);
    const bytes = await readFile(path);
    return { fileName: name, mimeType: 'application/zip', data: bytes.toString('base64'), size: bytes.byteLength };
  }

  /**
   * Restores a backup from backups/ (name) or sent from the UI (base64 data).
   * Verified in staging first; a refusal changes nothing. Afterwards the store is
   * re-opened on the restored files.
   */
  restore(args: { name: string } | { fileName: string; data: string }): Promise<RestoreResult> {
    return this.serial(async () => {
      if (this.options.store().readOnly) throw new QirtasError('LOCKED', 'This archive was opened read-only; nothing can be restored into it.');
      let path: string;
      let upload: string | null = null;
      if ('name' in args) {
        path = join(this.folder, args.name);
        if (!existsSync(path)) throw new QirtasError('NOT_FOUND', `There is no backup named "${args.name}" in ${this.folder}.`);
      } else {
        await mkdir(this.folder, { recursive: true });
        upload = join(this.folder, `.upload-${randomBytes(6).toString('hex')}.zip${TEMP_SUFFIX}`);
        await writeFile(upload, Buffer.from(args.data, 'base64'), { flag: 'wx' });
        path = upload;
      }
      try {
        return await this.restorePath(path);
      } catch (error) {
        // A refusal names the file the user chose, not the temporary copy it was written to.
        if (upload && 'fileName' in args && error instanceof BackupRefused && error.file === undefined) throw new BackupRefused(error.entry, error.reason, basename(args.fileName));
        throw error;
      } finally {
        if (upload) await unlink(upload).catch(() => undefined);
      }
    });
  }

  /**
   * Restores a backup zip anywhere on disk (the CLI's `qirtas restore FILE`
   * when the backup is of a collection: the merge needs the open store).
   */
  restoreFile(path: string): Promise<RestoreResult> {
    return this.serial(async () => {
      if (this.options.store().readOnly) throw new QirtasError('LOCKED', 'This archive was opened read-only; nothing can be restored into it.');
      return this.restorePath(path);
    });
  }

  /** A collection backup is merged into the open archive; a whole-archive one replaces it. Runs in the queue. */
  private async restorePath(path: string): Promise<RestoreResult> {
    if (await backupScope(path, this.options.limits)) {
      const outcome = await mergeCollectionBackup(this.options.store(), path, { limits: this.options.limits, now: this.now() });
      await this.options.afterMerge?.(outcome);
      const { added: _added, changedIds: _changed, ...result } = outcome;
      return result;
    }
    let swapStarted = false;
    const beforeSwap = async () => {
      swapStarted = true;
      await this.options.beforeSwap();
    };
    try {
      const outcome = await restoreBackupFile(path, this.dataDir, { limits: this.options.limits, now: this.now(), beforeSwap });
      await this.options.reload();
      return { scope: 'archive', ...outcome };
    } catch (error) {
      // The swap was rolled back: re-open the store (it stopped taking writes before the swap).
      if (swapStarted) await this.options.reload();
      throw error;
    }
  }

  /** The daily check: a new automatic backup when the newest is older than a day. */
  async runScheduledCheck(): Promise<BackupInfo | null> {
    return (await this.isDue()) ? this.create('auto') : null;
  }

  private async isDue(): Promise<boolean> {
    const store = this.options.store();
    if (this.stopped || store.readOnly || store.listMeta().length === 0) return false;
    if (!(await this.settings()).enabled) return false;
    const newest = (await this.list()).backups.find((backup) => backup.kind === 'auto');
    return !newest || this.now().getTime() - Date.parse(newest.created) >= DAY_MS;
  }

  /**
   * At open (writable stores only): sweeps leftovers and schedules the daily
   * check. (A restore a dead process left half done was already rolled back by
   * ArchiveStore.open, awaited, before anything could read or write.)
   */
  start(firstCheckMs = Number(process.env.QIRTAS_BACKUP_FIRST_CHECK_MS ?? DEFAULT_FIRST_CHECK_MS)): void {
    const store = this.options.store();
    if (store.readOnly) return;
    // In the queue, so a restore never starts while leftovers are being swept.
    void this.serial(async () => {
      await sweepBackupTemps(this.folder);
      await sweepStaging(store.dataDir);
    }).catch(() => undefined);
    const check = () => {
      void this.runScheduledCheck().catch((error: Error) => this.options.log?.(`Qirtas: the automatic backup failed: ${error.message}`));
    };
    const first = setTimeout(check, Number.isFinite(firstCheckMs) ? firstCheckMs : DEFAULT_FIRST_CHECK_MS);
    const hourly = setInterval(check, HOUR_MS);
    first.unref();
    hourly.unref();
    this.timers.push(first, hourly);
  }

  /** Stops the schedule and waits for a backup in progress (called when the archive closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.queue;
  }
}
