/**
 * JSON export in the W3C Web Annotation model, read back: exported from a real
 * archive (the seed article with highlights made by the service), imported into
 * a fresh archive through the service, it gives the same articles and the same
 * annotations — quotes, positions, colours, notes, tags, ids, timestamps.
 * Importing it again adds nothing; into an archive that already has the text,
 * the highlights join the existing article.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile, FullArticle, ImportJsonReport, ImportOutcome } from '../../../../common/api.js';
import type { ArticleMeta } from '../../../../common/types/article.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR } from '../../../support/seed.js';
import { buildNotesArchive, call, type NotesArchive, SEED_HIGHLIGHTS } from './archive-with-notes.js';

let source: NotesArchive;
let exported: ExportFile;

beforeAll(async () => {
  source = await buildNotesArchive();
  exported = await call<ExportFile>(source.app, 'exportNotes', { scope: { kind: 'all' }, format: 'json' });
});
afterAll(async () => {
  await source.app.close();
});

const fresh = () => openArchiveApp({ dataDir: mkdtempSync(join(tmpdir(), 'qirtas-json-')), assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });

describe('JSON export (W3C Web Annotation)', () => {
  it('is an AnnotationCollection of Annotations with quote and position selectors, notes and tags as bodies', () => {
    expect(exported.mimeType).toContain('application/ld+json');
    const collection = JSON.parse(Buffer.from(exported.data, 'base64').toString('utf8'));
    expect(collection['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(SEED_HIGHLIGHTS.length + 1);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON-LD document, checked field by field below
    const items = collection.first.items as Array<Record<string, any>>;
    expect(items).toHaveLength(SEED_HIGHLIGHTS.length + 1);
    for (const item of items) {
      expect(item.type).toBe('Annotation');
      expect(item.id).toMatch(/^urn:uuid:/);
      expect(item.target.source).toMatch(/^urn:qirtas:article:/);
      expect(item.target.selector.map((selector: { type: string }) => selector.type).sort()).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
    }
    const withNote = items.find((item) => item.target.selector.some((s: { exact?: string }) => s.exact === SEED_HIGHLIGHTS[0]?.phrase));
    expect(withNote?.motivation).toBe('commenting');
    expect(withNote?.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', value: SEED_HIGHLIGHTS[0]?.note }),
        expect.objectContaining({ purpose: 'tagging', value: 'تقدم المعارضة' }),
      ]),
    );
  });

  it('imports back into a fresh archive with identical articles and annotations', async () => {
    const target = await fresh();
    try {
      const report = await call<ImportJsonReport>(target, 'importAnnotationsJson', { name: exported.fileName, data: exported.data });
      expect(report).toEqual({ articlesAdded: 2, articlesMerged: 0, annotationsAdded: SEED_HIGHLIGHTS.length + 1, annotationsSkipped: 0, orphans: 0 });

      const before = await call<ArticleMeta[]>(source.app, 'listArticles', {});
      const after = await call<ArticleMeta[]>(target, 'listArticles', {});
      expect(after).toEqual(before);
      for (const meta of before) {
        const original = await call<FullArticle>(source.app, 'getArticle', { id: meta.id });
        const restored = await call<FullArticle>(target, 'getArticle', { id: meta.id });
        expect(restored).toEqual(original);
        // The stored files too: same blocks, same selectors, ids, timestamps.
        const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'articles', `${meta.id}.json`), 'utf8'));
        expect(read(target.store.dataDir)).toEqual(read(source.dataDir));
      }
      const seed = await call<FullArticle>(target, 'getArticle', { id: source.seedId });
      expect(seed.annotations.map((annotation) => [annotation.quote, annotation.color, annotation.note, annotation.tags])).toEqual(
        SEED_HIGHLIGHTS.map((planned) => [planned.phrase, planned.color, planned.note ?? '', planned.tags ?? []]),
      );
      // The notes list and the search see them.
      expect((await call<unknown[]>(target, 'listAnnotations', {})).length).toBe(SEED_HIGHLIGHTS.length + 1);
      expect((await target.service.search({ query: 'حافظ الأسد', limit: 5, exact: false, prefix: false })).results.map((hit) => hit.id)).toContain(source.seedId);

      const again = await call<ImportJsonReport>(target, 'importAnnotationsJson', { name: exported.fileName, data: exported.data });
      expect(again).toMatchObject({ articlesAdded: 0, articlesMerged: 2, annotationsAdded: 0, annotationsSkipped: SEED_HIGHLIGHTS.length + 1 });
    } finally {
      await target.close();
    }
  });

  it('adds the highlights to an article already in the archive (same text, other id)', async () => {
    const target = await fresh();
    try {
      const sample = await call<ImportOutcome>(target, 'importSample', {});
      const id = sample.status === 'imported' ? sample.article.id : '';
      const report = await call<ImportJsonReport>(target, 'importAnnotationsJson', { name: 'notes.json', data: exported.data });
      expect(report).toMatchObject({ articlesAdded: 1, articlesMerged: 1, annotationsAdded: SEED_HIGHLIGHTS.length + 1, orphans: 0 });
      const article = await call<FullArticle>(target, 'getArticle', { id });
      expect(article.annotations.map((annotation) => annotation.quote)).toEqual(SEED_HIGHLIGHTS.map((planned) => planned.phrase));
      expect(article.annotations.every((annotation) => annotation.anchor.status === 'anchored')).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not an annotation export, naming it, and adds nothing', async () => {
    const target = await fresh();
    try {
      const bad = await target.dispatch('importAnnotationsJson', { name: 'other.json', data: Buffer.from('{"type":"Something"}').toString('base64') });
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('other.json') } });
      const notJson = await target.dispatch('importAnnotationsJson', { name: 'x.json', data: Buffer.from('<html>').toString('base64') });
      expect(notJson).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await call<unknown[]>(target, 'listArticles', {})).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
