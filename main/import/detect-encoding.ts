/**
 * Text-encoding detection for imported files (reliability-security.md §5.2):
 * deterministic steps first (magic bytes, BOM, NUL pattern, strict UTF-8, the
 * bytes ISO-8859-6 leaves unassigned), a letter-ratio score only as the last
 * step, and `confident: false` whenever the answer is a guess — the caller then
 * asks the user instead of storing mojibake.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

export interface EncodingGuess {
  /** 'binary' when the bytes are not text at all. */
  encoding: TextEncoding | 'binary';
  /** False when the caller should ask the user (damaged UTF-8, short or ambiguous legacy text). */
  confident: boolean;
  /** Why, in words a user can act on. */
  reason: string;
  /** Length of the byte-order mark at the start (0 when none); the decoder skips it. */
  bomLength: number;
}

/** Where VS Code looks for NUL bytes to tell UTF-16 from binary; we look a little further. */
const SNIFF_BYTES = 4096;
/** Legacy files shorter than this are too short to tell Windows-1256 from ISO-8859-6 (ENC-04). */
const MIN_LEGACY_BYTES = 64;

const MAGIC: ReadonlyArray<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (perhaps a .docx document)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office document (.doc)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x4d, 0x5a], what: 'a Windows program' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** Recognises well-known binary formats by their first bytes. */
export function sniffBinaryFormat(bytes: Uint8Array): string | null {
  return MAGIC.find((magic) => startsWith(bytes, magic.bytes))?.what ?? null;
}

// ISO-8859-6 leaves C1 controls and these positions unassigned; any of them rules it out (libguess).
function isOutsideIso88596(byte: number): boolean {
  return (
    (byte >= 0x80 && byte <= 0x9f) ||
    (byte >= 0xa1 && byte <= 0xa3) ||
    (byte >= 0xa5 && byte <= 0xab) ||
    (byte >= 0xae && byte <= 0xba) ||
    (byte >= 0xbc && byte <= 0xbe) ||
    byte === 0xc0 ||
    (byte >= 0xdb && byte <= 0xdf) ||
    byte >= 0xf3
  );
}

/** C0 control characters that never occur in text (tab, newlines, form feed and ESC excepted). */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1b) || code === 0x7f;
}

function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) if (isControl(text.charCodeAt(i))) controls += 1;
  return controls / text.length;
}

/** Share of Arabic-block letters among the non-ASCII characters of a decoded text. */
export function arabicLetterRatio(text: string): number {
  let nonAscii = 0;
  let arabic = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80 || /\s/u.test(char)) continue;
    nonAscii += 1;
    if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f)) arabic += 1;
  }
  return nonAscii === 0 ? 0 : arabic / nonAscii;
}

function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes, to tell damaged UTF-8 from a legacy code page. */
export function utf8Damage(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  const bad = (at: number) => {
    invalid += 1;
    if (firstInvalid < 0) firstInvalid = at;
  };
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // Lead byte → sequence length and the allowed range of the second byte (no overlongs, no surrogates).
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k += 1) {
      const byte = bytes[i + k]!;
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) ok = false;
    }
    if (ok) {
      valid += 1;
      i += length;
    } else {
      bad(i);
      i += 1;
    }
  }
  return { valid, invalid, firstInvalid };
}

/** UTF-16 without a BOM: NULs (ASCII high bytes) or 0x06 (Arabic high bytes) fill one column of byte pairs. */
function sniffUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | 'binary' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let nulEven = 0;
  let nulOdd = 0;
  let highEven = 0;
  let highOdd = 0;
  for (let i = 0; i < pairs * 2; i += 1) {
    const byte = sample[i]!;
    const even = i % 2 === 0;
    if (byte === 0) {
      if (even) nulEven += 1;
      else nulOdd += 1;
    }
    // Plausible high bytes of text: ASCII/Latin-1 (00), Arabic (06), punctuation (20), presentation forms (FB, FE).
    if (byte === 0x00 || byte === 0x06 || byte === 0x20 || byte === 0xfb || byte === 0xfe) {
      if (even) highEven += 1;
      else highOdd += 1;
    }
  }
  const column = 0.9 * pairs;
  if (nulOdd > 0 && nulEven === 0 && highOdd >= column) return 'utf-16le';
  if (nulEven > 0 && nulOdd === 0 && highEven >= column) return 'utf-16be';
  // Arabic-only UTF-16 may have no NULs at all (no spaces): the 0x06 column still shows.
  if (nulEven === 0 && nulOdd === 0) {
    if (highOdd >= column && highEven < pairs * 0.5) return 'utf-16le';
    if (highEven >= column && highOdd < pairs * 0.5) return 'utf-16be';
    return null;
  }
  return 'binary';
}

function strictUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | null {
  if (bytes.length % 2 !== 0) return null;
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const guess = (encoding: EncodingGuess['encoding'], confident: boolean, reason: string, bomLength = 0): EncodingGuess => ({
  encoding,
  confident,
  reason,
  bomLength,
});

/** Decides how a text file is encoded. Never throws; `confident: false` means "ask the user". */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const format = sniffBinaryFormat(bytes);
  if (format) return guess('binary', true, `binary file: this is ${format}, not plain text`);

  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return guess('binary', true, 'the file is UTF-32 text, which Qirtas does not read; save it as UTF-8');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const body = bytes.subarray(3);
    if (isStrictUtf8(body)) return guess('utf-8', true, 'UTF-8 byte-order mark', 3);
    const damage = utf8Damage(body);
    return guess('utf-8', false, `the file says it is UTF-8 (byte-order mark) but has ${damage.invalid} invalid byte(s), the first at offset ${damage.firstInvalid + 3}`, 3);
  }
  for (const [bom, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (startsWith(bytes, bom)) {
      const text = strictUtf16(bytes.subarray(2), encoding);
      if (text !== null) return guess(encoding, true, `${encoding.toUpperCase()} byte-order mark`, 2);
      return guess(encoding, false, `the file has a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`, 2);
    }
  }

  const sample = bytes.subarray(0, SNIFF_BYTES);
  const utf16 = sniffUtf16(sample);
  if (utf16 === 'binary') return guess('binary', true, 'binary file: it contains NUL bytes in no text pattern');
  if (utf16) {
    const text = strictUtf16(bytes, utf16);
    if (text !== null && controlRatio(text) < 0.01) return guess(utf16, true, `${utf16.toUpperCase()} without a byte-order mark (byte-pair pattern)`);
  }
  if (bytes.includes(0)) return guess('binary', true, 'binary file: it contains NUL bytes');

  if (isStrictUtf8(bytes)) {
    if (controlRatio(new TextDecoder('utf-8').decode(sample)) > 0.05) return guess('binary', true, 'binary file: too many control characters');
    return guess('utf-8', true, 'valid UTF-8');
  }

  const damage = utf8Damage(bytes);
  if (damage.valid >= 4 && damage.valid >= 9 * damage.invalid) {
    return guess(
      'utf-8',
      false,
      `the file looks like UTF-8 but has ${damage.invalid} invalid byte(s), the first at offset ${damage.firstInvalid}`,
    );
  }

  const cp1256 = iconv.decode(Buffer.from(bytes), 'windows-1256');
  if (controlRatio(cp1256) > 0.05) return guess('binary', true, 'binary file: too many control bytes');
  const short = bytes.length < MIN_LEGACY_BYTES;
  const ruledOut = bytes.some(isOutsideIso88596);
  if (ruledOut) {
    const ratio = arabicLetterRatio(cp1256);
    if (short) return guess('windows-1256', false, 'the file is not UTF-8 and too short to be sure it is Windows-1256 Arabic');
    if (ratio < 0.6) return guess('windows-1256', false, 'the file is not UTF-8 and does not read as Arabic in Windows-1256');
    return guess('windows-1256', true, 'not UTF-8; uses bytes that only Windows-1256 assigns');
  }
  const iso = iconv.decode(Buffer.from(bytes), 'iso-8859-6');
  const isoRatio = arabicLetterRatio(iso);
  const cpRatio = arabicLetterRatio(cp1256);
  const best: TextEncoding = isoRatio >= cpRatio ? 'iso-8859-6' : 'windows-1256';
  if (short) return guess(best, false, 'the file is not UTF-8 and too short to tell Windows-1256 from ISO-8859-6');
  const [winner, loser] = best === 'iso-8859-6' ? [isoRatio, cpRatio] : [cpRatio, isoRatio];
  if (winner >= 0.95 && loser <= 0.85) {
    return guess(best, true, `not UTF-8; reads as Arabic in ${best === 'iso-8859-6' ? 'ISO-8859-6' : 'Windows-1256'} only`);
  }
  return guess(best, false, 'the file is not UTF-8 and reads as Arabic in both Windows-1256 and ISO-8859-6');
}
