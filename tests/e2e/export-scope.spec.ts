/**
 * Export scopes at library scale (issue 10) in Chromium through the browser shell:
 * 2,000 articles imported as one JSONL dataset; "Export selection" with every
 * article selected opens at once (the dialog never loads the whole library) and
 * previews the chosen articles; "Articles I choose" finds an article by a folded
 * filter; "A collection" exports exactly that collection's articles (with its
 * sub-collection's), and the downloaded Markdown holds their titles and no other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryRecords } from '../support/library-archive.js';
import { apiFor, expect, SCREENS_DIR, test } from '../support/shell-fixture.js';

const COUNT = 2000;
const plain = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

test('export a selection of 2,000, chosen articles, and a collection with its sub-collection', async ({ page, shell }) => {
  test.setTimeout(240_000);
  const api = apiFor(shell.url);
  const records = libraryRecords(COUNT, 23) as Array<{ title: string }>;
  const data = Buffer.from(`${records.map((record) => JSON.stringify(record)).join('\n')}\n`).toString('base64');
  await api('importFile', { name: 'library.jsonl', data });
  const listed = await api<{ rows: Array<{ id: string; title: string }> }>('listLibrary', { sort: { field: 'title', direction: 'asc' }, limit: 5 });
  const [first, second, third, fourth] = listed.rows as [{ id: string; title: string }, { id: string; title: string }, { id: string; title: string }, { id: string; title: string }];
  const parent = await api<{ id: string }>('createCollection', { name: 'مصادر الفصل الأول' });
  const child = await api<{ id: string }>('createCollection', { name: 'ملاحق', parentId: parent.id });
  await api('bulkUpdate', { ids: [first.id, second.id], action: { kind: 'addToCollection', collectionId: parent.id } });
  await api('bulkUpdate', { ids: [third.id], action: { kind: 'addToCollection', collectionId: child.id } });

  // Every article selected, then "Export selection": the dialog opens at once, on the 2,000 chosen.
  await page.goto(shell.url);
  await expect(page.locator('.library-grid tbody tr[data-article-id]').first()).toBeVisible();
  await page.locator('.library-grid').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect.poll(async () => plain(await page.locator('.bulk-count').textContent())).toBe('2,000 مقال محدد');
  const opened = Date.now();
  await page.getByRole('button', { name: 'تصدير المحدَّد' }).click();
  const dialog = page.getByRole('dialog', { name: 'التصدير والنسخ الاحتياطي' });
  await expect(dialog.getByRole('radio', { name: 'مقالات أختارها' })).toBeChecked();
  await expect.poll(async () => plain(await dialog.locator('.export-articles .hint').last().textContent())).toBe('مختارة: 2,000 مقال');
  console.log(`export dialog on a selection of ${COUNT}: ${Date.now() - opened} ms to the chosen count`);
  // Only a window of the library is in the page, never every article.
  expect(await dialog.locator('.export-articles li').count()).toBeLessThanOrEqual(100);
  await expect(dialog.locator('.export-articles .hint').first()).toContainText('اكتب في مربع التصفية');
  await expect(dialog.getByTestId('export-preview').locator('h2').first()).toBeVisible();

  // "Articles I choose" from the header's Export: one title found by the filter (typed without its diacritics).
  await dialog.getByRole('button', { name: 'إغلاق' }).click();
  await page.getByRole('button', { name: 'تصدير ونسخ احتياطي' }).click();
  await dialog.getByRole('radio', { name: 'مقالات أختارها' }).check();
  const wanted = fourth.title.replace(/[\u064B-\u0652]/g, '');
  await dialog.getByLabel('تصفية المقالات…').fill(wanted);
  await expect(dialog.locator('.export-articles li')).toHaveCount(1);
  await dialog.locator('.export-articles li').getByRole('checkbox').check();
  await expect.poll(async () => plain(await dialog.locator('.export-articles .hint').last().textContent())).toBe('مختارة: مقال واحد');
  await expect(dialog.getByTestId('export-preview')).toContainText(fourth.title);

  // "A collection (with its sub-collections)": exactly the three articles, downloaded as Markdown.
  await dialog.getByRole('radio', { name: 'مجموعة (مع مجموعاتها الفرعية)' }).check();
  await expect(dialog.getByTestId('export-collection')).toHaveValue(parent.id);
  const preview = dialog.getByTestId('export-preview');
  for (const article of [first, second, third]) await expect(preview).toContainText(article.title);
  await expect(preview).not.toContainText(fourth.title);
  await page.screenshot({ path: join(SCREENS_DIR, 'export-collection-scope.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'صدِّر الملف' }).click()]);
  const markdown = readFileSync((await download.path()) as string, 'utf8');
  for (const article of [first, second, third]) expect(markdown).toContain(article.title);
  expect(markdown).not.toContain(fourth.title);
});
