// Encoding detection and the .txt reader (reliability-security.md §5.3, ENC-*), on the seed article
// encoded by iconv-lite in every encoding Arabic text files come in.
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../../main/import/detect-encoding.js';
import { EncodingUnsureError, parseFile } from '../../../../main/import/formats/index.js';
import { parsePlainText } from '../../../../common/text/plain-text.js';
import { encodeText, isoEncodableSeedText, seedText, type FixtureEncoding } from '../../../support/make-import-fixtures.js';
import { importError } from '../../../support/import-error.js';

const seed = seedText();
const isoSeed = isoEncodableSeedText();
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectEncoding (deterministic steps)', () => {
  const cases: Array<{ name: string; text: string; encoding: FixtureEncoding; bom: boolean }> = [
    { name: 'UTF-8', text: seed, encoding: 'utf-8', bom: false },
    { name: 'UTF-8 with BOM', text: seed, encoding: 'utf-8', bom: true },
    { name: 'UTF-16LE with BOM', text: seed, encoding: 'utf-16le', bom: true },
    { name: 'UTF-16BE with BOM', text: seed, encoding: 'utf-16be', bom: true },
    { name: 'UTF-16LE without BOM', text: seed, encoding: 'utf-16le', bom: false },
    { name: 'UTF-16BE without BOM', text: seed, encoding: 'utf-16be', bom: false },
    { name: 'Windows-1256', text: seed, encoding: 'windows-1256', bom: false },
    { name: 'ISO-8859-6', text: isoSeed, encoding: 'iso-8859-6', bom: false },
  ];

  it.each(cases)('$name is recognised with confidence', ({ text, encoding, bom }) => {
    const guess = detectEncoding(encodeText(text, encoding, { bom }));
    expect(guess.encoding).toBe(encoding);
    expect(guess.confident).toBe(true);
    expect(guess.reason).not.toBe('');
  });

  it.each(cases)('ENC-01: $name imports to the same text as UTF-8', async ({ text, encoding, bom }) => {
    const [article] = await parseFile(encodeText(text, encoding, { bom }), 'article.txt');
    expect(article!.blocks).toEqual(parsePlainText(text));
    expect(article!.blocks[0]!.text.startsWith('\uFEFF')).toBe(false); // ENC-07
  });

  it('ENC-02: Windows-1256 is decided by bytes ISO-8859-6 leaves unassigned, not by statistics', () => {
    const guess = detectEncoding(encodeText(seed, 'windows-1256'));
    expect(guess.reason).toMatch(/only Windows-1256/);
  });

  it('ENC-03: ISO-8859-6 text, which both code pages could decode, is scored and read correctly', async () => {
    const bytes = encodeText(isoSeed, 'iso-8859-6');
    expect(detectEncoding(bytes).reason).toMatch(/ISO-8859-6 only/);
    const [article] = await parseFile(bytes, 'iso.txt');
    expect(article!.blocks.map((block) => block.text).join('\n')).toBe(isoSeed);
  });

  it('ENC-04: a very short legacy file is not guessed: the user is asked, and an explicit encoding works', async () => {
    const short = seed.split(' ').slice(0, 4).join(' ');
    const bytes = encodeText(short, 'windows-1256');
    expect(bytes.length).toBeLessThan(64);
    expect(detectEncoding(bytes).confident).toBe(false);
    const error = await importError(parseFile(bytes, 'short.txt'));
    expect(error).toBeInstanceOf(EncodingUnsureError);
    expect(error.message).toMatch(/^short\.txt: /);
    expect(error.reason).toMatch(/--encoding windows-1256/);
    const [article] = await parseFile(bytes, 'short.txt', { encoding: 'windows-1256' });
    expect(article!.blocks[0]!.text).toBe(short);
  });

  const invalidUtf8: Array<[string, number[], 'middle' | 'end']> = [
    ['a lone continuation byte', [0x80], 'middle'],
    ['an overlong "/" (C0 AF)', [0xc0, 0xaf], 'middle'],
    ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80], 'middle'],
    ['a 5-byte form', [0xf8, 0x88, 0x80, 0x80, 0x80], 'middle'],
    ['a sequence truncated at the end of the file', [0xd8], 'end'],
  ];

  it.each(invalidUtf8)('ENC-05/06: UTF-8 with %s is reported as damaged UTF-8, never re-read as a code page', async (_name, bad, where) => {
    const good = utf8(seed);
    const at = where === 'end' ? good.length : 200;
    const bytes = new Uint8Array([...good.subarray(0, at), ...bad, ...good.subarray(at)]);
    const guess = detectEncoding(bytes);
    expect(guess.encoding).toBe('utf-8');
    expect(guess.confident).toBe(false);
    expect(guess.reason).toMatch(/invalid byte/);
    const error = await importError(parseFile(bytes, 'damaged.txt'));
    expect(error.reason).toMatch(/invalid byte.*--encoding/s);
  });

  it('ENC-05: choosing UTF-8 for a damaged file imports it with U+FFFD and says how many bytes were replaced', async () => {
    const good = utf8(seed);
    const bytes = new Uint8Array([...good.subarray(0, 200), 0xc0, 0xaf, ...good.subarray(200)]);
    const [article] = await parseFile(bytes, 'damaged.txt', { encoding: 'utf-8' });
    expect(article!.warnings).toEqual([{ code: 'invalid-bytes-replaced', params: { count: 2 }, message: '2 invalid UTF-8 byte(s) were replaced with U+FFFD (�)' }]);
  });

  const binaries: Array<[string, Uint8Array]> = [
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n')],
    ['a ZIP (docx)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])],
    ['a Windows program', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])],
    ['random bytes with NULs', new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 7919) % 256))],
  ];

  it.each(binaries)('ENC-08: %s under .txt is rejected as a binary file', async (_name, bytes) => {
    expect(detectEncoding(bytes).encoding).toBe('binary');
    const error = await importError(parseFile(bytes, 'notes.txt'));
    expect(error.file).toBe('notes.txt');
    expect(error.reason).toMatch(/^binary file/);
  });

  it('ENC-11: a whitespace-only file is refused with a message', async () => {
    const error = await importError(parseFile(utf8(' \n\t\n  '), 'blank.txt'));
    expect(error.reason).toMatch(/no text/);
  });

  it('ENC-14: CRLF, CR and LF line endings import identically', async () => {
    const lf = seed.replace(/\r\n?/g, '\n');
    const results = await Promise.all(
      [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')].map((text) => parseFile(utf8(text), 'a.txt')),
    );
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('an unknown explicit encoding is an ImportError', async () => {
    const error = await importError(parseFile(utf8(seed), 'a.txt', { encoding: 'klingon-8' }));
    expect(error.reason).toMatch(/unknown text encoding/);
  });
});

describe('.txt reader', () => {
  it('keeps the seed as blocks (paragraphs and its two sub-headings), leaving the title to the caller', async () => {
    const [article] = await parseFile(utf8(seed), 'seed-article.txt');
    expect(article!.title).toBe('');
    expect(article!.blocks).toEqual(parsePlainText(seed));
    expect(article!.blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['سيطرة المعارضة على درعا', 'عمليات الجنوب']);
  });

  it('takes a dateline at the top as the published date (Arabic-Indic digits) and keeps it out of the text', async () => {
    const [article] = await parseFile(utf8(`٢٠٢٤/١٢/٠٧\n${seed}`), 'a.txt');
    expect(article!.published).toBe('2024-12-07');
    expect(article!.blocks).toEqual(parsePlainText(seed));
  });

  it('does not take a date inside a paragraph for a dateline', async () => {
    const [article] = await parseFile(utf8(`${seed.split('\n')[0]} 7 ديسمبر 2024\n${seed}`), 'a.txt');
    expect(article!.published).toBeUndefined();
  });
});
