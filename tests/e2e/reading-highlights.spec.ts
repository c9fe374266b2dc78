/**
 * Reading and highlighting in Chromium through the browser shell (issue 5):
 * highlights with notes and tags that survive a reload on the same characters,
 * part of one word, across paragraphs, following an edit of the text, orphans,
 * screenshots in light and dark, and the proof that painting a highlight over
 * part of a word leaves every glyph exactly as it was.
 *
 * Offsets are offsets of the canonical text (the seed article's lines joined by
 * "\n\n"), as stored; the page is driven through real DOM selections and keys.
 */
import { join } from 'node:path';
import { expect, SCREENS_DIR, test } from '../support/shell-fixture.js';
import { CANONICAL, editText, find, highlight, openSample, painted, pixelDiff, SEED_LINES, select, sidebar } from '../support/reader-page.js';

test('highlight a phrase, add a note and a tag, reload: the same characters are highlighted', async ({ page, shell }) => {
  await openSample(page, shell.url);
  const phrase = 'قوات سوريا الديمقراطية';
  await select(page, find(phrase).start, find(phrase).end);
  const toolbar = page.getByRole('toolbar', { name: 'أدوات التحديد' });
  // Five colours, each with its meaning.
  await expect(toolbar.getByRole('button', { name: /^إبراز بلون/ })).toHaveCount(5);
  await expect(toolbar).toContainText('ادعاء');
  await expect(toolbar).toContainText('دليل');
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-selection-toolbar.png') });
  await toolbar.getByRole('button', { name: 'إبراز بلون أخضر: دليل' }).click();
  await expect.poll(() => painted(page, 'hl-green')).toEqual([phrase]);

  // Click the highlight: its panel opens; write a note and add a tag.
  const box = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('hl-green') as Highlight)][0] as Range;
    const rect = range.getClientRects()[0] as DOMRect;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  const panel = page.getByRole('dialog', { name: 'إبراز: دليل' });
  await expect(panel).toBeVisible();
  await expect.poll(() => painted(page, 'hl-active')).toEqual([phrase]);
  await panel.getByLabel('الملاحظة').fill('قسد فاعل رئيسي في الشرق');
  await panel.getByRole('button', { name: 'حفظ الملاحظة' }).click();
  await expect(page.getByRole('status')).toContainText('حُفظت الملاحظة');
  await panel.getByRole('combobox', { name: 'إضافة وسوم' }).fill('فاعلون');
  await page.keyboard.press('Enter');
  await expect(panel.locator('.tag-chips')).toContainText('فاعلون');
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-highlight-panel.png') });
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  await page.reload();
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', '1');
  expect(await painted(page, 'hl-green')).toEqual([phrase]);
  const entry = sidebar(page).locator('.sidebar-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(phrase);
  await expect(entry).toContainText('قسد فاعل رئيسي في الشرق');
  await expect(entry).toContainText('فاعلون');

  // A second highlight by keyboard only: select, N, type the note, Escape saves and closes.
  await select(page, find('دير الزور').start, find('دير الزور').end);
  await page.keyboard.press('KeyN');
  const notePanel = page.getByRole('dialog', { name: /^إبراز:/ });
  await expect(notePanel.getByLabel('الملاحظة')).toBeFocused();
  await page.keyboard.type('مكان الانتشار');
  await page.keyboard.press('Escape');
  await expect(notePanel).toBeHidden();
  await expect(sidebar(page).locator('.sidebar-entry')).toHaveCount(2);
  await expect(sidebar(page).locator('.sidebar-entry').nth(1)).toContainText('مكان الانتشار');

  // Tag suggestions come from the tags already used (fuzzy, Arabic-folded).
  await select(page, find('السويداء').start, find('السويداء').end);
  await page.keyboard.press('KeyT');
  const tagPanel = page.getByRole('dialog', { name: /^إبراز:/ });
  const tagInput = tagPanel.getByRole('combobox', { name: 'إضافة وسوم' });
  await expect(tagInput).toBeFocused();
  await tagInput.fill('فاعلن');
  await expect(tagPanel.getByRole('option', { name: 'فاعلون' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(tagPanel.locator('.tag-chips')).toContainText('فاعلون');
  await page.keyboard.press('Escape');
  // N and T used the last colour (green); recolour one from the keyboard.
  expect(await painted(page, 'hl-green')).toEqual(['السويداء', phrase, 'دير الزور']);
  await sidebar(page).getByRole('button', { name: /دير الزور/ }).click();
  await expect(page.getByRole('dialog', { name: 'إبراز: دليل' })).toBeVisible();
  await page.keyboard.press('4');
  await expect(page.getByRole('dialog', { name: 'إبراز: مكان' })).toBeVisible();
  await expect.poll(() => painted(page, 'hl-pink')).toEqual(['دير الزور']);
  await page.keyboard.press('Escape');

  // Copy with a citation (C), then delete with Undo.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await sidebar(page).getByRole('button', { name: /قوات سوريا الديمقراطية/ }).click();
  await expect(page.getByRole('dialog', { name: 'إبراز: دليل' })).toBeVisible();
  await page.keyboard.press('KeyC');
  await expect(page.getByRole('status')).toContainText('نُسخ الاقتباس مع إحالته');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^«قوات سوريا الديمقراطية» — أعلنت المعارضة السورية المسلحة/);
  await page.getByRole('dialog', { name: 'إبراز: دليل' }).getByRole('button', { name: 'حذف الإبراز' }).click();
  await expect.poll(() => painted(page, 'hl-green')).toEqual(['السويداء']);
  await page.getByRole('status').getByRole('button', { name: 'تراجع' }).click();
  await expect.poll(() => painted(page, 'hl-green')).toEqual(['السويداء', phrase]);
  await expect(sidebar(page).locator('.sidebar-entry', { hasText: phrase })).toContainText('قسد فاعل رئيسي في الشرق');
  await page.reload();
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', '3');
  expect(await painted(page, 'hl-green')).toEqual(['السويداء', phrase]);
  expect(await painted(page, 'hl-pink')).toEqual(['دير الزور']);
});

test('part of one word, a diacritic kept with its letter, overlaps, and a cross-paragraph highlight', async ({ page, shell }) => {
  await openSample(page, shell.url);
  // «لحة» of «المسلحة»: three letters inside one word.
  const word = find('المسلحة');
  await highlight(page, { start: word.start + 4, end: word.end }, '3');
  expect(await painted(page, 'hl-blue')).toEqual(['لحة']);

  // «تعدّان»: a selection that ends between the dal and its shadda is widened to keep them together.
  const withShadda = find('تعدّان');
  await highlight(page, { start: withShadda.start, end: withShadda.start + 3 }, '4');
  expect(await painted(page, 'hl-pink')).toEqual(['تعدّ']);

  // An overlapping highlight in another colour.
  const overlap = find('السورية المسلحة تقدمها');
  await highlight(page, overlap, '1');
  expect(await painted(page, 'hl-yellow')).toEqual(['السورية المسلحة تقدمها']);
  expect(await painted(page, 'hl-blue')).toEqual(['لحة']);

  // From the middle of the first paragraph, over the heading, into the third block.
  const from = find('في حين نفت').start;
  const to = find('كامل مدينة درعا').end;
  await highlight(page, { start: from, end: to }, '5');
  const expected = CANONICAL.slice(from, to);
  // Range.toString() concatenates the text nodes without the "\n\n" separators.
  expect(await painted(page, 'hl-purple')).toEqual([expected.replaceAll('\n\n', '')]);
  const entry = sidebar(page).locator('.sidebar-entry.swatch-purple .entry-quote');
  expect(await entry.evaluate((element) => element.textContent)).toBe(expected);

  // Clicking where two highlights overlap opens the innermost and offers the other.
  const point = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('hl-blue') as Highlight)][0] as Range;
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
  const panel = page.getByRole('dialog', { name: 'إبراز: فاعل' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'ادعاء', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'إبراز: ادعاء' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', '4');
  expect(await painted(page, 'hl-blue')).toEqual(['لحة']);
  expect(await painted(page, 'hl-pink')).toEqual(['تعدّ']);
  expect(await painted(page, 'hl-purple')).toEqual([expected.replaceAll('\n\n', '')]);

  // A whole word by double-click, highlighted with a key.
  const target = await page.evaluate(() => {
    const paragraph = document.querySelectorAll<HTMLElement>('article.reader-text [data-block]')[5] as HTMLElement;
    paragraph.scrollIntoView({ block: 'center' });
    const text = paragraph.firstChild as Text;
    const at = text.data.indexOf('الرستن');
    const range = document.createRange();
    range.setStart(text, at + 2);
    range.setEnd(text, at + 3);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.dblclick(target.x, target.y);
  await expect(page.getByRole('toolbar', { name: 'أدوات التحديد' })).toBeVisible();
  await page.keyboard.press('2');
  await expect.poll(() => painted(page, 'hl-green')).toEqual(['الرستن']);
});

test('editing the text: a highlight follows it, and a deleted passage becomes a listed orphan', async ({ page, shell }) => {
  await openSample(page, shell.url);
  const follows = 'نداء قالت إنه الأخير';
  await highlight(page, find(follows), '1');
  const doomed = 'قصف بقذائف المدفعية مشفى ميدانيا';
  await highlight(page, find(doomed), '2');
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  // A note on the one that will be orphaned.
  await sidebar(page).getByRole('button', { name: new RegExp(doomed) }).click();
  const panel = page.getByRole('dialog', { name: 'إبراز: دليل' });
  await panel.getByLabel('الملاحظة').fill('رواية الإعلام الرسمي');
  await panel.getByRole('button', { name: 'حفظ الملاحظة' }).click();
  await expect(page.getByRole('status')).toContainText('حُفظت الملاحظة');
  await page.keyboard.press('Escape');

  // Insert text before the first highlight: it follows its characters.
  const inserted = 'هذه جملة أضيفت في أول المقال لاختبار المرساة. ';
  await editText(page, (text) => inserted + text);
  await expect.poll(() => painted(page, 'hl-yellow')).toEqual([follows]);
  expect(await painted(page, 'hl-green')).toEqual([doomed]);
  const moved = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('hl-yellow') as Highlight)][0] as Range;
    return (range.startContainer.parentElement as HTMLElement).dataset.block;
  });
  expect(moved).toBe('4');
  await expect(page.locator('article.reader-text p').first()).toContainText('هذه جملة أضيفت');

  // Insert inside the highlighted phrase's paragraph, just before it.
  await editText(page, (text) => text.replace('نداء قالت', 'نداءً عاجلًا ثم نداء قالت'));
  await expect.poll(() => painted(page, 'hl-yellow')).toEqual([follows]);

  // Delete the whole paragraph holding the second highlight: it is kept and listed as an orphan.
  const paragraph = SEED_LINES.find((line) => line.includes(doomed)) as string;
  await editText(page, (text) => text.replace(`${paragraph}\n`, ''));
  await expect.poll(() => painted(page, 'hl-green')).toEqual([]);
  await expect(page.getByRole('status')).toContainText('لم يُعثر على مكانها');
  const orphans = sidebar(page).getByRole('region', { name: 'لم يُعثر عليها في النص الحالي' });
  await expect(orphans.locator('.sidebar-entry')).toHaveCount(1);
  await expect(orphans).toContainText(doomed);
  await expect(orphans).toContainText('رواية الإعلام الرسمي');
  await expect(orphans).toContainText('يتيم');
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-orphan.png') });
  // Still there after a reload, and still listed in the Notes view as an orphan.
  await page.reload();
  await expect(sidebar(page).getByRole('region', { name: 'لم يُعثر عليها في النص الحالي' })).toContainText(doomed);
  await page.getByRole('link', { name: 'الملاحظات' }).click();
  const card = page.locator('.note-card', { hasText: doomed });
  await expect(card).toContainText('يتيم');
  await card.getByRole('link', { name: 'افتح المقال' }).click();

  // An orphan can be deleted from the list (with Undo).
  const orphanList = sidebar(page).getByRole('region', { name: 'لم يُعثر عليها في النص الحالي' });
  await orphanList.getByRole('button', { name: 'حذف الإبراز' }).click();
  await expect(orphanList).toBeHidden();
  await page.getByRole('status').getByRole('button', { name: 'تراجع' }).click();
  await expect(orphanList).toContainText('رواية الإعلام الرسمي');
});


