/**
 * No acknowledged change is lost to a concurrent one (issue 13, part 1), through
 * the dispatcher every host uses, on a real archive folder:
 * - the reported cases: 20 parallel addAnnotation on one article; a note edit
 *   racing a new highlight; a highlight added during a text edit; metadata
 *   changes racing each other — all present afterwards and after a restart;
 * - a fast-check property: random schedules of add/update/delete highlight,
 *   text edits and metadata changes, started with random delays so they overlap
 *   while earlier ones are still writing. Operations on one file are applied in
 *   the order they were called (the store's FIFO queues), so the expected final
 *   state is computed from the calls in that order: which ones must succeed
 *   (a highlight outside the text of its turn, or an edit of a deleted one, must
 *   fail), and the exact highlights, notes, colours, text and metadata at the
 *   end — checked live and again after the archive is closed and re-opened.
 *
 * Runs QIRTAS_INTERLEAVINGS schedules (default 150; the target run is
 * `QIRTAS_INTERLEAVINGS=10000 npx vitest run tests/unit/main/service/concurrent-writes.test.ts`,
 * about 25 minutes here).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation, FullArticle, ImportOutcome, WireResponse } from '../../../../common/api.js';
import { countWords } from '../../../../common/text/fingerprint.js';
import { parsePlainText } from '../../../../common/text/plain-text.js';
import { type ArticleMeta, canonicalText, HIGHLIGHT_COLORS, type HighlightColor } from '../../../../common/types/article.js';
import { type ArchiveApp, openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR, SEED_LINES } from '../../../support/seed.js';

const RUNS = Number(process.env.QIRTAS_INTERLEAVINGS ?? 150);
const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-concurrent-'));
let app: ArchiveApp;

const open = () => openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
beforeAll(async () => {
  app = await open();
});
afterAll(async () => {
  await app.close();
});

function value<T>(response: WireResponse): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

let articleNumber = 0;
/** A new article of real text, unique so it is never a duplicate. */
async function newArticle(): Promise<{ id: string; text: string }> {
  articleNumber += 1;
  const lines = [...SEED_LINES.slice(articleNumber % SEED_LINES.length), ...SEED_LINES.slice(0, articleNumber % SEED_LINES.length), `المقال رقم ${articleNumber}`];
  const outcome = value<ImportOutcome>(await app.dispatch('importText', { text: lines.join('\n') }));
  if (outcome.status !== 'imported') throw new Error('not imported');
  const article = value<FullArticle>(await app.dispatch('getArticle', { id: outcome.article.id }));
  return { id: outcome.article.id, text: canonicalText(article.blocks) };
}

/** A text edit: the same lines in another order, with one marker line, so lengths differ between variants. */
function variantText(seed: number, variant: number): string {
  const shift = (seed + variant * 3) % SEED_LINES.length;
  return [...SEED_LINES.slice(shift), ...SEED_LINES.slice(0, shift)].slice(0, 3 + variant).concat(`تعديل ${variant}`).join('\n');
}

