/**
 * PDF text pieces (positioned strings, as pdf.js returns them) → lines in
 * reading order → paragraphs. Pure geometry, no pdf.js here, so it can be
 * tested on hand-made pieces. Arabic lines are read right to left by the
 * pieces' positions; pdf.js has already put each multi-glyph piece of Arabic in
 * logical order, so only the order of pieces and left-to-right runs is fixed.
 */
import type { BlockKind } from '../../../common/types/article.js';
import { foldPresentationForms } from './arabic-forms.js';
import { RTL_LETTER, visualRtlToLogical } from './bidi-text.js';
import type { ReducedBlock } from './html-blocks.js';

export interface TextPiece {
  text: string;
  /** Left edge and baseline, in PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  /** Position in the page's content stream, when known. */
  order?: number;
}

export interface TextLine {
  text: string;
  y: number;
  size: number;
  left: number;
  right: number;
  rtl: boolean;
}

const center = (piece: TextPiece) => piece.x + piece.width / 2;
/** A piece that is only combining marks (pdf.js sometimes puts a space before one: " ً"). */
const isMarkOnly = (text: string) => /^\s*\p{M}+\s*$/u.test(text);
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/g;
const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'g');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * Puts marks into a piece after the letter drawn under `at`: a piece of
 * several letters is divided evenly between its letters (right to left for
 * Arabic), and the marks go after that letter and the marks it already has.
 */
export function insertMarkAt(piece: TextPiece, marks: string, at: number): string {
  const clusters = piece.text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
  if (clusters.length <= 1) return withMarks(piece.text, marks);
  const rtl = RTL_LETTER.test(piece.text);
  const fraction = piece.width > 0 ? Math.min(0.999, Math.max(0, (rtl ? piece.x + piece.width - at : at - piece.x) / piece.width)) : 1;
  let index = Math.floor(fraction * clusters.length);
  // Never onto a space: the nearest letter, looking back first (a mark follows its letter).
  for (let step = 0; step < clusters.length; step += 1) {
    if (clusters[index - step] && !/^\s/.test(clusters[index - step] as string)) {
      index -= step;
      break;
    }
    if (clusters[index + step] && !/^\s/.test(clusters[index + step] as string)) {
      index += step;
      break;
    }
  }
  clusters[index] = withMarks(clusters[index] as string, marks);
  return clusters.join('');
}

/** A letter (with its marks) and more marks; on a lam-alef ligature they belong to the lam (alef takes no vowel). */
function withMarks(cluster: string, marks: string): string {
  if (/^[\uFEF5-\uFEFC]/u.test(cluster)) {
    const [lam, alef] = [...(cluster[0] as string).normalize('NFKC')];
    return `${lam}${cluster.slice(1)}${marks}${alef ?? ''}`;
  }
  return cluster + marks;
}

/**
 * Diacritics drawn as pieces of their own (above or below the letter, so on a
 * slightly different baseline; browsers' PDFs do this for every mark) are put
 * back after the letter they sit over, found by position — not at the end of
 * the piece, which would move them to another letter (تُدخل → تدُخل).
 */
function attachMarks(pieces: TextPiece[]): TextPiece[] {
  const bases = pieces.filter((piece) => !isMarkOnly(piece.text)).map((piece) => ({ ...piece }));
  for (const mark of pieces.filter((piece) => isMarkOnly(piece.text))) {
    const at = center(mark);
    const marks = mark.text.trim();
    // The letter it is drawn over, else the nearest one on its line (a mark may stick out of its letter's advance).
    const distance = (base: TextPiece) => Math.max(0, base.x - at - 0.5, at - (base.x + base.width) - 0.5);
    const near = bases.filter((base) => base.text.trim() !== '' && Math.abs(base.y - mark.y) <= 1.2 * base.size && distance(base) <= Math.max(0.5, 0.6 * base.size));
    // Browsers draw right-to-left text in visual order, each mark just before its letter: when
    // the next glyph drawn is a nearby Arabic letter, that is the mark's letter (a font may place
    // the mark's origin over the neighbouring glyph, so position alone can pick the wrong one).
    const next = mark.order === undefined ? undefined : near.filter((base) => base.order !== undefined && base.order > mark.order!).sort((a, b) => a.order! - b.order!)[0];
    const host =
      next && RTL_LETTER.test(next.text) && bases.every((base) => base.order === undefined || base.order <= mark.order! || base.order >= next.order! || base.text.trim() === '')
        ? next
        : near.sort((a, b) => distance(a) - distance(b) || Math.abs(center(a) - at) - Math.abs(center(b) - at))[0];
    if (host) host.text = insertMarkAt(host, marks, at);
    else bases.push({ ...mark, text: marks });
  }
  return bases;
}

