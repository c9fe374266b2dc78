/**
 * Small pieces the reader's parts share: text order of highlights, scrolling a range
 * into view below the sticky bars, telling typing from shortcuts, the colour used
 * last, and the physical keys that pick a colour.
 */
import type { AnchoredAnnotation } from '../../common/api.js';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/types/article.js';
import { getUiValue, setUiValue } from '../app/ui-state.js';

/** Text order (by start, then end), orphans last — the order getArticle returns. */
export function inTextOrder(annotations: readonly AnchoredAnnotation[]): AnchoredAnnotation[] {
  const key = (entry: AnchoredAnnotation) => (entry.anchor.status === 'anchored' ? [entry.anchor.start, entry.anchor.end] : [Infinity, Infinity]);
  return [...annotations].sort((a, b) => {
    const [aStart, aEnd] = key(a) as [number, number];
    const [bStart, bEnd] = key(b) as [number, number];
    return aStart - bStart || aEnd - bEnd || a.created.localeCompare(b.created);
  });
}

/** Height of the sticky app header (and the reader's sticky bars), so scrolled-to text is not hidden under them. */
export function stickyTop(): number {
  let bottom = 0;
  for (const element of document.querySelectorAll<HTMLElement>('.header, .reader-sticky')) bottom = Math.max(bottom, element.getBoundingClientRect().bottom);
  return bottom;
}

export function scrollToRange(range: Range, behavior: ScrollBehavior = 'auto', onlyIfHidden = false): void {
  const rect = range.getBoundingClientRect();
  const top = stickyTop();
  if (onlyIfHidden && rect.top >= top + 8 && rect.bottom <= window.innerHeight - 8) return;
  window.scrollTo({ top: Math.max(0, rect.top + window.scrollY - top - Math.max(48, (window.innerHeight - top) / 3)), behavior });
}

/** True for controls that take typed text, where letters and digits must not act as shortcuts. */
export function takesText(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.closest) return false;
  if (element.closest('textarea, select, [contenteditable="true"], dialog')) return true;
  const input = element.closest('input');
  return input !== null && !['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color'].includes(input.type);
}

// Kept in the window's UI state (app/ui-state.ts), so it survives restarts in every host.
const LAST_COLOR_KEY = 'last-color';
export function loadLastColor(): HighlightColor {
  const saved = getUiValue(LAST_COLOR_KEY);
  return (HIGHLIGHT_COLORS as readonly unknown[]).includes(saved) ? (saved as HighlightColor) : 'yellow';
}
export function saveLastColor(color: HighlightColor): void {
  setUiValue(LAST_COLOR_KEY, color);
}

/** The bundled faces the reader's text and headings use (Arabic and Latin subsets). */
export const READING_FACES = ['400 1em "Noto Naskh Arabic"', '700 1em "Noto Naskh Arabic"', '400 1em "IBM Plex Sans Arabic"', '600 1em "IBM Plex Sans Arabic"'];

const DIGIT_CODES = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5'];
const NUMPAD_CODES = ['Numpad1', 'Numpad2', 'Numpad3', 'Numpad4', 'Numpad5'];
/** Shortcut keys go by physical key (event.code) so they work the same on an Arabic layout. */
export function colorForKey(event: KeyboardEvent): HighlightColor | null {
  const index = Math.max(DIGIT_CODES.indexOf(event.code), NUMPAD_CODES.indexOf(event.code));
  return index >= 0 ? (HIGHLIGHT_COLORS[index] as HighlightColor) : null;
}

