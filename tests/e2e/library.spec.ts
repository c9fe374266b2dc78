/**
 * The research library (issue 10) in Chromium through the browser shell, on an
 * archive of 10,000 real-text articles imported once by the CLI (`qirtas import`
 * of a JSONL dataset) and shared by the tests of this file, which run in order:
 * sort by a header (aria-sort, Arabic collation), filter as you type, a virtualised
 * list (only the visible rows in the page), a collection holding 100 selected
 * articles (and one more by drag), bulk tagging, trash with Undo, coming back from
 * an article to the same place and selection, reading status by reading to the
 * end, the dark theme on every view and dialog, and the view settings surviving a
 * reload. Screenshots go to test-results/screens/.
 */
import type { Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { compareForLibrary } from '../../common/library/collation.js';
import { LONG_SOURCE } from '../support/library-archive.js';
import { SCREENS_DIR } from '../support/shell-fixture.js';
import {
  countText,
  expect,
  expectContains,
  expectText,
  header,
  LIBRARY_COUNT as COUNT,
  openLibrary,
  plainText,
  ROW,
  scroller,
  test,
  useLibraryArchive,
  visibleTitles,
} from '../support/library-e2e.js';

useLibraryArchive();

test('10,000 articles, only the visible rows in the page; sort by a header; filter as you type', async ({ page }) => {
  await openLibrary(page);
  await expectText(countText(page), '10,000 مقال');
  const rendered = await page.locator('.library-grid tbody tr').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await expect(page.locator('.library-grid')).toHaveAttribute('aria-rowcount', String(COUNT + 1));

  // Published and added dates are two columns with two names.
  await expect(header(page, 'published')).toContainText('تاريخ النشر');
  await expect(header(page, 'added')).toContainText('تاريخ الإضافة');

  // Sort by title: aria-sort says so, and the rows follow Arabic collation (diacritics and the article ignored).
  await header(page, 'title').getByRole('button').click();
  await expect(header(page, 'title')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(page, 'added')).toHaveAttribute('aria-sort', 'none');
  // The rows of the previous order stay on screen until the sorted ones arrive: wait for them.
  const inOrder = (list: string[], descending = false) => {
    const sorted = [...list].sort(compareForLibrary);
    return list.length > 8 && JSON.stringify(descending ? sorted.reverse() : sorted) === JSON.stringify(list);
  };
  await expect.poll(async () => inOrder(await visibleTitles(page))).toBe(true);
  const titles = await visibleTitles(page);
  // Keyboard: the header's button is focusable and Enter flips the direction.
  await header(page, 'title').getByRole('button').press('Enter');
  await expect(header(page, 'title')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await visibleTitles(page))[0]).not.toBe(titles[0]);
  await expect.poll(async () => inOrder(await visibleTitles(page), true)).toBe(true);

  // Sort by words, largest first.
  await header(page, 'words').getByRole('button').click();
  await expect(header(page, 'words')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => Number((await page.locator(`${ROW} td.cell-words`).first().textContent())?.replace(/,/g, ''))).toBeGreaterThan(780);

  // The long source name is cut with an ellipsis (whole in its tooltip) and the table stays inside the window.
  await page.locator('.filter-input').fill('المركز العربي للأبحاث');
  await expectContains(countText(page), 'من 10,000 مقال');
  const longCell = page.locator(`${ROW} td.cell-source .cell-text`).first();
  await expect(longCell).toHaveAttribute('title', LONG_SOURCE);
  const fits = await page.evaluate(() => {
    const scroll = document.querySelector('.library-scroll') as HTMLElement;
    const cell = document.querySelector('.library-grid tbody td.cell-source .cell-text') as HTMLElement;
    return { overflowX: scroll.scrollWidth <= scroll.clientWidth + 1, cut: cell.scrollWidth > cell.clientWidth, pageFits: document.documentElement.scrollWidth <= window.innerWidth };
  });
  expect(fits).toEqual({ overflowX: true, cut: true, pageFits: true });
  // 10,000 / 97 articles carry the long source (one in 97).
  await expectText(countText(page), /^10[34] من 10,000 مقال$/);

  // Filter as you type, folded like search: a tag typed without its hamza still matches.
  await page.locator('.filter-input').fill('');
  await expectText(countText(page), '10,000 مقال');
  await page.locator('.filter-input').pressSequentially('اثيوبيا', { delay: 30 });
  await expectContains(countText(page), 'من 10,000 مقال');
  // Each keystroke narrows: wait for the whole word's answer (the first letters match almost everything).
  const shownCount = async () => Number((await plainText(countText(page))).split(' ')[0]?.replace(/[^\d]/g, ''));
  await expect.poll(shownCount, { timeout: 15_000 }).toBeLessThan(2000);
  const filtered = await shownCount();
  expect(filtered).toBeGreaterThan(50);
  for (const row of await page.locator(ROW).all()) await expect(row).toContainText('إثيوبيا');
  await page.screenshot({ path: join(SCREENS_DIR, 'library-filtered.png') });

  // A facet narrows further: reading status "unread" keeps all of them (nothing read yet).
  const facet = page.getByRole('group', { name: 'حالة القراءة' }).getByLabel('لم يُقرأ');
  await facet.check();
  await expectText(countText(page), new RegExp(`^${filtered.toLocaleString('en')} من`));
  await facet.uncheck();
  await page.getByRole('button', { name: 'مسح عوامل التصفية' }).click();
  await expectText(countText(page), '10,000 مقال');
  await expect(page.locator('.filter-input')).toHaveValue('');
});

