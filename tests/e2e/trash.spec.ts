/**
 * The trash at scale (issue 10) in Chromium through the browser shell: 2,200
 * real-text articles imported by the CLI (`qirtas import` of a JSONL dataset),
 * 2,000 of them moved to the trash through the API. The trash is a virtualised
 * grid — only a window of rows is in the page, also at its end — with restore
 * (and Undo from the toast), delete for good after a confirmation (and nothing
 * deleted when it is declined), the keyboard (arrows, Enter restores, Delete
 * deletes), a filter box and a sortable header. Screenshots under
 * test-results/screens/.
 */
import { test as base, expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { ListLibraryResult } from '../../common/api.js';
import { importLibraryArchive, type ImportedArchive } from '../support/library-archive.js';
import { SCREENS_DIR, startShell, type ShellProcess } from '../support/shell-fixture.js';

const expect = baseExpect.configure({ timeout: 15_000 });
const COUNT = 2_200;
const TRASHED = 2_000;
const ROW = '.trash-grid tbody tr';

let archive: ImportedArchive;
let shell: ShellProcess;

const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // A refused call (4xx) reaches the user as a worded error; tests check those. Anything else is a page error.
      const refusedCall = /status of 4\d\d/.test(message.text()) && /\/api\//.test(message.location().url);
      if (message.type() === 'error' && !refusedCall) errors.push(`${message.text()} ${message.location().url}`);
    });
    await use(page);
    const reported = [...errors];
    await page.goto('about:blank');
    expect(reported, 'the page reported errors').toEqual([]);
  },
});
test.describe.configure({ mode: 'serial', timeout: 180_000 });

