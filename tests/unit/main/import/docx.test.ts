// The .docx reader on the seed article written by the docx package with right-to-left (bidi) paragraphs.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../../main/import/formats/index.js';
import { makeDocx, seedArticle } from '../../../support/make-import-fixtures.js';
import { importError } from '../../../support/import-error.js';

const article = seedArticle();

describe('.docx reader', () => {
  it('keeps the title, headings, paragraphs, the quote and list items, Arabic in logical order', async () => {
    const [parsed] = await parseFile(await makeDocx(article), 'article.docx');
    expect(parsed).toEqual({ title: article.title, blocks: article.blocks });
  });

  it('refuses a truncated document with a reason, naming the file', async () => {
    const bytes = await makeDocx(article);
    const error = await importError(parseFile(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.docx'));
    expect(error.file).toBe('cut.docx');
    expect(error.message).toMatch(/^cut\.docx: the Word document is damaged or incomplete/);
  });

  it('refuses bytes that are not a ZIP, and says what to do with an old .doc file', async () => {
    expect((await importError(parseFile(new TextEncoder().encode(article.title), 'text.docx'))).reason).toMatch(/not a Word document/);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await importError(parseFile(ole, 'old.docx'))).reason).toMatch(/old Word \.doc file/);
  });

  it('refuses a ZIP whose document part is corrupted', async () => {
    const bytes = await makeDocx(article);
    const corrupted = new Uint8Array(bytes);
    // Overwrite the middle of the archive (compressed XML) with noise; keep the ZIP header and directory.
    for (let i = 100; i < bytes.length - 400; i += 1) corrupted[i] = (i * 31) % 256;
    const error = await importError(parseFile(corrupted, 'noise.docx'));
    expect(error.reason).toMatch(/damaged or incomplete|no text/);
  });
});
