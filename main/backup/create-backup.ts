/**
 * Writes a backup: one zip (fflate, deflate) holding library.json, every
 * articles/<id>.json and, when asked, the search index (a cache: left out by
 * default, rebuilt after a restore), plus manifest.json listing each file with
 * its size and SHA-256. Never the lock file, temp files or backups/ itself.
 * A collection backup (issue 10) holds a library.json cut down to the
 * collection (backup-scope.ts) and only its articles' files, and its manifest
 * (version 2) carries the scope, so it is never taken for the whole archive.
 *
 * The zip is streamed to a temp file beside the target (one file in memory at a
 * time), fsynced, then read back whole and verified exactly as a restore would
 * (checksums, sizes, schemas); only a verified backup is renamed into place.
 *
 * Consistency: library.json is read first and names the articles; every file the
 * store replaces is replaced atomically, so each file read is whole. An article
 * deleted between the two reads makes the run start over (at most 3 times).
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import type { BackupInfo } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import { LibraryFile, SCHEMA_VERSION } from '../../common/types/article.js';
import { isTempFileName, syncFolder, TEMP_SUFFIX } from '../store/durable-file.js';
import { readLibraryBytes } from '../store/store-open.js';
import { readBackup } from './backup-reader.js';
import { scopedLibrary } from './backup-scope.js';
import { BACKUP_FORMAT, type BackupManifest, MANIFEST_NAME, MANIFEST_VERSION, type ManifestFile, type ManifestScope, SCOPED_MANIFEST_VERSION } from './manifest.js';
import type { ZipLimits } from './zip-read.js';

const ARTICLE_FILE = /^[A-Za-z0-9_-]{1,100}\.json$/;
const INDEX_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;
const LEVEL = 6;

export interface CreateBackupOptions {
  kind: BackupInfo['kind'];
  appVersion: string;
  /** Never for a collection backup (the index holds every article). */
  includeIndex?: boolean;
  /** A collection's id: back up only it, its sub-collections and their articles (backup-scope.ts). */
  collection?: string;
  now?: Date;
  limits?: Partial<ZipLimits>;
}

export interface CreatedBackup {
  path: string;
  size: number;
  manifest: BackupManifest;
}

class FileVanished extends Error {}

async function readWhole(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileVanished(path);
    throw error;
  }
}

