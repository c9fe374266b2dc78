/**
 * Restoring a collection backup (issue 10) is a MERGE into the open archive,
 * never a swap: nothing already in the archive is deleted or replaced.
 *
 * - Articles of the backup that are not in the archive (by id, nor by the same
 *   text — content hash, with the import's rule for dataset ids) are added with
 *   their annotations, their files written byte for byte as the backup holds them.
 * - Articles already there are left exactly as they are (text, highlights,
 *   notes, tags, trash): newer highlights are never overwritten. They are only
 *   put back into the backup's collections when they had left them (a
 *   membership is added, never removed), and reported as kept.
 * - Collections are matched by id: one still there is kept with its current
 *   name and place; one that is gone is re-created with its id, under its old
 *   parent when that still exists (else at the top level), renamed «name (2)»
 *   when another collection of that name sits in the same place.
 *
 * Crash safety: the zip is read the careful way (backup-reader.ts) and the new
 * articles' files are written durably as they are verified; they stay invisible
 * (no library entry names them) until ONE library change — one fsynced journal
 * line through store.changeLibrary — adds their metadata, the collections and
 * the memberships together. A refusal deletes the files written so far: nothing
 * changes. A process killed before that line leaves only unnamed files, which
 * the next open moves to backups/orphaned-articles/ (store-open.ts; library.json
 * is written first when the archive is new, so they are never taken for a
 * library to rebuild); killed
 * after it, the merge is whole. So the archive is never half merged, and no
 * article is ever lost; running the restore again completes an interrupted one.
 *
 * Test hook: QIRTAS_TEST_KILL_MERGE_AT=<step> SIGKILLs the process right after
 * that step (MERGE_STEPS), and `onStep` is called after each.
 */
