/**
 * Grapheme snapping for selections and highlights (design §4): a range must never
 * separate an Arabic letter from its harakat or Quranic marks, cut a surrogate
 * pair in half, or cut through a ZWJ/ZWNJ sequence. A highlight that did would
 * paint half a glyph, and a quote saved from it would not survive re-anchoring.
 */
import { assertRange } from './selectors.js';
import { attachesToNext, attachesToPrevious, isHighSurrogate, isJoinControl, isLowSurrogate } from './marks.js';

/**
 * True when a range may start or end at `offset` (a UTF-16 index between two code
 * units). Rules are local on purpose: they look at the two neighbouring code points
 * only, so the answer does not depend on the ICU version the way Intl.Segmenter's
 * does, and stored offsets stay stable across Electron upgrades.
 */
export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (isHighSurrogate(before) && isLowSurrogate(after)) return false;
  // CR LF is one line break.
  if (before === 0x0d && after === 0x0a) return false;
  // ZWJ/ZWNJ decide how the letters on both sides join, so they stay with both.
  if (isJoinControl(before) || isJoinControl(after)) return false;
  // codePointAt reads a whole surrogate pair, so astral marks are seen too.
  if (attachesToPrevious(text.codePointAt(offset) ?? after)) return false;
  return !attachesToNext(codePointBefore(text, offset));
}

function codePointBefore(text: string, offset: number): number {
  const last = text.charCodeAt(offset - 1);
  if (isLowSurrogate(last) && offset >= 2 && isHighSurrogate(text.charCodeAt(offset - 2))) {
    return text.codePointAt(offset - 2) ?? last;
  }
  return last;
}

/**
 * Widens [start, end) to the nearest grapheme boundaries outside it: the start moves
 * back and the end moves forward, so the result always contains the input. A
 * collapsed range inside a cluster widens to the whole cluster.
 *
 * @throws {RangeError} if the offsets are not integers with 0 ≤ start ≤ end ≤ text.length.
 */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  assertRange(text, start, end);
  let snappedStart = start;
  while (!isGraphemeBoundary(text, snappedStart)) snappedStart -= 1;
  let snappedEnd = end;
  while (!isGraphemeBoundary(text, snappedEnd)) snappedEnd += 1;
  return { start: snappedStart, end: snappedEnd };
}
