/**
 * A collection backup from the Backups panel in Chromium (issue 10): two
 * articles, one in «سوريا» under «بلاد الشام» with highlights; the panel backs up
 * «بلاد الشام» alone, lists it as a collection backup; after the collection and
 * its article are deleted, restoring says up front that it adds (nothing is
 * replaced), then reports what it added — the article with its highlights and
 * the collection come back, the other article is still there; the same zip
 * chosen from disk is recognised as a collection backup before it is sent; a
 * file that is no backup is refused in Arabic, naming it. Screenshots in
 * test-results/screens/.
 */
import { join } from 'node:path';
import type { AnchoredAnnotation, ImportOutcome, LibraryTree } from '../../common/api.js';
import { apiFor, expect, SCREENS_DIR, test } from '../support/shell-fixture.js';

const PHRASES = ['أعلنت المعارضة السورية المسلحة تقدمها نحو مدينة حمص', 'تمثال الرئيس السوري الراحل حافظ الأسد'];

test('backs up one collection from the panel and restores it by adding, with a report', async ({ page, shell }) => {
  const api = apiFor(shell.url);
  const sample = await api<ImportOutcome>('importSample', {});
  if (sample.status !== 'imported') throw new Error('sample not imported');
  const id = sample.article.id;
  const other = await api<ImportOutcome>('importText', { text: 'مقال آخر خارج المجموعة عن الاقتصاد المصري.\nفقرة ثانية عن الأسعار.', title: 'خارج المجموعة' });
  if (other.status !== 'imported') throw new Error('second not imported');
  const article = await api<{ blocks: Array<{ text: string }> }>('getArticle', { id });
  const text = article.blocks.map((block) => block.text).join('\n\n');
  for (const phrase of PHRASES) {
    const start = text.indexOf(phrase);
    await api<AnchoredAnnotation>('addAnnotation', { articleId: id, start, end: start + phrase.length, color: 'yellow', note: 'ملاحظة' });
  }
  const levant = await api<{ id: string }>('createCollection', { name: 'بلاد الشام' });
  const syria = await api<{ id: string }>('createCollection', { name: 'سوريا', parentId: levant.id });
  await api('bulkUpdate', { ids: [id], action: { kind: 'addToCollection', collectionId: syria.id } });

  await page.goto(shell.url);
  await page.getByRole('button', { name: 'تصدير ونسخ احتياطي' }).click();
  const dialog = page.getByRole('dialog', { name: 'التصدير والنسخ الاحتياطي' });
  await dialog.getByRole('tab', { name: 'النسخ الاحتياطية' }).click();
  await expect(dialog.getByRole('radio', { name: 'الأرشيف كله' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'مجموعة مع مجموعاتها الفرعية:' }).check();
  const picker = dialog.getByTestId('backup-collection');
  await picker.selectOption(levant.id);
  await expect(picker.locator('option')).toHaveCount(2);
  await expect(dialog.getByText('نسخة المجموعة تُضاف عند استعادتها')).toBeVisible();
  await dialog.getByRole('button', { name: 'أنشئ نسخة احتياطية الآن' }).click();
  await expect(dialog.getByRole('status')).toContainText('أُنشئت النسخة qirtas-manual-collection-');
  const row = dialog.locator('.backups-table tbody tr').filter({ has: page.getByTestId('backup-scope') });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('backup-scope')).toContainText('بلاد الشام');
  await expect(row).toContainText('المقالات: 1 · الإبرازات: 2');
  await page.screenshot({ path: join(SCREENS_DIR, 'backup-collection-panel.png') });

  // The collection and its article are deleted; restoring the backup adds them back and nothing else changes.
  await api('deleteCollection', { id: levant.id, subcollections: 'delete' });
  await api('trashArticle', { id });
  await api('deleteArticle', { id });
  await row.getByRole('button', { name: 'استعادة' }).click();
  const confirm = page.getByRole('dialog', { name: 'إضافة هذه المجموعة إلى الأرشيف؟' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('فلن تحل محل أرشيفك');
  await expect(confirm).toContainText('لا يُحذف شيء');
  await page.screenshot({ path: join(SCREENS_DIR, 'backup-collection-confirm.png') });
  await confirm.getByRole('button', { name: 'نعم، أضفها' }).click();
  const report = dialog.getByTestId('merge-report');
  await expect(report).toContainText('أُضيفت نسخة المجموعة');
  await expect(report).toContainText('مقال واحد');
  await expect(report).toContainText('إبرازان');
  await page.screenshot({ path: join(SCREENS_DIR, 'backup-collection-restored.png') });

  expect((await api<{ annotations: unknown[] }>('getArticle', { id })).annotations).toHaveLength(2);
  const tree = await api<LibraryTree>('listCollections', {});
  expect(tree.collections.map((collection) => collection.name).sort()).toEqual(['بلاد الشام', 'سوريا'].sort());
  const ids = (await api<Array<{ id: string }>>('listArticles', {})).map((meta) => meta.id).sort();
  expect(ids).toEqual([id, other.article.id].sort());

  // The same zip chosen from disk: its manifest is read in the page, so the dialog again says it adds; now all is there.
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^تنزيل/ }).click()]);
  await dialog.getByTestId('restore-file-input').setInputFiles((await download.path()) as string);
  const again = page.getByRole('dialog', { name: 'إضافة هذه المجموعة إلى الأرشيف؟' });
  await expect(again).toContainText('بلاد الشام');
  await again.getByRole('button', { name: 'نعم، أضفها' }).click();
  await expect(report).toContainText('كان في الأرشيف فبقي كما هو: مقال واحد');
  await expect(report).toContainText('المعارضة السورية');
  expect((await api<{ annotations: unknown[] }>('getArticle', { id })).annotations).toHaveLength(2);

  // A file that is no backup at all: the refusal is worded in Arabic, names the file, and changes nothing.
  await dialog.getByTestId('restore-file-input').setInputFiles({ name: 'ليست-نسخة.zip', mimeType: 'application/zip', buffer: Buffer.from('ليس ملف zip') });
  const replace = page.getByRole('dialog', { name: 'استعادة هذه النسخة؟' });
  await replace.getByRole('button', { name: 'نعم، استعد' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('النسخة الاحتياطية \u2068ليست-نسخة.zip\u2069 تالفة أو ليست نسخة من قرطاس، فلم تُستعد ولم يتغير شيء.');
  await expect(alert.locator('details code')).toContainText('too short to be a zip');
  expect((await api<Array<{ id: string }>>('listArticles', {})).map((meta) => meta.id).sort()).toEqual([id, other.article.id].sort());
  await page.screenshot({ path: join(SCREENS_DIR, 'backup-collection-refused.png') });

  // The panel in English reads left-to-right.
  await dialog.getByRole('button', { name: 'إغلاق' }).click();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Export & backup' }).click();
  const english = page.getByRole('dialog', { name: 'Export and backups' });
  await english.getByRole('tab', { name: 'Backups' }).click();
  await english.getByRole('radio', { name: 'A collection, with its sub-collections:' }).check();
  await expect(english.getByTestId('backup-scope')).toContainText(/^Collection: \u2068بلاد الشام\u2069$/);
  await page.screenshot({ path: join(SCREENS_DIR, 'backup-collection-panel-en.png') });
  await english.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'التبديل إلى العربية' }).click();

  // In the dark theme the panel is dark too (the theme colours every dialog).
  await api('updateSettings', { reader: { theme: 'dark' } });
  await page.reload();
  await page.getByRole('button', { name: 'تصدير ونسخ احتياطي' }).click();
  await dialog.getByRole('tab', { name: 'النسخ الاحتياطية' }).click();
  await expect(dialog.getByTestId('backup-scope')).toBeVisible();
  const background = await dialog.evaluate((element) => getComputedStyle(element).backgroundColor);
  const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
  expect(red + green + blue, `dialog background ${background}`).toBeLessThan(3 * 110);
  await page.screenshot({ path: join(SCREENS_DIR, 'backup-collection-panel-dark.png') });
});
