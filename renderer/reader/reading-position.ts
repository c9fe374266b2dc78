/**
 * Reading position per article, kept in localStorage as a canonical text offset
 * (not a scroll height, which changes with font size and column width).
 */
const KEY = (id: string) => `qirtas:reading-position:${id}`;

export function loadPosition(id: string): number | null {
  try {
    const raw = window.localStorage.getItem(KEY(id));
    const value = raw === null ? NaN : Number(raw);
    return Number.isInteger(value) && value >= 0 ? value : null;
  } catch {
    return null;
  }
}

export function savePosition(id: string, offset: number): void {
  try {
    if (offset <= 0) window.localStorage.removeItem(KEY(id));
    else window.localStorage.setItem(KEY(id), String(offset));
  } catch {
    // Storage full or disabled: the position is a convenience, not data.
  }
}
