/**
 * The reader's keyboard: Ctrl+F find; with a selection 1–5 / N / T highlight; with
 * a highlight open 1–5 recolour, N note, T tags, C copy with citation, Delete,
 * [ ] step; otherwise J/K paragraphs, V select paragraph, D diacritics, + − size,
 * ? help. Keys go by physical key (event.code) so they work on an Arabic layout,
 * and never act while the user types in a field or a dialog is open.
 */
import { useEffect, useRef } from 'react';
import type { AnchoredAnnotation } from '../../common/api.js';
import type { HighlightColor } from '../../common/types/article.js';
import type { PopoverField } from './Popovers.js';
import { colorForKey, stickyTop, takesText } from './reader-dom.js';
import type { DomText } from './text-map.js';

/** What the keys read and do, as of the latest render. */
export interface ReaderKeyState {
  hasPending: boolean;
  activeAnnotation: AnchoredAnnotation | null;
  anchored: readonly AnchoredAnnotation[];
  /** The DOM text map now (read when a key is pressed: it changes after layout, not at render). */
  dom(): DomText | null;
  rangeOf(annotationId: string): Range | undefined;
  settingsOpen: boolean;
  lastColor: HighlightColor;
  openFind(): void;
  addHighlight(color: HighlightColor, then?: PopoverField): void;
  clearPending(): void;
  recolor(annotation: AnchoredAnnotation, color: HighlightColor): void;
  focusField(field: Exclude<PopoverField, null>): void;
  copyCitation(annotation: AnchoredAnnotation): void;
  deleteHighlight(annotation: AnchoredAnnotation): void;
  closeActive(): void;
  closeSettings(): void;
  openAnnotation(annotationId: string): void;
  toggleDiacritics(): void;
  changeSize(by: number): void;
  showHelp(): void;
}

export function useReaderKeys(state: ReaderKeyState): void {
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    /** Opens the next (or previous) highlight after the one open, or after the top of the screen. */
    const stepHighlight = (by: 1 | -1) => {
      const now = current.current;
      const list = now.anchored;
      if (list.length === 0) return;
      let index = now.activeAnnotation ? list.findIndex((annotation) => annotation.id === now.activeAnnotation?.id) : -1;
      if (index < 0) {
        const top = stickyTop();
        index = list.findIndex((annotation) => (now.rangeOf(annotation.id)?.getBoundingClientRect().top ?? -Infinity) > top) - (by > 0 ? 1 : 0);
      }
      const next = list[(index + by + list.length) % list.length];
      if (next) now.openAnnotation(next.id);
    };

    /** J/K: focus the next or previous paragraph (from the focused one, or the first on screen). */
    const stepBlock = (dom: DomText, by: 1 | -1) => {
      const focused = document.activeElement?.closest?.('[data-block]') as HTMLElement | null;
      let index = focused ? Number(focused.dataset.block) : -1;
      if (index < 0) {
        const top = stickyTop() + 8;
        index = dom.elements.findIndex((element) => element.getBoundingClientRect().bottom > top) - (by > 0 ? 1 : 0);
      }
      const next = dom.elements[Math.max(0, Math.min(dom.elements.length - 1, index + by))];
      next?.focus({ preventScroll: true });
      next?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    };

    const onKey = (event: KeyboardEvent) => {
      const now = current.current;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyF') {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        now.openFind();
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (takesText(event.target) || document.querySelector('dialog[open]')) return;
      const color = colorForKey(event);

      if (now.hasPending) {
        if (color) now.addHighlight(color);
        else if (event.code === 'KeyN') now.addHighlight(now.lastColor, 'note');
        else if (event.code === 'KeyT') now.addHighlight(now.lastColor, 'tags');
        else if (event.key === 'Escape') now.clearPending();
        else return;
        event.preventDefault();
        return;
      }
      const open = now.activeAnnotation;
      if (open) {
        if (color) now.recolor(open, color);
        else if (event.code === 'KeyN') now.focusField('note');
        else if (event.code === 'KeyT') now.focusField('tags');
        else if (event.code === 'KeyC') now.copyCitation(open);
        else if (event.key === 'Delete' || event.key === 'Backspace') now.deleteHighlight(open);
        else if (event.key === 'Escape') now.closeActive();
        else if (event.code === 'BracketRight' || event.code === 'BracketLeft') stepHighlight(event.code === 'BracketRight' ? 1 : -1);
        else return;
        event.preventDefault();
        return;
      }
      if (event.key === 'Escape') {
        if (now.settingsOpen) now.closeSettings();
        else return;
      } else if (event.code === 'KeyJ' || event.code === 'KeyK') {
        const dom = now.dom();
        if (!dom) return;
        stepBlock(dom, event.code === 'KeyJ' ? 1 : -1);
      } else if (event.code === 'KeyV') {
        const focused = document.activeElement?.closest?.('[data-block]');
        if (!focused) return;
        document.getSelection()?.selectAllChildren(focused);
      } else if (event.code === 'BracketRight' || event.code === 'BracketLeft') {
        stepHighlight(event.code === 'BracketRight' ? 1 : -1);
      } else if (event.code === 'KeyD') {
        now.toggleDiacritics();
      } else if (event.key === '+' || event.key === '=' || event.code === 'NumpadAdd') {
        now.changeSize(1);
      } else if (event.key === '-' || event.code === 'NumpadSubtract') {
        now.changeSize(-1);
      } else if (event.key === '?') {
        now.showHelp();
      } else return;
      event.preventDefault();
    };

    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
