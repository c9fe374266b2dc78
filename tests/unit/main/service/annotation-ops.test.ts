/**
 * Highlights and notes through the dispatcher, as every host calls them, on a real
 * data folder with the real seed article: add, edit, delete and restore; grapheme
 * snapping; a highlight across paragraphs; editing the text with insertions before,
 * inside and after a highlight and a deletion that orphans one (kept and listed);
 * the Notes filters; and saving an annotation never rewriting library.json.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation, FullArticle, ImportOutcome, NoteEntry } from '../../../../common/api.js';
import type { Annotation } from '../../../../common/types/article.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR, SEED_LINES } from '../../../support/seed.js';

type App = Awaited<ReturnType<typeof openArchiveApp>>;
const CANONICAL = SEED_LINES.join('\n\n');
const open = (dataDir: string) => openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
const opened: App[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

async function call<T>(app: App, operation: string, args: unknown): Promise<T> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

async function withSample(dataDir = mkdtempSync(join(tmpdir(), 'qirtas-notes-'))): Promise<{ app: App; id: string; dataDir: string }> {
  const app = await open(dataDir);
  opened.push(app);
  const outcome = await call<ImportOutcome>(app, 'importSample', {});
  if (outcome.status !== 'imported') throw new Error('the sample was not imported');
  return { app, id: outcome.article.id, dataDir };
}

function rangeOf(phrase: string, text = CANONICAL, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

function placed(annotation: AnchoredAnnotation): { start: number; end: number } {
  if (annotation.anchor.status !== 'anchored') throw new Error(`annotation ${annotation.id} is an orphan`);
  return { start: annotation.anchor.start, end: annotation.anchor.end };
}

const plainText = (lines: readonly string[]) => lines.join('\n');

describe('annotation operations', () => {
  it('adds, updates, deletes and restores a highlight, and keeps it across a reopen', async () => {
    const { app, id, dataDir } = await withSample();
    const phrase = 'قوات سوريا الديمقراطية';
    const added = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, ...rangeOf(phrase), color: 'blue', note: 'فاعل', tags: ['قسد', 'قسد', 'شرق'] });
    expect(added).toMatchObject({ color: 'blue', note: 'فاعل', tags: ['قسد', 'شرق'], quote: phrase, anchor: { status: 'anchored', ...rangeOf(phrase) } });
    expect(added.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: phrase, prefix: CANONICAL.slice(rangeOf(phrase).start - 32, rangeOf(phrase).start), suffix: CANONICAL.slice(rangeOf(phrase).end, rangeOf(phrase).end + 32) },
      { type: 'TextPositionSelector', ...rangeOf(phrase) },
    ]);

    const updated = await call<AnchoredAnnotation>(app, 'updateAnnotation', { articleId: id, annotationId: added.id, patch: { color: 'green', note: 'دليل على الانتشار', tags: ['قسد'] } });
    expect(updated).toMatchObject({ id: added.id, color: 'green', note: 'دليل على الانتشار', tags: ['قسد'], created: added.created });
    expect(updated.modified >= added.modified).toBe(true);

    const removed = await call<Annotation>(app, 'deleteAnnotation', { articleId: id, annotationId: added.id });
    expect(removed).toMatchObject({ id: added.id, color: 'green', note: 'دليل على الانتشار' });
    expect((await call<FullArticle>(app, 'getArticle', { id })).annotations).toEqual([]);

    const restored = await call<AnchoredAnnotation>(app, 'restoreAnnotation', { articleId: id, annotation: removed });
    expect(restored).toMatchObject({ id: added.id, quote: phrase, anchor: { status: 'anchored', ...rangeOf(phrase) } });
    // Restoring the same highlight twice is refused, as data.
    expect(await app.dispatch('restoreAnnotation', { articleId: id, annotation: removed })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.dispatch('updateAnnotation', { articleId: id, annotationId: 'nope', patch: { note: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.dispatch('addAnnotation', { articleId: id, start: 10, end: CANONICAL.length + 1, color: 'yellow' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(await app.dispatch('addAnnotation', { articleId: id, start: 10, end: 20, color: 'orange' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });

    await app.close();
    opened.splice(opened.indexOf(app), 1);
    const again = await open(dataDir);
    opened.push(again);
    const article = await call<FullArticle>(again, 'getArticle', { id });
    expect(article.annotations).toHaveLength(1);
    expect(article.annotations[0]).toMatchObject({ id: added.id, color: 'green', note: 'دليل على الانتشار', tags: ['قسد'], quote: phrase });
  });

  it('snaps a selection so a diacritic never leaves its letter, and works on the unvoweled seed too', async () => {
    const { app, id } = await withSample();
    const word = rangeOf('تعدّان');
    // Ends between the dal and its shadda: the shadda comes along.
    const snapped = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, start: word.start, end: word.start + 3, color: 'pink' });
    expect(snapped.quote).toBe('تعدّ');
    expect(placed(snapped)).toEqual({ start: word.start, end: word.start + 4 });
    // Starts on the shadda itself: moved back to the letter.
    const fromMark = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, start: word.start + 3, end: word.end, color: 'pink' });
    expect(fromMark.quote).toBe('دّان');

    // A voweled text: every mark stays with its letter.
    const voweled = 'قَالَ المُرَاسِلُ إِنَّ المُعَارَضَةَ سَيْطَرَتْ عَلَى مَدِينَةِ حِمْصَ.';
    const outcome = await call<ImportOutcome>(app, 'importText', { text: voweled });
    const other = outcome.status === 'imported' ? outcome.article.id : '';
    const inside = voweled.indexOf('حِمْصَ');
    const cut = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: other, start: inside, end: inside + 3, color: 'yellow' });
    expect(cut.quote).toBe('حِمْ');
    const whole = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: other, start: inside + 1, end: inside + 5, color: 'yellow' });
    expect(whole.quote).toBe('حِمْصَ');
  });

  it('highlights across paragraphs (over a heading) and anchors them back', async () => {
    const { app, id } = await withSample();
    const start = rangeOf('في حين نفت').start;
    const end = rangeOf('كامل مدينة درعا').end;
    const across = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, start, end, color: 'purple' });
    expect(across.quote).toBe(CANONICAL.slice(start, end));
    expect(across.quote).toContain(`\n\n${SEED_LINES[1]}\n\n`);
    const article = await call<FullArticle>(app, 'getArticle', { id });
    expect(placed(article.annotations[0] as AnchoredAnnotation)).toEqual({ start, end });
  });

  it('overlapping highlights are kept apart and returned in text order', async () => {
    const { app, id } = await withSample();
    const outer = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, ...rangeOf('السورية المسلحة تقدمها'), color: 'yellow' });
    const inner = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, ...rangeOf('المسلحة'), color: 'blue' });
    const first = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, ...rangeOf('أعلنت'), color: 'green' });
    const article = await call<FullArticle>(app, 'getArticle', { id });
    expect(article.annotations.map((annotation) => annotation.id)).toEqual([first.id, outer.id, inner.id]);
  });

  it('follows edits of the text: insertions before, inside and after; a deleted passage is an orphan, kept and listed', async () => {
    const { app, id } = await withSample();
    const phrase = 'نداء قالت إنه الأخير لقوات النظام';
    const followed = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, ...rangeOf(phrase), color: 'yellow', note: 'نداء' });
    const doomedPhrase = 'قصف بقذائف المدفعية مشفى ميدانيا';
    const doomed = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, ...rangeOf(doomedPhrase), color: 'green', note: 'رواية رسمية', tags: ['إعلام'] });
    const last = 'تمثال الرئيس السوري الراحل';
    const tail = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, ...rangeOf(last), color: 'blue' });
    const byId = (article: FullArticle, annotationId: string) => article.annotations.find((annotation) => annotation.id === annotationId) as AnchoredAnnotation;

    // Before: a new opening sentence shifts everything by its length.
    const opening = 'جملة جديدة في أول المقال. ';
    let lines = [opening + SEED_LINES[0], ...SEED_LINES.slice(1)];
    let article = await call<FullArticle>(app, 'updateArticleText', { id, text: plainText(lines) });
    let text = lines.join('\n\n');
    expect(placed(byId(article, followed.id))).toEqual({ start: rangeOf(phrase).start + opening.length, end: rangeOf(phrase).end + opening.length });
    expect(text.slice(placed(byId(article, followed.id)).start, placed(byId(article, followed.id)).end)).toBe(phrase);

    // Inside: a word added in the middle of the highlighted phrase; the highlight still covers it.
    lines = lines.map((line) => line.replace('قالت إنه الأخير', 'قالت إنه النهائي الأخير'));
    article = await call<FullArticle>(app, 'updateArticleText', { id, text: plainText(lines) });
    text = lines.join('\n\n');
    const inside = placed(byId(article, followed.id));
    expect(text.slice(inside.start, inside.end)).toBe('نداء قالت إنه النهائي الأخير لقوات النظام');
    expect(byId(article, followed.id).quote).toBe('نداء قالت إنه النهائي الأخير لقوات النظام');

    // After: text appended after the last highlight changes nothing before it.
    const before = placed(byId(article, tail.id));
    lines = [...lines, 'فقرة أخيرة أضيفت بعد كل شيء.'];
    article = await call<FullArticle>(app, 'updateArticleText', { id, text: plainText(lines) });
    expect(placed(byId(article, tail.id))).toEqual(before);
    expect(placed(byId(article, followed.id))).toEqual(inside);

    // Deletion: the paragraph holding a highlight goes away; the highlight stays, as an orphan, with its quote and note.
    lines = lines.filter((line) => !line.includes(doomedPhrase));
    article = await call<FullArticle>(app, 'updateArticleText', { id, text: plainText(lines) });
    const orphan = byId(article, doomed.id);
    expect(orphan).toMatchObject({ anchor: { status: 'orphan' }, quote: doomedPhrase, note: 'رواية رسمية', tags: ['إعلام'] });
    // Orphans are listed last.
    expect(article.annotations.at(-1)?.id).toBe(doomed.id);
    const reread = await call<FullArticle>(app, 'getArticle', { id });
    expect(byId(reread, doomed.id).anchor.status).toBe('orphan');
    const listed = await call<NoteEntry[]>(app, 'listAnnotations', { articleId: id });
    expect(listed.find((entry) => entry.annotation.id === doomed.id)?.annotation).toMatchObject({ anchor: { status: 'orphan' }, quote: doomedPhrase });
    expect(article.meta.wordCount).toBeGreaterThan(0);
  });

  it('lists notes across the archive with filters: colour, tag, article, dates and folded text', async () => {
    const { app, id } = await withSample();
    await call(app, 'addAnnotation', { articleId: id, ...rangeOf('معبر نصيب الحدودي'), color: 'pink', note: 'منفذ مع الأردن', tags: ['حدود'] });
    await call(app, 'addAnnotation', { articleId: id, ...rangeOf('قوات سوريا الديمقراطية'), color: 'blue', tags: ['فاعلون'] });
    const secondText = SEED_LINES.slice(11).join('\n');
    const outcome = await call<ImportOutcome>(app, 'importText', { text: secondText, title: 'عمليات الجنوب' });
    const second = outcome.status === 'imported' ? outcome.article.id : '';
    await call(app, 'addAnnotation', { articleId: second, ...rangeOf('تمثال الرئيس', SEED_LINES.slice(11).join('\n\n')), color: 'blue', tags: ['رموز', 'فاعلون'] });

    const ids = (entries: NoteEntry[]) => entries.map((entry) => entry.annotation.quote).sort();
    expect(await call<NoteEntry[]>(app, 'listAnnotations', {})).toHaveLength(3);
    expect(ids(await call<NoteEntry[]>(app, 'listAnnotations', { color: 'blue' }))).toEqual(['تمثال الرئيس', 'قوات سوريا الديمقراطية']);
    expect(ids(await call<NoteEntry[]>(app, 'listAnnotations', { tag: 'حدود' }))).toEqual(['معبر نصيب الحدودي']);
    expect(ids(await call<NoteEntry[]>(app, 'listAnnotations', { tag: 'فاعلون', articleId: second }))).toEqual(['تمثال الرئيس']);
    // Folded: «الاردن» finds the note «منفذ مع الأردن»; words of the quote are searched too.
    expect(ids(await call<NoteEntry[]>(app, 'listAnnotations', { text: 'الاردن' }))).toEqual(['معبر نصيب الحدودي']);
    expect(ids(await call<NoteEntry[]>(app, 'listAnnotations', { text: 'تمثال' }))).toEqual(['تمثال الرئيس']);
    const today = new Date().toISOString().slice(0, 10);
    expect(await call<NoteEntry[]>(app, 'listAnnotations', { from: today, to: today })).toHaveLength(3);
    expect(await call<NoteEntry[]>(app, 'listAnnotations', { from: '2999-01-01' })).toHaveLength(0);
    expect(await call<NoteEntry[]>(app, 'listAnnotations', { to: '2000-01-01' })).toHaveLength(0);
    const entry = (await call<NoteEntry[]>(app, 'listAnnotations', { articleId: second }))[0] as NoteEntry;
    expect(entry.article).toMatchObject({ id: second, title: 'عمليات الجنوب' });

    // An article in the trash keeps its notes, but they are not listed.
    await call(app, 'trashArticle', { id: second });
    expect(await call<NoteEntry[]>(app, 'listAnnotations', {})).toHaveLength(2);
  });

  it('saving, editing, deleting and restoring a highlight writes the article file only, never library.json', async () => {
    const { app, id, dataDir } = await withSample();
    const library = join(dataDir, 'library.json');
    const articleFile = join(dataDir, 'articles', `${id}.json`);
    const bytes = readFileSync(library);
    const mtime = statSync(library).mtimeMs;
    const articleBefore = statSync(articleFile).mtimeMs;
    // Give a rewrite a chance to show in the mtime.
    await new Promise((resolve) => setTimeout(resolve, 20));

    const added = await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: id, ...rangeOf('دير الزور'), color: 'pink' });
    await call(app, 'updateAnnotation', { articleId: id, annotationId: added.id, patch: { note: 'مكان', tags: ['شرق'] } });
    const removed = await call<Annotation>(app, 'deleteAnnotation', { articleId: id, annotationId: added.id });
    await call(app, 'restoreAnnotation', { articleId: id, annotation: removed });
    await call(app, 'listAnnotations', { tag: 'شرق' });

    expect(readFileSync(library).equals(bytes)).toBe(true);
    expect(statSync(library).mtimeMs).toBe(mtime);
    expect(statSync(articleFile).mtimeMs).toBeGreaterThan(articleBefore);
    const stored = JSON.parse(readFileSync(articleFile, 'utf8')) as { annotations: Annotation[] };
    expect(stored.annotations).toHaveLength(1);
    expect(stored.annotations[0]).toMatchObject({ id: added.id, note: 'مكان', tags: ['شرق'] });
  });
});
