/**
 * The library view's state — scope (all, a collection, a saved search), sort,
 * filters, visible columns, scroll position, selection and the focused row — kept
 * outside React so it outlives the view: opening an article unmounts the library,
 * and coming back finds the same state at once (no fetch before the first frame).
 *
 * Persistence: the window's UI state (app/ui-state.ts), not the archive's
 * settings. This is view state that changes on every scroll and click; putting it
 * in settings would rewrite library.json (megabytes at 50,000 articles) for a
 * scroll. The UI state is its own small file in the data folder (ui-state.json,
 * written coalesced), mirrored in localStorage, so it survives restarts in every
 * host — the browser shell's port, and so its origin, changes with each launch —
 * and it is read synchronously: renderer/main.tsx loads it before the first
 * render, and this module reads it on first use, so the first rows painted are
 * already in the user's order.
 */
import { useSyncExternalStore } from 'react';
import { beforeLeaving, getUiJson, getUiValue, setUiValue } from '../app/ui-state.js';
import type { LibraryFilters, LibraryScope, LibrarySort } from '../../common/types/library.js';
import { LIBRARY_SORT_FIELDS } from '../../common/types/library.js';
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId } from './columns.js';

export interface LibraryViewState {
  scope: LibraryScope;
  sort: LibrarySort;
  filters: LibraryFilters;
  columns: ColumnId[];
  /** Scroll offset of the list, in CSS pixels, per scope (each collection keeps its own). */
  scroll: Record<string, number>;
  /** Selected article ids (kept across scopes and filter changes until cleared). */
  selection: string[];
  /** The row that the keyboard acts on, by index in the current listing. */
  focusIndex: number;
  /** Last row clicked without Shift: the other end of a Shift-range. */
  anchorIndex: number;
}

const STORAGE_KEY = 'library-view';
// The scroll offsets apart: scrolling then sends a few bytes, not a selection of 50,000 ids with them.
const SCROLL_KEY = 'library-scroll';
const SAVE_DELAY_MS = 250;

export const DEFAULT_STATE: LibraryViewState = {
  scope: { kind: 'all' },
  sort: { field: 'added', direction: 'desc' },
  filters: {},
  columns: DEFAULT_COLUMNS,
  scroll: {},
  selection: [],
  focusIndex: 0,
  anchorIndex: 0,
};

/** Reads what was stored, keeping only values this version understands. */
export function restoreState(raw: string | null): LibraryViewState {
  if (!raw) return DEFAULT_STATE;
  try {
    const parsed = JSON.parse(raw) as Partial<LibraryViewState>;
    const sortField = parsed.sort && (LIBRARY_SORT_FIELDS as readonly string[]).includes(parsed.sort.field) ? parsed.sort.field : DEFAULT_STATE.sort.field;
    const direction = parsed.sort?.direction === 'asc' ? 'asc' : 'desc';
    const columns = Array.isArray(parsed.columns) ? parsed.columns.filter((id): id is ColumnId => (COLUMN_IDS as readonly string[]).includes(id)) : DEFAULT_COLUMNS;
    const scope = parsed.scope && ['all', 'collection', 'savedSearch'].includes(parsed.scope.kind) ? parsed.scope : DEFAULT_STATE.scope;
    return {
      scope,
      sort: { field: sortField, direction },
      filters: parsed.filters && typeof parsed.filters === 'object' ? parsed.filters : {},
      columns: columns.includes('title') ? columns : ['title', ...columns],
      scroll: parsed.scroll && typeof parsed.scroll === 'object' ? parsed.scroll : {},
      selection: Array.isArray(parsed.selection) ? parsed.selection.filter((id) => typeof id === 'string') : [],
      focusIndex: Number.isInteger(parsed.focusIndex) ? Number(parsed.focusIndex) : 0,
      anchorIndex: Number.isInteger(parsed.anchorIndex) ? Number(parsed.anchorIndex) : 0,
    };
  } catch {
    return DEFAULT_STATE;
  }
}

function readStored(): string | null {
  const scroll = getUiValue(SCROLL_KEY);
  if (scroll === undefined) return getUiJson(STORAGE_KEY);
  const view = getUiValue(STORAGE_KEY);
  return JSON.stringify({ ...(view && typeof view === 'object' ? view : {}), scroll });
}

// Restored on first use, not when this module loads: by then main.tsx has the archive's UI state.
let state: LibraryViewState = DEFAULT_STATE;
let restored = false;
function current(): LibraryViewState {
  if (!restored) {
    restored = true;
    state = restoreState(readStored());
  }
  return state;
}
const listeners = new Set<() => void>();
let saveTimer: ReturnType<typeof setTimeout> | null = null;

function save(): void {
  saveTimer = null;
  const { scroll, ...view } = state;
  setUiValue(SCROLL_KEY, scroll);
  setUiValue(STORAGE_KEY, view);
}

function scheduleSave(): void {
  if (saveTimer === null) saveTimer = setTimeout(save, SAVE_DELAY_MS);
}

// A reload or a closed window must not lose the last scroll or click: saved before the UI state is sent.
beforeLeaving(() => {
  if (saveTimer !== null) {
    clearTimeout(saveTimer);
    save();
  }
});

export function getLibraryState(): LibraryViewState {
  return current();
}

/** Changes the state and re-renders the view. */
export function updateLibraryState(change: Partial<LibraryViewState> | ((current: LibraryViewState) => Partial<LibraryViewState>)): void {
  const patch = typeof change === 'function' ? change(current()) : change;
  state = { ...state, ...patch };
  scheduleSave();
  for (const listener of listeners) listener();
}

/** Remembers the scroll offset without a re-render (it changes every frame while scrolling). */
export function rememberScroll(key: string, offset: number): void {
  current().scroll[key] = offset;
  scheduleSave();
}

export function scopeKey(scope: LibraryScope): string {
  return scope.kind === 'collection' || scope.kind === 'savedSearch' ? `${scope.kind}:${scope.id}` : scope.kind;
}

export function useLibraryState(): LibraryViewState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current,
  );
}
