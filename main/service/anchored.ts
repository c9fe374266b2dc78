/**
 * Places an article's stored annotations in its current text (design §4):
 * position first, then fuzzy quote; what cannot be placed is an orphan, kept and
 * listed last. Pure apart from the types; used by every annotation operation.
 */
import type { AnchoredAnnotation } from '../../common/api.js';
import { anchorSelectors } from '../../common/anchoring/anchor.js';
import { findQuoteSelector } from '../../common/anchoring/selectors.js';
import type { Annotation } from '../../common/types/article.js';

export function anchorOne(text: string, annotation: Annotation): AnchoredAnnotation {
  const result = anchorSelectors(text, annotation.target.selector);
  const quote = findQuoteSelector(annotation.target.selector)?.exact ?? '';
  return {
    ...annotation,
    quote,
    anchor: result.status === 'anchored' ? { status: 'anchored', start: result.start, end: result.end } : { status: 'orphan' },
  };
}

/** In text order (by start, then end), orphans after the placed ones in creation order. */
export function anchorAll(text: string, annotations: readonly Annotation[]): AnchoredAnnotation[] {
  const placed = annotations.map((annotation) => anchorOne(text, annotation));
  const position = (entry: AnchoredAnnotation) => (entry.anchor.status === 'anchored' ? [entry.anchor.start, entry.anchor.end] : [Infinity, Infinity]);
  return placed.sort((a, b) => {
    const [aStart, aEnd] = position(a) as [number, number];
    const [bStart, bEnd] = position(b) as [number, number];
    return aStart - bStart || aEnd - bEnd || a.created.localeCompare(b.created);
  });
}
