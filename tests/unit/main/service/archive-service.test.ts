/**
 * The service through the dispatcher, as every host calls it: import, duplicates,
 * metadata edits, trash and restore, validation errors as data; all on a real
 * data folder, and still there after reopening.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FullArticle, ImportOutcome } from '../../../../common/api.js';
import type { ArticleMeta } from '../../../../common/types/article.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR, SEED_LINES, SEED_TEXT } from '../../../support/seed.js';

const open = (dataDir: string) => openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });

async function call<T>(app: Awaited<ReturnType<typeof open>>, operation: string, args: unknown): Promise<T> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

describe('ArchiveService via the dispatcher', () => {
  it('imports the sample, flags a re-import with other spacing and diacritics as a duplicate, and persists', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-service-'));
    const app = await open(dataDir);
    const first = await call<ImportOutcome>(app, 'importSample', {});
    expect(first.status).toBe('imported');
    const id = first.status === 'imported' ? first.article.id : '';

    const respaced = SEED_TEXT.replaceAll('\n', '\n\n').replace('أعلنت', 'أَعْلَنَت');
    const again = await call<ImportOutcome>(app, 'importText', { text: respaced });
    expect(again).toMatchObject({ status: 'duplicate', existing: { id } });

    const article = await call<FullArticle>(app, 'getArticle', { id });
    expect(article.blocks.map((block) => block.text)).toEqual(SEED_LINES);
    expect(article.meta.wordCount).toBe(401);
    await app.close();

    const reopened = await open(dataDir);
    expect((await call<ArticleMeta[]>(reopened, 'listArticles', {})).map((meta) => meta.id)).toEqual([id]);
    await reopened.close();
  });

  it('edits details, trashes, restores and deletes for good only from the trash', async () => {
    const app = await open(mkdtempSync(join(tmpdir(), 'qirtas-service-')));
    const outcome = await call<ImportOutcome>(app, 'importText', { text: SEED_LINES.slice(11).join('\n'), source: 'مصدر' });
    const id = outcome.status === 'imported' ? outcome.article.id : '';
    const edited = await call<ArticleMeta>(app, 'updateArticle', {
      id,
      patch: { title: 'عمليات الجنوب', author: 'مراسل', url: 'https://example.org/a', published: '2024-12-07', tags: ['درعا', 'درعا', 'الأردن'] },
    });
    expect(edited).toMatchObject({ title: 'عمليات الجنوب', author: 'مراسل', published: '2024-12-07', tags: ['درعا', 'الأردن'], source: 'مصدر' });

    const refusedDelete = await app.dispatch('deleteArticle', { id });
    expect(refusedDelete).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await call(app, 'trashArticle', { id });
    expect(await call<ArticleMeta[]>(app, 'listArticles', { view: 'library' })).toEqual([]);
    expect((await call<ArticleMeta[]>(app, 'listArticles', { view: 'trash' })).map((meta) => meta.id)).toEqual([id]);
    await call(app, 'restoreArticle', { id });
    expect((await call<ArticleMeta[]>(app, 'listArticles', {})).map((meta) => meta.id)).toEqual([id]);
    await call(app, 'trashArticle', { id });
    await call(app, 'deleteArticle', { id });
    expect(await app.dispatch('getArticle', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await app.close();
  });

  it('returns validation failures and unknown operations as data, and changes nothing', async () => {
    const app = await open(mkdtempSync(join(tmpdir(), 'qirtas-service-')));
    expect(await app.dispatch('importText', { text: 42 })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(await app.dispatch('updateArticle', { id: 'x', patch: { url: 'javascript:alert(1)' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGS', message: expect.stringContaining('url must start with http') },
    });
    expect(await app.dispatch('dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await app.dispatch('importText', { text: '   \n  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call<ArticleMeta[]>(app, 'listArticles', {})).toEqual([]);
    await app.close();
  });
});