/**
 * The last guard: a combining mark never starts a word. One that a PDF left
 * after a space (رجاء ً, نصّا ًأو) goes back onto the letter before the space.
 */
export function reattachStrayMarks(text: string): string {
  return text
    .replace(/(\P{M})(\s+)(\p{M}+)/gu, (whole, letter: string, space: string, marks: string) => (/\s/.test(letter) ? whole : `${letter}${marks}${space}`))
    .replace(/(\S)\s{2,}/g, '$1 ');
}

/** Groups a page's pieces into lines by baseline (tolerant enough to keep raised diacritics on their line). */
export function groupLines(pieces: readonly TextPiece[]): TextPiece[][] {
  const kept = pieces.filter((piece) => piece.text !== '' && !(piece.width < 0.01 && piece.text.trim() === ''));
  // Lines are made of letters; marks (which a font may shift far above or below the baseline) join a line afterwards.
  const sorted = kept.filter((piece) => !isMarkOnly(piece.text)).sort((a, b) => b.y - a.y);
  const groups: TextPiece[][] = [];
  const baselines: number[] = [];
  let current: TextPiece[] = [];
  let anchor: TextPiece | undefined;
  for (const piece of sorted) {
    if (anchor && Math.abs(anchor.y - piece.y) <= 0.4 * Math.max(anchor.size, piece.size)) {
      current.push(piece);
      // The line's baseline is that of its longest piece.
      if (piece.text.length > anchor.text.length) anchor = piece;
      continue;
    }
    if (current.length > 0 && anchor) {
      groups.push(current);
      baselines.push(anchor.y);
    }
    current = [piece];
    anchor = piece;
  }
  if (current.length > 0 && anchor) {
    groups.push(current);
    baselines.push(anchor.y);
  }
  for (const mark of kept.filter((piece) => isMarkOnly(piece.text))) {
    let best = -1;
    for (let index = 0; index < groups.length; index += 1) {
      const gap = Math.abs((baselines[index] as number) - mark.y);
      if (gap <= 1.2 * mark.size && (best < 0 || gap < Math.abs((baselines[best] as number) - mark.y))) best = index;
    }
    if (best >= 0) (groups[best] as TextPiece[]).push(mark);
    else {
      groups.push([mark]);
      baselines.push(mark.y);
    }
  }
  return groups.map(attachMarks);
}

/** Joins pieces already in reading order, adding a space where the gap between two pieces is word-sized. */
function joinPieces(ordered: readonly TextPiece[], rtl: boolean): string {
  let out = '';
  ordered.forEach((piece, index) => {
    const previous = ordered[index - 1];
    if (previous) {
      const gap = rtl ? previous.x - (piece.x + piece.width) : piece.x - (previous.x + previous.width);
      if (gap > 0.2 * Math.max(piece.size, previous.size) && !/\s$/.test(out) && !/^\s/.test(piece.text)) out += ' ';
    }
    out += piece.text;
  });
  return out;
}

function isRtlLine(pieces: readonly TextPiece[]): boolean {
  const text = pieces.map((piece) => piece.text).join('');
  return (text.match(RTL_LETTERS)?.length ?? 0) > (text.match(LATIN_LETTER)?.length ?? 0);
}