test('screenshots of highlights in light and dark themes', async ({ page, shell }) => {
  await openSample(page, shell.url);
  await highlight(page, find('تقدمها نحو مدينة حمص'), '1');
  await highlight(page, find('وزارة الدفاع السورية'), '3');
  await highlight(page, find('الطيران الروسي'), '2');
  await highlight(page, find('المسلحة', 1), '4');
  await highlight(page, find('درعا', 1), '5');
  // Overlap: part of the yellow one, in green.
  await highlight(page, find('مدينة حمص'), '2');
  await sidebar(page).getByRole('button', { name: /وزارة الدفاع/ }).click();
  await page.getByRole('dialog', { name: /^إبراز:/ }).getByLabel('الملاحظة').fill('النفي الرسمي');
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-highlights-light.png') });

  await page.getByRole('button', { name: 'إعدادات القراءة' }).click();
  await page.getByRole('region', { name: 'إعدادات القراءة' }).getByRole('button', { name: 'ورقي' }).click();
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-settings-sepia.png') });
  await page.getByRole('region', { name: 'إعدادات القراءة' }).getByRole('button', { name: 'داكن' }).click();
  await page.getByRole('button', { name: 'إعدادات القراءة' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-highlights-dark.png') });
  const box = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('hl-blue') as Highlight)][0] as Range;
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  await expect(page.getByRole('dialog', { name: /^إبراز:/ })).toBeVisible();
  await page.screenshot({ path: join(SCREENS_DIR, 'reader-highlight-panel-dark.png') });
});

