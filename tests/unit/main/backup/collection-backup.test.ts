/**
 * Collection backups (issue 10), through the contract on real data folders:
 * the zip holds exactly the collection's articles (with its sub-collections'),
 * byte for byte, and says it is scoped; it is never swapped in as the whole
 * archive; restoring it MERGES — into an empty archive, into the same archive
 * after articles were deleted and others got new highlights (added back, the
 * others untouched), into an archive whose collection was deleted (re-created,
 * a name clash renamed); a damaged zip changes nothing; and a merge cut off
 * before its one library change leaves the archive as it was.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation, BackupInfo, BackupList, LibraryTree, ListLibraryResult, RestoreResult, SearchResponse } from '../../../../common/api.js';
import type { ArticleMeta } from '../../../../common/types/article.js';
import { backupFileName } from '../../../../main/backup/backup-ops.js';
import { restoreBackupFile } from '../../../../main/backup/restore.js';
import { mergeCollectionBackup } from '../../../../main/backup/merge-restore.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { ArchiveStore } from '../../../../main/store/archive-store.js';
import { ASSETS_DIR, SEED_LINES } from '../../../support/seed.js';
import { buildCollectionArchive, call, type CollectionArchive } from './collection-archive.js';

const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.zip$/;
let archive: CollectionArchive;
let scoped: BackupInfo;
let zipPath: string;
const work = mkdtempSync(join(tmpdir(), 'qirtas-collection-backup-'));
const cleanup: Array<() => Promise<void>> = [];

const articleBytes = (dataDir: string, id: string) => readFileSync(join(dataDir, 'articles', `${id}.json`));

function hashTree(root: string, skip: (path: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (skip(relative(root, path))) continue;
      if (entry.isDirectory()) walk(path);
      else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return out;
}

async function freshApp(dataDir = mkdtempSync(join(tmpdir(), 'qirtas-merge-into-'))) {
  const app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
  cleanup.push(() => app.close());
  return { app, dataDir };
}

const upload = (path: string) => ({ fileName: 'from-disk.zip', data: readFileSync(path).toString('base64') });

beforeAll(async () => {
  archive = await buildCollectionArchive();
  scoped = await call<BackupInfo>(archive.app, 'createBackup', { collection: archive.levant.id });
  zipPath = join(archive.dataDir, 'backups', scoped.name);
});
afterAll(async () => {
  for (const close of cleanup) await close().catch(() => undefined);
  await archive.app.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a collection backup', () => {
  it('holds exactly the collection and its sub-collections with their articles, byte for byte, and says so', async () => {
    const [a1, a2, a3] = archive.ids as [string, string, string];
    expect(scoped.name).toMatch(BACKUP_NAME);
    expect(scoped.name).toContain('-collection-');
    expect(scoped).toMatchObject({ kind: 'manual', articleCount: 3, annotationCount: 4, scope: { kind: 'collection', id: archive.levant.id, name: 'بلاد الشام', path: 'بلاد الشام', collectionCount: 3 } });

    const entries = unzipSync(readFileSync(zipPath));
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array));
    expect(manifest).toMatchObject({ manifestVersion: 2, articleCount: 3, annotationCount: 4, scope: { id: archive.levant.id, parentId: null, collectionCount: 3 } });
    expect(Object.keys(entries).sort()).toEqual(['library.json', 'manifest.json', ...[a1, a2, a3].map((id) => `articles/${id}.json`)].sort());
    // The articles' files (text and highlights) exactly as on disk.
    for (const id of [a1, a2, a3]) expect(entries[`articles/${id}.json`]).toEqual(new Uint8Array(articleBytes(archive.dataDir, id)));

    const library = JSON.parse(strFromU8(entries['library.json'] as Uint8Array));
    expect(library.collections.map((collection: { name: string }) => collection.name).sort()).toEqual(['بلاد الشام', 'سوريا', 'لبنان'].sort());
    expect(library.savedSearches).toEqual([]);
    const byId = new Map<string, ArticleMeta>(library.articles.map((meta: ArticleMeta) => [meta.id, meta]));
    expect([...byId.keys()].sort()).toEqual([a1, a2, a3].sort());
    // A3 is also in «مصر», which is not in the backup: that membership stays out.
    expect(byId.get(a3)?.collectionIds).toEqual([archive.syria.id]);

    const list = await call<BackupList>(archive.app, 'listBackups', {});
    expect(list.backups.find((backup) => backup.name === scoped.name)?.scope).toMatchObject({ name: 'بلاد الشام', collectionCount: 3 });
  });

  it('of a sub-collection names its path and file, and an unknown collection is NOT_FOUND', async () => {
    const syria = await call<BackupInfo>(archive.app, 'createBackup', { collection: archive.syria.id });
    expect(syria).toMatchObject({ articleCount: 2, scope: { name: 'سوريا', path: 'بلاد الشام/سوريا', collectionCount: 1 } });
    expect(syria.name).toMatch(new RegExp(`^qirtas-manual-collection-${archive.syria.id.slice(0, 8)}-`));
    const response = await archive.app.dispatch('createBackup', { collection: 'no-such-collection' });
    expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A whole-archive backup is made as before.
    const whole = await call<BackupInfo>(archive.app, 'createBackup', {});
    expect(whole.scope).toBeUndefined();
    expect(whole.articleCount).toBe(6);
  });

  it('is never swapped in as the whole archive', async () => {
    const target = mkdtempSync(join(tmpdir(), 'qirtas-swap-refused-'));
    writeFileSync(join(target, 'keep.txt'), 'x');
    const before = hashTree(target);
    await expect(restoreBackupFile(zipPath, target)).rejects.toThrow(/backup of one collection.*Nothing was changed/);
    expect(hashTree(target)).toEqual(before);
  });
});

describe('a collection backup file name', () => {
  it('says "collection" and keeps the Latin part of the name, or the id, within the backup-name rule', () => {
    const stamp = new Date('2025-01-31T10:20:30.123Z');
    expect(backupFileName('manual', stamp, { id: 'x', name: 'Gaza 2014 — تقارير' })).toBe('qirtas-manual-collection-gaza-2014-2025-01-31T10-20-30-123Z.zip');
    expect(backupFileName('manual', stamp, { id: 'x', name: 'Événements à Beyrouth' })).toBe('qirtas-manual-collection-evenements-a-beyrouth-2025-01-31T10-20-30-123Z.zip');
    expect(backupFileName('manual', stamp, { id: '0f3c9a7e-1111-2222', name: 'الثورة السورية' })).toBe('qirtas-manual-collection-0f3c9a7e-2025-01-31T10-20-30-123Z.zip');
    const long = backupFileName('manual', stamp, { id: 'x', name: 'A very long collection name '.repeat(20) });
    expect(long).toMatch(BACKUP_NAME);
    expect(backupFileName('manual', stamp)).toBe('qirtas-manual-2025-01-31T10-20-30-123Z.zip');
  });
});

describe('restoring a collection backup merges it', () => {
  it('(a) into an empty archive: the articles, their highlights, the collection tree; searchable at once', async () => {
    const { app, dataDir } = await freshApp();
    const result = await call<RestoreResult>(app, 'restoreBackup', upload(zipPath));
    expect(result).toMatchObject({ scope: 'collection', articleCount: 3, annotationCount: 4, previousKeptAt: '' });
    expect(result.merge).toMatchObject({ articlesAdded: 3, annotationsAdded: 4, articlesKept: 0, collectionsCreated: 3, collectionsExisting: 0, collectionsRenamed: [], collection: { id: archive.levant.id, name: 'بلاد الشام' } });
    for (const id of archive.ids.slice(0, 3)) expect(articleBytes(dataDir, id)).toEqual(articleBytes(archive.dataDir, id));
    const tree = await call<LibraryTree>(app, 'listCollections', {});
    expect(tree.collections.map((collection) => [collection.id, collection.parentId, collection.deepCount])).toEqual(
      expect.arrayContaining([
        [archive.levant.id, null, 3],
        [archive.syria.id, archive.levant.id, 2],
        [archive.lebanon.id, archive.levant.id, 0],
      ]),
    );
    const rows = await call<ListLibraryResult>(app, 'listLibrary', { scope: { kind: 'collection', id: archive.levant.id, deep: true } });
    expect(rows.total).toBe(3);
    const found = await call<SearchResponse>(app, 'search', { query: 'السويداء' });
    expect(found.results.map((hit) => hit.id)).toContain(archive.ids[1]);
  });

  it('(b) into the same archive after deletions and new highlights: the deleted come back, the others are untouched', async () => {
    const { app, dataDir } = await freshApp();
    await call(app, 'restoreBackup', upload(zipPath));
    const [a1, a2, a3] = archive.ids as [string, string, string];
    // Delete A1 for good; give A2 a new highlight after the backup was made.
    await call(app, 'trashArticle', { id: a1 });
    await call(app, 'deleteArticle', { id: a1 });
    const text = (await call<{ blocks: Array<{ text: string }> }>(app, 'getArticle', { id: a2 })).blocks.map((block) => block.text).join('\n\n');
    const at = text.indexOf('درعا');
    const fresh = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: a2, start: at, end: at + 4, color: 'purple', note: 'أضيف بعد النسخة' });
    await app.service.flush();
    const a2Before = articleBytes(dataDir, a2);
    const a3Before = articleBytes(dataDir, a3);

    const result = await call<RestoreResult>(app, 'restoreBackup', upload(zipPath));
    expect(result.merge).toMatchObject({ articlesAdded: 1, annotationsAdded: 2, articlesKept: 2, collectionsCreated: 0, collectionsExisting: 3, membershipsAdded: 0 });
    expect(result.merge?.keptTitles.sort()).toEqual([archive.titles[1], archive.titles[2]].sort());
    expect(articleBytes(dataDir, a1)).toEqual(articleBytes(archive.dataDir, a1));
    // The newer highlight is still there: nothing was overwritten.
    expect(articleBytes(dataDir, a2)).toEqual(a2Before);
    expect(articleBytes(dataDir, a3)).toEqual(a3Before);
    const a2Now = await call<{ annotations: Array<{ id: string }> }>(app, 'getArticle', { id: a2 });
    expect(a2Now.annotations.map((annotation) => annotation.id)).toContain(fresh.id);
  });

  it('(b) leaves the rest of a whole archive alone: the same archive, with A1 deleted, gets it back and nothing else changes', async () => {
    const copy = join(work, 'same-archive');
    const { app: source } = archive;
    await source.service.currentStore.compact();
    cpSync(archive.dataDir, copy, { recursive: true, filter: (path) => !path.endsWith('.lock') && !path.includes('/backups') });
    const { app } = await freshApp(copy);
    const [a1] = archive.ids as [string];
    await call(app, 'trashArticle', { id: a1 });
    await call(app, 'deleteArticle', { id: a1 });
    const others = archive.ids.slice(1);
    const before = new Map(others.map((id) => [id, articleBytes(copy, id)]));
    const metaBefore = (await call<ArticleMeta[]>(app, 'listArticles', { view: 'trash' })).map((meta) => meta.id);
    const result = await call<RestoreResult>(app, 'restoreBackup', upload(zipPath));
    expect(result.merge).toMatchObject({ articlesAdded: 1, articlesKept: 2, collectionsExisting: 3 });
    for (const id of others) expect(articleBytes(copy, id)).toEqual(before.get(id));
    // A4 (مصر only), A5 (no collection) are still there; A6 is still in the trash.
    const all = await call<ArticleMeta[]>(app, 'listArticles', { view: 'library' });
    expect(all.map((meta) => meta.id).sort()).toEqual(archive.ids.slice(0, 5).sort());
    expect((await call<ArticleMeta[]>(app, 'listArticles', { view: 'trash' })).map((meta) => meta.id)).toEqual(metaBefore);
    // A3 kept its membership of «مصر».
    expect([...(all.find((meta) => meta.id === archive.ids[2])?.collectionIds ?? [])].sort()).toEqual([archive.syria.id, archive.egypt.id].sort());
  });

  it('(c) into an archive whose collection was deleted: re-created with its ids, articles put back, a name clash renamed', async () => {
    const { app } = await freshApp();
    await call(app, 'restoreBackup', upload(zipPath));
    await call(app, 'deleteCollection', { id: archive.levant.id, subcollections: 'delete' });
    // Another collection of the same name now sits at the top level.
    const other = await call<{ id: string }>(app, 'createCollection', { name: 'بلاد الشام' });
    const result = await call<RestoreResult>(app, 'restoreBackup', upload(zipPath));
    expect(result.merge).toMatchObject({
      articlesAdded: 0,
      articlesKept: 3,
      collectionsCreated: 3,
      membershipsAdded: 3,
      collectionsRenamed: [{ from: 'بلاد الشام', to: 'بلاد الشام (2)' }],
      collection: { id: archive.levant.id, name: 'بلاد الشام (2)' },
    });
    const tree = await call<LibraryTree>(app, 'listCollections', {});
    const names = new Map(tree.collections.map((collection) => [collection.id, collection]));
    expect(names.get(other.id)?.name).toBe('بلاد الشام');
    expect(names.get(archive.levant.id)).toMatchObject({ name: 'بلاد الشام (2)', parentId: null, deepCount: 3 });
    expect(names.get(archive.syria.id)).toMatchObject({ parentId: archive.levant.id, count: 2 });
    // A second restore finds everything there: nothing more to add.
    const again = await call<RestoreResult>(app, 'restoreBackup', upload(zipPath));
    expect(again.merge).toMatchObject({ articlesAdded: 0, collectionsCreated: 0, collectionsExisting: 3, membershipsAdded: 0 });
  });

  it('of a sub-collection goes back under its parent when that parent is still there', async () => {
    const syriaZip = join(archive.dataDir, 'backups', (await call<BackupInfo>(archive.app, 'createBackup', { collection: archive.syria.id })).name);
    const { app } = await freshApp();
    await call(app, 'restoreBackup', upload(zipPath));
    await call(app, 'deleteCollection', { id: archive.syria.id });
    const result = await call<RestoreResult>(app, 'restoreBackup', upload(syriaZip));
    expect(result.merge).toMatchObject({ collectionsCreated: 1, membershipsAdded: 2 });
    const tree = await call<LibraryTree>(app, 'listCollections', {});
    expect(tree.collections.find((collection) => collection.id === archive.syria.id)?.parentId).toBe(archive.levant.id);
  });

  it('keeps an article whose text is already in the archive under another id (no duplicate), putting it in the collection', async () => {
    const { app } = await freshApp();
    const twin = await call<{ status: string; article: ArticleMeta }>(app, 'importText', { text: [SEED_LINES[2], SEED_LINES[3]].join('\n'), title: 'نسخة مستوردة من جديد' });
    expect(twin.status).toBe('imported');
    const result = await call<RestoreResult>(app, 'restoreBackup', upload(zipPath));
    expect(result.merge).toMatchObject({ articlesAdded: 2, articlesKept: 1, keptTitles: ['نسخة مستوردة من جديد'], membershipsAdded: 1 });
    const all = await call<ArticleMeta[]>(app, 'listArticles', { view: 'library' });
    expect(all.map((meta) => meta.id).sort()).toEqual([twin.article.id, archive.ids[0], archive.ids[2]].sort());
    expect(all.find((meta) => meta.id === twin.article.id)?.collectionIds).toEqual([archive.syria.id]);
  });

  it('a damaged collection zip changes nothing and names the file and the reason', async () => {
    const { app, dataDir } = await freshApp();
    await call(app, 'restoreBackup', upload(zipPath));
    await call(app, 'deleteCollection', { id: archive.levant.id, subcollections: 'delete' });
    await call(app, 'trashArticle', { id: archive.ids[2] as string });
    await call(app, 'deleteArticle', { id: archive.ids[2] as string });
    await app.service.flush();
    // Change one byte in the middle of the LAST article entry's data, so the files before it are read (and written) first.
    const bytes = readFileSync(zipPath);
    const lastName = `articles/${[...archive.ids.slice(0, 3)].sort().pop()}.json`;
    const header = bytes.indexOf(Buffer.from(lastName)) - 30; // the local header comes before the central directory
    expect(bytes.readUInt32LE(header)).toBe(0x04034b50);
    const dataStart = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
    const damaged = Buffer.from(bytes);
    damaged[dataStart + Math.floor(bytes.readUInt32LE(header + 18) / 2)] ^= 0xff;
    const damagedPath = join(work, 'damaged-collection.zip');
    writeFileSync(damagedPath, damaged);
    const before = hashTree(dataDir, (path) => path.startsWith('index') || path === 'library.journal');
    const metas = app.service.currentStore.listMeta().map((meta) => meta.id).sort();
    const collections = app.service.currentStore.library.collections.length;
    const error = await app.service.backups.restoreFile(damagedPath).then(
      () => null,
      (caught: Error) => caught,
    );
    expect(error?.message).toMatch(/damaged-collection\.zip/);
    expect(error?.message).toMatch(/Nothing was changed/);
    // Sent from the UI: the message names the file the user chose.
    const uploaded = await app.dispatch('restoreBackup', { fileName: 'مجموعة الشام.zip', data: damaged.toString('base64') });
    expect(uploaded).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('This backup cannot be restored (مجموعة الشام.zip): entry "articles/') } });
    expect(uploaded.ok ? '' : uploaded.error.message).toContain('Nothing was changed');
    expect(hashTree(dataDir, (path) => path.startsWith('index') || path === 'library.journal')).toEqual(before);
    expect(app.service.currentStore.listMeta().map((meta) => meta.id).sort()).toEqual(metas);
    expect(app.service.currentStore.library.collections).toHaveLength(collections);
  });

  it('cut off before its library change (a kill at that point) leaves the archive as it was; run again, it completes', async () => {
    const { app, dataDir } = await freshApp();
    const snapshot = join(work, 'killed-merge');
    // A new archive: no library.json yet (the merge writes an empty one first, so its files can only be orphans).
    const withoutLibrary = (path: string) => path === 'library.json' || path === 'library.journal';
    const before = hashTree(dataDir, withoutLibrary);
    await expect(
      mergeCollectionBackup(app.service.currentStore, zipPath, {
        onStep: (step) => {
          if (step !== 'files-written') return;
          // What a kill here leaves on disk: the data folder as it is now (every file fsynced).
          cpSync(dataDir, snapshot, { recursive: true, filter: (path) => !path.endsWith('.lock') });
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // In this process the written files were taken back: nothing changed.
    expect(hashTree(dataDir, withoutLibrary)).toEqual(before);
    expect(JSON.parse(readFileSync(join(dataDir, 'library.json'), 'utf8')).articles).toEqual([]);
    // In the "killed" copy: the next open sees no new article (the files are moved aside), and a new restore completes it.
    const reopened = await ArchiveStore.open(snapshot, { log: () => undefined });
    expect(reopened.listMeta()).toHaveLength(0);
    expect(readdirSync(join(snapshot, 'articles'))).toEqual([]);
    await reopened.close();
    const { app: again } = await freshApp(snapshot);
    const result = await call<RestoreResult>(again, 'restoreBackup', upload(zipPath));
    expect(result.merge?.articlesAdded).toBe(3);
  });
});
