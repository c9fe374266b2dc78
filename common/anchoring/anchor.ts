/**
 * Anchoring strategy (design §4, guideline 7): turns stored selectors back into a
 * range of the current canonical text. Simple to complex: the stored position if
 * its text and context still agree, then a fuzzy quote search near the old
 * position, then the same search with marks folded away; otherwise the annotation
 * is an orphan — reported, kept with its selectors, never dropped.
 */
import { fold, foldWithOffsets, rangeToRaw, toFolded } from './fold.js';
import { matchQuote } from './match-quote.js';
import {
  describeRange,
  findPositionSelector,
  findQuoteSelector,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors.js';
import { snapToGraphemes } from './snap.js';

export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; how: 'position' | 'quote' }
  | { status: 'orphan' };

const ORPHAN: AnchorResult = { status: 'orphan' };

function positionInText(text: string, position: TextPositionSelector): boolean {
  const { start, end } = position;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
}

/**
 * The stored position is trusted only if the quote and its context are still
 * there. Checking the context too matters for short quotes: after an insertion
 * earlier in the text, another "ال" or "حمص" can land exactly on the old offsets.
 */
function positionHolds(text: string, position: TextPositionSelector, quote: TextQuoteSelector): boolean {
  const { start, end } = position;
  return (
    text.slice(start, end) === quote.exact &&
    text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix &&
    text.slice(end, end + quote.suffix.length) === quote.suffix
  );
}

/** Quote search on the text as it is, then on both sides with marks folded away. */
function searchQuote(text: string, quote: TextQuoteSelector, hint: number | undefined): { start: number; end: number } | null {
  const direct = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint });
  if (direct) return direct;

  const folded = foldWithOffsets(text);
  const foldedQuote = fold(quote.exact);
  // Folding changed nothing, so the search above already said all there is to say.
  if (folded.text.length === text.length && foldedQuote.length === quote.exact.length) return null;
  const match = matchQuote(folded.text, foldedQuote, {
    prefix: fold(quote.prefix),
    suffix: fold(quote.suffix),
    hint: hint === undefined ? undefined : toFolded(folded, hint),
  });
  return match ? rangeToRaw(folded, match.start, match.end) : null;
}

/**
 * Anchors one annotation's selectors in `text`: position first (verified against
 * the quote), else fuzzy quote search near the old position, else orphan. Fuzzy
 * results are snapped to graphemes so a moved highlight never splits a letter from
 * its marks. A position selector with no quote to verify it is taken as-is when it
 * fits the text.
 */
export function anchorSelectors(text: string, selectors: readonly Selector[]): AnchorResult {
  const quote = findQuoteSelector(selectors);
  const position = findPositionSelector(selectors);
  const positionFits = position !== undefined && positionInText(text, position);

  if (position && positionFits && (!quote || positionHolds(text, position, quote))) {
    return { status: 'anchored', start: position.start, end: position.end, how: 'position' };
  }
  if (!quote || quote.exact.length === 0) return ORPHAN;

  const hint = position ? Math.min(Math.max(0, position.start), text.length) : undefined;
  const match = searchQuote(text, quote, Number.isFinite(hint) ? hint : undefined);
  if (!match) return ORPHAN;
  const { start, end } = snapToGraphemes(text, match.start, match.end);
  return { status: 'anchored', start, end, how: 'quote' };
}

/** Replaces the quote and position selectors with fresh ones, keeping any others in place. */
function refreshSelectors(text: string, selectors: readonly Selector[], start: number, end: number): Selector[] {
  const fresh = describeRange(text, start, end);
  const result: Selector[] = [];
  let hasQuote = false;
  let hasPosition = false;
  for (const selector of selectors) {
    if (selector.type === 'TextQuoteSelector') {
      if (!hasQuote) result.push(fresh.quote);
      hasQuote = true;
    } else if (selector.type === 'TextPositionSelector') {
      if (!hasPosition) result.push(fresh.position);
      hasPosition = true;
    } else {
      result.push(selector);
    }
  }
  if (!hasQuote) result.push(fresh.quote);
  if (!hasPosition) result.push(fresh.position);
  return result;
}

/**
 * Re-anchors annotations after the text changed (an edit or a re-import). Each
 * anchored annotation comes back as a copy whose selectors describe where it now
 * is: the position, and also the quote with its prefix and suffix, because the
 * next load can then take the fast position path instead of searching again. An
 * orphan comes back as the same object with its old selectors, flagged by its
 * result. Inputs are never mutated, and nothing is dropped.
 */
export function reanchorAll<A extends { target: { selector: readonly Selector[] } }>(
  text: string,
  annotations: readonly A[],
): Array<{ annotation: A; result: AnchorResult }> {
  return annotations.map((annotation) => {
    const result = anchorSelectors(text, annotation.target.selector);
    if (result.status === 'orphan') return { annotation, result };
    const selector = refreshSelectors(text, annotation.target.selector, result.start, result.end);
    return { annotation: { ...annotation, target: { ...annotation.target, selector } }, result };
  });
}
