/**
 * Reading position per article, kept as a canonical text offset (not a scroll
 * height, which changes with font size and column width) in the window's UI
 * state (app/ui-state.ts: the archive's ui-state.json, which keeps the most
 * recently read few thousand articles, mirrored in localStorage).
 */
import { getUiValue, setUiValue } from '../app/ui-state.js';

const KEY = (id: string) => `reading-position:${id}`;

export function loadPosition(id: string): number | null {
  const value = getUiValue(KEY(id));
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

export function savePosition(id: string, offset: number): void {
  setUiValue(KEY(id), offset > 0 ? offset : null);
}