describe('the reported races', () => {
  it('keeps all 20 highlights added in parallel to one article, also after a restart', async () => {
    const { id, text } = await newArticle();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => app.dispatch('addAnnotation', { articleId: id, start: index * 10, end: index * 10 + 6, color: HIGHLIGHT_COLORS[index % 5], note: `ملاحظة ${index}` })),
    );
    expect(responses.every((response) => response.ok)).toBe(true);
    const ids = responses.map((response) => value<AnchoredAnnotation>(response).id).sort();
    expect(text.length).toBeGreaterThan(200);
    const stored = value<FullArticle>(await app.dispatch('getArticle', { id }));
    expect(stored.annotations.map((annotation) => annotation.id).sort()).toEqual(ids);
    await app.close();
    app = await open();
    const reopened = value<FullArticle>(await app.dispatch('getArticle', { id }));
    expect(reopened.annotations.map((annotation) => annotation.id).sort()).toEqual(ids);
    expect(reopened.annotations.map((annotation) => annotation.note).sort()).toEqual(Array.from({ length: 20 }, (_, index) => `ملاحظة ${index}`).sort());
  });

  it('keeps a note edit that races a new highlight, and a highlight added during a text edit', async () => {
    const { id } = await newArticle();
    const first = value<AnchoredAnnotation>(await app.dispatch('addAnnotation', { articleId: id, start: 0, end: 8, color: 'yellow' }));
    const [edit, added] = await Promise.all([
      app.dispatch('updateAnnotation', { articleId: id, annotationId: first.id, patch: { note: 'ملاحظة سريعة' } }),
      app.dispatch('addAnnotation', { articleId: id, start: 20, end: 30, color: 'green' }),
    ]);
    expect(edit.ok && added.ok).toBe(true);
    const newText = variantText(1, 2);
    const [during, textEdit] = await Promise.all([
      app.dispatch('addAnnotation', { articleId: id, start: 40, end: 50, color: 'blue', note: 'أثناء التحرير' }),
      app.dispatch('updateArticleText', { id, text: newText }),
    ]);
    expect(during.ok && textEdit.ok).toBe(true);
    await app.close();
    app = await open();
    const stored = value<FullArticle>(await app.dispatch('getArticle', { id }));
    expect(canonicalText(stored.blocks)).toBe(canonicalText(parsePlainText(newText)));
    expect(stored.annotations.map((annotation) => annotation.id).sort()).toEqual([first.id, value<AnchoredAnnotation>(added).id, value<AnchoredAnnotation>(during).id].sort());
    expect(stored.annotations.find((annotation) => annotation.id === first.id)?.note).toBe('ملاحظة سريعة');
  });

  it('keeps every one of several metadata changes racing each other', async () => {
    const { id } = await newArticle();
    const other = await newArticle();
    const responses = await Promise.all([
      app.dispatch('updateArticle', { id, patch: { title: 'عنوان جديد' } }),
      app.dispatch('updateArticle', { id, patch: { source: 'الجزيرة نت' } }),
      app.dispatch('updateArticle', { id, patch: { author: 'كاتب المقال' } }),
      app.dispatch('updateArticle', { id: other.id, patch: { tags: ['سوريا', 'درعا'] } }),
      app.dispatch('trashArticle', { id: other.id }),
    ]);
    expect(responses.every((response) => response.ok)).toBe(true);
    await app.close();
    app = await open();
    const metas = value<ArticleMeta[]>(await app.dispatch('listArticles', { view: 'library' }));
    expect(metas.find((meta) => meta.id === id)).toMatchObject({ title: 'عنوان جديد', source: 'الجزيرة نت', author: 'كاتب المقال' });
    const trashed = value<ArticleMeta[]>(await app.dispatch('listArticles', { view: 'trash' }));
    expect(trashed.find((meta) => meta.id === other.id)).toMatchObject({ tags: ['سوريا', 'درعا'] });
    expect(trashed.find((meta) => meta.id === other.id)?.trashedAt).not.toBeNull();
  });
});

describe('a delete for good racing a restore from the trash', () => {
  it('is judged on the article as the restore left it: refused, and the article stays', async () => {
    const { id } = await newArticle();
    value(await app.dispatch('trashArticle', { id }));
    const [restored, deleted] = await Promise.all([app.dispatch('restoreArticle', { id }), app.dispatch('deleteArticle', { id })]);
    expect(restored.ok).toBe(true);
    expect(deleted).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(value<ArticleMeta[]>(await app.dispatch('listArticles', { view: 'library' })).some((meta) => meta.id === id)).toBe(true);
    expect(value<FullArticle>(await app.dispatch('getArticle', { id })).blocks.length).toBeGreaterThan(0);
  });
});

// ---- the property ----------------------------------------------------------

type Op =
  | { kind: 'add'; at: number; span: number; color: HighlightColor; note: string }
  | { kind: 'update'; pick: number; note: string | null; color: HighlightColor | null }
  | { kind: 'delete'; pick: number }
  | { kind: 'text'; variant: number }
  | { kind: 'meta'; title: string | null; tags: string[] | null; source: string | null };

