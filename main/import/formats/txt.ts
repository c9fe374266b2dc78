/**
 * Plain-text reader (.txt): decoding through detect-encoding (an explicit
 * encoding wins), then the same one-paragraph-a-line model as pasted text. A
 * dateline at the top ("السبت 7 ديسمبر 2024") becomes the published date.
 */
import { parsePlainText } from '../../../common/text/plain-text.js';
import { sniffBinaryFormat } from '../detect-encoding.js';
import { isDateline, parsePublishedDate } from '../../../common/dates.js';
import { decodeTextFile } from './decode.js';
import { article, ImportError, type Reader } from './parsed-article.js';

/** How far down a dateline may sit (title, dateline, …). */
const DATELINE_LINES = 3;

/** Finds a line that is only a date among the first few lines, and removes it. */
function takeDateline(lines: string[]): { published: string | null; lines: string[] } {
  const nonEmpty = lines.map((line, index) => ({ line: line.trim(), index })).filter(({ line }) => line !== '');
  for (const { line, index } of nonEmpty.slice(0, DATELINE_LINES)) {
    if (isDateline(line)) {
      return { published: parsePublishedDate(line), lines: lines.filter((_, i) => i !== index) };
    }
  }
  return { published: null, lines };
}

export const readTxt: Reader = async (bytes, fileName, options) => {
  const format = sniffBinaryFormat(bytes);
  if (format) throw new ImportError(fileName, `binary file: this is ${format}, not plain text`, { reason: 'binary-file' });
  const { text, warnings } = decodeTextFile(bytes, fileName, options.encoding);
  if (text.includes('\u0000')) throw new ImportError(fileName, 'binary file: it contains NUL characters', { reason: 'binary-file' });
  if (!text.trim()) throw new ImportError(fileName, 'there is no text in this file (it is blank)', { reason: 'no-text' });
  const { published, lines } = takeDateline(text.split('\n'));
  const blocks = parsePlainText(lines.join('\n'));
  return [article({ title: '', blocks, published: published ?? undefined, warnings })];
};