test('a highlight over part of a word leaves the glyphs exactly as they were (and a wrapping element would not)', async ({ page, shell }) => {
  await openSample(page, shell.url);
  // «المسلحة»: sin, lam and ha join each other, so a cut between them would show.
  const word = find('المسلحة');
  const clipOf = async () =>
    page.evaluate(([start, end]) => {
      const paragraph = document.querySelector('article.reader-text [data-block="0"]') as HTMLElement;
      const range = document.createRange();
      range.setStart(paragraph.firstChild as Text, start as number);
      range.setEnd(paragraph.firstChild as Text, end as number);
      const rect = range.getBoundingClientRect();
      return { x: Math.floor(rect.left) - 6, y: Math.floor(rect.top), width: Math.ceil(rect.width) + 12, height: Math.ceil(rect.height) };
    }, [word.start, word.end]);
  await page.evaluate(() => window.scrollTo(0, 0));
  const clip = await clipOf();
  const plain = await page.screenshot({ clip });

  // Highlight «لحة» (the last three letters), then make highlight colours transparent with a test-only override.
  await highlight(page, { start: word.start + 4, end: word.end }, '1');
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  expect(await painted(page, 'hl-yellow')).toEqual(['لحة']);
  const visible = await page.screenshot({ clip, path: join(SCREENS_DIR, 'joining-highlighted.png') });
  expect(pixelDiff(plain, visible).changed, 'the highlight is painted inside the clip').toBeGreaterThan(100);
  await page.evaluate(() => document.documentElement.style.setProperty('--hl-yellow', 'transparent'));
  const transparent = await page.screenshot({ clip });
  const same = pixelDiff(plain, transparent);
  test.info().annotations.push({ type: 'highlight made transparent vs no highlight', description: JSON.stringify(same) });
  // No pixel moves by more than the anti-aliasing of the painter's clip seam: every glyph keeps its joined form.
  expect(same.changed, 'no glyph changed shape').toBe(0);
  expect(same.maxDelta).toBeLessThanOrEqual(4);
  await page.evaluate(() => document.documentElement.style.removeProperty('--hl-yellow'));

  // The control: the same three letters wrapped in an element, as DOM-wrapping highlighters do.
  // An inline-block box (what a highlighter gets as soon as it wants padding or rounded marks)
  // cuts the word in two shaping runs: the letters lose their joining forms and the pixels change.
  // This shows the comparison above would fail if joining broke.
  const wrap = async (style: Record<string, string>) =>
    page.evaluate(
      ({ start, end, css }) => {
        for (const name of ['hl-yellow', 'hl-green', 'hl-blue', 'hl-pink', 'hl-purple', 'hl-active']) CSS.highlights.delete(name);
        const paragraph = document.querySelector('article.reader-text [data-block="0"]') as HTMLElement;
        const text = paragraph.firstChild as Text;
        const middle = text.splitText(start);
        middle.splitText(end - start);
        const span = document.createElement('span');
        Object.assign(span.style, css);
        middle.replaceWith(span);
        span.append(middle);
      },
      { start: word.start + 4, end: word.end, css: style },
    );
  const unwrap = () =>
    page.evaluate(() => {
      const paragraph = document.querySelector('article.reader-text [data-block="0"]') as HTMLElement;
      paragraph.querySelector('span')?.replaceWith(...(paragraph.querySelector('span')?.childNodes ?? []));
      paragraph.normalize();
    });

  await wrap({ display: 'inline-block', backgroundColor: 'transparent' });
  const blockWrapped = await page.screenshot({ clip, path: join(SCREENS_DIR, 'joining-inline-block-span.png') });
  const broken = pixelDiff(plain, blockWrapped);
  test.info().annotations.push({ type: 'inline-block wrapper vs no highlight', description: JSON.stringify(broken) });
  expect(broken.changed, 'a wrapping inline-block changes the glyphs').toBeGreaterThan(100);
  await unwrap();

  // A plain inline <span> with a transparent background: recorded, not asserted, because it depends
  // on the engine (Chromium's LayoutNG shapes across inline elements of the same font, older engines
  // and WebKit do not).
  await wrap({ backgroundColor: 'transparent' });
  const inlineWrapped = await page.screenshot({ clip });
  test.info().annotations.push({ type: 'plain inline span vs no highlight', description: JSON.stringify(pixelDiff(plain, inlineWrapped)) });
  await unwrap();
  expect(pixelDiff(plain, await page.screenshot({ clip })).changed).toBe(0);
  await page.screenshot({ clip, path: join(SCREENS_DIR, 'joining-plain.png') });
});
