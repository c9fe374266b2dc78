/**
 * Crash safety of the archive store (design §3, reliability reference G1/G3/G4):
 * a writer killed with SIGKILL at random moments 200 times never loses an
 * acknowledged article, title change, bulk tag (library journal lines and
 * their compactions) or highlight (two saved at once on one article), and never
 * leaves a torn file; a damaged library.json stops the open with its name and
 * keeps its bytes; a second live process is refused. QIRTAS_CRASH_KILLS=N
 * changes the number of kills.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleFile, canonicalText, LibraryFile } from '../../../../common/types/article.js';
import { ArchiveStore, ARTICLES_DIR, LIBRARY_FILE } from '../../../../main/store/archive-store.js';
import { contentHash } from '../../../../main/import/text-import.js';
import { isTempFileName } from '../../../../main/store/durable-file.js';
import { JournalWriter } from '../../../../main/store/library-journal.js';
import { bundleChild } from '../../../support/bundle-child.js';

const KILLS = Number(process.env.QIRTAS_CRASH_KILLS ?? 200);
let child: string;

beforeAll(async () => {
  child = await bundleChild('tests/support/save-loop-child.ts', 'save-loop-child');
});

interface ChildRun {
  acks: Array<{ id: string; hash: string }>;
  /** Every acknowledged line, split into words (ack/title/tag/note …). */
  lines: string[][];
  output: string;
}

/**
 * Runs the save loop and kills it with SIGKILL `delayMs` after it reported ready
 * (`armOn` 'ready': kills land in the open and the first saves too) or after its
 * first acknowledged save ('ack': on a loaded machine the first save alone can
 * outlast the delay, and the kill must still land among the writes).
 */
