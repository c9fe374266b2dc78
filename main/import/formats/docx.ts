/**
 * Word documents (.docx): mammoth converts to HTML (external files off, images
 * never read), then the same sanitise-and-reduce path as web pages, without
 * Readability (a document is all content). Word stores right-to-left paragraphs
 * in logical order, so Arabic text comes out as written.
 */
import mammoth from 'mammoth';
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

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}

export const readDocx: Reader = async (bytes, fileName) => {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new ImportError(fileName, 'this is an old Word .doc file; open it in Word or LibreOffice and save it as .docx');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new ImportError(fileName, 'this is not a Word document (.docx files are ZIP archives)');
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
    throw new ImportError(fileName, `the Word document is damaged or incomplete (${describe(error)})`);
  }
  const { title, blocks } = takeOpeningTitle(htmlToBlocks(html));
  if (blocks.length === 0) throw new ImportError(fileName, 'the Word document has no text');
  return [article({ title, blocks: plainBlocks(blocks) })];
};