async function listFolder(folder: string, pattern: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && pattern.test(entry.name) && !isTempFileName(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}


async function writeZip(dataDir: string, tempPath: string, options: CreateBackupOptions): Promise<BackupManifest> {
  // With the journal's latest changes folded in (the app may be appending to it right now).
  let libraryBytes = await readLibraryBytes(dataDir);
  if (!libraryBytes) throw new QirtasError('NOT_FOUND', `There is no archive to back up in ${dataDir} (library.json is missing).`);
  let library: LibraryFile;
  try {
    library = LibraryFile.parse(JSON.parse(libraryBytes.toString('utf8')));
  } catch {
    // Never the parser's message: it quotes the file's first bytes.
    throw new QirtasError('DAMAGED_FILE', `${join(dataDir, 'library.json')} is damaged, so it cannot be backed up.`);
  }
  let scope: ManifestScope | undefined;
  if (options.collection !== undefined) {
    // A collection backup: its own library.json, only its articles' files, never the index (it holds every article).
    const scoped = scopedLibrary(library, options.collection);
    scope = scoped.scope;
    library = LibraryFile.parse(scoped.library);
    libraryBytes = Buffer.from(`${JSON.stringify(scoped.library)}\n`, 'utf8');
  }
  const listedIds = new Set(library.articles.map((meta) => meta.id));
  const articleNames = (await listFolder(join(dataDir, 'articles'), ARTICLE_FILE)).filter((name) => !scope || listedIds.has(name.slice(0, -'.json'.length)));
  const onDisk = new Set(articleNames.map((name) => name.slice(0, -'.json'.length)));
  for (const id of listedIds) if (!onDisk.has(id)) throw new FileVanished(id);
  const wholeLibraryBytes = libraryBytes;
  const sources: Array<{ name: string; path: string }> = [
    { name: 'library.json', path: '' },
    ...articleNames.map((name) => ({ name: `articles/${name}`, path: join(dataDir, 'articles', name) })),
    ...(options.includeIndex && !scope ? (await listFolder(join(dataDir, 'index'), INDEX_FILE)).map((name) => ({ name: `index/${name}`, path: join(dataDir, 'index', name) })) : []),
  ];

  const handle = await open(tempPath, 'wx');
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const drain = async () => {
    if (failure) throw failure;
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) await handle.write(chunk);
  };
  const mtime = options.now ?? new Date();
  const files: ManifestFile[] = [];
  let annotationCount = 0;
  try {
    for (const source of sources) {
      const bytes = source.path === '' ? wholeLibraryBytes : await readWhole(source.path);
      files.push({ path: source.name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
      const id = source.name.startsWith('articles/') ? source.name.slice('articles/'.length, -'.json'.length) : null;
      if (id !== null && listedIds.has(id)) {
        try {
          annotationCount += (JSON.parse(bytes.toString('utf8')) as { annotations?: unknown[] }).annotations?.length ?? 0;
        } catch {
          // Verification below names the damaged file.
        }
      }
      const entry = new ZipDeflate(source.name, { level: LEVEL });
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(bytes, true);
      await drain();
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      manifestVersion: scope ? SCOPED_MANIFEST_VERSION : MANIFEST_VERSION,
      archiveSchemaVersion: SCHEMA_VERSION,
      created: (options.now ?? new Date()).toISOString(),
      kind: options.kind,
      app: { name: 'Qirtas', version: options.appVersion },
      articleCount: listedIds.size,
      annotationCount,
      files,
      ...(scope ? { scope } : {}),
    };
    const manifestEntry = new ZipDeflate(MANIFEST_NAME, { level: LEVEL });
    manifestEntry.mtime = mtime;
    zip.add(manifestEntry);
    manifestEntry.push(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
    zip.end();
    await drain();
    await handle.sync();
    return manifest;
  } finally {
    await handle.close();
  }
}

/**
 * Writes a verified backup of the archive in `dataDir` to `target` (replacing it
 * atomically if it exists). Throws, leaving no file behind, when the backup
 * cannot be written or does not verify.
 */
export async function createBackup(dataDir: string, target: string, options: CreateBackupOptions): Promise<CreatedBackup> {
  const folder = dirname(target);
  // Partial zips of earlier runs killed while writing this same file.
  await sweepBackupTemps(folder, basename(target));
  for (let attempt = 1; ; attempt += 1) {
    const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    try {
      const manifest = await writeZip(dataDir, temp, options);
      // Read it back as a restore would: every checksum, size and schema.
      await readBackup(temp, { limits: options.limits }).catch((error: Error) => {
        throw new QirtasError('INTERNAL', `The backup did not verify after writing, so it was not kept: ${error.message}`);
      });
      await rename(temp, target);
      await syncFolder(folder);
      return { path: target, size: (await stat(target)).size, manifest };
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      if (error instanceof FileVanished && attempt < 3) continue;
      if (error instanceof FileVanished) throw new QirtasError('CONFLICT', `The archive kept changing while it was being backed up (${error.message} vanished); try again.`);
      throw error;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files backups left behind when their process died: in backups/,
 * and beside `backup -o FILE` (`.<FILE>.<pid>.<random>.tmp`). A temp whose
 * process is still alive is a backup being written now, and is left alone.
 * `only` limits the sweep to the temps of one target name.
 */
export async function sweepBackupTemps(folder: string, only?: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!isTempFileName(name)) continue;
    const match = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name);
    const target = match?.[1] ?? '';
    if (only !== undefined ? target !== only : !target.endsWith('.zip') && !name.includes('.zip.')) continue;
    if (match && isAlive(Number(match[2])) && Number(match[2]) !== process.pid) continue;
    await unlink(join(folder, name)).catch(() => undefined);
  }
}