test('a collection of 100 selected articles, one more by drag, bulk tag, trash with Undo', async ({ page }) => {
  await openLibrary(page);
  // Each test starts from no window state (the fixture clears it): the default order, added, newest first.
  await expect(header(page, 'added')).toHaveAttribute('aria-sort', 'descending');

  await page.getByRole('button', { name: 'مجموعة جديدة' }).click();
  await page.getByLabel('اسم المجموعة').fill('أرشيف الثورة السورية');
  await page.getByLabel('اسم المجموعة').press('Enter');
  const collection = page.locator('.collection-tree [role="treeitem"]', { hasText: 'أرشيف الثورة السورية' });
  await expect(collection).toBeVisible();

  // Select rows 1–100: click the first, Shift+click the hundredth (scrolled into view).
  await page.locator(ROW).first().locator('td.cell-source').click();
  await scroller(page).evaluate((element) => (element.scrollTop = 99 * 60 - 300));
  const hundredth = page.locator('.library-grid tbody tr[aria-rowindex="101"]');
  await expect(hundredth).toHaveAttribute('data-article-id', /.+/);
  await hundredth.locator('td.cell-source').click({ modifiers: ['Shift'] });
  await expectText(page.locator('.bulk-count'), '100 مقال محدد');
  await expect(hundredth).toHaveAttribute('aria-selected', 'true');

  // Add them by the menu.
  await page.getByRole('toolbar', { name: 'إجراءات على المحدَّد' }).getByLabel('إضافة إلى مجموعة').selectOption({ label: 'أرشيف الثورة السورية' });
  await expect(collection.locator('.scope-count')).toHaveText('100');

  // Bulk tag the hundred.
  const bar = page.getByRole('toolbar', { name: 'إجراءات على المحدَّد' });
  await bar.getByLabel('إضافة وسم: الوسم').fill('مراجعة');
  await bar.getByRole('button', { name: 'إضافة وسم' }).click();
  await expectContains(page.getByRole('status'), 'وُسم 100 مقال.');
  // The new tag is on exactly those hundred: filtering by it finds them.
  await page.locator('.filter-input').fill('مراجعة');
  await expectText(countText(page), '100 من 10,000 مقال');
  await page.locator('.filter-input').fill('');
  await expectText(countText(page), '10,000 مقال');

  // One more article by dragging a row outside the selection onto the collection.
  await bar.getByRole('button', { name: 'إلغاء التحديد' }).click();
  await expect(page.locator('.bulk-bar')).toHaveCount(0);
  await scroller(page).evaluate((element) => (element.scrollTop = 150 * 60));
  const loose = page.locator('.library-grid tbody tr[aria-rowindex="153"]');
  await expect(loose).toHaveAttribute('data-article-id', /.+/);
  await expect(loose).not.toContainText('مراجعة');
  await loose.dragTo(collection);
  await expect(collection.locator('.scope-count')).toHaveText('101');

  // The collection lists them with the same sorting and filtering.
  await collection.getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('أرشيف الثورة السورية');
  await expectText(countText(page), '101 مقال');
  await expect(page.locator(ROW).filter({ hasText: 'مراجعة' })).not.toHaveCount(0);
  await page.screenshot({ path: join(SCREENS_DIR, 'library-collection.png') });

  // Trash three of them, then Undo from the toast.
  await page.locator(ROW).nth(0).locator('td.cell-source').click();
  await page.locator(ROW).nth(2).locator('td.cell-source').click({ modifiers: ['Shift'] });
  await expectText(page.locator('.bulk-count'), '3 مقالات محددة');
  await bar.getByRole('button', { name: 'نقل إلى السلة' }).click();
  await expectContains(page.getByRole('status'), 'نُقلت 3 مقالات إلى السلة.');
  await expectText(countText(page), '98 مقالًا');
  await page.getByRole('status').getByRole('button', { name: 'تراجع' }).last().click();
  await expectText(countText(page), '101 مقال');
  await page.getByRole('button', { name: 'كل المقالات' }).click();
  await expectText(countText(page), '10,000 مقال');
});

