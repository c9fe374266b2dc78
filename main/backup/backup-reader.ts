/**
 * Reads a backup zip the one careful way, for verifying a backup just written
 * and for restoring one: the central directory is checked first (zip-read.ts),
 * then the manifest, then the entries against the manifest (nothing extra,
 * nothing missing, same sizes), and only then is each file inflated, its
 * SHA-256 compared with the manifest and its content validated against the
 * archive's schemas (LibraryFile, ArticleFile). Any problem is a BackupRefused
 * naming the entry and the reason.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import { ArticleFile, LibraryFile, SCHEMA_VERSION } from '../../common/types/article.js';
import { detailWithoutContent } from '../../common/error-detail.js';
import { ALLOWED_NAME, ARTICLE_NAME, BackupManifest, MANIFEST_NAME } from './manifest.js';
import { BackupRefused, DEFAULT_LIMITS, readCentralDirectory, readEntry, unsafeNameReason, type ZipEntry, type ZipLimits } from './zip-read.js';

export const LIBRARY_NAME = 'library.json';
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const ALLOWED_FOLDERS = new Set(['articles/', 'index/']);

export interface ReadBackupOptions {
  limits?: Partial<ZipLimits>;
  /** Called with each verified file, library.json first, then the articles and the index. */
  onFile?: (name: string, bytes: Uint8Array) => Promise<void>;
}

export interface ReadBackupResult {
  manifest: BackupManifest;
  articleCount: number;
  annotationCount: number;
  /** Sum of the files' sizes. */
  totalBytes: number;
}

function schemaProblem(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  return `it does not match the Qirtas format${where} (${issue?.message ?? 'invalid'})`;
}

function parseJson(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new BackupRefused(name, `it is not valid JSON (${detailWithoutContent(error)})`);
  }
}

/** Only the manifest: for listing backups without reading them whole. */
export async function readManifest(zipPath: string, limits: Partial<ZipLimits> = {}): Promise<BackupManifest> {
  const handle = await open(zipPath, 'r');
  try {
    const checked = { ...DEFAULT_LIMITS, ...limits };
    const directory = await readCentralDirectory(handle, checked);
    return await manifestOf(handle, directory, checked);
  } finally {
    await handle.close();
  }
}

async function manifestOf(handle: Awaited<ReturnType<typeof open>>, directory: Awaited<ReturnType<typeof readCentralDirectory>>, limits: ZipLimits): Promise<BackupManifest> {
  const entry = directory.entries.find((candidate) => candidate.name === MANIFEST_NAME);
  if (!entry) throw new BackupRefused(null, 'it has no manifest.json, so it is not a Qirtas backup');
  if (entry.size > MAX_MANIFEST_BYTES) throw new BackupRefused(MANIFEST_NAME, 'it is far too large for a manifest');
  const parsed = BackupManifest.safeParse(parseJson(MANIFEST_NAME, await readEntry(handle, directory, entry, limits)));
  if (!parsed.success) throw new BackupRefused(MANIFEST_NAME, schemaProblem(parsed.error));
  return parsed.data;
}

/** The backup's name for messages: an upload's temporary name means nothing to the user. */
function displayName(zipPath: string): string | undefined {
  const name = basename(zipPath);
  return name.startsWith('.upload-') ? undefined : name;
}

export async function readBackup(zipPath: string, options: ReadBackupOptions = {}): Promise<ReadBackupResult> {
  try {
    return await readBackupChecked(zipPath, options);
  } catch (error) {
    const name = displayName(zipPath);
    if (error instanceof BackupRefused && error.file === undefined && name) throw new BackupRefused(error.entry, error.reason, name);
    throw error;
  }
}

