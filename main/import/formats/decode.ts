/**
 * Bytes → text for the text-based formats (txt, md, jsonl, csv, and HTML once
 * its charset is known): an explicit encoding wins, otherwise detection decides,
 * and an unsure or damaged result becomes an error that asks for --encoding
 * rather than text full of U+FFFD or mojibake.
 */
import iconv from 'iconv-lite';
import { type ImportWarning, importWarning } from '../../../common/import-warnings.js';
import { detectEncoding, utf8Damage } from '../detect-encoding.js';
import { ImportError } from './parsed-article.js';

export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it. */
  encoding: string;
  warnings: ImportWarning[];
}

/** Thrown when the encoding cannot be decided: the CLI says "pass --encoding", the UI asks. */
export class EncodingUnsureError extends ImportError {
  constructor(
    file: string,
    reason: string,
    readonly candidates: readonly string[],
  ) {
    super(file, `${reason}. Choose the text encoding and import again (for example --encoding ${candidates.join(' or --encoding ')})`);
    this.name = 'EncodingUnsureError';
  }
}

const ALIASES: Record<string, string> = { utf8: 'utf-8', cp1256: 'windows-1256', 'arabic': 'iso-8859-6', 'iso88596': 'iso-8859-6' };

/** Lower-cases and resolves common aliases; null when iconv-lite does not know the encoding. */
export function normalizeEncodingName(name: string): string | null {
  const lower = name.trim().toLowerCase();
  const resolved = ALIASES[lower] ?? lower;
  return iconv.encodingExists(resolved) ? resolved : null;
}

/** Line endings to \n, a leading BOM dropped, NFC (reliability §5.2 step 8). */
export function tidyDecoded(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Decodes with an encoding the user chose. Damaged UTF-8 is decoded with U+FFFD, but says so. */
export function decodeAs(bytes: Uint8Array, fileName: string, name: string): DecodedText {
  const encoding = normalizeEncodingName(name);
  if (!encoding) throw new ImportError(fileName, `unknown text encoding "${name}"`, { reason: 'unknown-encoding', encoding: name });
  const warnings: ImportWarning[] = [];
  if (encoding === 'utf-8') {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const { invalid } = utf8Damage(body);
    if (invalid > 0) warnings.push(importWarning.invalidBytes(invalid));
    return { text: tidyDecoded(new TextDecoder('utf-8').decode(body)), encoding, warnings };
  }
  return { text: tidyDecoded(iconv.decode(Buffer.from(bytes), encoding)), encoding, warnings };
}

const LEGACY_CANDIDATES = ['windows-1256', 'iso-8859-6'];

/** Decodes a text file: the explicit encoding if given, else the detected one, else an error. */
export function decodeTextFile(bytes: Uint8Array, fileName: string, explicit?: string): DecodedText {
  if (explicit) return decodeAs(bytes, fileName, explicit);
  const detected = detectEncoding(bytes);
  if (detected.encoding === 'binary') throw new ImportError(fileName, detected.reason, { reason: 'binary-file' });
  if (!detected.confident) {
    const candidates = detected.encoding === 'utf-8' ? ['utf-8', ...LEGACY_CANDIDATES] : [detected.encoding, ...LEGACY_CANDIDATES.filter((c) => c !== detected.encoding)];
    throw new EncodingUnsureError(fileName, `cannot tell the text encoding for sure: ${detected.reason}`, candidates);
  }
  const body = bytes.subarray(detected.bomLength);
  // Detection has already proved the bytes valid for this encoding, so iconv-lite replaces nothing here.
  const text = iconv.decode(Buffer.from(body), detected.encoding);
  return { text: tidyDecoded(text), encoding: detected.encoding, warnings: [] };
}