test('back from an article: the same scroll position and selection, fast', async ({ page }) => {
  await openLibrary(page);
  await scroller(page).evaluate((element) => (element.scrollTop = 180 * 60));
  await expect(page.locator('.library-grid tbody tr[aria-rowindex="190"]')).toHaveAttribute('data-article-id', /.+/);
  const target = page.locator('.library-grid tbody tr[aria-rowindex="190"]');
  const other = page.locator('.library-grid tbody tr[aria-rowindex="188"]');
  await target.locator('td.cell-source').click();
  await other.locator('td.cell-source').click({ modifiers: ['ControlOrMeta'] });
  await expectText(page.locator('.bulk-count'), 'مقالان محددان');
  const targetId = await target.getAttribute('data-article-id');

  // Where the list is at the moment the article opens (Playwright may nudge it to bring the link into
  // view just before the click): the position the user left, which coming back must show exactly.
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      () => {
        (window as unknown as { qirtasLeftAt: number }).qirtasLeftAt = document.querySelector('.library-scroll')?.scrollTop ?? -1;
      },
      { capture: true, once: true },
    );
  });
  await target.locator('.title-cell a').click();
  await expect(page.locator('article.reader-text')).toBeVisible();
  const leftAt = await page.evaluate(() => (window as unknown as { qirtasLeftAt: number }).qirtasLeftAt);
  expect(leftAt).toBeGreaterThan(150 * 60);
  // In the page: the time of the click on the back link and what the first frame after the route change shows.
  await page.evaluate((id) => {
    const probe = window as unknown as { qirtasBack: number; qirtasFirstFrame: { scrollTop: number; row: boolean; ms: number } };
    document.querySelector('a.back-link')?.addEventListener(
      'click',
      () => {
        probe.qirtasBack = performance.now();
      },
      { capture: true },
    );
    window.addEventListener(
      'hashchange',
      () =>
        requestAnimationFrame(() => {
          const scroll = document.querySelector('.library-scroll');
          probe.qirtasFirstFrame = { scrollTop: scroll?.scrollTop ?? -1, row: Boolean(document.querySelector(`.library-grid tbody tr[data-article-id="${id}"] .title-cell a`)), ms: performance.now() - probe.qirtasBack };
        }),
      { once: true },
    );
  }, targetId);
  await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();
  const firstFrame = await page.waitForFunction(() => (window as unknown as { qirtasFirstFrame?: unknown }).qirtasFirstFrame ?? null);
  const frame = (await firstFrame.jsonValue()) as { scrollTop: number; row: boolean; ms: number };
  console.log(`return from the reader: position and rows in the first frame after ${frame.ms.toFixed(0)} ms (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`);
  // Load-independent: the first frame already shows the article's row, exactly where the list was left
  // (cached rows, no request awaited), and it stays there.
  expect(frame).toMatchObject({ row: true });
  expect(Math.abs(frame.scrollTop - leftAt)).toBeLessThanOrEqual(1);
  await page.waitForTimeout(500);
  expect(Math.abs((await scroller(page).evaluate((element) => element.scrollTop)) - leftAt)).toBeLessThanOrEqual(1);
  // The 150 ms target holds on an idle machine; on one shared by many jobs the figure is printed, not asserted.
  if ((loadavg()[0] ?? 0) / cpus().length < 1.5) expect(frame.ms).toBeLessThan(150);
  else console.log('timing not asserted: the machine is overloaded (see the load average above)');
  await expect(page.locator(`${ROW}[data-article-id="${targetId}"]`)).toHaveAttribute('aria-selected', 'true');
  await expectText(page.locator('.bulk-count'), 'مقالان محددان');

  // Keyboard: arrows move, Space selects, Ctrl+A selects all 10,000.
  await page.locator('.library-grid').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expectText(page.locator('.bulk-count'), '3 مقالات محددة');
  await page.keyboard.press('ControlOrMeta+a');
  await expectText(page.locator('.bulk-count'), '10,000 مقال محدد');
  await page.keyboard.press('Escape');
  await expect(page.locator('.bulk-bar')).toHaveCount(0);
});

