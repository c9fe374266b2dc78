/**
 * What opening the archive does before anything reads or writes (issue 13):
 *
 * 1. An interrupted restore (restore-journal.json) is rolled back, awaited —
 *    or, for a read-only open, refused with INTERRUPTED_RESTORE.
 * 2. library.json is read and library.journal replayed on it (journal first, so
 *    a compaction between the two reads can only make lines redundant).
 * 3. A missing library.json next to article files is never an empty archive:
 *    a writable open rebuilds the library from the article files (text, notes,
 *    a title from the first heading) plus every whole-value change the journal
 *    still holds; a read-only open refuses and says so.
 * 4. Writable opens sweep temp files of unacknowledged saves and orphaned
 *    article files (see sweepOrphans for why they are swept, not adopted).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import { countWords, fingerprintText } from '../../common/text/fingerprint.js';
import { suggestTitle } from '../../common/text/plain-text.js';
import { ArticleFile, type ArticleMeta, canonicalText, LibraryFile } from '../../common/types/article.js';
import { isTempFileName, readJsonFile, readJsonWithRaw } from './durable-file.js';
import { type JournalContents, LIBRARY_JOURNAL_FILE, readLibraryJournal } from './library-journal.js';
import { LibraryState } from './library-state.js';
import { hasInterruptedRestore, interruptedRestoreError, recoverInterruptedRestore } from './swap-journal.js';

export const LIBRARY_FILE = 'library.json';
export const ARTICLES_DIR = 'articles';
const ARTICLE_FILE_NAME = /^([A-Za-z0-9_-]{1,100})\.json$/;

export interface LoadedLibrary {
  state: LibraryState;
  journal: JournalContents | null;
  /** library.json must be rewritten before the next append (rebuilt, torn journal tail, or no journal base yet). */
  needsCompaction: boolean;
  /** Journal lines applied on top of library.json. */
  applied: number;
}

async function articleIdsOnDisk(dataDir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, ARTICLES_DIR)).catch(() => [] as string[]);
  return names.flatMap((name) => {
    const match = ARTICLE_FILE_NAME.exec(name);
    return match && !isTempFileName(name) ? [match[1] as string] : [];
  });
}

/** Metadata for an article file whose library entry is gone: what its text and file can tell. */
async function metaFromArticleFile(dataDir: string, id: string): Promise<ArticleMeta | null> {
  const path = join(dataDir, ARTICLES_DIR, `${id}.json`);
  let file: ArticleFile | null;
  try {
    file = await readJsonFile(path, ArticleFile);
  } catch {
    return null; // a damaged article file stays where it is, unlisted, for the user to look at
  }
  if (!file || file.id !== id) return null;
  const text = canonicalText(file.blocks);
  const stamp = (await stat(path)).mtime.toISOString();
  return {
    id,
    title: suggestTitle(file.blocks) || id,
    source: '',
    author: '',
    url: '',
    published: null,
    tags: [],
    language: 'ar',
    importedAt: stamp,
    updatedAt: new Date().toISOString(),
    contentHash: createHash('sha256').update(fingerprintText(text)).digest('hex'),
    wordCount: countWords(text),
    trashedAt: null,
  };
}

async function rebuildLibrary(dataDir: string, ids: readonly string[], journal: JournalContents | null, log: (message: string) => void): Promise<LibraryState> {
  const state = LibraryState.load(null);
  const metas: ArticleMeta[] = [];
  for (const id of ids) {
    const meta = await metaFromArticleFile(dataDir, id);
    if (meta) metas.push(LibraryFile.shape.articles.element.parse(meta));
  }
  state.apply({ put: metas });
  // The journal's lines carry whole metadata: whatever changed since the last compaction comes back in full.
  const onDisk = new Set(metas.map((meta) => meta.id));
  for (const entry of journal?.entries ?? []) {
    state.apply({ ...entry, put: entry.put?.filter((meta) => onDisk.has(meta.id)) });
  }
  log(
    `Qirtas: ${join(dataDir, LIBRARY_FILE)} was missing while ${ARTICLES_DIR}/ held ${ids.length} article files; ` +
      `the library was rebuilt from them (${metas.length} articles with their text and highlights; titles from their first lines where the metadata was lost).`,
  );
  return state;
}

