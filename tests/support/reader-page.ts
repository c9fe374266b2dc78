/**
 * The reader e2e specs' shared pieces: the seed article's canonical text and
 * offsets in it, real DOM selections, the painted highlight ranges, text edits
 * through the reader, and a PNG decoder/differ for the glyph comparisons.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect, REPO_ROOT, SCREENS_DIR } from './shell-fixture.js';

export const SEED_LINES = readFileSync(join(REPO_ROOT, 'assets', 'samples', 'seed-article.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
export const CANONICAL = SEED_LINES.join('\n\n');

mkdirSync(SCREENS_DIR, { recursive: true });

/** [start, end) of the n-th (0-based) occurrence of `phrase` in the canonical text. */
export function find(phrase: string, occurrence = 0, text = CANONICAL): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`"${phrase}" (occurrence ${occurrence}) is not in the text`);
  }
  return { start: at, end: at + phrase.length };
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
export function decodePng(png: Buffer): { width: number; height: number; channels: number; data: Uint8Array } {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const chunks: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      if (data[8] !== 8 || data[12] !== 0 || channels === 0) throw new Error('unsupported PNG');
    } else if (type === 'IDAT') chunks.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? (out[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] as number) : 0;
      let value = raw[y * (stride + 1) + 1 + x] as number;
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = value & 255;
    }
  }
  return { width, height, channels, data: out };
}

/**
 * Compares two screenshots of the same clip: how many pixels differ by more than
 * `tolerance` in some channel, and the largest difference anywhere. A glyph drawn
 * in another form changes hundreds of pixels by tens or hundreds of levels; the
 * highlight painter's clip seam may move one anti-aliased pixel by a level or two.
 */
export function pixelDiff(first: Buffer, second: Buffer, tolerance = 8): { changed: number; maxDelta: number } {
  const a = decodePng(first);
  const b = decodePng(second);
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) return { changed: Infinity, maxDelta: 255 };
  let changed = 0;
  let maxDelta = 0;
  for (let i = 0; i < a.data.length; i += a.channels) {
    let delta = 0;
    for (let k = 0; k < Math.min(3, a.channels); k += 1) delta = Math.max(delta, Math.abs((a.data[i + k] as number) - (b.data[i + k] as number)));
    maxDelta = Math.max(maxDelta, delta);
    if (delta > tolerance) changed += 1;
  }
  return { changed, maxDelta };
}

export async function openSample(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: 'أضف المقال التجريبي' }).click();
  await expect(page.locator('article.reader-text')).toBeVisible();
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', '0');
  await page.evaluate(() => document.fonts.ready);
  const id = /#\/article\/([^?]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not in the reader: ${page.url()}`);
  return id;
}

/** Builds a real DOM selection over [start, end) of the canonical text (diacritics shown: text nodes hold the block text). */
export async function select(page: Page, start: number, end: number): Promise<void> {
  await page.evaluate(
    ([from, to]) => {
      const blocks = [...document.querySelectorAll<HTMLElement>('article.reader-text [data-block]')];
      const point = (offset: number): [Node, number] => {
        let at = 0;
        for (const block of blocks) {
          const length = block.textContent?.length ?? 0;
          if (offset <= at + length) return [block.firstChild as Node, offset - at];
          at += length + 2;
        }
        throw new Error(`offset ${offset} is past the text`);
      };
      const range = document.createRange();
      range.setStart(...point(from as number));
      range.setEnd(...point(to as number));
      const selection = document.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [start, end],
  );
  await expect(page.getByRole('toolbar', { name: 'أدوات التحديد' })).toBeVisible();
}

/** The text of every range of a named CSS highlight, in document order. */
export async function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    const ranges = [...highlight] as Range[];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => range.toString());
  }, name);
}

export async function paintedCount(page: Page): Promise<number> {
  return Number(await page.locator('article.reader-text').getAttribute('data-highlights-painted'));
}

/** Selects [start, end) and highlights it with the colour key 1–5; waits until it is painted. */
export async function highlight(page: Page, range: { start: number; end: number }, key: '1' | '2' | '3' | '4' | '5'): Promise<void> {
  const before = await paintedCount(page);
  await select(page, range.start, range.end);
  await page.keyboard.press(key);
  await expect(page.locator('article.reader-text')).toHaveAttribute('data-highlights-painted', String(before + 1));
  await expect(page.getByRole('toolbar', { name: 'أدوات التحديد' })).toBeHidden();
}

export async function editText(page: Page, change: (text: string) => string): Promise<void> {
  await page.getByRole('button', { name: 'تحرير النص' }).click();
  const dialog = page.getByRole('dialog', { name: 'تحرير نص المقال' });
  const area = dialog.locator('textarea');
  await area.fill(change(await area.inputValue()));
  await dialog.getByRole('button', { name: 'حفظ' }).click();
  await expect(dialog).toBeHidden();
}

export const sidebar = (page: Page) => page.getByRole('complementary', { name: 'الإبرازات' });

