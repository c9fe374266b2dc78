/**
 * Paints ranges of text nodes with the CSS Custom Highlight API: no elements are
 * inserted into the text, so Arabic letters stay joined even when a highlight
 * covers part of a word. Each call owns one named highlight registry entry.
 */
import { useEffect } from 'react';

export interface NodeRanges {
  node: Text;
  ranges: ReadonlyArray<{ start: number; end: number }>;
}

export function paintHighlight(name: string, entries: readonly NodeRanges[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  const highlight = new Highlight();
  for (const { node, ranges } of entries) {
    for (const { start, end } of ranges) {
      const length = node.data.length;
      if (start >= end || end > length) continue;
      const range = new Range();
      range.setStart(node, start);
      range.setEnd(node, end);
      highlight.add(range);
    }
  }
  CSS.highlights.set(name, highlight);
}

/** Repaints `name` whenever `deps` change; clears it on unmount. */
export function useTextHighlights(name: string, collect: () => NodeRanges[], deps: readonly unknown[]): void {
  useEffect(() => {
    paintHighlight(name, collect());
    return () => {
      if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(name);
    };
  }, deps);
}
