/**
 * The Notes view's first listing over a whole archive (issue 10 scale): only the
 * article files that hold highlights are parsed (a file that plainly holds none
 * is recognised from its ending), files written by another writer (pretty-printed)
 * are still read in full, and a note saved while the first scan runs is listed.
 * Real data folder, real dataset import, through the dispatcher.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportFileResult, ListLibraryResult, NoteEntry } from '../../../../common/api.js';
import type { ArchiveApp } from '../../../../main/service/archive-app.js';
import { libraryRecords } from '../../../support/library-archive.js';
import { callOk as call, openAt as open } from '../library/library-fixture.js';

type App = ArchiveApp;
const opened: App[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

/** An archive of `count` dataset articles; their ids in title order. */
async function archiveOf(count: number): Promise<{ dataDir: string; ids: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-notes-scan-'));
  const app = await open(dataDir);
  const data = Buffer.from(`${libraryRecords(count, 5).map((record) => JSON.stringify(record)).join('\n')}\n`).toString('base64');
  await call<ImportFileResult>(app, 'importFile', { name: 'library.jsonl', data });
  const listed = await call<ListLibraryResult>(app, 'listLibrary', { sort: { field: 'title', direction: 'asc' }, limit: count });
  await app.close();
  return { dataDir, ids: listed.rows.map((row) => row.id) };
}

async function highlightFirstWord(app: App, id: string, note: string): Promise<void> {
  const article = await call<{ blocks: Array<{ text: string }> }>(app, 'getArticle', { id });
  const first = (article.blocks[0]?.text ?? '').split(' ')[0] ?? '';
  await call(app, 'addAnnotation', { articleId: id, start: 0, end: first.length, color: 'green', note, tags: [] });
}

const notesOf = (entries: NoteEntry[]) => entries.map((entry) => `${entry.article.id}:${entry.annotation.note}`).sort();

describe('the first Notes listing over the whole archive', () => {
  it('parses only the files that hold highlights, and lists exactly their notes', async () => {
    const { dataDir, ids } = await archiveOf(400);
    const writer = await open(dataDir);
    const [a, b, c] = ids as [string, string, string];
    await highlightFirstWord(writer, a, 'أ');
    await highlightFirstWord(writer, b, 'ب');
    await writer.close();
    // Another writer's spacing: one file with a note and one without, both pretty-printed.
    for (const id of [b, c]) {
      const path = join(dataDir, 'articles', `${id}.json`);
      writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8')), null, 2));
    }

    const app = await open(dataDir);
    opened.push(app);
    const reads = vi.spyOn(app.store, 'readArticle');
    const notes = await call<NoteEntry[]>(app, 'listAnnotations', {});
    expect(notesOf(notes)).toEqual([`${a}:أ`, `${b}:ب`].sort());
    // a (ours, with a note), b and c (pretty-printed): parsed; the other 397 recognised from their ending.
    expect(reads.mock.calls.map(([id]) => id).sort()).toEqual([a, b, c].sort());
  });

  it('lists a note saved while the first scan is running', async () => {
    const { dataDir, ids } = await archiveOf(300);
    const app = await open(dataDir);
    opened.push(app);
    const target = ids[0] as string;
    // The scan reads the target's file (no highlight yet) and is held there until the note is saved.
    const original = app.store.mayHoldAnnotations.bind(app.store);
    let targetRead!: () => void;
    const read = new Promise<void>((resolve) => (targetRead = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(app.store, 'mayHoldAnnotations').mockImplementation(async (id: string) => {
      const answer = await original(id);
      if (id === target) {
        targetRead();
        await gate;
      }
      return answer;
    });
    const scanning = call<NoteEntry[]>(app, 'listAnnotations', {});
    await read;
    await highlightFirstWord(app, target, 'أثناء المسح');
    release();
    expect(notesOf(await scanning)).toEqual([`${target}:أثناء المسح`]);
    expect(notesOf(await call<NoteEntry[]>(app, 'listAnnotations', {}))).toEqual([`${target}:أثناء المسح`]);
  });
});
