/**
 * PDF reader: pdf.js (legacy build, for Node) with eval, font faces, workers
 * fetching and XFA off; only the text layer is read — no rendering, no scripts,
 * no links followed. Pieces → lines → paragraphs (pdf-lines.ts); text that came
 * out in visual order is detected and repaired, with a warning.
 */
import { detailWithoutContent } from '../../../common/error-detail.js';
import { type ImportWarning, importWarning } from '../../../common/import-warnings.js';
import { withoutTitleHeading } from './blocks.js';
import { plainBlocks, takeOpeningTitle } from './html-blocks.js';
import { article, ImportError, type Reader } from './parsed-article.js';
import { linesToBlocks, pageLines, type TextLine, type TextPiece } from './pdf-lines.js';
import { detectTextOrder, repairVisualLine } from './pdf-visual-order.js';

/** The warnings' English sentences (common/import-warnings.ts), as tests and older callers name them. */
export const VISUAL_ORDER_REPAIRED = importWarning.visualOrderRepaired().message;
export const VISUAL_ORDER_SUSPECTED = importWarning.visualOrderSuspected().message;

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** pdf.js's complaint, without any of the file it may quote. */
const describe = detailWithoutContent;

function loadError(fileName: string, error: unknown): ImportError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new ImportError(fileName, 'the PDF is password-protected; remove the password and import it again', { reason: 'pdf-password' });
  if (name === 'InvalidPDFException') return new ImportError(fileName, `the PDF is damaged and cannot be read (${describe(error)})`, { reason: 'damaged-document' });
  return new ImportError(fileName, `the PDF cannot be read (${describe(error)})`, { reason: 'damaged-document' });
}

/** A metadata title worth showing: not empty, not a file name or a browser's placeholder. */
function plausibleTitle(value: unknown): string {
  if (typeof value !== 'string') return '';
  const title = value.replace(/\s+/g, ' ').trim();
  if (!title || /^(about:blank|untitled|microsoft word - .*)$/i.test(title) || /\.\w{2,4}$/.test(title) || /^[a-z]+:\/\//i.test(title)) return '';
  return title.normalize('NFC');
}

export const readPdf: Reader = async (bytes, fileName) => {
  if (!latin1(bytes.subarray(0, 1024)).includes('%PDF-')) throw new ImportError(fileName, 'this is not a PDF document', { reason: 'wrong-format', format: 'PDF' });
  // Every complete PDF ends with %%EOF; without it the file was cut off (a failed download, a full disk).
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')) {
    throw new ImportError(fileName, 'the PDF is incomplete (truncated: its end-of-file marker is missing)', { reason: 'damaged-document' });
  }
  // Loaded on first use: pdf.js is large and most imports are not PDFs.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js takes ownership of the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw loadError(fileName, error);
  }
  try {
    let pages: TextLine[][] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      content.items.forEach((item, order) => {
        if (!('str' in item)) return;
        const [a, b, c, d, x, y] = item.transform as number[];
        // A glyph the PDF maps to no character comes back as U+0000: nothing to keep.
        pieces.push({ text: item.str.replaceAll(String.fromCharCode(0), ''), x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) || Math.hypot(a!, b!), order });
      });
      pages.push(pageLines(pieces));
      page.cleanup();
    }
    const warnings: ImportWarning[] = [];
    const order = detectTextOrder(pages.flat().map((line) => line.text).join('\n'));
    if (order === 'visual') {
      pages = pages.map((lines) => lines.map((line) => (line.rtl ? { ...line, text: repairVisualLine(line.text) } : line)));
      warnings.push(importWarning.visualOrderRepaired());
    } else if (order === 'unsure') {
      warnings.push(importWarning.visualOrderSuspected());
    }
    const reduced = linesToBlocks(pages);
    if (reduced.length === 0) {
      throw new ImportError(fileName, 'the PDF has no text layer (it may be scanned images); Qirtas cannot read text from images', { reason: 'pdf-no-text-layer' });
    }
    const metadata = await doc.getMetadata().catch(() => null);
    const metaTitle = plausibleTitle((metadata?.info as Record<string, unknown> | undefined)?.Title);
    const { title, blocks } = metaTitle ? { title: metaTitle, blocks: reduced } : takeOpeningTitle(reduced);
    return [article({ title, blocks: withoutTitleHeading(plainBlocks(blocks), title), warnings })];
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, `the PDF is damaged and its text cannot be read (${describe(error)})`, { reason: 'damaged-document' });
  } finally {
    await doc.destroy();
  }
};
