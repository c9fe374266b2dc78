/**
 * The selector side of anchoring (design §4, W3C Web Annotation): turning a range
 * of the canonical text into the TextQuoteSelector and TextPositionSelector that
 * are stored together, and picking them back out of a stored selector list.
 */
import type { z } from 'zod';
import type {
  TextPositionSelector as TextPositionSelectorSchema,
  TextQuoteSelector as TextQuoteSelectorSchema,
} from '../types/article.js';
import { isHighSurrogate, isLowSurrogate } from './marks.js';

export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;
export type Selector = TextQuoteSelector | TextPositionSelector;

/**
 * Characters of context stored on each side of a quote. 32 is what Hypothesis
 * stores: enough to tell repeated phrases apart (an Arabic news article repeats
 * "قوات المعارضة" or "مدينة حمص" many times), short enough to survive nearby edits.
 */
export const CONTEXT_LENGTH = 32;

/**
 * @throws {RangeError} unless start and end are integers with 0 ≤ start ≤ end ≤ text.length.
 */
export function assertRange(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`invalid range [${start}, ${end}) in a text of length ${text.length}`);
  }
}

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/**
 * Builds both selectors for [start, end) of `text`. The range is taken as given:
 * callers snap user selections with snapToGraphemes first. Only the outer edges of
 * the context are nudged, by one code unit, so a prefix or suffix never begins or
 * ends with half a surrogate pair (which JSON would store as a lone escape).
 *
 * @throws {RangeError} if the range is not within the text.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  assertRange(text, start, end);
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** The first quote selector in a stored selector list, if any. */
export function findQuoteSelector(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((selector): selector is TextQuoteSelector => selector.type === 'TextQuoteSelector');
}

/** The first position selector in a stored selector list, if any. */
export function findPositionSelector(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((selector): selector is TextPositionSelector => selector.type === 'TextPositionSelector');
}
