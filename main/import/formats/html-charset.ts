/**
 * Bytes → text for a saved web page: an explicit encoding, then a BOM, then the
 * page's own <meta charset> (many Arabic sites still declare windows-1256),
 * then the same detection as plain text.
 */
import iconv from 'iconv-lite';
import { decodeAs, decodeTextFile, normalizeEncodingName, tidyDecoded, type DecodedText } from './decode.js';

/** How far the HTML standard's prescan looks for a charset declaration. */
const PRESCAN_BYTES = 1024 * 4;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.()-]+)/i;

/** The charset a page declares in its first bytes, if iconv-lite knows it. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const label = META_CHARSET.exec(head)?.[1];
  if (!label) return null;
  const name = normalizeEncodingName(label);
  // A page that says UTF-16 in an ASCII-readable <meta> is not UTF-16 (HTML standard): treat as UTF-8.
  return name && name.startsWith('utf-16') ? 'utf-8' : name;
}

const hasBom = (bytes: Uint8Array) =>
  (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

export function decodeHtml(bytes: Uint8Array, fileName: string, explicit?: string): DecodedText {
  if (explicit) return decodeAs(bytes, fileName, explicit);
  if (!hasBom(bytes)) {
    const declared = declaredCharset(bytes);
    // A declared legacy charset is decoded as declared; a declared UTF-8 is still checked strictly below.
    if (declared && declared !== 'utf-8') {
      return { text: tidyDecoded(iconv.decode(Buffer.from(bytes), declared)), encoding: declared, warnings: [] };
    }
  }
  return decodeTextFile(bytes, fileName);
}
