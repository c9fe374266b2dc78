/**
 * The reader's other tools in Chromium through the browser shell (issue 5): the
 * Notes view and its filters, in-article find, the ?at= focus route with the
 * reading position, and reader settings (applied at once, kept, hiding
 * diacritics without moving offsets). Offsets are of the canonical text.
 */
import { join } from 'node:path';
import { expect, SCREENS_DIR, test } from '../support/shell-fixture.js';
import { CANONICAL, find, highlight, openSample, painted, SEED_LINES, sidebar } from '../support/reader-page.js';

test('the Notes view lists every note and filters by colour, tag, article, date and text', async ({ page, shell }) => {
  const firstId = await openSample(page, shell.url);
  await highlight(page, find('قوات سوريا الديمقراطية'), '3');
  await sidebar(page).getByRole('button', { name: /قوات سوريا/ }).click();
  await page.keyboard.press('KeyT');
  await page.keyboard.type('فاعلون');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await highlight(page, find('معبر نصيب الحدودي'), '4');
  await sidebar(page).getByRole('button', { name: /معبر نصيب/ }).click();
  await page.keyboard.press('KeyN');
  await page.keyboard.type('منفذ مع الأردن');
  await page.keyboard.press('Escape');

  // A second article, pasted, with one highlight.
  await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();
  await page.getByRole('button', { name: 'الصق نصًا' }).click();
  await page.getByLabel('النص').fill(SEED_LINES.slice(11).join('\n'));
  await page.getByLabel('العنوان (اختياري)').fill('عمليات الجنوب');
  await page.getByRole('button', { name: 'استيراد', exact: true }).click();
  await page.locator('.article-table tbody tr', { hasText: 'عمليات الجنوب' }).getByRole('link').click();
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', '0');
  const second = SEED_LINES.slice(11).join('\n\n');
  await highlight(page, find('تمثال الرئيس السوري الراحل', 0, second), '1');
  await sidebar(page).getByRole('button', { name: /تمثال الرئيس/ }).click();
  await page.keyboard.press('KeyT');
  await page.keyboard.type('رموز');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'الملاحظات' }).click();
  const cards = page.locator('.note-card');
  await expect(cards).toHaveCount(3);
  await expect(page.locator('.notes-view .count')).toHaveText('\u20683\u2069 ملاحظات');

  await page.getByLabel('اللون').selectOption('pink');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('معبر نصيب الحدودي');
  await expect(cards.first()).toContainText('مكان');
  await page.getByLabel('اللون').selectOption('');
  await expect(cards).toHaveCount(3);

  await page.getByLabel('الوسم').selectOption('رموز');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('تمثال الرئيس السوري الراحل');
  await page.getByLabel('الوسم').selectOption('');

  await page.getByLabel('المقال').selectOption(firstId);
  await expect(cards).toHaveCount(2);
  await page.getByLabel('المقال').selectOption('');

  // Note text, with Arabic folding: «الاردن» finds «الأردن».
  await page.getByLabel('نص الملاحظة أو الاقتباس').fill('الاردن');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('منفذ مع الأردن');
  await page.getByLabel('نص الملاحظة أو الاقتباس').fill('');
  await expect(cards).toHaveCount(3);

  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('من تاريخ').fill(tomorrow);
  await expect(page.getByText('لا ملاحظات تطابق هذه التصفية.')).toBeVisible();
  // Dates are typed as the user writes them (day first, Arabic-Indic digits too), never mm/dd/yyyy,
  // and read back in words.
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const indic = (text: string) => text.replace(/\d/g, (digit) => '٠١٢٣٤٥٦٧٨٩'[Number(digit)] as string);
  await page.getByLabel('من تاريخ').fill(indic(`${day}/${month}/${year}`));
  await page.getByLabel('إلى تاريخ').fill(today);
  await page.getByLabel('إلى تاريخ').press('Enter');
  await expect(cards).toHaveCount(3);
  await page.getByLabel('من تاريخ').focus();
  await page.getByLabel('من تاريخ').blur();
  for (const field of ['من تاريخ', 'إلى تاريخ']) {
    await expect(page.getByLabel(field)).toHaveValue(new RegExp(`^${day} [\u0600-\u06FF ]+ ${year}$`));
  }
  await page.getByLabel('من تاريخ').fill('غدا صباحا');
  await page.getByLabel('من تاريخ').blur();
  await expect(page.getByRole('alert').filter({ hasText: 'لم يُفهم هذا التاريخ' })).toBeVisible();
  await expect(cards).toHaveCount(3);
  await page.screenshot({ path: join(SCREENS_DIR, 'notes-view.png'), fullPage: true });
  await page.getByRole('button', { name: 'مسح عوامل التصفية' }).click();

  // Each note opens its passage, marked in the reader.
  await cards.filter({ hasText: 'معبر نصيب الحدودي' }).getByRole('link', { name: 'افتح الموضع' }).click();
  await expect(page).toHaveURL(/#\/article\/[^?]+\?at=\d+-\d+$/);
  await expect.poll(() => painted(page, 'reader-focus')).toEqual(['معبر نصيب الحدودي']);
  const inView = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('reader-focus') as Highlight)][0] as Range;
    const rect = range.getBoundingClientRect();
    return rect.top > 0 && rect.bottom < window.innerHeight;
  });
  expect(inView).toBe(true);
});

