/**
 * Makes the text layer of a PDF printed by Chromium give back plain Arabic
 * letters to every reader (issue 12).
 *
 * Chromium's PDF writer (Skia) maps each glyph to the character its font's
 * cmap gives it: with the print font (fonts.ts) an Arabic letter's joining
 * form is a presentation-form character (ﻋ U+FECB for ع). Because that is not
 * the letter the text holds, Skia wraps nearly every glyph in a marked-content
 * span whose /ActualText is the letter. Readers then differ: pdf.js ignores
 * /ActualText (presentation forms, and spans that split its text runs into
 * single glyphs), poppler's pdftotext honours it but writes a span of two
 * letters backwards in right-to-left text (lam-alef: «األخيرة»).
 *
 * So, after printing: every ToUnicode map is rewritten with presentation forms
 * folded to their letters (NFKC, on those characters only; a lam-alef
 * ligature stays one character, see letterOf), and a span is removed where it
 * holds exactly one glyph whose rewritten mapping already says what its
 * /ActualText says. What is left in
 * spans (a letter with its diacritics, which is several glyphs) stays as
 * Chromium wrote it. Drawing is untouched: only marked-content operators and
 * the ToUnicode maps change. A PDF this does not recognise is returned as it
 * came.
 */
import { deflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;
export const foldPresentationForms = (text: string): string => text.replace(PRESENTATION_FORMS, (run) => run.normalize('NFKC'));
/**
 * The mapping written for a glyph: its letter — except the lam-alef ligatures
 * (U+FEF5–FEFC), which stay one character: readers reverse a glyph's two
 * characters in right-to-left text, and fold the ligature themselves (pdf.js
 * does; Qirtas's PDF import does).
 */
const LAM_ALEF = /^[\uFEF5-\uFEFC]$/;
const letterOf = (text: string): string => (LAM_ALEF.test(text) ? text : foldPresentationForms(text));

function fromUtf16Hex(hex: string): string {
  let out = '';
  for (let index = 0; index + 4 <= hex.length; index += 4) out += String.fromCharCode(Number.parseInt(hex.slice(index, index + 4), 16));
  return out;
}

function toUtf16Hex(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) out += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return out;
}

/** The glyph → text entries of a ToUnicode CMap (bfchar and bfrange, as Skia writes them). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(Number.parseInt(code as string, 16), fromUtf16Hex(text as string));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, rest] of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)/g)) {
      const from = Number.parseInt(low as string, 16);
      const to = Number.parseInt(high as string, 16);
      if (rest!.startsWith('[')) {
        [...rest!.matchAll(/<([0-9A-Fa-f]*)>/g)].forEach((entry, offset) => map.set(from + offset, fromUtf16Hex(entry[1] as string)));
      } else {
        const first = fromUtf16Hex(rest!.slice(1, -1));
        for (let code = from; code <= to && code - from < 65536; code += 1) {
          map.set(code, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + (code - from)));
        }
      }
    }
  }
  return map;
}

/** A ToUnicode CMap of these entries (bfchar blocks of at most 100, as the CMap format asks). */
export function writeToUnicode(map: ReadonlyMap<number, string>): string {
  const entries = [...map.entries()].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let index = 0; index < entries.length; index += 100) {
    const chunk = entries.slice(index, index + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([code, text]) => `<${code.toString(16).toUpperCase().padStart(4, '0')}> <${toUtf16Hex(text)}>`).join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<<  /Registry (Adobe)
/Ordering (UCS)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;
}

const SPAN_OPEN = /^\/Span\s*<<\s*\/ActualText\s*<([0-9A-Fa-f]*)>\s*>>\s*BDC$/;
const SET_FONT = /^\/(\S+)\s+[-\d.]+\s+Tf$/;
const SHOW_GLYPH = /(?:^|\s)<([0-9A-Fa-f]+)>\s*Tj$/;

/**
 * A content stream with the spans removed whose single glyph's mapping (in the
 * font set at that point) already gives their /ActualText.
 */
