/**
 * The reading position of one article: restored once when its text is laid out
 * (unless the reader opened at a focused range), and saved as a canonical offset
 * while the user scrolls (see reading-position.ts for why an offset).
 */
import { useEffect, type RefObject } from 'react';
import type { TextRange } from '../app/use-route.js';
import { stickyTop } from './reader-dom.js';
import { loadPosition, savePosition } from './reading-position.js';
import type { DomText, TextMap } from './text-map.js';

export function useReadingPosition(
  id: string,
  focus: TextRange | null,
  map: TextMap | null,
  domRef: RefObject<DomText | null>,
  /** Set once the position is restored, or when a focused range took its place. */
  positionRestored: RefObject<boolean>,
): void {
  useEffect(() => {
    const dom = domRef.current;
    if (!dom || positionRestored.current) return;
    positionRestored.current = true;
    if (focus) return;
    const saved = loadPosition(id);
    if (saved === null || saved <= 0) return;
    const restore = () => {
      const at = Math.min(saved, dom.map.text.length - 1);
      const range = dom.range(at, at + 1) ?? dom.range(Math.max(0, at - 1), at);
      if (range) window.scrollTo({ top: Math.max(0, range.getBoundingClientRect().top + window.scrollY - stickyTop() - 16) });
    };
    restore();
    void document.fonts.ready.then(() => {
      if (dom.root.isConnected) restore();
    });
  }, [map, id, focus]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      timer = null;
      const dom = domRef.current;
      if (!dom || !dom.root.isConnected) return;
      if (window.scrollY < 40) {
        savePosition(id, 0);
        return;
      }
      const box = dom.root.getBoundingClientRect();
      const x = box.left + box.width / 2;
      for (let y = Math.max(box.top, stickyTop() + 8); y < Math.min(box.bottom, window.innerHeight); y += 12) {
        const offset = dom.offsetAtPoint(x, y) ?? dom.offsetAtPoint(box.right - 4, y);
        if (offset !== null) {
          savePosition(id, offset);
          return;
        }
      }
    };
    const onScroll = () => {
      if (!timer) timer = setTimeout(save, 250);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [id]);
}