test('reading status: set by reading to the end, shown in the library', async ({ page }) => {
  await openLibrary(page);
  await scroller(page).evaluate((element) => (element.scrollTop = 0));
  const first = page.locator(ROW).first();
  const id = await first.getAttribute('data-article-id');
  await expect(first.locator('.status-label')).toHaveText('لم يُقرأ');
  await first.locator('.title-cell a').click();
  await expect(page.locator('article.reader-text')).toBeVisible();
  await expect(page.locator('.reading-status .status-pill')).toHaveText('لم يُقرأ');
  // Read halfway: "reading".
  await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2));
  await expect(page.locator('.reading-status .status-pill')).toHaveText('قيد القراءة', { timeout: 8000 });
  // To the end: "read".
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator('.reading-status .status-pill')).toHaveText('مقروء', { timeout: 8000 });
  await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();
  const row = page.locator(`${ROW}[data-article-id="${id}"]`);
  await expect(row.locator('.status-label')).toHaveText('مقروء');
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  // By hand from the library: back to unread.
  await row.locator('td.cell-source').click();
  await page.getByRole('toolbar', { name: 'إجراءات على المحدَّد' }).getByLabel('حالة القراءة').selectOption({ label: 'لم يُقرأ' });
  await expect(row.locator('.status-label')).toHaveText('لم يُقرأ');
  await page.keyboard.press('Escape');
});

const DARK_PAPER = 'rgb(22, 23, 26)';
const DARK_SURFACE = 'rgb(32, 34, 38)';

async function background(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);
}

