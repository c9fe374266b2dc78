/**
 * The library's article grid: a real <table role="grid"> whose body holds only the
 * rows on screen (@tanstack/react-virtual), each row absolutely placed at its
 * offset, all rows sharing one CSS grid of columns. Column headers sort (button
 * inside the header, aria-sort on it); rows select with the mouse and keyboard
 * (use-selection.ts) and drag onto a collection. The scroll offset is remembered
 * per scope and restored before the first paint when coming back.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { LibrarySortField } from '../../common/types/library.js';
import { articleRoute } from '../app/use-route.js';
import { useI18n } from '../i18n/i18n.js';
import { gridTemplate, visibleColumns, type ColumnDef } from './columns.js';
import { LibraryRowView, type RowActions } from './LibraryRowView.js';
import { getLibraryState, rememberScroll, updateLibraryState, useLibraryState } from './library-state.js';
import type { LibraryRows } from './use-library-rows.js';
import type { Selection } from './use-selection.js';

export const ROW_HEIGHT = 60;
const HEADER_HEIGHT = 44;
export const DRAG_TYPE = 'application/x-qirtas-articles';

let lastListRect = { width: 1000, height: typeof window === 'undefined' ? 800 : window.innerHeight };

/** Text sorts A→Z first; dates and counts newest / largest first. */
const FIRST_DIRECTION: Record<LibrarySortField, 'asc' | 'desc'> = {
  title: 'asc',
  source: 'asc',
  author: 'asc',
  published: 'desc',
  added: 'desc',
  words: 'desc',
  highlights: 'desc',
  lastRead: 'desc',
  trashed: 'desc',
};