function api<T>(operation: string, args: unknown): Promise<T> {
  const origin = new URL(shell.url).origin;
  const token = /token=([A-Za-z0-9_-]+)/.exec(shell.url)?.[1] ?? '';
  return fetch(`${origin}/api/${operation}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(args) }).then(async (response) => {
    const body = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
    if (!body.ok) throw Object.assign(new Error(`${operation}: ${body.error?.message}`), { code: body.error?.code });
    return body.value as T;
  });
}

const trashTotal = async () => (await api<ListLibraryResult>('listLibrary', { scope: { kind: 'trash' }, limit: 0 })).total;
const isTrashed = async (id: string) => (await api<{ meta: { trashedAt: string | null } }>('getArticle', { id })).meta.trashedAt !== null;

const ISOLATES = /[\u2066-\u2069]/g;
async function plainText(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? '').replace(ISOLATES, '');
}

test.beforeAll(async () => {
  test.setTimeout(10 * 60_000);
  archive = importLibraryArchive(COUNT);
  shell = await startShell(archive.dataDir, 120_000);
  const all = await api<ListLibraryResult>('listLibrary', { limit: 0, ids: true, sort: { field: 'added', direction: 'asc' } });
  expect(all.total).toBe(COUNT);
  await api('bulkUpdate', { ids: all.ids!.slice(0, TRASHED), action: { kind: 'trash' } });
  expect(await trashTotal()).toBe(TRASHED);
});

test.afterAll(async () => {
  test.setTimeout(3 * 60_000);
  await shell?.stop();
  archive?.remove();
});

async function openTrash(page: Page): Promise<void> {
  await page.goto(shell.url);
  await page.getByRole('link', { name: 'سلة المحذوفات' }).click();
  await expect(page.locator(`${ROW}[data-article-id]`).first()).toBeVisible({ timeout: 30_000 });
}

const count = (page: Page) => page.locator('.trash-view .section-head .count');
const grid = (page: Page) => page.locator('.trash-grid');
const scroller = (page: Page) => page.locator('.trash-scroll');

test('2,000 trashed articles: only a window of rows in the page, at the top and at the end', async ({ page }) => {
  await openTrash(page);
  await expect.poll(() => plainText(count(page))).toBe('2,000 مقال');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(TRASHED + 1));
  // Newest thrown away first, as a file manager's bin.
  await expect(page.locator('.trash-grid th', { hasText: 'نُقل إلى السلة' })).toHaveAttribute('aria-sort', 'descending');
  const rendered = await page.locator(ROW).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await page.screenshot({ path: join(SCREENS_DIR, 'trash-virtualised.png') });

  // The end of the list: the last row is there, and still only a window of rows.
  await scroller(page).evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(page.locator(`${ROW}[aria-rowindex="${TRASHED + 1}"][data-article-id]`)).toBeVisible();
  expect(await page.locator(ROW).count()).toBeLessThan(60);
});

test('restore with Undo, delete for good only after confirming, from the mouse and the keyboard', async ({ page }) => {
  await openTrash(page);
  const toast = page.getByRole('status');

  // Restore by its button: the article leaves the trash; Undo puts it back.
  const first = page.locator(`${ROW}[aria-rowindex="2"]`);
  const firstId = (await first.getAttribute('data-article-id')) as string;
  await first.getByRole('button', { name: /^استعادة/ }).click();
  await expect(toast).toContainText('استُعيد المقال.');
  await expect.poll(() => isTrashed(firstId)).toBe(false);
  await expect.poll(() => plainText(count(page))).toBe('1,999 مقالًا');
  await toast.getByRole('button', { name: 'تراجع' }).click();
  await expect.poll(() => isTrashed(firstId)).toBe(true);
  await expect.poll(() => plainText(count(page))).toBe('2,000 مقال');

  // The keyboard: the grid is one tab stop; arrows move the focused row, Enter restores it.
  await grid(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', 'trash-row-2');
  const third = page.locator('#trash-row-2');
  await expect(third).toHaveClass(/focused/);
  const thirdId = (await third.getAttribute('data-article-id')) as string;
  await page.keyboard.press('Enter');
  await expect.poll(() => isTrashed(thirdId)).toBe(false);
  await expect.poll(() => plainText(count(page))).toBe('1,999 مقالًا');
  // Tab from the grid reaches the four sort buttons of the header, then the focused row's own buttons (no other row's).
  for (let index = 0; index < 5; index += 1) await page.keyboard.press('Tab');
  await expect(page.locator('#trash-row-2').getByRole('button', { name: /^استعادة/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#trash-row-2').getByRole('button', { name: /^حذف نهائي/ })).toBeFocused();
  await grid(page).focus();

  // Delete: declining the confirmation deletes nothing.
  const target = page.locator('#trash-row-2');
  const targetId = (await target.getAttribute('data-article-id')) as string;
  const title = (await target.locator('.title-cell a').textContent()) as string;
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.keyboard.press('Delete');
  await expect.poll(() => asked).toContain('حذف هذا المقال نهائيًا؟');
  expect(asked).toContain(title);
  expect(await isTrashed(targetId)).toBe(true);
  // Accepted: gone for good.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.keyboard.press('Delete');
  await expect(toast.filter({ hasText: 'حُذف المقال نهائيًا.' })).toBeVisible();
  await expect.poll(() => api('getArticle', { id: targetId }).then(() => 'there', (error: { code?: string }) => error.code)).toBe('NOT_FOUND');
  await expect.poll(() => plainText(count(page))).toBe('1,998 مقالًا');
  expect(await trashTotal()).toBe(TRASHED - 2);
});

test('the filter box and a sortable header in the trash', async ({ page }) => {
  await openTrash(page);
  // Titles end in «، رقم N»: a four-digit number of a trashed article finds that one article, its comma typed too.
  // A number no other trashed article holds anywhere in its title, source, author or tags (titles may hold years too).
  const { rows } = await api<ListLibraryResult>('listLibrary', { scope: { kind: 'trash' }, limit: TRASHED });
  const fields = rows.map((row) => [row.title, row.source, row.author ?? '', ...row.tags].join('\n'));
  const number = rows
    .map((row) => /رقم (\d+)$/.exec(row.title)?.[1] ?? '')
    .find((digits) => digits.length === 4 && fields.filter((text) => text.includes(digits)).length === 1) as string;
  expect(number).toMatch(/^\d{4}$/);
  await page.getByRole('searchbox', { name: 'تصفية سلة المحذوفات' }).fill(`رقم ${number}،`);
  await expect.poll(() => plainText(count(page))).toBe('1 من 1,998 مقالًا');
  await expect(page.locator(`${ROW}[data-article-id]`)).toHaveCount(1);
  await expect(page.locator(`${ROW} .title-cell a`)).toContainText(`رقم ${number}`);
  await page.screenshot({ path: join(SCREENS_DIR, 'trash-filtered.png') });
  await page.getByRole('searchbox', { name: 'تصفية سلة المحذوفات' }).fill('');

  const titleHeader = page.locator('.trash-grid th', { hasText: 'العنوان' });
  await expect(titleHeader).toHaveAttribute('aria-sort', 'none');
  await titleHeader.getByRole('button').click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('.trash-grid th', { hasText: 'تاريخ الإضافة' })).toHaveAttribute('aria-sort', 'none');
  expect(await page.locator(ROW).count()).toBeLessThan(60);

  // The dark theme reaches the trash's own grid (its colours come from the theme), then back to the OS's choice.
  await page.getByLabel('المظهر').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background('.trash-scroll')).toBe('rgb(32, 34, 38)');
  expect(await background('.trash-grid thead')).toBe('rgb(32, 34, 38)');
  await page.screenshot({ path: join(SCREENS_DIR, 'trash-virtualised-dark.png') });
  await Promise.all([page.waitForResponse((response) => response.url().includes('/api/updateSettings')), page.getByLabel('المظهر').selectOption('system')]);
});