import { access, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { RestoreMergeReport, RestoreResult } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import { sameName, treeOrder } from '../../common/library/index.js';
import { ArticleFile, type ArticleMeta, LibraryFile } from '../../common/types/article.js';
import type { Collection } from '../../common/types/library.js';
import { writeFileDurably } from '../store/durable-file.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { ARTICLES_DIR, LIBRARY_FILE } from '../store/store-open.js';
import { LIBRARY_NAME, readBackup, readManifest } from './backup-reader.js';
import { ARTICLE_NAME, type ManifestScope } from './manifest.js';
import { BackupRefused, type ZipLimits } from './zip-read.js';

export const MERGE_STEPS = ['files-written', 'committed'] as const;
export type MergeStep = (typeof MERGE_STEPS)[number];
const KEPT_TITLES = 20;
const PARALLEL_WRITES = 16;

/** What a merge needs of the store: its folder, what it holds, and its one durable library change. */
export type MergeStore = Pick<ArchiveStore, 'dataDir' | 'readOnly' | 'listMeta' | 'library' | 'changeLibrary' | 'compact'>;

export interface MergeOutcome extends RestoreResult {
  scope: 'collection';
  merge: RestoreMergeReport;
  /** The articles added, for the search index. */
  added: Array<{ meta: ArticleMeta; file: ArticleFile }>;
  /** Articles already there whose memberships changed. */
  changedIds: string[];
}

async function reached(step: MergeStep, hook: ((step: MergeStep) => void | Promise<void>) | undefined): Promise<void> {
  await hook?.(step);
  if (process.env.QIRTAS_TEST_KILL_MERGE_AT === step) process.kill(process.pid, 'SIGKILL');
}

async function fileExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The collection scope of a backup zip, or null for a whole-archive backup (or a zip that is no backup: the full read names why). */
export async function backupScope(zipPath: string, limits?: Partial<ZipLimits>): Promise<ManifestScope | null> {
  const manifest = await readManifest(zipPath, limits).catch(() => null);
  return manifest?.scope ?? null;
}

/** The archive's article holding the same text as `meta` (the import's duplicate rule), if any. */
function twinFinder(metas: readonly ArticleMeta[]): (meta: ArticleMeta) => ArticleMeta | undefined {
  const byHash = new Map<string, ArticleMeta[]>();
  for (const meta of metas) {
    const list = byHash.get(meta.contentHash) ?? [];
    list.push(meta);
    byHash.set(meta.contentHash, list);
  }
  return (meta) => byHash.get(meta.contentHash)?.find((other) => other.externalId === undefined || meta.externalId === undefined || other.externalId === meta.externalId);
}

/** A name no sibling under `parentId` has: «name», else «name (2)», «name (3)»… */
function freeName(collections: readonly Collection[], name: string, parentId: string | null, id: string): string {
  const taken = (candidate: string) => collections.some((other) => other.id !== id && other.parentId === parentId && sameName(other.name, candidate));
  if (!taken(name)) return name;
  for (let n = 2; ; n += 1) {
    const candidate = `${name} (${n})`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * Merges the collection backup at `zipPath` into the archive `store` holds
 * (writable; the caller serialises restores). Refusals change nothing.
 */
export async function mergeCollectionBackup(
  store: MergeStore,
  zipPath: string,
  options: { limits?: Partial<ZipLimits>; now?: Date; onStep?: (step: MergeStep) => void | Promise<void> } = {},
): Promise<MergeOutcome> {
  if (store.readOnly) throw new QirtasError('LOCKED', 'This archive was opened read-only; nothing can be restored into it.');
  const articlesDir = join(store.dataDir, ARTICLES_DIR);
  const present = new Map(store.listMeta().map((meta) => [meta.id, meta]));
  const twinOf = twinFinder(store.listMeta());
  let backupLibrary: LibraryFile | null = null;
  let backupMetas = new Map<string, ArticleMeta>();
  const written: string[] = [];
  const added: Array<{ meta: ArticleMeta; file: ArticleFile }> = [];
  let annotationsAdded = 0;

  // A few files are written at once so their fsyncs overlap (the zip is still read one entry at a time).
  const inFlight = new Set<Promise<void>>();
  let writeError: unknown = null;
  const startWrite = (path: string, bytes: Uint8Array) => {
    written.push(path);
    const task: Promise<void> = writeFileDurably(path, bytes)
      .catch((error: unknown) => {
        writeError ??= error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  const removeWritten = async (keep: ReadonlySet<string> = new Set()) => {
    await Promise.all(inFlight); // none may land after its file was removed
    await Promise.all(written.filter((path) => !keep.has(path)).map((path) => unlink(path).catch(() => undefined)));
  };

  let read: Awaited<ReturnType<typeof readBackup>>;
  try {
    // Known before a single file is written: a whole-archive backup is never merged (nor a collection one swapped in).
    const scope = await backupScope(zipPath, options.limits);
    if (!scope) throw new QirtasError('INVALID_INPUT', 'This is a backup of the whole archive, not of a collection; it is restored by replacing the archive. Nothing was changed.');
    // A new archive has no library.json until its first change; article files without one would be taken for a
    // library to rebuild at the next open. Written first, so files left by a kill are only orphans (swept aside).
    if (!(await fileExists(join(store.dataDir, LIBRARY_FILE)))) await store.compact();
    read = await readBackup(zipPath, {
      limits: options.limits,
      onFile: async (name, bytes) => {
        const text = () => new TextDecoder().decode(bytes);
        if (name === LIBRARY_NAME) {
          backupLibrary = LibraryFile.parse(JSON.parse(text()));
          backupMetas = new Map(backupLibrary.articles.map((meta) => [meta.id, meta]));
          return;
        }
        const id = ARTICLE_NAME.exec(name)?.[1];
        const meta = id === undefined ? undefined : backupMetas.get(id);
        // Files library.json does not name are not articles of the backup; the archive's own articles stay as they are.
        if (!meta || present.has(meta.id) || twinOf(meta)) return;
        const path = join(articlesDir, `${meta.id}.json`);
        if (await fileExists(path)) return; // never written over, whatever it is
        const file = ArticleFile.parse(JSON.parse(text()));
        if (writeError) throw writeError;
        if (inFlight.size >= PARALLEL_WRITES) await Promise.race(inFlight);
        startWrite(path, bytes);
        added.push({ meta, file });
        annotationsAdded += file.annotations.length;
      },
    });
    await Promise.all(inFlight);
    if (writeError) throw writeError;
    if (!read.manifest.scope || !backupLibrary) throw new BackupRefused(null, 'its manifest changed while it was being read');
    await reached('files-written', options.onStep);
  } catch (error) {
    await removeWritten();
    throw error;
  }

  const scope = read.manifest.scope;
  const library = backupLibrary as LibraryFile;
  const addedIds = new Set(added.map(({ meta }) => meta.id));
  const report: RestoreMergeReport = {
    collection: { id: scope.id, name: scope.name },
    articlesAdded: 0,
    annotationsAdded,
    articlesKept: 0,
    keptTitles: [],
    collectionsCreated: 0,
    collectionsExisting: 0,
    collectionsRenamed: [],
    membershipsAdded: 0,
  };
  const changedIds: string[] = [];
  try {
    await store.changeLibrary((draft) => {
      // Decided again on the library as it is now (the store's queue runs this after every earlier change).
      let collections = [...draft.collections];
      for (const { collection } of treeOrder(library.collections)) {
        const existing = collections.find((other) => other.id === collection.id);
        if (existing) {
          report.collectionsExisting += 1;
          if (existing.id === scope.id) report.collection.name = existing.name;
          continue;
        }
        const wantedParent = collection.id === scope.id ? scope.parentId : collection.parentId;
        const parentId = wantedParent !== null && collections.some((other) => other.id === wantedParent) ? wantedParent : null;
        const name = freeName(collections, collection.name, parentId, collection.id);
        if (name !== collection.name) report.collectionsRenamed.push({ from: collection.name, to: name });
        if (collection.id === scope.id) report.collection.name = name;
        const now = (options.now ?? new Date()).toISOString();
        collections = [...collections, { ...collection, name, parentId, modified: now }];
        report.collectionsCreated += 1;
      }
      draft.collections = collections;

      const index = new Map(draft.articles.map((meta, position) => [meta.id, position]));
      const twinNow = twinFinder(draft.articles);
      for (const meta of library.articles) {
        if (addedIds.has(meta.id)) {
          if (index.has(meta.id)) throw new QirtasError('CONFLICT', `An article with id ${meta.id} was added to the archive while the backup was being restored; nothing was changed. Try again.`);
          draft.articles.push(meta);
          report.articlesAdded += 1;
          continue;
        }
        const position = index.get(meta.id) ?? index.get(twinNow(meta)?.id ?? '');
        if (position === undefined) continue; // neither added nor there: its file was missing from the backup's read (cannot happen: verified)
        const kept = draft.articles[position] as ArticleMeta;
        report.articlesKept += 1;
        if (report.keptTitles.length < KEPT_TITLES) report.keptTitles.push(kept.title);
        const memberships = kept.collectionIds ?? [];
        const missing = (meta.collectionIds ?? []).filter((id) => !memberships.includes(id));
        if (missing.length === 0) continue;
        draft.articles[position] = { ...kept, collectionIds: [...memberships, ...missing] };
        report.membershipsAdded += 1;
        changedIds.push(kept.id);
      }
    });
  } catch (error) {
    // Files of ids the library now names belong to those articles: only ours that nothing names go.
    await removeWritten(new Set(store.listMeta().filter((meta) => addedIds.has(meta.id)).map((meta) => join(articlesDir, `${meta.id}.json`))));
    throw error;
  }
  await reached('committed', options.onStep);
  return { scope: 'collection', articleCount: read.articleCount, annotationCount: read.annotationCount, previousKeptAt: '', merge: report, added, changedIds };
}
