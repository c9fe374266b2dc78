/**
 * Import warnings in the report, worded in the user's language (issue 10): real
 * files made from the seed article — a Markdown file whose front matter has a
 * script link and a date no one can read, and a JSONL dataset with two bad lines —
 * imported through the file picker in Chromium. The report says each warning in
 * Arabic (names and numbers isolated, the count in its plural form), with the
 * core's English sentence behind "technical details", and in English after the
 * language is switched.
 */
import { join } from 'node:path';
import { makeJsonl, makeMarkdown, seedArticle, seedRecords } from '../support/make-import-fixtures.js';
import { expect, SCREENS_DIR, test } from '../support/shell-fixture.js';

test('warnings in the import report are Arabic sentences, with the English detail folded away', async ({ page, shell }) => {
  await page.goto(shell.url);
  const article = seedArticle();
  const markdown = makeMarkdown(article, { frontMatter: { url: 'javascript:alert(1)', date: 'أوائل الربيع' } });
  const [first, second] = seedRecords();
  const lines = new TextDecoder().decode(makeJsonl([first!, second!])).trim().split('\n');
  const dataset = [lines[0], '{"title": "سجل لا ينتهي', JSON.stringify({ id: 'no-body', title: 'سجل بلا نص' }), lines[1]].join('\n');
  await page.getByTestId('file-input').setInputFiles([
    { name: 'report.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown, 'utf8') },
    { name: 'records.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${dataset}\n`, 'utf8') },
  ]);

  const panel = page.locator('.import-panel');
  await expect(panel.getByRole('heading', { name: 'تقرير الاستيراد' })).toBeVisible();
  await expect(panel.locator('.import-summary')).toContainText('أُضيف: 3');

  const markdownRow = panel.locator('li.imported', { hasText: 'report.md' });
  await expect(markdownRow.locator('.warning[data-code="link-dropped"]')).toContainText('أُهمل رابط المصدر لأنه ليس عنوان ويب كاملًا');
  // The date as the file wrote it, isolated inside the sentence.
  await expect(markdownRow.locator('.warning[data-code="date-not-understood"]')).toContainText('لم يُفهم تاريخ النشر \u2068أوائل الربيع\u2069، فتُرك فارغًا.');
  // The archive's English stays behind "technical details", closed until asked for.
  const detail = markdownRow.locator('.warning[data-code="link-dropped"] details');
  await expect(detail.locator('code')).toBeHidden();
  await detail.locator('summary', { hasText: 'التفاصيل التقنية' }).click();
  await expect(detail.locator('code')).toHaveText('a link that is not an absolute http(s) URL was ignored');
  await expect(panel).not.toContainText('javascript:');

  // Two skipped records of the dataset: one sentence for the file, the count in its dual form, the lines isolated.
  const notice = panel.locator('li.notice', { hasText: 'records.jsonl' });
  await expect(notice.locator('.warning')).toHaveCount(1);
  await expect(notice.locator('.warning[data-code="record-skipped"]')).toContainText('لم تُستورد سجلات غير صالحة: سجلان (الأسطر \u20682\u2069، \u20683\u2069)');
  await page.screenshot({ path: join(SCREENS_DIR, 'import-warnings-ar.png') });

  // The same report in English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(markdownRow.locator('.warning[data-code="link-dropped"]')).toContainText('The source link was left out');
  await expect(notice.locator('.warning')).toContainText('\u20682\u2069 records (lines \u20682\u2069, \u20683\u2069)');
  await page.screenshot({ path: join(SCREENS_DIR, 'import-warnings-en.png') });
});
