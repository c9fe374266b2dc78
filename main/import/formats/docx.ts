/**
 * Word documents (.docx): mammoth converts to HTML (external files off, images
 * never read), then the same sanitise-and-reduce path as web pages, without
 * Readability (a document is all content). Word stores right-to-left paragraphs
 * in logical order, so Arabic text comes out as written. mammoth unpacks with
 * JSZip, which trusts the archive, so the zip is checked first (zip-read.ts):
 * a decompression bomb is refused in milliseconds instead of running for
 * minutes and gigabytes.
 */
import mammoth from 'mammoth';
import { checkZipBytes, mib, TOO_LARGE, type ZipLimits } from '../../backup/zip-read.js';
import { detailWithoutContent } from '../../../common/error-detail.js';
import { plainBlocks, takeOpeningTitle } from './html-blocks.js';
import { article, ImportError, type Reader } from './parsed-article.js';
import { htmlToBlocks } from './sanitize.js';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  'p.Title => h1:fresh',
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  'p.Quote => blockquote > p:fresh',
  'p.IntenseQuote => blockquote > p:fresh',
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/**
 * What a Word document may unpack to. A 1,000-page book's document.xml is some
 * tens of MB; each XML part is parsed whole by mammoth, so a part is capped
 * lower than the total. Word's XML deflates 5–30 times; 100 stops bombs.
 */
export const DOCX_LIMITS: ZipLimits = {
  maxArchiveBytes: 1024 ** 3,
  maxTotalBytes: 200 * 1024 ** 2,
  maxEntryBytes: 100 * 1024 ** 2,
  maxEntries: 5_000,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** Refuses a .docx whose zip is a bomb or broken, before mammoth sees it. */
async function checkArchive(bytes: Uint8Array, fileName: string, limits: ZipLimits): Promise<void> {
  await checkZipBytes(bytes, limits, (entry, reason) => {
    const part = entry === null ? '' : `its part "${entry.slice(0, 200)}": `;
    if (reason.startsWith(TOO_LARGE)) {
      return new ImportError(fileName, `the Word document is too large when unpacked (${part}${reason.slice(TOO_LARGE.length + 2)}; the limit for a whole document is ${mib(limits.maxTotalBytes)})`, { reason: 'too-large-unpacked', limit: limits.maxTotalBytes });
    }
    return new ImportError(fileName, `the Word document is damaged or incomplete (${part}${reason})`, { reason: 'damaged-document' });
  });
}

function describe(error: unknown): string {
  return detailWithoutContent(error);
}

export const readDocx: Reader = async (bytes, fileName) => {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new ImportError(fileName, 'this is an old Word .doc file; open it in Word or LibreOffice and save it as .docx', { reason: 'old-doc-format' });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new ImportError(fileName, 'this is not a Word document (.docx files are ZIP archives)', { reason: 'wrong-format', format: 'Word (.docx)' });
  await checkArchive(bytes, fileName, DOCX_LIMITS);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        // Images carry no text: never read them (mammoth CVE-2025-11849 was about image links).
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError(fileName, `the Word document is damaged or incomplete (${describe(error)})`, { reason: 'damaged-document' });
  }
  const { title, blocks } = takeOpeningTitle(htmlToBlocks(html));
  if (blocks.length === 0) throw new ImportError(fileName, 'the Word document has no text', { reason: 'no-text' });
  return [article({ title, blocks: plainBlocks(blocks) })];
};
