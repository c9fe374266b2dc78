/**
 * Importing several files at once in Chromium through the file picker: progress
 * with the current file, a question when a file's encoding is unsure, and the
 * final report — imported, duplicate, failed with reasons. Files are made from
 * the real seed article (text, Markdown, a saved web page, Windows-1256).
 */
import { join } from 'node:path';
import { encodeText, makeHtmlPage, seedLines, seedText } from '../support/make-import-fixtures.js';
import { expect, SCREENS_DIR, test } from '../support/shell-fixture.js';

const lines = seedLines();
const utf8 = (text: string) => Buffer.from(text, 'utf8');

test('several files: progress, an encoding question, and a report naming every file', async ({ page, shell }) => {
  await page.goto(shell.url);
  const files = [
    { name: 'seed.txt', mimeType: 'text/plain', buffer: utf8(seedText()) },
    { name: 'section.md', mimeType: 'text/markdown', buffer: utf8(`# ${lines[1]}\n\n${lines.slice(2, 5).join('\n\n')}\n`) },
    {
      name: 'page.html',
      mimeType: 'text/html',
      buffer: utf8(makeHtmlPage({ title: lines[11] as string, blocks: lines.slice(12).map((text) => ({ kind: 'paragraph' as const, text })) }, { siteName: 'الجزيرة نت' })),
    },
    { name: 'legacy-1256.txt', mimeType: 'text/plain', buffer: Buffer.from(encodeText('سيطرة المعارضة على درعا', 'windows-1256')) },
    { name: 'copy-of-seed.txt', mimeType: 'text/plain', buffer: utf8(seedText()) },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'picture.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]) },
  ];
  await page.getByTestId('file-input').setInputFiles(files);

  // The short Windows-1256 file cannot be told for sure: the import pauses and asks, showing where it is.
  const panel = page.locator('.import-panel');
  const question = panel.getByRole('alertdialog');
  await expect(question).toContainText('legacy-1256.txt');
  // "n of 7", each number isolated so it never runs into the file name beside it.
  await expect(panel.locator('.import-count')).toContainText('من \u20687\u2069');
  await expect(panel.locator('.import-count bdi')).toHaveText('legacy-1256.txt');
  await expect(panel.locator('.import-count')).toContainText('legacy-1256.txt');
  await page.screenshot({ path: join(SCREENS_DIR, 'import-encoding-question.png') });
  await question.getByRole('combobox').selectOption('windows-1256');
  await question.getByRole('button', { name: 'استخدم هذا الترميز' }).click();

  await expect(panel.getByRole('heading', { name: 'تقرير الاستيراد' })).toBeVisible();
  await expect(panel.locator('.import-summary')).toContainText('أُضيف: 4');
  await expect(panel.locator('.import-summary')).toContainText('مكرر: 1');
  await expect(panel.locator('.import-summary')).toContainText('تعذّر: 2');
  await expect(panel.locator('progress')).toHaveAttribute('value', '7');
  // Failures are worded in Arabic; the archive's English message stays behind "technical details".
  await expect(panel.locator('.failed', { hasText: 'empty.txt' })).toContainText('فارغ');
  await expect(panel.locator('.failed', { hasText: 'picture.txt' })).toContainText('ليس نصًا');
  await expect(panel.locator('.failed', { hasText: 'picture.txt' }).locator('code')).toBeHidden();
  await expect(panel.locator('.duplicate', { hasText: 'copy-of-seed.txt' })).toBeVisible();
  await page.screenshot({ path: join(SCREENS_DIR, 'import-report.png') });

  const rows = page.locator('.article-table tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(page.locator('.article-table')).toContainText('الجزيرة نت');
  await expect(page.locator('.article-table')).toContainText('سيطرة المعارضة على درعا');

  // The decoded Windows-1256 article reads as Arabic, not mojibake.
  const legacyRow = rows.filter({ has: page.locator('td.numeric', { hasText: /^4$/ }) });
  await expect(legacyRow).toHaveCount(1);
  await legacyRow.getByRole('link').click();
  await expect(page.locator('article.reader-text')).toHaveText('سيطرة المعارضة على درعا');
});
