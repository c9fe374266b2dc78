// The PDF reader on the seed article printed by Chromium (Playwright): logical-order Arabic, a page laid
// out left to right in logical order (text then comes back in visual order and must be repaired), and
// damaged files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile, type ParsedArticle } from '../../../../main/import/formats/index.js';
import { VISUAL_ORDER_REPAIRED } from '../../../../main/import/formats/pdf.js';
import { arabicFontInstalled, pdfHtml, seedArticle, squash, startPdfMaker, type PdfMaker } from '../../../support/make-import-fixtures.js';
import { importError } from '../../../support/import-error.js';

const article = seedArticle();
// Without an Arabic font Chromium prints boxes, and there is no Arabic text to compare.
const fontInstalled = arabicFontInstalled();

let maker: PdfMaker;
let logical: Uint8Array;
let visual: Uint8Array;

beforeAll(async () => {
  maker = await startPdfMaker();
  logical = await maker.pdf(pdfHtml(article));
  visual = await maker.pdf(pdfHtml(article, { visualOrder: true }));
}, 60_000);

afterAll(async () => {
  await maker?.close();
});

const allText = (parsed: ParsedArticle) => squash(parsed.blocks.map((block) => block.text).join(''));

describe('.pdf reader', () => {
  it.skipIf(!fontInstalled)('reads the title from the metadata and each paragraph and heading as a block', async () => {
    const [parsed] = await parseFile(logical, 'article.pdf');
    expect(parsed!.title).toBe(article.title);
    expect(parsed!.warnings).toBeUndefined();
    // A PDF has no quotes or lists, only text: those come back as paragraphs.
    expect(parsed!.blocks.map((block) => block.kind)).toEqual(article.blocks.map((block) => (block.kind === 'heading' ? 'heading' : 'paragraph')));
    expect(parsed!.blocks.map((block) => squash(block.text))).toEqual(article.blocks.map((block) => squash(block.text)));
  });

  it.skipIf(!fontInstalled)('folds presentation forms: the stored text has none', async () => {
    const [parsed] = await parseFile(logical, 'article.pdf');
    expect(JSON.stringify(parsed)).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFE]/);
  });

  it.skipIf(!fontInstalled)('detects text extracted in visual order, repairs it and says so', async () => {
    const [parsed] = await parseFile(visual, 'visual.pdf');
    expect(parsed!.warnings?.map((w) => w.message)).toEqual([VISUAL_ORDER_REPAIRED]);
    expect(parsed!.warnings?.map((w) => w.code)).toEqual(['pdf-visual-order-repaired']);
    const body = squash(article.blocks.map((block) => block.text).join(''));
    // The title heading may stay in the body (the repaired copy can differ from the metadata title in spacing).
    expect([body, squash(article.title) + body]).toContain(allText(parsed!));
  });

  it('refuses a truncated PDF, naming the file', async () => {
    const error = await importError(parseFile(logical.subarray(0, Math.floor(logical.length * 0.6)), 'cut.pdf'));
    expect(error.message).toMatch(/^cut\.pdf: the PDF is incomplete/);
  });

  it('refuses a damaged PDF with a reason instead of crashing', async () => {
    const damaged = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\ntrailer\n<< /Root 99 0 R >>\n%%EOF\n`);
    const error = await importError(parseFile(damaged, 'damaged.pdf'));
    expect(error.reason).toMatch(/PDF/);
  });

  it('refuses a file that is not a PDF', async () => {
    const error = await importError(parseFile(new TextEncoder().encode(article.title), 'fake.pdf'));
    expect(error.reason).toBe('this is not a PDF document');
  });

  it('refuses a PDF without a text layer', async () => {
    const blank = await maker.pdf('<!doctype html><html><body></body></html>');
    const error = await importError(parseFile(blank, 'blank.pdf'));
    expect(error.reason).toMatch(/no text layer/);
  });
});