const NOTES = ['', 'ملاحظة', 'دليل على الادعاء', 'سؤال مفتوح'];
const color = fc.constantFrom(...HIGHLIGHT_COLORS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.double({ min: 0, max: 0.99, noNaN: true }), span: fc.integer({ min: 1, max: 60 }), color, note: fc.constantFrom(...NOTES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), note: fc.option(fc.constantFrom(...NOTES)), color: fc.option(color) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), variant: fc.integer({ min: 0, max: 5 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('meta' as const),
      title: fc.option(fc.constantFrom('عنوان أول', 'عنوان ثان', 'عنوان ثالث')),
      tags: fc.option(fc.subarray(['سوريا', 'درعا', 'السويداء', 'اقتصاد'])),
      source: fc.option(fc.constantFrom('الجزيرة', 'بي بي سي', '')),
    }),
  },
);
const scheduleArb = fc.array(fc.array(fc.record({ op: opArb, delay: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 });

interface Model {
  id: string;
  seed: number;
  text: string;
  annotations: Map<string, { note: string; color: HighlightColor }>;
  title: string | null;
  tags: string[];
  source: string;
}

/** Starts one batch: each call after its delay; returns the calls in the order they were made, with their responses. */
async function runBatch(model: Model, batch: ReadonlyArray<{ op: Op; delay: number }>): Promise<Array<{ op: Op; args: Record<string, unknown>; response: WireResponse }>> {
  const known = [...model.annotations.keys()];
  const textLength = model.text.length;
  const started: Array<{ op: Op; args: Record<string, unknown>; response: Promise<WireResponse> }> = [];
  const call = (op: Op) => {
    let operation: string;
    let args: Record<string, unknown>;
    const target = (pick: number) => (known.length > 0 ? (known[pick % known.length] as string) : 'no-such-highlight');
    switch (op.kind) {
      case 'add': {
        const start = Math.floor(op.at * textLength);
        operation = 'addAnnotation';
        args = { articleId: model.id, start, end: start + op.span, color: op.color, note: op.note };
        break;
      }
      case 'update':
        operation = 'updateAnnotation';
        args = { articleId: model.id, annotationId: target(op.pick), patch: { ...(op.note !== null ? { note: op.note } : {}), ...(op.color !== null ? { color: op.color } : {}) } };
        break;
      case 'delete':
        operation = 'deleteAnnotation';
        args = { articleId: model.id, annotationId: target(op.pick) };
        break;
      case 'text':
        operation = 'updateArticleText';
        args = { id: model.id, text: variantText(model.seed, op.variant) };
        break;
      case 'meta':
        operation = 'updateArticle';
        args = { id: model.id, patch: { ...(op.title !== null ? { title: op.title } : {}), ...(op.tags !== null ? { tags: op.tags } : {}), ...(op.source !== null ? { source: op.source } : {}) } };
        break;
    }
    started.push({ op, args, response: app.dispatch(operation, args) });
  };
  await Promise.all(
    batch.map(({ op, delay }) => {
      if (delay === 0) {
        call(op);
        return undefined;
      }
      // Some start a few milliseconds later, while earlier writes are in flight.
      return new Promise<void>((resolve) => setTimeout(() => (call(op), resolve()), delay - 1));
    }),
  );
  return Promise.all(started.map(async (entry) => ({ ...entry, response: await entry.response })));
}

/** Applies the calls in the order they were made; says which must succeed, and checks that they did. */
function applyToModel(model: Model, calls: Awaited<ReturnType<typeof runBatch>>): void {
  for (const { op, args, response } of calls) {
    let expectOk: boolean;
    switch (op.kind) {
      case 'add':
        expectOk = (args.end as number) <= model.text.length;
        if (expectOk && response.ok) model.annotations.set((response.value as AnchoredAnnotation).id, { note: op.note, color: op.color });
        break;
      case 'update': {
        const current = model.annotations.get(args.annotationId as string);
        expectOk = current !== undefined;
        if (current) model.annotations.set(args.annotationId as string, { note: op.note ?? current.note, color: op.color ?? current.color });
        break;
      }
      case 'delete':
        expectOk = model.annotations.delete(args.annotationId as string);
        break;
      case 'text':
        expectOk = true;
        model.text = canonicalText(parsePlainText(args.text as string));
        break;
      case 'meta':
        expectOk = true;
        if (op.title !== null) model.title = op.title;
        if (op.tags !== null) model.tags = op.tags;
        if (op.source !== null) model.source = op.source;
        break;
    }
    expect(response.ok, `${op.kind} ${JSON.stringify(args).slice(0, 200)} → ${JSON.stringify(response).slice(0, 300)}`).toBe(expectOk);
  }
}

async function checkAgainstModel(model: Model): Promise<void> {
  const article = value<FullArticle>(await app.dispatch('getArticle', { id: model.id }));
  expect(canonicalText(article.blocks)).toBe(model.text);
  const stored = new Map(article.annotations.map((annotation) => [annotation.id, { note: annotation.note, color: annotation.color }]));
  expect(stored).toEqual(model.annotations);
  if (model.title !== null) expect(article.meta.title).toBe(model.title);
  expect(article.meta.tags).toEqual(model.tags);
  expect(article.meta.source).toBe(model.source);
  expect(article.meta.wordCount).toBe(countWords(model.text));
}

describe('random concurrent interleavings through the dispatcher', () => {
  const models: Model[] = [];

  it(`loses no acknowledged change in ${RUNS} random schedules`, { timeout: Math.max(300_000, RUNS * 1_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async (schedule) => {
        const { id, text } = await newArticle();
        const model: Model = { id, seed: articleNumber, text, annotations: new Map(), title: null, tags: [], source: '' };
        models.push(model);
        for (const batch of schedule) applyToModel(model, await runBatch(model, batch));
        await checkAgainstModel(model);
      }),
      { numRuns: RUNS },
    );
    expect(models.length).toBeGreaterThanOrEqual(RUNS);
  });

  it('and every schedule reads the same after the archive is closed and opened again', { timeout: 300_000 }, async () => {
    await app.close();
    app = await open();
    // Only the last model of each article counts (fast-check may shrink and re-run on a failure).
    const last = new Map(models.map((model) => [model.id, model]));
    for (const model of last.values()) await checkAgainstModel(model);
    expect(last.size).toBeGreaterThan(0);
  });
});