function HeaderCell({ column }: { column: ColumnDef }) {
  const { t } = useI18n();
  const { sort } = useLibraryState();
  const label = t[column.label];
  if (!column.sort) {
    return (
      <th scope="col" className={column.numeric ? 'numeric' : undefined}>
        <span className="th-label">{label}</span>
      </th>
    );
  }
  const field = column.sort;
  const active = sort.field === field;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const flip = () =>
    updateLibraryState((current) => ({
      sort: current.sort.field === field ? { field, direction: current.sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: FIRST_DIRECTION[field] },
      focusIndex: 0,
      anchorIndex: 0,
    }));
  return (
    <th scope="col" aria-sort={ariaSort} className={column.numeric ? 'numeric' : undefined} data-column={column.id}>
      <button type="button" className="sort-button" onClick={flip}>
        <span className="th-label">{label}</span>
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

/**
 * `scrollKey` names the scope (each keeps its own scroll offset; the view remounts the table per scope);
 * `queryKey` changes with the sort and filters, which bring the list back to its top.
 */
export function LibraryTable({ rows, selection, scrollKey, queryKey, emptyText }: { rows: LibraryRows; selection: Selection; scrollKey: string; queryKey: string; emptyText: string }) {
  const { t, locale } = useI18n();
  const state = useLibraryState();
  const columns = useMemo(() => visibleColumns(state.columns), [state.columns]);
  const template = useMemo(() => gridTemplate(state.columns), [state.columns]);
  const total = rows.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const savedOffset = getLibraryState().scroll[scrollKey] ?? 0;
  const restored = useRef(false);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The sticky header covers the top of the list: keyboard focus scrolls rows clear of it.
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: savedOffset,
    // Before the element is measured: the size it had last time (coming back from an article), else a
    // window-sized guess, so the first frame already has the right rows and measuring changes nothing.
    initialRect: lastListRect,
    // The offset the virtualizer has just read: remembering it costs no extra layout while scrolling.
    onChange: (instance) => {
      if (restored.current && instance.scrollOffset !== null) rememberScroll(scrollKey, instance.scrollOffset);
      if (instance.scrollRect) lastListRect = instance.scrollRect;
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // Put the list back where it was, as soon as it is tall enough to be scrolled there.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (restored.current || !element || rows.total === null) return;
    restored.current = true;
    if (savedOffset > 0) element.scrollTop = savedOffset;
  }, [rows.total, savedOffset]);

  // Leaving (an article opens, another scope): keep the offset the list has now, even if the scroll
  // event of a last nudge (a keyboard move, a scroll-into-view just before the click) never arrived.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    return () => {
      if (restored.current && element?.isConnected) rememberScroll(scrollKey, element.scrollTop);
    };
  }, [scrollKey]);

  // Another sort or filter: start from the top (the old offset means nothing in the new order).
  const lastQuery = useRef(queryKey);
  useLayoutEffect(() => {
    if (lastQuery.current === queryKey) return;
    lastQuery.current = queryKey;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    rememberScroll(scrollKey, 0);
  }, [queryKey, scrollKey]);

  useEffect(() => {
    // A screenful ahead on both sides: scrolling reaches rows already fetched, not placeholders.
    rows.ensure(Math.max(0, first - 20), Math.max(last, first + 20) + 60);
  }, [rows, first, last, total]);

  const focusRow = (index: number, extend: boolean) => {
    selection.moveFocus(index, extend);
    virtualizer.scrollToIndex(Math.max(0, Math.min(total - 1, index)), { align: 'auto' });
  };

  const idAt = (index: number): string | undefined => rows.row(index)?.id;
  const open = (index: number) => {
    const id = idAt(index);
    if (id) window.location.hash = articleRoute(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLButtonElement) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const focus = selection.focusIndex;
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          focusRow(focus + 1, event.shiftKey);
          return true;
        case 'ArrowUp':
          focusRow(focus - 1, event.shiftKey);
          return true;
        case 'PageDown':
          focusRow(focus + page, event.shiftKey);
          return true;
        case 'PageUp':
          focusRow(focus - page, event.shiftKey);
          return true;
        case 'Home':
          focusRow(0, event.shiftKey);
          return true;
        case 'End':
          focusRow(total - 1, event.shiftKey);
          return true;
        case ' ': {
          const id = idAt(focus);
          if (id) selection.toggle(focus, id);
          return true;
        }
        case 'Enter':
          open(focus);
          return true;
        case 'Escape':
          if (selection.count === 0) return false;
          selection.clear();
          return true;
        default:
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
            selection.selectAll();
            return true;
          }
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  // One stable object for every row (memoised rows keep their props while scrolling); it calls
  // whatever the latest render's handlers are.
  const latest = { selection, open };
  const latestRef = useRef(latest);
  latestRef.current = latest;
  const actions = useMemo<RowActions>(
    () => ({
      click(event, index, row) {
        const toggle = event.ctrlKey || event.metaKey;
        if ((event.target as HTMLElement).closest('a') && !toggle && !event.shiftKey) return; // The title link opens the article.
        event.preventDefault();
        latestRef.current.selection.click(index, row.id, { shift: event.shiftKey, toggle });
        gridRef.current?.focus({ preventScroll: true });
      },
      tick(event, index, row) {
        event.stopPropagation();
        latestRef.current.selection.click(index, row.id, { shift: event.shiftKey, toggle: !event.shiftKey });
      },
      dragStart(event, row) {
        const selected = latestRef.current.selection.ids;
        const ids = selected.has(row.id) ? [...selected] : [row.id];
        event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(ids));
        event.dataTransfer.setData('text/plain', row.title);
        event.dataTransfer.effectAllowed = 'copyLink';
      },
      open: (index) => latestRef.current.open(index),
    }),
    [],
  );

  const allSelected = total > 0 && selection.count >= total;
  return (
    <div
      className="library-scroll"
      ref={scrollRef}
    >
      <table
        ref={gridRef}
        className="article-table library-grid"
        role="grid"
        aria-label={t.libraryGrid}
        aria-rowcount={total + 1}
        aria-multiselectable="true"
        aria-activedescendant={total > 0 ? `library-row-${selection.focusIndex}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ ['--library-columns' as string]: template }}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="select-cell">
              <input
                type="checkbox"
                aria-label={t.selectAll}
                checked={allSelected}
                ref={(box) => {
                  if (box) box.indeterminate = selection.count > 0 && !allSelected;
                }}
                onChange={() => (allSelected ? selection.clear() : selection.selectAll())}
              />
            </th>
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} />
            ))}
          </tr>
        </thead>
        <tbody style={{ blockSize: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const row = rows.row(item.index);
            return (
              <LibraryRowView
                key={item.key}
                index={item.index}
                start={item.start}
                row={row}
                selected={row ? selection.ids.has(row.id) : false}
                focused={item.index === selection.focusIndex}
                columns={columns}
                t={t}
                locale={locale}
                actions={actions}
              />
            );
          })}
        </tbody>
      </table>
      {rows.total === 0 && <p className="empty-note library-empty">{emptyText}</p>}
    </div>
  );
}