async function readBackupChecked(zipPath: string, options: ReadBackupOptions): Promise<ReadBackupResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const handle = await open(zipPath, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new QirtasError('NOT_FOUND', error.code === 'ENOENT' ? `There is no backup file at ${zipPath}.` : `The backup ${zipPath} cannot be opened (${error.message}).`, zipPath);
  });
  try {
    const directory = await readCentralDirectory(handle, limits);
    const manifest = await manifestOf(handle, directory, limits);
    if (manifest.archiveSchemaVersion !== SCHEMA_VERSION) {
      throw new BackupRefused(MANIFEST_NAME, `it was made by a Qirtas whose archive format is ${manifest.archiveSchemaVersion}; this one reads format ${SCHEMA_VERSION}`);
    }

    // The manifest's own list must be clean.
    const listed = new Map<string, (typeof manifest.files)[number]>();
    for (const file of manifest.files) {
      const unsafe = unsafeNameReason(file.path);
      if (unsafe) throw new BackupRefused(file.path, `the manifest lists it, and ${unsafe}`);
      if (!ALLOWED_NAME.test(file.path)) throw new BackupRefused(file.path, 'the manifest lists it but it is not a file of a Qirtas archive');
      if (listed.has(file.path)) throw new BackupRefused(file.path, 'the manifest lists it twice');
      listed.set(file.path, file);
    }
    if (!listed.has(LIBRARY_NAME)) throw new BackupRefused(LIBRARY_NAME, 'the manifest does not list library.json, the archive itself');

    // Every entry must be a listed archive file, with the listed size; every listed file must be there.
    const files: ZipEntry[] = [];
    for (const entry of directory.entries) {
      if (entry.name === MANIFEST_NAME) continue;
      if (entry.isDirectory) {
        if (!ALLOWED_FOLDERS.has(entry.name) || entry.size !== 0) throw new BackupRefused(entry.name, 'it is a folder that a Qirtas archive does not have');
        continue;
      }
      if (!ALLOWED_NAME.test(entry.name)) throw new BackupRefused(entry.name, 'it is not a file of a Qirtas archive');
      const file = listed.get(entry.name);
      if (!file) throw new BackupRefused(entry.name, 'it is not listed in the manifest (an extra file)');
      if (file.size !== entry.size) throw new BackupRefused(entry.name, `its size (${entry.size} bytes) differs from the manifest's (${file.size})`);
      files.push(entry);
    }
    const present = new Set(files.map((entry) => entry.name));
    for (const path of listed.keys()) {
      if (!present.has(path)) throw new BackupRefused(path, 'the manifest lists it but the archive does not contain it (a missing file)');
    }

    // library.json first: the articles are checked against it.
    files.sort((a, b) => (a.name === LIBRARY_NAME ? -1 : b.name === LIBRARY_NAME ? 1 : a.localHeaderOffset - b.localHeaderOffset));
    let libraryIds = new Set<string>();
    const articleIds = new Set<string>();
    let annotationCount = 0;
    let totalBytes = 0;
    for (const entry of files) {
      // Streamed with the limits: the running total and the ratio are checked as the bytes come.
      const bytes = await readEntry(handle, directory, entry, limits);
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== listed.get(entry.name)?.sha256) throw new BackupRefused(entry.name, 'its SHA-256 checksum does not match the manifest (the file was changed or damaged)');
      totalBytes += bytes.length;
      if (entry.name === LIBRARY_NAME) {
        const library = LibraryFile.safeParse(parseJson(entry.name, bytes));
        if (!library.success) throw new BackupRefused(entry.name, schemaProblem(library.error));
        libraryIds = new Set(library.data.articles.map((meta) => meta.id));
        if (libraryIds.size !== library.data.articles.length) throw new BackupRefused(entry.name, 'it lists the same article twice');
      } else {
        const articleId = ARTICLE_NAME.exec(entry.name)?.[1];
        if (articleId !== undefined) {
          const article = ArticleFile.safeParse(parseJson(entry.name, bytes));
          if (!article.success) throw new BackupRefused(entry.name, schemaProblem(article.error));
          if (article.data.id !== articleId) throw new BackupRefused(entry.name, `it holds article "${article.data.id}", not "${articleId}"`);
          articleIds.add(articleId);
          if (libraryIds.has(articleId)) annotationCount += article.data.annotations.length;
        }
      }
      await options.onFile?.(entry.name, bytes);
    }
    for (const id of libraryIds) {
      if (!articleIds.has(id)) throw new BackupRefused(`articles/${id}.json`, 'library.json lists this article but the backup does not contain its text');
    }
    return { manifest, articleCount: libraryIds.size, annotationCount, totalBytes };
  } finally {
    await handle.close();
  }
}