function runAndKill(dataDir: string, delayMs: number, armOn: 'ready' | 'ack'): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const process = spawn('node', [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killTimer: NodeJS.Timeout | undefined;
    process.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!killTimer && output.includes(armOn === 'ready' ? 'ready\n' : '\nack ')) killTimer = setTimeout(() => process.kill('SIGKILL'), delayMs);
    });
    process.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process.on('error', reject);
    process.on('exit', (_code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended without being killed:\n${output}`));
      // Only complete lines count: a line cut by the kill was never fully acknowledged.
      const lines = output
        .split('\n')
        .slice(0, -1)
        .map((line) => line.split(' '));
      const acks = lines.filter((words) => words[0] === 'ack').map(([, id, hash]) => ({ id: id as string, hash: hash as string }));
      resolve({ acks, lines, output });
    });
  });
}

function assertNoTornJson(dataDir: string): void {
  for (const folder of [dataDir, join(dataDir, ARTICLES_DIR)]) {
    for (const name of readdirSync(folder)) {
      if (name.endsWith('.json')) expect(() => JSON.parse(readFileSync(join(folder, name), 'utf8')), `${folder}/${name}`).not.toThrow();
    }
  }
}

describe('archive store under SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-crash-'));

  it(`keeps every acknowledged article, metadata change and highlight intact across ${KILLS} kills`, { timeout: 900_000 }, async () => {
    const acknowledged = new Map<string, string>();
    const titles = new Map<string, string>();
    const tags: Array<{ tag: string; ids: string[] }> = [];
    const notes: Array<{ id: string; annotation: string }> = [];
    let killsDuringWrites = 0;
    /** Every acknowledged change is in `store` (as a restart sees it). */
    const verify = async (store: ArchiveStore) => {
      const listed = new Set(store.listMeta().map((meta) => meta.id));
      for (const [id, hash] of acknowledged) {
        expect(listed.has(id), `acknowledged article ${id} is listed`).toBe(true);
        const file = await store.readArticle(id);
        expect(contentHash(canonicalText(file.blocks))).toBe(hash);
      }
      for (const [id, suffix] of titles) expect(store.getMeta(id).title.endsWith(`(${suffix})`), `title of ${id}`).toBe(true);
      for (const { tag, ids } of tags) for (const id of ids) expect(store.getMeta(id).tags, `tag ${tag} on ${id}`).toContain(tag);
      const byArticle = new Map<string, Set<string>>();
      for (const { id } of notes) if (!byArticle.has(id)) byArticle.set(id, new Set((await store.readArticle(id)).annotations.map((annotation) => annotation.id)));
      for (const { id, annotation } of notes) expect(byArticle.get(id)?.has(annotation), `highlight ${annotation} on ${id}`).toBe(true);
    };
    for (let round = 0; round < KILLS; round += 1) {
      const run = await runAndKill(dataDir, 5 + Math.floor(Math.random() * 120), round % 5 === 0 ? 'ready' : 'ack');
      if (run.acks.length > 0) killsDuringWrites += 1;
      for (const words of run.lines) {
        if (words[0] === 'ack') acknowledged.set(words[1] as string, words[2] as string);
        if (words[0] === 'title') titles.set(words[1] as string, words[2] as string);
        if (words[0] === 'tag') tags.push({ tag: words[1] as string, ids: (words[2] as string).split(',') });
        if (words[0] === 'note') notes.push({ id: words[1] as string, annotation: words[2] as string });
      }

      // Reopening takes over the dead writer's lock and sweeps its unacknowledged temp files.
      const store = await ArchiveStore.open(dataDir, { log: () => undefined });
      try {
        await verify(store);
      } finally {
        await store.close();
      }
      assertNoTornJson(dataDir);
      expect(readdirSync(join(dataDir, ARTICLES_DIR)).filter(isTempFileName)).toEqual([]);
    }
    // The kills really landed while the child was saving, not before it started.
    expect(killsDuringWrites).toBeGreaterThan(KILLS / 2);
    const tagged = tags.reduce((sum, { ids }) => sum + ids.length, 0);
    console.info(`crash test: ${KILLS} kills, none lost of ${acknowledged.size} articles, ${titles.size} titles, ${tags.length} bulk tags (${tagged} articles), ${notes.length} highlights acknowledged`);
    expect(tags.length).toBeGreaterThan(0);
    expect(notes.length).toBeGreaterThan(0);

    // Final full check, as a read-only command sees it: library.json plus its journal.
    const reader = await ArchiveStore.open(dataDir, { readOnly: true });
    await verify(reader);
    await reader.close();
    // And every listed article file is whole and valid on its own.
    const library = LibraryFile.parse(JSON.parse(readFileSync(join(dataDir, LIBRARY_FILE), 'utf8')));
    for (const meta of library.articles) ArticleFile.parse(JSON.parse(readFileSync(join(dataDir, ARTICLES_DIR, `${meta.id}.json`), 'utf8')));
  });
});

describe('damaged files', () => {
  it('refuses to open a library.json with garbage in it, names it, and leaves its bytes alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-damaged-'));
    const path = join(dataDir, LIBRARY_FILE);
    const garbage = Buffer.from('{"schemaVersion":1,"articles":[{"id":\u0000\u00ff garbage');
    writeFileSync(path, garbage);
    await expect(ArchiveStore.open(dataDir)).rejects.toThrow(path);
    await expect(ArchiveStore.open(dataDir)).rejects.toMatchObject({ code: 'DAMAGED_FILE', file: path });
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('refuses a library.json that is valid JSON of the wrong shape', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-damaged-'));
    const path = join(dataDir, LIBRARY_FILE);
    const wrong = JSON.stringify({ schemaVersion: 1, articles: [{ id: 'x' }] });
    writeFileSync(path, wrong);
    await expect(ArchiveStore.open(dataDir)).rejects.toThrow(/does not match the Qirtas format at articles\.0/);
    expect(readFileSync(path, 'utf8')).toBe(wrong);
  });

  it('reports a damaged article file by name without rewriting it, while the rest of the archive works', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-damaged-'));
    const store = await ArchiveStore.open(dataDir);
    const { articleFromDraft } = await import('../../../../main/import/text-import.js');
    const good = articleFromDraft({ blocks: [{ kind: 'paragraph', text: 'نص سليم' }] }, 'test');
    const bad = articleFromDraft({ blocks: [{ kind: 'paragraph', text: 'نص سيتلف' }] }, 'test');
    await store.addArticles([good, bad]);
    const badPath = join(dataDir, ARTICLES_DIR, `${bad.meta.id}.json`);
    writeFileSync(badPath, '{"schemaVersion": 1, "id": "');
    await expect(store.readArticle(bad.meta.id)).rejects.toMatchObject({ code: 'DAMAGED_FILE', file: badPath });
    expect(readFileSync(badPath, 'utf8')).toBe('{"schemaVersion": 1, "id": "');
    expect((await store.readArticle(good.meta.id)).blocks[0]?.text).toBe('نص سليم');
    await store.close();
  });
});

describe('one writer per data folder', () => {
  let holder: ReturnType<typeof spawn> | undefined;
  afterAll(() => holder?.kill('SIGKILL'));

  it('refuses a second process with a message naming the holder, and allows it once the holder is gone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-lock-'));
    holder = spawn('node', [child, dataDir, 'hold'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder?.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
    await expect(ArchiveStore.open(dataDir)).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(ArchiveStore.open(dataDir)).rejects.toThrow(`pid ${holder.pid}`);
    // Read-only access (list, show, search) still works while the app is open.
    const reader = await ArchiveStore.open(dataDir, { readOnly: true });
    expect(reader.listMeta()).toEqual([]);
    await expect(reader.updateSettings({ locale: 'en' })).rejects.toMatchObject({ code: 'LOCKED' });
    await reader.close();

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder?.once('exit', resolve));
    const store = await ArchiveStore.open(dataDir);
    await store.close();
  });
});

describe('a failed save', () => {
  it('leaves memory as the files are, so a later save does not write the failed change', async () => {
    const { articleFromDraft } = await import('../../../../main/import/text-import.js');
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-failed-save-'));
    const store = await ArchiveStore.open(dataDir);
    const article = articleFromDraft({ blocks: [{ kind: 'paragraph', text: 'نص للاختبار' }] }, 'test');
    await store.addArticles([article]);
    // A failing journal append, as a full disk gives (root ignores folder permissions, so fail the write itself).
    const realAppend = JournalWriter.prototype.append;
    JournalWriter.prototype.append = () => Promise.reject(new Error('ENOSPC: no space left on device'));
    try {
      await expect(store.updateMeta(article.meta.id, (meta) => ({ ...meta, title: 'عنوان لم يُحفظ' }))).rejects.toThrow('ENOSPC');
      await expect(store.updateMetaMany([article.meta.id], (meta) => ({ ...meta, tags: ['لم يحفظ'] }))).rejects.toThrow('ENOSPC');
      expect(store.getMeta(article.meta.id).title).toBe(article.meta.title);
      expect(store.getMeta(article.meta.id).tags).toEqual([]);
    } finally {
      JournalWriter.prototype.append = realAppend;
    }
    await store.updateSettings({ locale: 'en' });
    // A failing rewrite of library.json (compaction): a folder in its place makes the rename fail.
    rmSync(join(dataDir, LIBRARY_FILE));
    mkdirSync(join(dataDir, LIBRARY_FILE));
    await expect(store.compact()).rejects.toThrow();
    rmSync(join(dataDir, LIBRARY_FILE), { recursive: true });
    await store.compact();
    await store.close();
    const reader = await ArchiveStore.open(dataDir, { readOnly: true });
    expect(reader.getMeta(article.meta.id).title).toBe(article.meta.title);
    expect(reader.getMeta(article.meta.id).tags).toEqual([]);
    expect(reader.settings.locale).toBe('en');
    await reader.close();
  });
});
