/**
 * The reader's floating panel and header in Chromium (issue 10): a highlight's
 * panel opened near the bottom of the window stays inside the window, tag
 * suggestions push the panel's buttons down instead of covering them, and hiding
 * diacritics hides them in the title as in the text.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, SCREENS_DIR, test } from '../support/shell-fixture.js';

async function openSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'أضف المقال التجريبي' }).click();
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', '0');
  await page.evaluate(() => document.fonts.ready);
}

/** Selects the first `words` words of block `index` and highlights them with key 1. */
async function highlightStartOf(page: Page, index: number, words: number): Promise<void> {
  const before = Number(await page.locator('article.reader-text').getAttribute('data-highlights-painted'));
  await page.evaluate(
    ([blockIndex, count]) => {
      const block = document.querySelectorAll<HTMLElement>('article.reader-text [data-block]')[blockIndex as number] as HTMLElement;
      const text = block.textContent ?? '';
      let end = 0;
      for (let i = 0; i < (count as number); i += 1) end = text.indexOf(' ', end + 1);
      const range = document.createRange();
      range.setStart(block.firstChild as Node, 0);
      range.setEnd(block.firstChild as Node, end);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    },
    [index, words],
  );
  await expect(page.getByRole('toolbar', { name: 'أدوات التحديد' })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', String(before + 1));
}

/** Scrolls so the n-th painted highlight sits just above the bottom of the window, and clicks it. */
async function clickHighlightAtBottom(page: Page, n: number): Promise<void> {
  const point = await page.evaluate((which) => {
    const ranges = [...(CSS.highlights.get('hl-yellow') as Highlight)] as Range[];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const range = ranges[which] as Range;
    const rect = range.getClientRects()[0] as DOMRect;
    window.scrollBy(0, rect.bottom - window.innerHeight + 30);
    const after = range.getClientRects()[0] as DOMRect;
    return { x: after.left + after.width / 2, y: after.top + after.height / 2 };
  }, n);
  await page.mouse.click(point.x, point.y);
}

test('a highlight panel opened at the bottom of the window stays inside it; tag suggestions cover no button', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1200, height: 760 });
  await openSample(page, shell.url);
  const blocks = await page.locator('article.reader-text [data-block]').count();
  await highlightStartOf(page, 2, 3);
  await highlightStartOf(page, blocks - 3, 3);

  // Give the first highlight a tag, so the second one's tag field has suggestions.
  await clickHighlightAtBottom(page, 0);
  const panel = page.locator('.highlight-popover');
  await expect(panel).toBeVisible();
  await panel.getByRole('combobox', { name: 'إضافة وسوم' }).fill('مصادر');
  await page.keyboard.press('Enter');
  await expect(panel.locator('.tag-chips')).toContainText('مصادر');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  await clickHighlightAtBottom(page, 1);
  await expect(panel).toBeVisible();
  const inWindow = async () => {
    const box = (await panel.boundingBox()) as { y: number; height: number };
    return box.y >= 0 && box.y + box.height <= 760;
  };
  await expect.poll(inWindow).toBe(true);

  await panel.getByRole('combobox', { name: 'إضافة وسوم' }).fill('مص');
  const suggestions = panel.locator('.tag-suggestions');
  await expect(suggestions).toContainText('مصادر');
  await expect.poll(inWindow).toBe(true);
  const list = (await suggestions.boundingBox()) as { y: number; height: number };
  for (const button of await panel.locator('.popover-actions button').all()) {
    const box = (await button.boundingBox()) as { y: number; height: number };
    expect(box.y >= list.y + list.height || box.y + box.height <= list.y, 'a suggestion list over a button').toBe(true);
  }
  // The button under the list is reachable: a real click at its centre lands on it.
  await panel.getByRole('button', { name: 'نسخ مع الإحالة' }).click({ trial: true });
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-popover-bottom.png') });
});

test('hiding diacritics hides them in the title too', async ({ page, shell }) => {
  await openSample(page, shell.url);
  await page.getByRole('button', { name: 'تحرير البيانات' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('العنوان').fill('عَمَلِيَّاتُ الجَنُوبِ');
  await dialog.getByRole('button', { name: 'حفظ' }).click();
  const title = page.locator('.reader-header h1');
  await expect(title).toHaveText('عَمَلِيَّاتُ الجَنُوبِ');
  await page.locator('article.reader-text').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('d');
  await expect(title).toHaveText('عمليات الجنوب');
  await page.keyboard.press('d');
  await expect(title).toHaveText('عَمَلِيَّاتُ الجَنُوبِ');
});

test('an error from the archive is worded in the UI language, with the technical detail on request', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.evaluate(() => {
    window.location.hash = '#/article/no-such-article';
  });
  const toast = page.locator('.toast-error');
  const sentence = toast.locator('> span').first();
  await expect(sentence).toContainText('لم يُعثر على');
  await expect(sentence).not.toContainText('No article');
  await expect(toast.locator('code')).toBeHidden();
  await toast.getByText('التفاصيل التقنية').click();
  await expect(toast.locator('code')).toBeVisible();
  await expect(toast.locator('code')).toContainText('no-such-article');
});
