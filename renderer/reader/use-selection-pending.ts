/**
 * Selection → the pending highlight: while the user selects text in the article,
 * the selection (snapped so no diacritic is cut from its letter) becomes the range
 * the selection toolbar offers to highlight, placed above its first line.
 */
import { useCallback, useEffect, type RefObject } from 'react';
import { snapToGraphemes } from '../../common/anchoring/snap.js';
import type { FloatPosition } from './Popovers.js';
import type { DomText } from './text-map.js';

export interface Pending {
  start: number;
  end: number;
  position: FloatPosition;
}

/** Places a floating panel against a rectangle, in the coordinates of the reader body. */
export type FloatFromRect = (rect: DOMRect, place: FloatPosition['place'], clickX?: number) => FloatPosition | null;

export function useSelectionPending(
  domRef: RefObject<DomText | null>,
  bodyRef: RefObject<HTMLDivElement | null>,
  onPending: (pending: Pending | null) => void,
): FloatFromRect {
  const floatFromRect = useCallback<FloatFromRect>((rect, place, clickX) => {
    const body = bodyRef.current?.getBoundingClientRect();
    if (!body) return null;
    const x = (clickX ?? rect.left + rect.width / 2) - body.left;
    return { top: (place === 'above' ? rect.top : rect.bottom) - body.top, x, place };
  }, []);

  useEffect(() => {
    let mouseDown = false;
    let frame = 0;
    const compute = () => {
      frame = 0;
      const dom = domRef.current;
      const selection = document.getSelection();
      if (!dom || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
        onPending(null);
        return;
      }
      const range = selection.getRangeAt(0);
      const canonical = dom.rangeOf(range);
      if (!canonical) {
        onPending(null);
        return;
      }
      const snapped = snapToGraphemes(dom.map.text, canonical.start, canonical.end);
      const rects = range.getClientRects();
      const first = [...rects].find((rect) => rect.width > 0) ?? range.getBoundingClientRect();
      const position = floatFromRect(first, 'above');
      if (!position) return;
      onPending({ ...snapped, position });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(compute);
    };
    const onMouseDown = (event: MouseEvent) => {
      if (event.button === 0) mouseDown = true;
    };
    const onMouseUp = () => {
      mouseDown = false;
      schedule();
    };
    const onSelectionChange = () => {
      if (!mouseDown) schedule();
    };
    document.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('mouseup', onMouseUp, true);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('mouseup', onMouseUp, true);
      document.removeEventListener('selectionchange', onSelectionChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [floatFromRect, onPending]);

  return floatFromRect;
}
