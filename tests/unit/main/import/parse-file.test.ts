// parseFile/readerFor: dispatch by extension or explicit format, the size cap and empty files — checked
// before any reader runs — and errors that always name the file.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, formatOf, ImportError, IMPORT_FORMATS, parseFile, readerFor } from '../../../../main/import/formats/index.js';
import { readCsv, readJsonl } from '../../../../main/import/formats/dataset.js';
import { readDocx } from '../../../../main/import/formats/docx.js';
import { readHtml } from '../../../../main/import/formats/html.js';
import { readMarkdown } from '../../../../main/import/formats/markdown.js';
import { readPdf } from '../../../../main/import/formats/pdf.js';
import { readTxt } from '../../../../main/import/formats/txt.js';
import { makeMarkdown, seedArticle, seedText } from '../../../support/make-import-fixtures.js';
import { importError } from '../../../support/import-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readerFor', () => {
  it.each([
    ['a.txt', readTxt],
    ['A.TXT', readTxt],
    ['notes.md', readMarkdown],
    ['notes.markdown', readMarkdown],
    ['page.html', readHtml],
    ['page.htm', readHtml],
    ['doc.docx', readDocx],
    ['paper.pdf', readPdf],
    ['data.jsonl', readJsonl],
    ['data.csv', readCsv],
    ['/some/dir.with.dots/مقال.txt', readTxt],
  ])('%s', (name, reader) => {
    expect(readerFor(name)).toBe(reader);
  });

  it('lets an explicit format override the extension', () => {
    expect(readerFor('article.txt', 'markdown')).toBe(readMarkdown);
    expect(formatOf('export')).toBeUndefined();
  });

  it('refuses unknown file types with the list of supported ones', () => {
    expect(() => readerFor('image.png')).toThrow(ImportError);
    expect(() => readerFor('image.png')).toThrow(/^image\.png: this type of file cannot be imported \(supported: .*\.txt/);
    expect(() => readerFor('README')).toThrow(ImportError);
  });

  it('knows the seven formats', () => {
    expect([...IMPORT_FORMATS]).toEqual(['txt', 'markdown', 'html', 'docx', 'pdf', 'jsonl', 'csv']);
  });
});

describe('parseFile', () => {
  it('parses with the reader the extension names, honouring a format override', async () => {
    const markdown = utf8(makeMarkdown(seedArticle()));
    const [asMarkdown] = await parseFile(markdown, 'article.txt', { format: 'markdown' });
    expect(asMarkdown!.title).toBe(seedArticle().title);
    const [asText] = await parseFile(markdown, 'article.txt');
    expect(asText!.blocks[0]!.text.startsWith('# ')).toBe(true);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const bytes = utf8(seedText());
    const error = await importError(parseFile(bytes, 'big.txt', { maxBytes: 1000 }));
    expect(error.reason).toBe(`the file is too large (${(bytes.length / 1024).toFixed(1)} KB; the limit is 1000 bytes)`);
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  it.each(['a.txt', 'a.md', 'a.html', 'a.docx', 'a.pdf', 'a.jsonl', 'a.csv'])('refuses an empty %s', async (name) => {
    const error = await importError(parseFile(new Uint8Array(0), name));
    expect(error.message).toBe(`${name}: the file is empty`);
  });

  it('refuses an unknown type even when empty', async () => {
    await expect(parseFile(new Uint8Array(0), 'a.exe')).rejects.toThrow(/cannot be imported/);
  });
});
