/**
 * The entry point of the format readers: picks a reader by file extension (or
 * an explicit format), enforces the size cap and rejects empty files before
 * any parsing, and turns anything a reader did not foresee into an ImportError
 * instead of a crash.
 */
import { readCsv, readJsonl } from './dataset.js';
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { ImportError, type ParsedArticle, type Reader } from './parsed-article.js';
import { readPdf } from './pdf.js';
import { readTxt } from './txt.js';
import { detailWithoutContent } from '../../../common/error-detail.js';

export { ImportError, type ParsedArticle, type Reader, type ReaderOptions } from './parsed-article.js';
export { EncodingUnsureError } from './decode.js';

export const IMPORT_FORMATS = ['txt', 'markdown', 'html', 'docx', 'pdf', 'jsonl', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** 50 MB: far above any article, well below what a V8 string or lowdb can hold (reliability §5.1). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const READERS: Record<ImportFormat, Reader> = {
  txt: readTxt,
  markdown: readMarkdown,
  html: readHtml,
  docx: readDocx,
  pdf: readPdf,
  jsonl: readJsonl,
  csv: readCsv,
};

const EXTENSIONS: Record<string, ImportFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
};

export interface ParseFileOptions {
  format?: ImportFormat;
  encoding?: string;
  /** Files larger than this are refused before parsing (default 50 MB). */
  maxBytes?: number;
}

/** The format a file name implies, or undefined. */
export function formatOf(fileName: string): ImportFormat | undefined {
  const match = /\.[^./\\]+$/.exec(fileName.toLowerCase());
  return match ? EXTENSIONS[match[0]] : undefined;
}

/** The reader for a file, by its extension unless a format is given; ImportError for unknown types. */
export function readerFor(fileName: string, formatOverride?: ImportFormat): Reader {
  const format = formatOverride ?? formatOf(fileName);
  if (format && format in READERS) return READERS[format];
  const known = Object.keys(EXTENSIONS).join(' ');
  throw new ImportError(fileName, formatOverride ? `unknown import format "${String(formatOverride)}"` : `this type of file cannot be imported (supported: ${known})`, { reason: 'unsupported-format' });
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "N; the limit is L", never worded the same on both sides ("50.0 MB; the limit is 50.0 MB"): exact bytes when rounding hides the difference. */
export function sizeAndLimit(bytes: number, limit: number): string {
  const [shown, shownLimit] = size(bytes) === size(limit) ? [`${bytes.toLocaleString('en')} bytes`, `${limit.toLocaleString('en')} bytes`] : [size(bytes), size(limit)];
  return `${shown}; the limit is ${shownLimit}`;
}

/** Parses one file into articles (datasets give many), or throws an ImportError naming the file. */
export async function parseFile(bytes: Uint8Array, fileName: string, options: ParseFileOptions = {}): Promise<ParsedArticle[]> {
  const reader = readerFor(fileName, options.format);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new ImportError(fileName, `the file is too large (${sizeAndLimit(bytes.length, maxBytes)})`, { reason: 'file-too-large', size: bytes.length, limit: maxBytes });
  }
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty', { reason: 'file-empty' });
  try {
    return await reader(bytes, fileName, { encoding: options.encoding });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // The reader's complaint without any of the file's text it may quote.
    throw new ImportError(fileName, `the file could not be read (${detailWithoutContent(error)})`, { reason: 'damaged-document' });
  }
}
