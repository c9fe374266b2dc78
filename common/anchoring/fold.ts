/**
 * Mark-insensitive view of a text for anchoring: the same article often exists with
 * and without tashkeel (a vocalized source, a re-import from a site that strips it,
 * an edit that adds a shadda). Folding drops marks, tatweel and invisible joiners,
 * and keeps the way back: every folded offset maps to a raw offset, so a match
 * found on the folded text is stored and painted on the real one (guideline 8).
 */
import { TATWEEL, attachesToPrevious, isJoinControl } from './marks.js';

/** Left-to-right, right-to-left and Arabic letter marks: invisible and often dropped by sources. */
const DIRECTION_MARKS = new Set([0x200e, 0x200f, 0x061c]);

export interface FoldedText {
  /** The text without marks, tatweel, ZWJ/ZWNJ and direction marks. */
  text: string;
  /** Raw offset of each folded code unit; one extra entry maps the folded end to the raw end. */
  toRaw: Uint32Array;
}

function isFolded(codeUnit: number, codePoint: number): boolean {
  return codeUnit === TATWEEL || isJoinControl(codeUnit) || DIRECTION_MARKS.has(codeUnit) || attachesToPrevious(codePoint);
}

/** Folds `raw`, keeping the offset map. Surrogate pairs are kept or dropped whole. */
export function foldWithOffsets(raw: string): FoldedText {
  const kept: string[] = [];
  const toRaw: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const codePoint = raw.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    if (!isFolded(raw.charCodeAt(i), codePoint)) {
      for (let k = 0; k < width; k += 1) {
        kept.push(raw[i + k]);
        toRaw.push(i + k);
      }
    }
    i += width;
  }
  toRaw.push(raw.length);
  return { text: kept.join(''), toRaw: Uint32Array.from(toRaw) };
}

/** Just the folded string, for quotes and context that need no way back. */
export function fold(raw: string): string {
  return foldWithOffsets(raw).text;
}

/** Folded offset of the first kept code unit at or after raw offset `rawOffset`. */
export function toFolded(folded: FoldedText, rawOffset: number): number {
  // toRaw is increasing, so a binary search finds the first entry ≥ rawOffset.
  let low = 0;
  let high = folded.toRaw.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (folded.toRaw[middle] < rawOffset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Raw range for folded [start, end): from the first kept code unit to just after the
 * last one. Marks that follow the last letter are not included here; callers snap
 * the result to graphemes, which pulls them in.
 */
export function rangeToRaw(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const rawStart = folded.toRaw[start];
  const rawEnd = end > start ? folded.toRaw[end - 1] + 1 : rawStart;
  return { start: rawStart, end: rawEnd };
}
