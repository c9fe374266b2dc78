/**
 * Painting the reader's marks with the CSS Custom Highlight API (nothing inserted
 * into the words): highlights by colour, the open highlight, a focused range from
 * search or a note (scrolled into view once), and in-article find matches. Keeps
 * the DOM text map and each highlight's current Range for hit-testing and placing
 * panels.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { AnchoredAnnotation } from '../../common/api.js';
import type { HighlightColor } from '../../common/types/article.js';
import type { TextRange } from '../app/use-route.js';
import { MARKS, paint, paintColors } from './highlights.js';
import { scrollToRange } from './reader-dom.js';
import { DomText, type TextMap } from './text-map.js';

export interface PaintInput {
  map: TextMap | null;
  articleRef: RefObject<HTMLElement | null>;
  anchored: readonly AnchoredAnnotation[];
  activeId: string | null;
  focus: TextRange | null;
  find: { matches: TextRange[]; current: number };
  findOpen: boolean;
  /** Set when a focused range was scrolled to, so the saved reading position is not restored over it. */
  positionRestored: RefObject<boolean>;
}

export function useHighlightPainting(input: PaintInput): { domRef: RefObject<DomText | null>; rangesRef: RefObject<Map<string, Range>> } {
  const { map, articleRef, anchored, activeId, focus, find, findOpen, positionRestored } = input;
  const domRef = useRef<DomText | null>(null);
  const rangesRef = useRef(new Map<string, Range>());
  const scrolledFocus = useRef<string | null>(null);

  useLayoutEffect(() => {
    domRef.current = map && articleRef.current ? DomText.read(map, articleRef.current) : null;
  }, [map]);

  useLayoutEffect(() => {
    const dom = domRef.current;
    if (!dom) return;
    const byColor = new Map<HighlightColor, Range[]>();
    const byId = new Map<string, Range>();
    for (const annotation of anchored) {
      if (annotation.anchor.status !== 'anchored') continue;
      const range = dom.range(annotation.anchor.start, annotation.anchor.end);
      if (!range) continue;
      byId.set(annotation.id, range);
      const list = byColor.get(annotation.color);
      if (list) list.push(range);
      else byColor.set(annotation.color, [range]);
    }
    paintColors(byColor);
    rangesRef.current = byId;
    dom.root.dataset.highlightsPainted = String(byId.size);
    performance.mark('qirtas:highlights-painted', { detail: { count: byId.size } });
  }, [map, anchored]);

  // Runs after the painting above in the same commit, so the ranges are current.
  useLayoutEffect(() => {
    const range = activeId ? rangesRef.current.get(activeId) : undefined;
    paint(MARKS.active, range ? [range] : []);
  }, [activeId, map, anchored]);

  // A focused range (?at=start-end from search or a note): mark it and bring it into view once.
  useLayoutEffect(() => {
    const dom = domRef.current;
    if (!dom || !focus) {
      paint(MARKS.focus, []);
      return;
    }
    const range = dom.range(Math.max(0, focus.start), Math.min(focus.end, dom.map.text.length));
    paint(MARKS.focus, range ? [range] : []);
    const key = `${focus.start}-${focus.end}`;
    if (range && scrolledFocus.current !== key) {
      scrolledFocus.current = key;
      positionRestored.current = true;
      scrollToRange(range);
      // Fonts may still be arriving and move the text: scroll again once they are in.
      void document.fonts.ready.then(() => {
        if (range.startContainer.isConnected) scrollToRange(range);
      });
    }
  }, [map, focus?.start, focus?.end]);

  // Find matches.
  useLayoutEffect(() => {
    const dom = domRef.current;
    if (!dom || !findOpen) {
      paint(MARKS.find, []);
      paint(MARKS.findCurrent, []);
      return;
    }
    const ranges = find.matches.map((match) => dom.range(match.start, match.end));
    const current = ranges[find.current] ?? null;
    paint(
      MARKS.find,
      ranges.filter((range): range is Range => range !== null && range !== current),
    );
    paint(MARKS.findCurrent, current ? [current] : []);
    if (current) scrollToRange(current, 'auto', true);
  }, [map, find, findOpen]);

  return { domRef, rangesRef };
}
