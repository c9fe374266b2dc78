/**
 * Multi-selection in the library, as file managers do it: click selects one,
 * Ctrl/Cmd+click toggles, Shift+click selects the range from the anchor, Ctrl+A
 * selects every matching article (also those not on screen), arrows move the
 * focused row (Shift extends), Space toggles the focused row, Escape clears.
 * The selection is a set of ids in the library state, so it survives scrolling,
 * opening an article and a reload.
 */
import { useCallback, useMemo } from 'react';
import { getLibraryState, updateLibraryState, useLibraryState } from './library-state.js';
import type { LibraryRows } from './use-library-rows.js';

export interface Selection {
  ids: ReadonlySet<string>;
  count: number;
  focusIndex: number;
  click(index: number, id: string, modifiers: { shift: boolean; toggle: boolean }): void;
  toggle(index: number, id: string): void;
  selectAll(): void;
  clear(): void;
  moveFocus(index: number, extend: boolean): void;
  setIds(ids: string[]): void;
}

export function useSelection(rows: LibraryRows): Selection {
  const { selection, focusIndex } = useLibraryState();
  const ids = useMemo(() => new Set(selection), [selection]);

  const selectRange = useCallback(
    (from: number, to: number, keep: boolean) => {
      void rows.idsBetween(from, to).then((range) => {
        const base = keep ? getLibraryState().selection : [];
        updateLibraryState({ selection: [...new Set([...base, ...range])] });
      });
    },
    [rows],
  );

  const click = useCallback(
    (index: number, id: string, { shift, toggle }: { shift: boolean; toggle: boolean }) => {
      const current = getLibraryState();
      if (shift) {
        updateLibraryState({ focusIndex: index });
        selectRange(current.anchorIndex, index, toggle);
      } else if (toggle) {
        const next = new Set(current.selection);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        updateLibraryState({ selection: [...next], focusIndex: index, anchorIndex: index });
      } else {
        updateLibraryState({ selection: [id], focusIndex: index, anchorIndex: index });
      }
    },
    [selectRange],
  );

  const toggle = useCallback((index: number, id: string) => click(index, id, { shift: false, toggle: true }), [click]);

  const selectAll = useCallback(() => {
    void rows.allIds().then((all) => updateLibraryState({ selection: all }));
  }, [rows]);

  const clear = useCallback(() => updateLibraryState({ selection: [] }), []);

  const moveFocus = useCallback(
    (index: number, extend: boolean) => {
      const total = rows.total ?? 0;
      if (total === 0) return;
      const next = Math.max(0, Math.min(total - 1, index));
      if (extend) {
        updateLibraryState({ focusIndex: next });
        selectRange(getLibraryState().anchorIndex, next, false);
      } else {
        updateLibraryState({ focusIndex: next, anchorIndex: next });
      }
    },
    [rows, selectRange],
  );

  const setIds = useCallback((next: string[]) => updateLibraryState({ selection: next }), []);

  return { ids, count: selection.length, focusIndex, click, toggle, selectAll, clear, moveFocus, setIds };
}
