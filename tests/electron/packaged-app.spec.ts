/**
 * The installed app, end to end (run by the release workflow after
 * electron-builder, on every OS): the packaged binary opens an archive, imports
 * a PDF and a .docx, keeps a highlight across a reload, exports a PDF of 100
 * long articles, quits with the archive's lock released, and starts again to a
 * painted library within the cold-start budget (2 s; QIRTAS_COLD_START_BUDGET_MS).
 * Without a packaged app (no Electron runtime can be installed on the
 * development machine) it is one skipped test saying so.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDocx, seedArticle } from '../support/make-import-fixtures.js';
import { launchPackaged, packagedAppPath } from './packaged-app.js';

const executable = packagedAppPath();
const SKIP_REASON = 'no packaged app: build one with `npm run dist -- --dir` (needs an Electron runtime, which cannot be downloaded here) or set QIRTAS_PACKAGED_APP';
if (!executable) console.log(`tests/electron/packaged-app.spec.ts skipped: ${SKIP_REASON}`);
const root = fileURLToPath(new URL('../../', import.meta.url));
const SEED = readFileSync(join(root, 'assets', 'samples', 'seed-article.txt'), 'utf8');
const COLD_START_BUDGET_MS = Number(process.env.QIRTAS_COLD_START_BUDGET_MS ?? 2000);

type Wire = { ok: boolean; value?: unknown; error?: { message: string } };
/** One contract call through the packaged preload and IPC, from the page. */
async function call<T>(page: Page, operation: string, args: unknown = {}): Promise<T> {
  const answer = (await page.evaluate(
    ([name, payload]) => (window as unknown as { qirtas: Record<string, (args: unknown) => Promise<unknown>> }).qirtas[name as string]!(payload),
    [operation, args] as const,
  )) as Wire;
  if (!answer.ok) throw new Error(`${operation}: ${answer.error?.message}`);
  return answer.value as T;
}

test('the packaged app: archive, PDF and .docx import, highlight, 100-article PDF, quit and cold start', async () => {
  test.skip(!executable, SKIP_REASON);
  test.setTimeout(600_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-packaged-'));
  let app = await launchPackaged(executable as string, dataDir);
  try {
    const { page } = app;
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(existsSync(join(dataDir, 'qirtas.lock'))).toBe(true);

    // A .docx made from the real seed article, and a PDF printed by the app itself from another article.
    const docx = Buffer.from(await makeDocx(seedArticle())).toString('base64');
    const docxResult = await call<{ status: string; outcomes: Array<{ status: string; article: { id: string } }> }>(page, 'importFile', { name: 'مقال.docx', data: docx });
    expect(docxResult.outcomes[0]?.status).toBe('imported');
    const source = await call<{ article: { id: string } }>(page, 'importText', { text: `نسخة للطباعة\n\n${SEED.split('\n').reverse().join('\n')}`, title: 'نسخة للطباعة' });
    const printed = await call<{ data: string }>(page, 'exportNotes', { scope: { kind: 'articles', ids: [source.article.id] }, format: 'pdf' });
    await call(page, 'trashArticle', { id: source.article.id });
    await call(page, 'deleteArticle', { id: source.article.id });
    const pdfResult = await call<{ outcomes: Array<{ status: string }> }>(page, 'importFile', { name: 'مقال.pdf', data: printed.data });
    expect(pdfResult.outcomes[0]?.status).toBe('imported');

    // A highlight on the .docx article, painted, and still painted after a reload.
    const articleId = docxResult.outcomes[0]!.article.id;
    await call(page, 'addAnnotation', { articleId, start: 0, end: 20, color: 'yellow' });
    await page.evaluate((id) => (window.location.hash = `/article/${id}`), articleId);
    const painted = () => page.evaluate(() => (CSS.highlights.get('hl-yellow') as Highlight | undefined)?.size ?? 0);
    await expect.poll(painted).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(painted).toBeGreaterThan(0);

    // A PDF of 100 long articles (well past Chromium's 2 MB data: URL limit).
    for (let n = 1; n <= 100; n += 1) {
      await call(page, 'importText', { text: `مقال طويل ${n}\n${Array.from({ length: 6 }, () => SEED).join('\n')}`, title: `مقال طويل ${n}` });
    }
    const big = await call<{ data: string; articleCount: number; size: number }>(page, 'exportNotes', { scope: { kind: 'all' }, format: 'pdf' });
    expect(big.articleCount).toBeGreaterThanOrEqual(100);
    expect(Buffer.from(big.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Quit by closing the window (SIGTERM, which Electron turns into app.quit(), if the window stays): the archive closes before the process ends.
    const within = (ms: number) => Promise.race([app.exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), ms))]);
    await page.evaluate(() => window.close()).catch(() => undefined);
    if (!(await within(10_000)) && process.platform !== 'win32') app.child.kill('SIGTERM');
    expect(await within(20_000)).toBe(true);
    expect(existsSync(join(dataDir, 'qirtas.lock'))).toBe(false);
    await app.browser.close().catch(() => undefined);

    // Cold start on the same archive, to the library painted with its rows.
    const started = Date.now();
    app = await launchPackaged(executable as string, dataDir);
    await expect(app.page.locator('.article-table tbody tr').first()).toBeVisible({ timeout: 30_000 });
    const coldStartMs = Date.now() - started;
    console.log(`cold start to the library painted: ${coldStartMs} ms (budget ${COLD_START_BUDGET_MS} ms)`);
    expect(coldStartMs).toBeLessThanOrEqual(COLD_START_BUDGET_MS);
  } finally {
    await app.browser.close().catch(() => undefined);
    if (app.child.exitCode === null) app.child.kill();
  }
});