export function removeRedundantSpans(content: string, mappings: ReadonlyMap<string, ReadonlyMap<number, string>>): { content: string; removed: number } {
  const lines = content.split('\n');
  const out: string[] = [];
  let font = '';
  let removed = 0;
  const track = (line: string) => {
    const set = SET_FONT.exec(line.trim());
    if (set) font = set[1] as string;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const open = SPAN_OPEN.exec(line.trim());
    if (!open) {
      track(line);
      out.push(line);
      continue;
    }
    let close = index + 1;
    while (close < lines.length && (lines[close] as string).trim() !== 'EMC' && !/BDC$|BMC$/.test((lines[close] as string).trim())) close += 1;
    if (close >= lines.length || (lines[close] as string).trim() !== 'EMC') {
      out.push(line);
      continue;
    }
    const inner = lines.slice(index + 1, close);
    const before = font;
    inner.forEach(track);
    const shows = inner.filter((candidate) => /T[jJ]$|'$|"$/.test(candidate.trim()));
    const glyph = shows.length === 1 ? SHOW_GLYPH.exec((shows[0] as string).trim())?.[1] : undefined;
    // The font of the glyph: the last one set before its show operator.
    let glyphFont = before;
    for (const candidate of inner) {
      if (candidate === shows[0]) break;
      const set = SET_FONT.exec(candidate.trim());
      if (set) glyphFont = set[1] as string;
    }
    const mapped = glyph && glyph.length === 4 ? mappings.get(glyphFont)?.get(Number.parseInt(glyph, 16)) : undefined;
    if (mapped !== undefined && mapped !== '' && foldPresentationForms(mapped) === fromUtf16Hex((open[1] as string).replace(/^FEFF/i, ''))) {
      out.push(...inner);
      removed += 1;
    } else {
      out.push(...lines.slice(index, close + 1));
    }
    index = close;
  }
  return { content: out.join('\n'), removed };
}

function streamText(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

function setStream(document: PDFDocument, ref: PDFRef, old: PDFRawStream, text: string): void {
  const data = deflateSync(Buffer.from(text, 'latin1'));
  const dict = old.dict.clone(document.context);
  dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  dict.delete(PDFName.of('DecodeParms'));
  dict.set(PDFName.of('Length'), document.context.obj(data.length));
  document.context.assign(ref, PDFRawStream.of(dict, data));
}

export interface TextLayerReport {
  bytes: Uint8Array;
  fontsRewritten: number;
  spansRemoved: number;
}

/** The PDF with a plain-letter text layer (see the header); the input unchanged when nothing applies or it cannot be read. */
export async function plainLetterTextLayer(pdf: Uint8Array): Promise<TextLayerReport> {
  try {
    return await rewriteTextLayer(await PDFDocument.load(pdf, { updateMetadata: false }), pdf);
  } catch {
    // Not a PDF this understands (another producer, a damaged file): the printer's bytes, untouched.
    return { bytes: pdf, fontsRewritten: 0, spansRemoved: 0 };
  }
}

async function rewriteTextLayer(document: PDFDocument, pdf: Uint8Array): Promise<TextLayerReport> {
  const context = document.context;
  const folded = new Map<string, Map<number, string>>(); // ToUnicode ref → folded map
  let fontsRewritten = 0;
  let spansRemoved = 0;

  const mapOfFont = (fontRef: unknown): Map<number, string> | undefined => {
    const font = fontRef instanceof PDFRef ? context.lookup(fontRef) : fontRef;
    if (!(font instanceof PDFDict)) return undefined;
    const toUnicodeRef = font.get(PDFName.of('ToUnicode'));
    if (!(toUnicodeRef instanceof PDFRef)) return undefined;
    const key = toUnicodeRef.toString();
    const known = folded.get(key);
    if (known) return known;
    const stream = context.lookup(toUnicodeRef);
    if (!(stream instanceof PDFRawStream)) return undefined;
    const original = parseToUnicode(streamText(stream));
    const map = new Map([...original].map(([code, text]) => [code, letterOf(text)]));
    if ([...original].some(([code, text]) => map.get(code) !== text)) {
      setStream(document, toUnicodeRef, stream, writeToUnicode(map));
      fontsRewritten += 1;
    }
    folded.set(key, map);
    return map;
  };

  for (const page of document.getPages()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const mappings = new Map<string, Map<number, string>>();
    for (const [name, ref] of fonts?.entries() ?? []) {
      const map = mapOfFont(ref);
      if (map) mappings.set(name.asString().replace(/^\//, ''), map);
    }
    if (mappings.size === 0) continue;
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFRef ? [contents] : contents instanceof PDFArray ? contents.asArray().filter((item): item is PDFRef => item instanceof PDFRef) : [];
    for (const ref of refs) {
      const stream = context.lookup(ref);
      if (!(stream instanceof PDFRawStream) || stream instanceof PDFStream === false) continue;
      const text = streamText(stream);
      if (!text.includes('/ActualText')) continue;
      const result = removeRedundantSpans(text, mappings);
      if (result.removed === 0) continue;
      setStream(document, ref, stream, result.content);
      spansRemoved += result.removed;
    }
  }
  if (fontsRewritten === 0 && spansRemoved === 0) return { bytes: pdf, fontsRewritten, spansRemoved };
  return { bytes: await document.save({ useObjectStreams: false }), fontsRewritten, spansRemoved };
}
