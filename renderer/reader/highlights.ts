/**
 * Painting with the CSS Custom Highlight API (design §4): one Highlight per colour
 * plus a few for the reader's own marks (the open highlight, a focused range from
 * search or a note, find matches). Nothing is inserted into the text, so Arabic
 * letters keep joining exactly as they did before a highlight existed.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/types/article.js';

export const colorHighlightName = (color: HighlightColor) => `hl-${color}`;

/** Names of the reader's own marks, with the order they paint in (higher on top). */
export const MARKS = { active: 'hl-active', focus: 'reader-focus', find: 'find', findCurrent: 'find-current' } as const;
const PRIORITY: Record<string, number> = { [MARKS.active]: 5, [MARKS.focus]: 6, [MARKS.find]: 7, [MARKS.findCurrent]: 8 };

export const ALL_HIGHLIGHT_NAMES = [...HIGHLIGHT_COLORS.map(colorHighlightName), ...Object.values(MARKS)];

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Sets (or clears, when there are no ranges) one named highlight. */
export function paint(name: string, ranges: readonly AbstractRange[], priority = PRIORITY[name] ?? 0): void {
  if (!highlightsSupported()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}

/** Paints ranges grouped by colour, one Highlight per colour (ranges of one colour may overlap). */
export function paintColors(byColor: ReadonlyMap<HighlightColor, AbstractRange[]>): void {
  HIGHLIGHT_COLORS.forEach((color, index) => paint(colorHighlightName(color), byColor.get(color) ?? [], index));
}

export function clearAllHighlights(): void {
  if (!highlightsSupported()) return;
  for (const name of ALL_HIGHLIGHT_NAMES) CSS.highlights.delete(name);
}