test('in-article find steps through matches with a count; exact respects hamza', async ({ page, shell }) => {
  await openSample(page, shell.url);
  const occurrences = CANONICAL.split('حمص').length - 1;
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'البحث في المقال' });
  const input = bar.getByRole('searchbox');
  await expect(input).toBeFocused();
  await input.fill('حمص');
  const count = bar.getByRole('status');
  await expect(count).toHaveText(`1 من ${occurrences}`);
  expect(await painted(page, 'find-current')).toEqual(['حمص']);
  expect((await painted(page, 'find')).length).toBe(occurrences - 1);
  await input.press('Enter');
  await expect(count).toHaveText(`2 من ${occurrences}`);
  await input.press('Enter');
  await expect(count).toHaveText(`3 من ${occurrences}`);
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`2 من ${occurrences}`);
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-find.png') });
  // Going past the last wraps to the first, and the current match is scrolled into view.
  for (let i = 2; i <= occurrences; i += 1) await input.press('Enter');
  await expect(count).toHaveText(`1 من ${occurrences}`);
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`${occurrences} من ${occurrences}`);
  const visible = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('find-current') as Highlight)][0] as Range;
    const rect = range.getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= window.innerHeight;
  });
  expect(visible).toBe(true);

  // Folding: «الاستراتيجية» finds «الإستراتيجية»; the exact switch does not.
  await input.fill('الاستراتيجية');
  await expect(count).toHaveText('1 من 1');
  expect(await painted(page, 'find-current')).toEqual(['الإستراتيجية']);
  await bar.getByLabel('مطابق').check();
  await expect(count).toHaveText('لا نتائج');
  await input.press('Escape');
  await expect(bar).toBeHidden();
  expect(await painted(page, 'find-current')).toEqual([]);
});

test('the ?at= focus route scrolls to and marks a range; the reading position comes back', async ({ page, shell }) => {
  const id = await openSample(page, shell.url);
  const target = find('تمثال الرئيس السوري الراحل حافظ الأسد');
  await page.evaluate((hash) => (window.location.hash = hash), `#/article/${id}?at=${target.start}-${target.end}`);
  await expect.poll(() => painted(page, 'reader-focus')).toEqual(['تمثال الرئيس السوري الراحل حافظ الأسد']);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  const rect = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('reader-focus') as Highlight)][0] as Range;
    const box = range.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom };
  });
  expect(rect.top).toBeGreaterThan(60);
  expect(rect.bottom).toBeLessThan(860);
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-focus.png') });
  // A reload of the same route lands on it again.
  await page.reload();
  await expect.poll(() => painted(page, 'reader-focus')).toEqual(['تمثال الرئيس السوري الراحل حافظ الأسد']);

  // Reading position: scroll to a paragraph, leave, come back.
  await page.evaluate((hash) => (window.location.hash = hash), `#/article/${id}`);
  await expect.poll(() => painted(page, 'reader-focus')).toEqual([]);
  const paragraph = page.locator('article.reader-text [data-block="9"]');
  await paragraph.evaluate((element) => window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - 120 }));
  await page.waitForTimeout(500);
  const before = await paragraph.evaluate((element) => element.getBoundingClientRect().top);
  await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();
  await page.locator('.article-table tbody tr').first().getByRole('link').click();
  await expect(page.locator('article.reader-text')).toBeVisible();
  await expect.poll(async () => Math.abs((await paragraph.evaluate((element) => element.getBoundingClientRect().top)) - before)).toBeLessThan(60);
});