/** One line's text in logical order. */
export function lineText(pieces: readonly TextPiece[], rtl: boolean): string {
  const ordered = [...pieces].sort((a, b) => (rtl ? center(b) - center(a) : center(a) - center(b)));
  const hasRtl = (piece: TextPiece) => RTL_LETTER.test(piece.text);
  const parts: TextPiece[] = [];
  let i = 0;
  while (i < ordered.length) {
    const piece = ordered[i]!;
    if (rtl && !hasRtl(piece)) {
      // Left-to-right material (numbers, Latin, brackets) inside an Arabic line: read it as drawn, then place it.
      let j = i;
      while (j < ordered.length && !hasRtl(ordered[j]!)) j += 1;
      const segment = ordered.slice(i, j);
      const visual = joinPieces([...segment].reverse(), false);
      const left = Math.min(...segment.map((p) => p.x));
      const right = Math.max(...segment.map((p) => p.x + p.width));
      parts.push({ text: visualRtlToLogical(visual), x: left, y: piece.y, width: right - left, size: piece.size });
      i = j;
      continue;
    }
    if (!rtl && hasRtl(piece)) {
      // Arabic words inside a left-to-right line: their pieces stand right to left.
      let j = i;
      while (j < ordered.length && (hasRtl(ordered[j]!) || ordered[j]!.text.trim() === '')) j += 1;
      while (j > i + 1 && !hasRtl(ordered[j - 1]!)) j -= 1;
      parts.push(...ordered.slice(i, j).reverse());
      i = j;
      continue;
    }
    parts.push(piece);
    i += 1;
  }
  return reattachStrayMarks(foldPresentationForms(joinPieces(parts, rtl)).replace(/\s+/g, ' ')).trim();
}

/** A page's lines, top to bottom. */
export function pageLines(pieces: readonly TextPiece[]): TextLine[] {
  return groupLines(pieces)
    .map((group) => {
      const rtl = isRtlLine(group);
      const main = group.reduce((best, piece) => (piece.text.length > best.text.length ? piece : best), group[0]!);
      return {
        text: lineText(group, rtl),
        y: main.y,
        size: median(group.filter((piece) => piece.text.trim() !== '').map((piece) => piece.size)),
        left: Math.min(...group.map((piece) => piece.x)),
        right: Math.max(...group.map((piece) => piece.x + piece.width)),
        rtl,
      };
    })
    .filter((line) => line.text !== '' && !/^[\d\u0660-\u0669\u06F0-\u06F9]{1,4}$/.test(line.text)); // page numbers
}

const ENDS_SENTENCE = /[.!?؟:»”"]$/u;

/**
 * Lines → paragraphs and headings. A new block starts at a vertical gap wider
 * than the usual line spacing, at a change of font size, and after a short
 * line that ends a sentence; a page break continues the paragraph unless the
 * last line ended one.
 */
export function linesToBlocks(pages: readonly TextLine[][]): ReducedBlock[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  const sizeWeights = new Map<number, number>();
  for (const line of all) {
    const size = Math.round(line.size * 2) / 2;
    sizeWeights.set(size, (sizeWeights.get(size) ?? 0) + line.text.length);
  }
  const bodySize = [...sizeWeights.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const isHeading = (line: TextLine) => line.size >= bodySize * 1.15 && line.text.length <= 200;
  const gaps = pages.flatMap((lines) => lines.slice(1).map((line, index) => lines[index]!.y - line.y).filter((gap) => gap > 0));
  const lineGap = gaps.length >= 3 ? percentile(gaps, 0.25) : bodySize * 1.5;
  const fullWidth = percentile(
    all.filter((line) => !isHeading(line)).map((line) => line.right - line.left),
    0.9,
  );

  const blocks: ReducedBlock[] = [];
  let text = '';
  let kind: BlockKind = 'paragraph';
  let level: number | undefined;
  const flush = () => {
    if (text) blocks.push(level === undefined ? { kind, text } : { kind, text, level });
    text = '';
  };
  pages.forEach((lines) => {
    lines.forEach((line, index) => {
      const heading = isHeading(line);
      const previous = index > 0 ? lines[index - 1] : undefined;
      const lineKind: BlockKind = heading ? 'heading' : 'paragraph';
      let breakBefore = lineKind !== kind;
      if (previous) {
        const gap = previous.y - line.y;
        const short = previous.right - previous.left < 0.8 * fullWidth;
        if (gap > lineGap * 1.35 || gap <= 0 || (short && ENDS_SENTENCE.test(previous.text))) breakBefore = true;
      } else if (ENDS_SENTENCE.test(text)) {
        breakBefore = true; // first line of a page: continue the paragraph only if the last one was cut mid-sentence
      }
      if (breakBefore) flush();
      kind = lineKind;
      level = heading ? (line.size >= bodySize * 1.5 ? 1 : 2) : undefined;
      text = text ? `${text} ${line.text}` : line.text;
    });
  });
  flush();
  return blocks;
}
