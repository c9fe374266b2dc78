/**
 * A compact, lossless byte encoding for stored article text. Arabic letters and
 * harakat (U+0600–U+067F) and ASCII take one byte each, so an Arabic article costs
 * about half of UTF-16 or UTF-8; everything else costs three bytes. The index keeps
 * every article's text this way (off the JS heap) for snippets and phrase checks.
 *
 *   byte 0x00, 0x02–0x7F  → that ASCII code unit
 *   byte 0x80–0xFF        → U+0600 + (byte − 0x80)
 *   byte 0x01, hi, lo     → any other UTF-16 code unit (lone surrogates included)
 */

const ESCAPE = 0x01;
const ARABIC_BASE = 0x0600;

/** Worst case: three bytes per UTF-16 code unit. */
export function maxEncodedLength(text: string): number {
  return text.length * 3;
}

/** Encodes `text` into `out` at `at`; returns the position after the last byte written. */
export function encodeInto(text: string, out: Uint8Array, at: number): number {
  let p = at;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && c !== ESCAPE) {
      out[p++] = c;
    } else if (c >= ARABIC_BASE && c < ARABIC_BASE + 0x80) {
      out[p++] = 0x80 + (c - ARABIC_BASE);
    } else {
      out[p++] = ESCAPE;
      out[p++] = c >>> 8;
      out[p++] = c & 0xff;
    }
  }
  return p;
}

export function encodeText(text: string): Uint8Array {
  const buffer = new Uint8Array(maxEncodedLength(text));
  return buffer.slice(0, encodeInto(text, buffer, 0));
}

let scratch = new Uint16Array(4096);

/** Decodes bytes[from, to) back to the original string. */
export function decodeText(bytes: Uint8Array, from = 0, to = bytes.length): string {
  if (scratch.length < to - from) scratch = new Uint16Array(Math.max(to - from, scratch.length * 2));
  let n = 0;
  for (let p = from; p < to; ) {
    const b = bytes[p++]!;
    if (b === ESCAPE) {
      scratch[n++] = (bytes[p]! << 8) | bytes[p + 1]!;
      p += 2;
    } else {
      scratch[n++] = b < 0x80 ? b : ARABIC_BASE + (b - 0x80);
    }
  }
  // Buffer's UTF-16LE decoder is by far the fastest way from code units to a string in Node
  // (Uint16Array is little-endian on every platform Electron ships for).
  return Buffer.from(scratch.buffer, scratch.byteOffset, n * 2).toString('utf16le');
}
