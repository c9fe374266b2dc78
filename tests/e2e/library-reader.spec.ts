/**
 * The foundation journey in Chromium through the browser shell: add the sample,
 * see it in the library, read it right-to-left, survive a reload and a server
 * restart, paste a second article, move one to the trash and restore it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, REPO_ROOT, SCREENS_DIR, startShell, test } from '../support/shell-fixture.js';

const seedLines = readFileSync(join(REPO_ROOT, 'assets', 'samples', 'seed-article.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);

test('add the sample, read it, reload, restart, paste, trash and restore', async ({ page, shell }) => {
  await page.goto(shell.url);
  // The token left the address bar once read.
  expect(page.url()).not.toContain('token=');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'مكتبتك فارغة' })).toBeVisible();
  await page.screenshot({ path: join(SCREENS_DIR, 'library-empty.png') });

  await page.getByRole('button', { name: 'أضف المقال التجريبي' }).click();
  const article = page.locator('article.reader-text');
  await expect(article).toBeVisible();
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article.locator('h2')).toHaveText(['سيطرة المعارضة على درعا', 'عمليات الجنوب']);
  await expect(article.locator('p').first()).toHaveText(seedLines[0] as string);
  await expect(article.locator('p')).toHaveCount(seedLines.length - 2);
  // The bundled Naskh face is what Chromium really draws the paragraph with (no network: it came from the app).
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'article.reader-text p' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.map((font) => font.familyName)).toEqual(['Noto Naskh Arabic']);
  expect(fonts[0]?.isCustomFont).toBe(true);
  await page.screenshot({ path: join(SCREENS_DIR, 'reader.png'), fullPage: false });

  await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();
  const rows = page.locator('.article-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('أعلنت المعارضة السورية المسلحة');
  await expect(rows.first()).toContainText('401');
  await page.reload();
  await expect(rows).toHaveCount(1);
  await page.screenshot({ path: join(SCREENS_DIR, 'library.png') });

  // Restart the server on the same data folder: the article is still there. (Leave the page first,
  // so its event stream does not try to reconnect to the stopped server.)
  await page.goto('about:blank');
  await shell.stop();
  const again = await startShell(shell.dataDir);
  try {
    await page.goto(again.url);
    await expect(page.locator('.article-table tbody tr')).toHaveCount(1);

    // Paste a second article.
    await page.getByRole('button', { name: 'الصق نصًا' }).click();
    const pasted = seedLines.slice(11).join('\n');
    await page.getByLabel('النص').fill(pasted);
    await page.getByLabel('المصدر (اختياري)').fill('مصدر ملصوق');
    await page.screenshot({ path: join(SCREENS_DIR, 'import-dialog.png') });
    await page.getByRole('button', { name: 'استيراد', exact: true }).click();
    await expect(page.locator('.article-table tbody tr')).toHaveCount(2);
    const pastedRow = page.locator('.article-table tbody tr', { hasText: 'مصدر ملصوق' });
    await expect(pastedRow).toContainText('عمليات الجنوب');

    // Pasting the same text again is reported as a duplicate, not added.
    await page.getByRole('button', { name: 'الصق نصًا' }).click();
    await page.getByLabel('النص').fill(pasted);
    await page.getByRole('button', { name: 'استيراد', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('موجود في الأرشيف بالفعل');
    await expect(page.locator('.article-table tbody tr')).toHaveCount(2);

    // Move it to the trash, then restore it from the trash.
    await pastedRow.getByRole('link').click();
    await page.getByRole('button', { name: 'نقل إلى السلة' }).click();
    await expect(page.locator('.article-table tbody tr')).toHaveCount(1);
    await page.getByRole('link', { name: 'سلة المحذوفات' }).click();
    const trashed = page.locator('.article-table tbody tr');
    await expect(trashed).toHaveCount(1);
    await page.screenshot({ path: join(SCREENS_DIR, 'trash.png') });
    await trashed.getByRole('button', { name: 'استعادة' }).click();
    await expect(page.getByText('السلة فارغة.')).toBeVisible();
    await page.getByRole('link', { name: 'المكتبة', exact: true }).click();
    await expect(page.locator('.article-table tbody tr')).toHaveCount(2);
  } finally {
    // Leave the page before this server stops too, so no late refresh of the list reaches a closed port.
    await page.goto('about:blank');
    await again.stop();
  }
});

test('edit details, undo a trash, switch to English', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'أضف المقال التجريبي' }).click();
  await page.getByRole('button', { name: 'تحرير البيانات' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('العنوان').fill('المعارضة تقترب من حمص');
  await dialog.getByLabel('المصدر', { exact: true }).fill('الجزيرة نت');
  await dialog.getByLabel('الكاتب').fill('مراسل');
  await dialog.getByLabel('الرابط').fill('https://example.org/article');
  await dialog.getByLabel('تاريخ النشر').fill('2024-12-07');
  await dialog.getByLabel('الوسوم (افصل بينها بفاصلة)').fill('سوريا، حمص');
  await page.screenshot({ path: join(SCREENS_DIR, 'edit-details.png') });
  await dialog.getByRole('button', { name: 'حفظ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('المعارضة تقترب من حمص');
  const meta = page.locator('.meta');
  await expect(meta).toContainText('الجزيرة نت');
  await expect(meta).toContainText('سوريا');
  // Published date shown in Gregorian and Hijri (7 Dec 2024 = 5 Jumada II 1446).
  await expect(meta).toContainText('2024');
  await expect(meta).toContainText('1446');

  // A bad link is refused with the archive's message, and nothing changes.
  await page.getByRole('button', { name: 'تحرير البيانات' }).click();
  await dialog.getByLabel('الرابط').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'حفظ' }).click();
  await expect(dialog.getByRole('alert')).toContainText('url must start with http');
  await dialog.getByRole('button', { name: 'إلغاء' }).click();

  await page.getByRole('button', { name: 'نقل إلى السلة' }).click();
  await expect(page.getByRole('heading', { name: 'مكتبتك فارغة' })).toBeVisible();
  await page.getByRole('button', { name: 'تراجع' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('المعارضة تقترب من حمص');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  // The article text stays right-to-left in an English UI.
  await expect(page.locator('article.reader-text')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-english.png') });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
});