export async function loadLibrary(dataDir: string, writable: boolean, log: (message: string) => void): Promise<LoadedLibrary> {
  if (await hasInterruptedRestore(dataDir)) {
    if (!writable) throw interruptedRestoreError(dataDir);
    await recoverInterruptedRestore(dataDir);
    log('Qirtas: a restore was interrupted; the previous archive was put back before opening.');
  }
  const journal = await readLibraryJournal(join(dataDir, LIBRARY_JOURNAL_FILE));
  const read = await readJsonWithRaw(join(dataDir, LIBRARY_FILE), LibraryFile);
  if (!read) {
    const ids = await articleIdsOnDisk(dataDir);
    if (ids.length > 0) {
      if (!writable) {
        throw new QirtasError(
          'DAMAGED_FILE',
          `${join(dataDir, LIBRARY_FILE)} is missing while ${ARTICLES_DIR}/ holds ${ids.length} article files, so the archive is not empty. ` +
            'Open Qirtas on it (or run any writing command) to rebuild the library from those files.',
          join(dataDir, LIBRARY_FILE),
        );
      }
      return { state: await rebuildLibrary(dataDir, ids, journal, log), journal, needsCompaction: true, applied: 0 };
    }
  }
  const state = LibraryState.load(read);
  let seq = 0;
  let applied = 0;
  for (const entry of journal?.entries ?? []) {
    if (entry.b !== state.base || state.base === '' || entry.s <= seq) continue;
    state.apply(entry);
    seq = entry.s;
    applied += 1;
  }
  const needsCompaction = read !== null && (state.base === '' || (journal?.tornTail ?? false));
  return { state, journal, needsCompaction, applied };
}

/**
 * library.json as the archive stands, for a backup taken from the files on disk
 * (the app may hold the lock): the file's own bytes, or — when journal lines
 * are not yet folded in — the library with them applied. Never writes.
 * Missing → null.
 */
export async function readLibraryBytes(dataDir: string): Promise<Buffer | null> {
  const loaded = await loadLibrary(dataDir, false, () => undefined);
  if (loaded.applied === 0) {
    return readFile(join(dataDir, LIBRARY_FILE)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  }
  return Buffer.from(loaded.state.serialise(loaded.state.base));
}

/** Where swept orphans wait a week before they are deleted, in case one was wanted after all. */
export const ORPHANS_DIR = join('backups', 'orphaned-articles');
const ORPHAN_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Article files no library entry names. They come from an import killed after
 * writing its files but before library.json listed them (never acknowledged), or
 * from a delete killed after dropping the entry but before removing the file
 * (acknowledged as deleted). Adopting them would resurrect deleted articles and
 * show half-finished imports as if they had succeeded, so they are swept: in
 * neither case was the user told the article is in the archive. Swept means
 * moved to backups/orphaned-articles/ and deleted from there after a week — a
 * grace period, so that even a bug in deciding what is listed cannot destroy text.
 * Only called once library.json (and its journal) loaded cleanly.
 */
export async function sweepOrphans(dataDir: string, isListed: (id: string) => boolean, now = Date.now()): Promise<number> {
  const holding = join(dataDir, ORPHANS_DIR);
  let swept = 0;
  for (const id of await articleIdsOnDisk(dataDir)) {
    if (isListed(id)) continue;
    if (swept === 0) await mkdir(holding, { recursive: true });
    const target = join(holding, `${id}.json`);
    // Dated from the sweep, not from when the file was written: the week of grace starts now.
    await rename(join(dataDir, ARTICLES_DIR, `${id}.json`), target).then(() => utimes(target, now / 1000, now / 1000), () => undefined);
    swept += 1;
  }
  for (const name of await readdir(holding).catch(() => [] as string[])) {
    const path = join(holding, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > ORPHAN_GRACE_MS) await unlink(path).catch(() => undefined);
  }
  return swept;
}

/** Temp files are renamed into place before a save is acknowledged: one left behind was never acknowledged. */
export async function sweepTempFiles(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (isTempFileName(name)) await unlink(join(folder, name)).catch(() => undefined);
    }
  }
}
