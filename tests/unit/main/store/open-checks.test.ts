/**
 * What opening an archive does with what it finds (issue 13, part 3), on real
 * folders: orphaned article files swept (never adopted, so a deleted article
 * never comes back), partial backup temp files swept, newer-version files named
 * as such and never overwritten, keys this version does not know kept on save,
 * no file contents in messages, a missing library.json next to article files
 * rebuilt (or refused read-only) instead of treated as empty, and the library
 * journal's torn tail ignored, damage refused, stale lines skipped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText, type Annotation } from '../../../../common/types/article.js';
import { createBackup } from '../../../../main/backup/create-backup.js';
import { articleFromDraft } from '../../../../main/import/text-import.js';
import { ArchiveStore, ARTICLES_DIR, LIBRARY_FILE } from '../../../../main/store/archive-store.js';
import { encodeEntry, LIBRARY_JOURNAL_FILE } from '../../../../main/store/library-journal.js';
import { ORPHANS_DIR } from '../../../../main/store/store-open.js';
import { SEED_LINES } from '../../../support/seed.js';

const quiet = { log: () => undefined };
const fresh = () => mkdtempSync(join(tmpdir(), 'qirtas-open-'));
const article = (n: number) => articleFromDraft({ blocks: [{ kind: 'heading', text: `عنوان المقال ${n}` }, { kind: 'paragraph', text: SEED_LINES[n % SEED_LINES.length] as string }] }, 'test');
const annotation = (id: string): Annotation => ({ id, target: { selector: [{ type: 'TextPositionSelector', start: 0, end: 4 }] }, color: 'yellow', note: '', tags: [], created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z' });

describe('orphaned article files', () => {
  it('are moved out of articles/ at open (a killed import, a killed delete), never listed, and deleted after a week', async () => {
    const dataDir = fresh();
    const store = await ArchiveStore.open(dataDir, quiet);
    const kept = article(1);
    const deleted = article(2);
    await store.addArticles([kept, deleted]);
    await store.removeArticle(deleted.meta.id);
    await store.close();
    // A delete killed between dropping the entry and removing the file; an import killed before listing its file.
    const killedImport = article(3);
    writeFileSync(join(dataDir, ARTICLES_DIR, `${deleted.meta.id}.json`), JSON.stringify(deleted.file));
    writeFileSync(join(dataDir, ARTICLES_DIR, `${killedImport.meta.id}.json`), JSON.stringify(killedImport.file));

    const logged: string[] = [];
    const reopened = await ArchiveStore.open(dataDir, { log: (message) => logged.push(message) });
    expect(reopened.listMeta().map((meta) => meta.id)).toEqual([kept.meta.id]);
    await reopened.close();
    expect(readdirSync(join(dataDir, ARTICLES_DIR))).toEqual([`${kept.meta.id}.json`]);
    expect(readdirSync(join(dataDir, ORPHANS_DIR)).sort()).toEqual([`${deleted.meta.id}.json`, `${killedImport.meta.id}.json`].sort());
    expect(logged.join('\n')).toMatch(/2 article files no library entry names/);

    // A week later they are gone for good.
    const weekAgo = Date.now() / 1000 - 8 * 24 * 3600;
    for (const name of readdirSync(join(dataDir, ORPHANS_DIR))) utimesSync(join(dataDir, ORPHANS_DIR, name), weekAgo, weekAgo);
    await (await ArchiveStore.open(dataDir, quiet)).close();
    expect(readdirSync(join(dataDir, ORPHANS_DIR))).toEqual([]);
  });
});

describe('partial backup temp files', () => {
  it('beside `backup -o FILE` are swept when a backup to FILE runs again, unless their process is alive', async () => {
    const dataDir = fresh();
    const store = await ArchiveStore.open(dataDir, quiet);
    await store.addArticles([article(4)]);
    await store.close();
    const outDir = fresh();
    const dead = spawn('true');
    await new Promise((resolve) => dead.once('exit', resolve));
    const alive = spawn('sleep', ['30']);
    try {
      const deadTemp = join(outDir, `.archive.zip.${dead.pid}.0123456789ab.tmp`);
      const liveTemp = join(outDir, `.archive.zip.${alive.pid}.0123456789ab.tmp`);
      const otherTarget = join(outDir, `.other.zip.${dead.pid}.0123456789ab.tmp`);
      for (const path of [deadTemp, liveTemp, otherTarget]) writeFileSync(path, Buffer.alloc(1024));
      await createBackup(dataDir, join(outDir, 'archive.zip'), { kind: 'manual', appVersion: 'test' });
      expect(existsSync(deadTemp)).toBe(false);
      expect(existsSync(liveTemp)).toBe(true); // a backup being written right now
      expect(existsSync(otherTarget)).toBe(true); // another file's business
      expect(existsSync(join(outDir, 'archive.zip'))).toBe(true);
    } finally {
      alive.kill('SIGKILL');
    }
  });
});

describe('files from a newer Qirtas', () => {
  it('are named as such (not "damaged") and never overwritten', async () => {
    const dataDir = fresh();
    const library = JSON.stringify({ schemaVersion: 2, articles: [], somethingNew: { a: 1 } });
    writeFileSync(join(dataDir, LIBRARY_FILE), library);
    await expect(ArchiveStore.open(dataDir, quiet)).rejects.toMatchObject({ code: 'NEWER_VERSION', file: join(dataDir, LIBRARY_FILE) });
    await expect(ArchiveStore.open(dataDir, { ...quiet, readOnly: true })).rejects.toThrow(/made by a newer version of Qirtas/);
    expect(readFileSync(join(dataDir, LIBRARY_FILE), 'utf8')).toBe(library);
  });

  it('an article file of a newer format refuses every change and stays byte for byte', async () => {
    const dataDir = fresh();
    const store = await ArchiveStore.open(dataDir, quiet);
    const entry = article(5);
    await store.addArticles([entry]);
    const path = join(dataDir, ARTICLES_DIR, `${entry.meta.id}.json`);
    const newer = JSON.stringify({ ...entry.file, schemaVersion: 7, layers: ['x'] });
    writeFileSync(path, newer);
    await expect(store.readArticle(entry.meta.id)).rejects.toMatchObject({ code: 'NEWER_VERSION' });
    await expect(store.updateArticle(entry.meta.id, (file) => ({ ...file, annotations: [annotation('a')] }))).rejects.toThrow(/newer version of Qirtas/);
    expect(readFileSync(path, 'utf8')).toBe(newer);
    await store.close();
  });
});

describe('keys this version does not know', () => {
  it('are kept on every save: library top level, article metadata, article file, annotation', async () => {
    const dataDir = fresh();
    const store = await ArchiveStore.open(dataDir, quiet);
    const entry = article(6);
    await store.addArticles([entry]);
    await store.compact();
    await store.close();
    const libraryPath = join(dataDir, LIBRARY_FILE);
    const library = JSON.parse(readFileSync(libraryPath, 'utf8'));
    library.fromTheFuture = { layout: 'grid' };
    library.articles[0].rating = 5;
    writeFileSync(libraryPath, JSON.stringify(library));
    const articlePath = join(dataDir, ARTICLES_DIR, `${entry.meta.id}.json`);
    writeFileSync(articlePath, JSON.stringify({ ...entry.file, audio: 'file.mp3', annotations: [{ ...annotation('kept'), motivation: 'questioning' }] }));

    const reopened = await ArchiveStore.open(dataDir, quiet);
    await reopened.updateMeta(entry.meta.id, (meta) => ({ ...meta, tags: ['جديد'] }));
    await reopened.updateArticle(entry.meta.id, (file) => ({ ...file, annotations: [...file.annotations, annotation('added')] }));
    await reopened.compact(); // library.json rewritten whole
    await reopened.close();

    const savedLibrary = JSON.parse(readFileSync(libraryPath, 'utf8'));
    expect(savedLibrary.fromTheFuture).toEqual({ layout: 'grid' });
    expect(savedLibrary.articles[0]).toMatchObject({ rating: 5, tags: ['جديد'] });
    const savedArticle = JSON.parse(readFileSync(articlePath, 'utf8'));
    expect(savedArticle.audio).toBe('file.mp3');
    expect(savedArticle.annotations.map((entry: { id: string; motivation?: string }) => [entry.id, entry.motivation])).toEqual([
      ['kept', 'questioning'],
      ['added', undefined],
    ]);
  });
});

describe('error messages', () => {
  it('name the file and the reason, never its contents (a symlink to /etc/passwd)', async () => {
    const dataDir = fresh();
    symlinkSync('/etc/passwd', join(dataDir, LIBRARY_FILE));
    const failure = await ArchiveStore.open(dataDir, quiet).catch((error: Error) => error);
    expect(failure).toMatchObject({ code: 'DAMAGED_FILE' });
    expect((failure as Error).message).toContain(join(dataDir, LIBRARY_FILE));
    expect((failure as Error).message).not.toMatch(/root:|:0:0|bin\/|nologin/);

    const other = fresh();
    const store = await ArchiveStore.open(other, quiet);
    const entry = article(7);
    await store.addArticles([entry]);
    const path = join(other, ARTICLES_DIR, `${entry.meta.id}.json`);
    const { unlinkSync } = await import('node:fs');
    unlinkSync(path);
    symlinkSync('/etc/passwd', path);
    const articleFailure = await store.readArticle(entry.meta.id).catch((error: Error) => error);
    expect((articleFailure as Error).message).toContain(path);
    expect((articleFailure as Error).message).not.toMatch(/root:|:0:0|nologin/);
    await store.close();
  });
});

describe('a missing library.json next to article files', () => {
  it('is never an empty archive: read-only opens refuse, a writable open rebuilds the library from the files and the journal', async () => {
    const dataDir = fresh();
    const store = await ArchiveStore.open(dataDir, quiet);
    const first = article(8);
    const second = article(9);
    await store.addArticles([first, second]);
    await store.compact();
    await store.updateMeta(first.meta.id, (meta) => ({ ...meta, title: 'عنوان محفوظ في السجل', tags: ['سجل'] }));
    await store.updateArticle(second.meta.id, (file) => ({ ...file, annotations: [annotation('note-1')] }));
    // Not closed: as if the process died (a clean close folds the journal into library.json).
    await store.quiesce();
    const { unlinkSync } = await import('node:fs');
    unlinkSync(join(dataDir, LIBRARY_FILE));

    await expect(ArchiveStore.open(dataDir, { ...quiet, readOnly: true })).rejects.toThrow(/library\.json is missing while articles\/ holds 2 article files/);
    const logged: string[] = [];
    const rebuilt = await ArchiveStore.open(dataDir, { log: (message) => logged.push(message) });
    expect(rebuilt.listMeta().map((meta) => meta.id).sort()).toEqual([first.meta.id, second.meta.id].sort());
    // The journal still held the first one's metadata change: it comes back whole.
    expect(rebuilt.getMeta(first.meta.id)).toMatchObject({ title: 'عنوان محفوظ في السجل', tags: ['سجل'] });
    // The other one gets a title from its first heading and its text's hash (so re-imports are still duplicates).
    expect(rebuilt.getMeta(second.meta.id)).toMatchObject({ title: 'عنوان المقال 9', contentHash: second.meta.contentHash, wordCount: second.meta.wordCount });
    expect((await rebuilt.readArticle(second.meta.id)).annotations.map((entry) => entry.id)).toEqual(['note-1']);
    expect(canonicalText((await rebuilt.readArticle(first.meta.id)).blocks)).toBe(canonicalText(first.file.blocks));
    await rebuilt.close();
    expect(logged.join('\n')).toMatch(/was missing .* rebuilt/);
    expect(existsSync(join(dataDir, LIBRARY_FILE))).toBe(true);
  });
});

describe('the library journal', () => {
  async function journaled(): Promise<{ dataDir: string; id: string }> {
    const dataDir = fresh();
    const store = await ArchiveStore.open(dataDir, quiet);
    const entry = article(10);
    await store.addArticles([entry]);
    await store.updateMeta(entry.meta.id, (meta) => ({ ...meta, title: 'أول' }));
    await store.updateMeta(entry.meta.id, (meta) => ({ ...meta, title: 'ثان' }));
    // Not closed: as if the process died, so the two titles are still journal lines.
    await store.quiesce();
    return { dataDir, id: entry.meta.id };
  }

  it('ignores a torn last line (a crash mid-append) and goes on appending after it', async () => {
    const { dataDir, id } = await journaled();
    appendFileSync(join(dataDir, LIBRARY_JOURNAL_FILE), '0123456789abcdef {"b":"x","s":9,"put":[{"id":');
    const store = await ArchiveStore.open(dataDir, quiet);
    expect(store.getMeta(id).title).toBe('ثان');
    await store.updateMeta(id, (meta) => ({ ...meta, title: 'ثالث' }));
    await store.close();
    const reader = await ArchiveStore.open(dataDir, { ...quiet, readOnly: true });
    expect(reader.getMeta(id).title).toBe('ثالث');
    await reader.close();
  });

  it('refuses a damaged line followed by good ones, naming the file and leaving it untouched', async () => {
    const { dataDir } = await journaled();
    const path = join(dataDir, LIBRARY_JOURNAL_FILE);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[0] = (lines[0] as string).replace('أول', 'أوك');
    writeFileSync(path, lines.join('\n'));
    const before = readFileSync(path);
    await expect(ArchiveStore.open(dataDir, quiet)).rejects.toMatchObject({ code: 'DAMAGED_FILE', file: path });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('skips lines that belong to another library.json (a compaction that died before emptying it, a copied folder)', async () => {
    const { dataDir, id } = await journaled();
    appendFileSync(join(dataDir, LIBRARY_JOURNAL_FILE), encodeEntry({ b: 'another-base', s: 99, del: [id] }));
    const store = await ArchiveStore.open(dataDir, { ...quiet, readOnly: true });
    expect(store.getMeta(id).title).toBe('ثان');
    await store.close();
  });

  it('is folded into library.json by a clean close, so the file alone is the whole library', async () => {
    const { dataDir, id } = await journaled();
    const store = await ArchiveStore.open(dataDir, quiet);
    await store.updateMeta(id, (meta) => ({ ...meta, tags: ['أخير'] }));
    await store.close();
    expect(readFileSync(join(dataDir, LIBRARY_JOURNAL_FILE), 'utf8')).toBe('');
    const library = JSON.parse(readFileSync(join(dataDir, LIBRARY_FILE), 'utf8'));
    expect(library.articles[0]).toMatchObject({ title: 'ثان', tags: ['أخير'] });
  });

  it('keeps library changes small: one tag change appends one line instead of rewriting library.json', async () => {
    const dataDir = fresh();
    const store = await ArchiveStore.open(dataDir, quiet);
    await store.addArticles(Array.from({ length: 50 }, (_, n) => article(n)));
    await store.compact();
    const libraryBytes = readFileSync(join(dataDir, LIBRARY_FILE));
    const id = store.listMeta()[7]?.id as string;
    await store.updateMeta(id, (meta) => ({ ...meta, tags: ['وسم'] }));
    expect(readFileSync(join(dataDir, LIBRARY_FILE)).equals(libraryBytes)).toBe(true);
    expect(readFileSync(join(dataDir, LIBRARY_JOURNAL_FILE), 'utf8').trim().split('\n')).toHaveLength(1);
    await store.close();
  });
});