test('reader settings apply at once, persist, and hiding diacritics keeps offsets', async ({ page, shell }) => {
  await page.goto(shell.url);
  // A voweled paragraph, pasted.
  const voweled = 'قَالَ المُرَاسِلُ إِنَّ المُعَارَضَةَ سَيْطَرَتْ عَلَى مَدِينَةِ حِمْصَ بَعْدَ مُوَاجَهَاتٍ عَنِيفَةٍ.';
  await page.getByRole('button', { name: 'الصق نصًا' }).click();
  await page.getByLabel('النص').fill(`${voweled}\n${SEED_LINES[2]}`);
  await page.getByRole('button', { name: 'استيراد', exact: true }).click();
  await page.locator('.article-table tbody tr').first().getByRole('link').click();
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', '0');
  await page.evaluate(() => document.fonts.ready);
  const word = find('مَدِينَةِ حِمْصَ', 0, voweled);
  await highlight(page, word, '1');
  expect(await painted(page, 'hl-yellow')).toEqual(['مَدِينَةِ حِمْصَ']);

  await page.getByRole('button', { name: 'إعدادات القراءة' }).click();
  const settings = page.getByRole('region', { name: 'إعدادات القراءة' });
  await settings.getByLabel('إظهار التشكيل').uncheck();
  // The text is shown without marks, the highlight sits on the same letters, the stored quote is unchanged.
  await expect(page.locator('article.reader-text p').first()).toHaveText(voweled.replace(/[\u064B-\u0652]/g, ''));
  expect(await painted(page, 'hl-yellow')).toEqual(['مدينة حمص']);
  await expect(sidebar(page).locator('.entry-quote')).toHaveText('مَدِينَةِ حِمْصَ');
  // A selection made on the unvoweled text is stored with its marks.
  await page.evaluate(() => {
    const text = document.querySelector('article.reader-text p')?.firstChild as Text;
    const at = text.data.indexOf('عنيفة');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'عنيفة'.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  });
  await expect(page.getByRole('toolbar', { name: 'أدوات التحديد' })).toBeVisible();
  await page.keyboard.press('2');
  await expect(sidebar(page).locator('.sidebar-entry.swatch-green .entry-quote')).toHaveText('عَنِيفَةٍ');
  expect(await painted(page, 'hl-green')).toEqual(['عنيفة']);

  await settings.getByRole('button', { name: 'بلا زوائد' }).click();
  await settings.getByRole('button', { name: 'داكن' }).click();
  await settings.getByLabel('حجم الخط').focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowUp');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('article.reader-text')).toHaveCSS('font-size', '26px');
  // Name a colour's meaning.
  await settings.getByPlaceholder('ادعاء').fill('رواية رسمية');
  await settings.getByPlaceholder('ادعاء').press('Enter');
  await expect(sidebar(page).locator('.sidebar-entry.swatch-yellow')).toContainText('رواية رسمية');
  await page.waitForTimeout(700);

  await page.reload();
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', '2');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('article.reader-text')).toHaveCSS('font-size', '26px');
  expect(await page.locator('article.reader-text').evaluate((element) => getComputedStyle(element).fontFamily)).toContain('IBM Plex Sans Arabic');
  await expect(page.locator('article.reader-text p').first()).not.toContainText('َ');
  await expect(sidebar(page).locator('.sidebar-entry.swatch-yellow')).toContainText('رواية رسمية');
  // The theme is the whole app's (issue 10): the library stays dark after the reader.
  await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
