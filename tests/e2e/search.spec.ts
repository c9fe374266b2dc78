/**
 * Search in Chromium through the browser shell: a query typed with a variant
 * spelling (no diacritics, other alef/hamza, ة/ه, attached clitics) finds the
 * article; the snippet paints the original characters; opening the result scrolls
 * the reader to the passage and marks it. A word absent from the archive returns
 * nothing; exact mode respects hamza.
 */
import { join } from 'node:path';
import { expect, SCREENS_DIR, test } from '../support/shell-fixture.js';

/** The text of every range painted under a CSS Custom Highlight name. */
async function painted(page: import('@playwright/test').Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    return highlight ? [...highlight].map((range) => (range as Range).toString()) : [];
  }, name);
}

test('variant spellings find the passage, highlight the original characters, and open the reader there', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'أضف المقال التجريبي' }).click();
  await expect(page.locator('article.reader-text')).toBeVisible();
  await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();

  await page.keyboard.press('Control+k');
  const input = page.getByRole('searchbox', { name: 'البحث في الأرشيف' });
  await expect(input).toBeFocused();

  // "الاستراتيجيه" — plain alef for إ, ه for ة — must find "الإستراتيجية".
  await input.fill('المدينه الاستراتيجيه');
  const result = page.locator('#search-results [role="option"]').first();
  await expect(result).toContainText('أعلنت المعارضة السورية');
  await expect.poll(() => painted(page, 'search-hit')).toEqual(expect.arrayContaining(['المدينة', 'الإستراتيجية']));
  await page.screenshot({ path: join(SCREENS_DIR, 'search-palette.png') });

  // A clitic-attached form that is not in the text ("لقواتها") finds its relatives ("قواتها", "لقوات"),
  // and what is painted is whole original words of that family.
  await input.fill('لقواتها');
  await expect(result).toBeVisible();
  await expect
    .poll(async () => {
      const words = await painted(page, 'search-hit');
      return words.length > 0 && words.every((word) => /^ل?قوات(ها)?$/.test(word)) ? 'family' : words.join('،');
    })
    .toBe('family');

  // A word that appears nowhere returns nothing, not a confident guess.
  await input.fill('برشلونة');
  await expect(page.locator('.results-count')).toHaveText('لا نتائج.');

  // Open a result with the keyboard: the reader scrolls to the match and marks it.
  await input.fill('تلبيسه');
  await expect(result).toBeVisible();
  await input.press('Enter');
  await expect(page).toHaveURL(/#\/article\/[^?]+\?at=\d+-\d+$/);
  // The first match is the original word with its clitic, "وتلبيسة" (the snippet marks whole words).
  await expect.poll(() => painted(page, 'reader-focus')).toEqual([expect.stringMatching(/^و?تلبيسة$/)]);
  const focusVisible = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('reader-focus') ?? [])][0] as Range | undefined;
    const rect = range?.getBoundingClientRect();
    return rect !== undefined && rect.top >= 0 && rect.bottom <= window.innerHeight;
  });
  expect(focusVisible).toBe(true);
  await page.screenshot({ path: join(SCREENS_DIR, 'search-opened-result.png') });

  // Exact mode respects hamza: "الاستراتيجية" (plain alef) does not match "الإستراتيجية".
  await page.keyboard.press('Control+k');
  await page.getByLabel('مطابقة حرفية (التشكيل والهمزات كما كُتبت)').check();
  await page.getByRole('searchbox', { name: 'البحث في الأرشيف' }).fill('الاستراتيجية');
  await expect(page.locator('.results-count')).toHaveText('لا نتائج.');
  await page.getByRole('searchbox', { name: 'البحث في الأرشيف' }).fill('الإستراتيجية');
  await expect(page.locator('#search-results [role="option"]')).toHaveCount(1);
});

/** Whether the range painted under `reader-focus` is on screen. */
async function focusOnScreen(page: import('@playwright/test').Page): Promise<boolean> {
  return page.evaluate(() => {
    const range = [...(CSS.highlights.get('reader-focus') ?? [])][0] as Range | undefined;
    const rect = range?.getBoundingClientRect();
    return rect !== undefined && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
  });
}

test('issue 9: an attached particle, ي for ى, a Latin spelling and a partial query each open the passage their snippet shows', async ({ page, shell }) => {
  // Five searches, each opened in the reader: more than the default minute on a busy machine.
  test.setTimeout(240_000);
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'أضف المقال التجريبي' }).click();
  await expect(page.locator('article.reader-text')).toBeVisible();
  await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();

  const cases: Array<{ query: string; shown: RegExp; check?: () => Promise<void> }> = [
    // و glued to a city the article never writes with و.
    { query: 'وحمص', shown: /^حمص$/ },
    // ي typed for the ى of على, alone and between the words it joins.
    { query: 'علي', shown: /^على$/ },
    { query: 'سيطرة علي درعا', shown: /^(سيطرة|على|درعا)$/ },
    // A Latin spelling: the palette says which Arabic word was searched.
    {
      query: 'Homs',
      shown: /^حمص$/,
      check: async () => {
        await expect(page.locator('.searched-as')).toContainText('Homs');
        await expect(page.locator('.searched-as')).toContainText('حمص');
        await page.screenshot({ path: join(SCREENS_DIR, 'search-latin.png') });
      },
    },
    // A word absent from the archive does not empty the result: partial, with the word struck through.
    {
      query: 'قوات النظام برشلونة',
      shown: /^[وفبل]*(قوات|النظام)(ها)?$/,
      check: async () => {
        const first = page.locator('#search-results [role="option"]').first();
        await expect(first.locator('.partial-count')).toContainText('جزئي');
        await expect(first.locator('.missing-word')).toHaveText(['برشلونة']);
        await page.screenshot({ path: join(SCREENS_DIR, 'search-partial.png') });
      },
    },
  ];
  for (const c of cases) {
    await page.keyboard.press('Control+k');
    const input = page.getByRole('searchbox', { name: 'البحث في الأرشيف' });
    await input.fill(c.query);
    const result = page.locator('#search-results [role="option"]').first();
    await expect(result).toContainText('أعلنت المعارضة السورية');
    await c.check?.();
    // The first word the snippet highlights: Enter must open the reader exactly there.
    await expect.poll(async () => (await painted(page, 'search-hit'))[0] ?? '').toMatch(c.shown);
    const snippetWord = (await painted(page, 'search-hit'))[0]!;
    const snippetText = (await result.locator('.result-snippet').textContent()) ?? '';
    await input.press('Enter');
    await expect(page).toHaveURL(/#\/article\/[^?]+\?at=\d+-\d+$/);
    await expect.poll(() => painted(page, 'reader-focus')).toEqual([snippetWord]);
    expect(await focusOnScreen(page)).toBe(true);
    // The passage around the focus is the snippet's passage (not another occurrence of the word).
    const after = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('reader-focus') ?? [])][0] as Range;
      return (range.startContainer.textContent ?? '').slice(range.startOffset, range.startOffset + 50);
    });
    // The words from the focus on (the last, possibly cut, dropped) read the same in the snippet.
    const following = after.replace(/\s+/g, ' ').split(' ').slice(0, -1).join(' ');
    expect(snippetText.replace(/\s+/g, ' ')).toContain(following);
    if (c.query === 'Homs') await page.screenshot({ path: join(SCREENS_DIR, 'search-latin-opened.png') });
    await page.getByRole('link', { name: 'العودة إلى المكتبة' }).click();
  }
});
