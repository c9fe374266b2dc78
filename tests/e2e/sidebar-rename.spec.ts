/**
 * Renaming in the library sidebar (issue 10) in Chromium: a saved search (smart
 * collection) and a collection share one rename field — F2 on the focused item,
 * or Rename in its ⋯ menu; Enter keeps the new name, Escape cancels, focus comes
 * back to the item — and a renamed saved search keeps its query and filters (it
 * lists the same articles). Articles are real files made from the seed article.
 */
import { join } from 'node:path';
import { makeHtmlPage, seedLines, seedText } from '../support/make-import-fixtures.js';
import { expect, SCREENS_DIR, test } from '../support/shell-fixture.js';

const lines = seedLines();

test('a saved search and a collection are renamed from the keyboard and from their menu', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByTestId('file-input').setInputFiles([
    { name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from(seedText(), 'utf8') },
    { name: 'section.md', mimeType: 'text/markdown', buffer: Buffer.from(`# ${lines[1]}\n\n${lines.slice(2, 5).join('\n\n')}\n`, 'utf8') },
    {
      name: 'page.html',
      mimeType: 'text/html',
      buffer: Buffer.from(makeHtmlPage({ title: lines[11] as string, blocks: lines.slice(12).map((text) => ({ kind: 'paragraph' as const, text })) }, { siteName: 'الجزيرة نت' }), 'utf8'),
    },
  ]);
  await expect(page.locator('.import-summary')).toContainText('أُضيف: 3');
  await page.locator('.import-panel').getByRole('button', { name: 'إغلاق' }).click();

  // A saved search from the search palette: a word two of the three articles hold.
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'البحث في الأرشيف' }).fill('المعارضة');
  await page.getByRole('button', { name: 'احفظ كمجموعة ذكية' }).click();
  await page.getByRole('textbox', { name: 'اسم البحث المحفوظ' }).fill('المعارضة');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const sidebar = page.locator('.library-sidebar');
  const savedItem = sidebar.locator('.saved-searches .scope-item');
  await expect(savedItem).toHaveCount(1);
  await expect(savedItem.locator('.scope-name')).toHaveText('المعارضة');
  const count = (await savedItem.locator('.scope-count').textContent())?.trim();
  expect(Number(count)).toBeGreaterThan(0);

  // F2 on the focused saved search: the field holds its name; Enter keeps the new one, focus comes back.
  await savedItem.focus();
  await page.keyboard.press('F2');
  const field = sidebar.getByRole('textbox', { name: 'إعادة التسمية: المعارضة' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('المعارضة');
  await field.fill('المعارضة السورية (درعا)');
  await page.screenshot({ path: join(SCREENS_DIR, 'sidebar-rename-saved-search.png') });
  await page.keyboard.press('Enter');
  await expect(savedItem.locator('.scope-name')).toHaveText('المعارضة السورية (درعا)');
  await expect(savedItem).toBeFocused();
  // Renamed, not emptied: the same articles.
  await expect(savedItem.locator('.scope-count')).toHaveText(count as string);
  await savedItem.press('Enter');
  await expect(page.locator('.library-grid tbody tr[data-article-id]')).toHaveCount(Number(count));

  // From the ⋯ menu; Escape cancels and changes nothing.
  await sidebar.getByLabel('إجراءات البحث المحفوظ: المعارضة السورية (درعا)').click();
  await sidebar.getByRole('button', { name: 'إعادة التسمية' }).click();
  const again = sidebar.getByRole('textbox', { name: 'إعادة التسمية: المعارضة السورية (درعا)' });
  await again.fill('اسم لن يبقى');
  await page.keyboard.press('Escape');
  await expect(savedItem.locator('.scope-name')).toHaveText('المعارضة السورية (درعا)');
  await expect(savedItem).toBeFocused();

  // The collection beside it: the same field, the same keys.
  await sidebar.getByRole('button', { name: 'مجموعة جديدة' }).click();
  await sidebar.getByRole('textbox', { name: 'اسم المجموعة' }).fill('للقراءة');
  await page.keyboard.press('Enter');
  const collectionItem = sidebar.locator('.collection-tree .scope-item', { hasText: 'للقراءة' });
  await collectionItem.focus();
  await page.keyboard.press('F2');
  await sidebar.getByRole('textbox', { name: 'إعادة التسمية: للقراءة' }).fill('للقراءة لاحقًا');
  await page.keyboard.press('Enter');
  await expect(sidebar.locator('.collection-tree .scope-name')).toHaveText(['للقراءة لاحقًا']);

  // Both names are kept by the archive (a reload reads them back).
  await page.reload();
  await expect(page.locator('.library-sidebar .saved-searches .scope-name')).toHaveText(['المعارضة السورية (درعا)']);
  await expect(page.locator('.library-sidebar .collection-tree .scope-name')).toHaveText(['للقراءة لاحقًا']);
  await page.screenshot({ path: join(SCREENS_DIR, 'sidebar-renamed.png') });
});
