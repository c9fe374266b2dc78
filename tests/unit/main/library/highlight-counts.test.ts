/**
 * Archives saved before issue 10 have no highlight counts in their metadata: the
 * library counts them from the article files (sort and facet right away) and
 * saves the counts, so the next start reads them from the metadata.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListLibraryResult } from '../../../../common/api.js';
import { callOk, openAt } from './library-fixture.js';

function oldArchive(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-old-archive-'));
  mkdirSync(join(dataDir, 'articles'));
  const now = '2024-05-01T10:00:00.000Z';
  const highlight = (id: string, start: number) => ({
    id,
    target: { selector: [{ type: 'TextPositionSelector', start, end: start + 4 }] },
    color: 'yellow',
    note: '',
    tags: [],
    created: now,
    modified: now,
  });
  const articles = [
    { id: 'old-a', title: 'بيروت بعد الانفجار', text: 'نص المقالة الأولى عن بيروت', annotations: [] },
    { id: 'old-b', title: 'أزمة المياه', text: 'نص المقالة الثانية عن المياه في العراق', annotations: [highlight('h1', 0), highlight('h2', 10)] },
  ];
  for (const article of articles) {
    writeFileSync(join(dataDir, 'articles', `${article.id}.json`), JSON.stringify({ schemaVersion: 1, id: article.id, blocks: [{ kind: 'paragraph', text: article.text }], annotations: article.annotations }));
  }
  const metas = articles.map((article) => ({
    id: article.id,
    title: article.title,
    importedAt: now,
    updatedAt: now,
    contentHash: `hash-${article.id}`,
    wordCount: 5,
  }));
  writeFileSync(join(dataDir, 'library.json'), JSON.stringify({ schemaVersion: 1, articles: metas }));
  return dataDir;
}

describe('highlight counts of an archive from before issue 10', () => {
  it('are counted from the files for sorting and facets, and saved for the next start', async () => {
    const dataDir = oldArchive();
    const app = await openAt(dataDir);
    expect(app.store.getMeta('old-b').highlightCount).toBeUndefined();
    const listed = await callOk<ListLibraryResult>(app, 'listLibrary', { sort: { field: 'highlights', direction: 'desc' }, facets: true });
    expect(listed.rows.map((row) => [row.id, row.highlightCount])).toEqual([
      ['old-b', 2],
      ['old-a', 0],
    ]);
    expect(listed.facets?.hasHighlights).toEqual({ with: 1, without: 1 });
    await app.close();

    const reopened = await openAt(dataDir);
    expect(reopened.store.getMeta('old-b').highlightCount).toBe(2);
    expect(reopened.store.getMeta('old-a').highlightCount).toBe(0);
    await reopened.close();
  });
});
