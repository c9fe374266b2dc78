/**
 * Export and backups in Chromium through the browser shell: the sample article
 * with highlights (made through the API; the reader's own highlighting is
 * tested elsewhere), the export dialog with its preview, Markdown and CSV
 * downloaded and read back, the print view, a backup made from the UI and
 * listed, and a restore that brings back a deleted highlight. Screenshots of
 * each state land in test-results/screens/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { apiFor, expect, SCREENS_DIR, test } from '../support/shell-fixture.js';

const HIGHLIGHTS = [
  { phrase: 'أعلنت المعارضة السورية المسلحة تقدمها نحو مدينة حمص', color: 'yellow', note: 'الادعاء الرئيسي للمقال.', tags: ['تقدم المعارضة'] },
  { phrase: 'نفت وزارة الدفاع السورية انسحاب قواتها من حمص', color: 'green', note: 'رواية النظام المقابلة.', tags: ['رواية رسمية'] },
  { phrase: 'تمثال الرئيس السوري الراحل حافظ الأسد', color: 'purple', note: 'متى أعيد بناؤه؟', tags: [] as string[] },
];

test('export notes from the dialog (Markdown, CSV, print view) and back up and restore from the UI', async ({ page, shell }) => {
  const api = apiFor(shell.url);
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'أضف المقال التجريبي' }).click();
  await expect(page.locator('article.reader-text')).toBeVisible();
  const id = /#\/article\/([A-Za-z0-9_-]+)/.exec(page.url())?.[1] as string;
  await api('updateArticle', { id, patch: { title: 'المعارضة السورية تتقدم نحو حمص', source: 'الجزيرة نت', published: '2024-12-07', url: 'https://www.aljazeera.net/news/2024/12/7/syria' } });
  const article = await api<{ blocks: Array<{ text: string }> }>('getArticle', { id });
  const text = article.blocks.map((block) => block.text).join('\n\n');
  for (const highlight of HIGHLIGHTS) {
    const start = text.indexOf(highlight.phrase);
    await api('addAnnotation', { articleId: id, start, end: start + highlight.phrase.length, color: highlight.color, note: highlight.note, tags: highlight.tags });
  }

  // The dialog opens on "this article", with a reading preview of the text and its highlights.
  await page.getByRole('button', { name: 'تصدير ونسخ احتياطي' }).click();
  const dialog = page.getByRole('dialog', { name: 'التصدير والنسخ الاحتياطي' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'هذا المقال' })).toBeChecked();
  const preview = dialog.getByTestId('export-preview');
  await expect(preview.locator('.export-view-text mark')).toHaveText(HIGHLIGHTS.map((highlight) => highlight.phrase));
  await expect(preview.locator('.export-view')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: join(SCREENS_DIR, 'export-dialog-text.png') });

  // Only highlights, grouped by colour: Markdown downloaded and read back.
  await dialog.getByRole('radio', { name: 'الإبرازات والملاحظات والوسوم فقط' }).check();
  await dialog.getByLabel('التجميع').selectOption('color');
  await expect(preview.locator('h2').first()).toHaveText('ادعاء (أصفر)');
  await expect(preview.locator('.export-view-note')).toHaveCount(3);
  await page.screenshot({ path: join(SCREENS_DIR, 'export-dialog-highlights.png') });
  const [markdownDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'صدِّر الملف' }).click()]);
  expect(markdownDownload.suggestedFilename()).toMatch(/^المعارضة-السورية-تتقدم-نحو-حمص-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync((await markdownDownload.path()) as string, 'utf8');
  const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '') as Record<string, unknown>;
  expect(front).toMatchObject({ title: 'المعارضة السورية تتقدم نحو حمص', source: 'الجزيرة نت', published: '2024-12-07', highlights: 3 });
  for (const highlight of HIGHLIGHTS) {
    expect(markdown).toContain(`> ${highlight.phrase}`);
    expect(markdown).toContain(highlight.note.replace('؟', '؟'));
  }
  expect(markdown).toContain('#تقدم_المعارضة');
  await expect(dialog.getByRole('status')).toContainText('صُدِّر الملف');

  // The file's own text, shown as text.
  await dialog.getByRole('tab', { name: 'نص الملف' }).click();
  await expect(preview.locator('pre')).toContainText('generator: Qirtas');

  // CSV: BOM, one row per highlight.
  await dialog.getByLabel('الصيغة').selectOption('csv');
  await expect(preview.locator('pre')).toContainText('article_id,article_title');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'صدِّر الملف' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const csvBytes = readFileSync((await csvDownload.path()) as string);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = Papa.parse<Record<string, string>>(csvBytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows.map((row) => row.quote).sort()).toEqual(HIGHLIGHTS.map((highlight) => highlight.phrase).sort());
  expect(rows.find((row) => row.color === 'purple')?.note).toBe('متى أعيد بناؤه؟');

  // PDF: the print view (the browser shell's way to a PDF).
  await dialog.getByLabel('الصيغة').selectOption('pdf');
  await dialog.getByRole('tab', { name: 'عرض القراءة' }).click();
  await dialog.getByRole('button', { name: 'عرض الطباعة' }).click();
  const printView = page.getByRole('dialog', { name: 'عرض الطباعة' });
  await expect(printView.locator('mark')).toHaveCount(3);
  await page.screenshot({ path: join(SCREENS_DIR, 'export-print-view.png') });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#root')).toBeHidden();
  await page.screenshot({ path: join(SCREENS_DIR, 'export-print-media.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await printView.getByRole('button', { name: 'إغلاق عرض الطباعة' }).click();
  await expect(printView).toBeHidden();

  // Backups: make one now; it is listed.
  await dialog.getByRole('tab', { name: 'النسخ الاحتياطية' }).click();
  await dialog.getByRole('button', { name: 'أنشئ نسخة احتياطية الآن' }).click();
  await expect(dialog.getByRole('status')).toContainText('أُنشئت النسخة');
  const row = dialog.locator('.backups-table tbody tr').filter({ hasText: 'يدوية' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('المقالات: 1 · الإبرازات: 3');
  await page.screenshot({ path: join(SCREENS_DIR, 'export-backups.png') });

  // Download it (the browser shell's only way to the zip): the browser saves the zip itself.
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^تنزيل/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  expect(readFileSync((await download.path()) as string).subarray(0, 2).toString()).toBe('PK');

  // Lose a highlight, then restore the backup: it comes back, and the page follows.
  const before = await api<{ annotations: Array<{ id: string }> }>('getArticle', { id });
  await api('deleteAnnotation', { articleId: id, annotationId: before.annotations[0]?.id });
  expect((await api<{ annotations: unknown[] }>('getArticle', { id })).annotations).toHaveLength(2);
  await row.getByRole('button', { name: 'استعادة' }).click();
  const confirm = page.getByRole('dialog', { name: 'استعادة هذه النسخة؟' });
  await expect(confirm).toBeVisible();
  await page.screenshot({ path: join(SCREENS_DIR, 'export-restore-confirm.png') });
  await confirm.getByRole('button', { name: 'نعم، استعد' }).click();
  await expect(dialog.getByRole('status')).toContainText('استُعيدت النسخة — المقالات: 1، الإبرازات: 3');
  await expect(dialog.getByRole('status')).toContainText('before-restore-');
  expect((await api<{ annotations: unknown[] }>('getArticle', { id })).annotations).toHaveLength(3);
  await page.screenshot({ path: join(SCREENS_DIR, 'export-restored.png') });

  // The same dialog in English reads left-to-right.
  await dialog.getByRole('button', { name: 'إغلاق' }).click();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Export & backup' }).click();
  const english = page.getByRole('dialog', { name: 'Export and backups' });
  await english.getByRole('radio', { name: 'Only highlights, notes and tags' }).check();
  await expect(english.getByTestId('export-preview').locator('mark')).toHaveCount(3);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.screenshot({ path: join(SCREENS_DIR, 'export-dialog-en.png') });
  await english.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'التبديل إلى العربية' }).click();
});