test('the dark theme on every view and dialog; light and sepia screenshots', async ({ page }) => {
  await openLibrary(page);
  await page.getByLabel('المظهر').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: join(SCREENS_DIR, 'library-light.png') });
  await page.getByLabel('المظهر').selectOption('sepia');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  expect(await background(page, 'body')).toBe('rgb(243, 234, 214)');
  await page.screenshot({ path: join(SCREENS_DIR, 'library-sepia.png') });
  await page.getByLabel('المظهر').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Library, its grid, sidebar and bulk bar.
  expect(await background(page, 'body')).toBe(DARK_PAPER);
  expect(await background(page, '.library-scroll')).toBe(DARK_SURFACE);
  expect(await background(page, '.library-aside')).toBe(DARK_SURFACE);
  await page.locator(ROW).first().locator('td.cell-source').click();
  expect(await background(page, '.bulk-bar')).not.toMatch(/255, 255, 255/);
  await page.screenshot({ path: join(SCREENS_DIR, 'library-dark.png') });
  await page.keyboard.press('Escape');

  // Dialogs: paste text, export (and its backups tab), the search palette.
  await page.getByRole('button', { name: 'الصق نصًا' }).click();
  expect(await background(page, 'dialog[open]')).toBe(DARK_SURFACE);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'تصدير ونسخ احتياطي' }).click();
  expect(await background(page, 'dialog[open]')).toBe(DARK_SURFACE);
  await page.screenshot({ path: join(SCREENS_DIR, 'export-dark.png') });
  await page.getByRole('tab', { name: 'النسخ الاحتياطية' }).click();
  expect(await background(page, 'dialog[open]')).toBe(DARK_SURFACE);
  await page.screenshot({ path: join(SCREENS_DIR, 'backups-dark.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByRole('searchbox', { name: 'البحث في الأرشيف' }).fill('المعارضة');
  // The palette's own surfaces are what this checks (search results have their own tests).
  await expect(page.getByRole('button', { name: 'احفظ كمجموعة ذكية' })).toBeVisible();
  expect(await background(page, 'dialog[open]')).toBe(DARK_SURFACE);
  await page.screenshot({ path: join(SCREENS_DIR, 'palette-dark.png') });
  // The first Escape clears the search box, the second closes the palette.
  await page.keyboard.press('Escape');
  if ((await page.locator('dialog[open]').count()) > 0) await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  // Reader, notes, trash: the theme stays.
  await page.locator(`${ROW} .title-cell a`).first().click();
  await expect(page.locator('article.reader-text')).toBeVisible();
  expect(await background(page, 'body')).toBe(DARK_PAPER);
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-dark.png') });
  await page.getByRole('link', { name: 'الملاحظات' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page, 'body')).toBe(DARK_PAPER);
  await page.screenshot({ path: join(SCREENS_DIR, 'notes-dark.png') });
  await page.getByRole('link', { name: 'سلة المحذوفات' }).click();
  expect(await background(page, 'body')).toBe(DARK_PAPER);
  await page.screenshot({ path: join(SCREENS_DIR, 'trash-dark.png') });
  // Back to the OS's choice, saved before the page goes.
  await Promise.all([page.waitForResponse((response) => response.url().includes('/api/updateSettings')), page.getByLabel('المظهر').selectOption('system')]);
});

test('the OS dark mode is followed until the user chooses', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', locale: 'ar', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await openLibrary(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});

test('sort, columns, filter, scope and theme survive a reload', async ({ page }) => {
  await openLibrary(page);
  await header(page, 'source').getByRole('button').click();
  await expect(header(page, 'source')).toHaveAttribute('aria-sort', 'ascending');
  await page.locator('.column-chooser summary').click();
  await page.locator('.column-chooser').getByLabel('الكلمات').uncheck();
  await page.locator('.column-chooser').getByLabel('الكاتب').check();
  await page.locator('.column-chooser summary').click();
  await expect(header(page, 'words')).toHaveCount(0);
  await expect(header(page, 'author')).toBeVisible();
  await page.locator('.filter-input').fill('بلغاريا');
  // The previous rows stay shown until the narrowed ones arrive: wait for the narrowed count.
  await expect.poll(async () => Number((await plainText(countText(page))).split(' ')[0]?.replace(/[^\d]/g, ''))).toBeLessThan(COUNT);
  const filteredCount = await plainText(countText(page));
  await page.getByLabel('المظهر').selectOption('sepia');
  await page.waitForTimeout(500);

  await page.reload();
  await expect(page.locator(ROW).first()).toBeVisible();
  await expect(header(page, 'source')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(page, 'words')).toHaveCount(0);
  await expect(header(page, 'author')).toBeVisible();
  await expect(page.locator('.filter-input')).toHaveValue('بلغاريا');
  await expectText(countText(page), filteredCount);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await page.screenshot({ path: join(SCREENS_DIR, 'library-after-reload.png') });

  // Tidy for later runs in this archive.
  await page.getByRole('button', { name: 'مسح عوامل التصفية' }).click();
  await page.getByLabel('المظهر').selectOption('system');
});
