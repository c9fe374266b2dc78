/**
 * The library's article grid: a real <table role="grid"> whose body holds only the
 * rows on screen (@tanstack/react-virtual), each row absolutely placed at its
 * offset, all rows sharing one CSS grid of columns. Column headers sort (button
 * inside the header, aria-sort on it); rows select with the mouse and keyboard
 * (use-selection.ts) and drag onto a collection. The scroll offset is remembered
 * per scope and restored before the first paint when coming back.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { LibraryRow } from '../../common/api.js';
import type { LibrarySortField } from '../../common/types/library.js';
import { articleRoute } from '../app/use-route.js';
import { useI18n } from '../i18n/i18n.js';
import { Cell } from './cells.js';
import { gridTemplate, visibleColumns, type ColumnDef } from './columns.js';
import { getLibraryState, rememberScroll, updateLibraryState, useLibraryState } from './library-state.js';
import type { LibraryRows } from './use-library-rows.js';
import type { Selection } from './use-selection.js';

export const ROW_HEIGHT = 60;
const HEADER_HEIGHT = 44;
export const DRAG_TYPE = 'application/x-qirtas-articles';

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
  const columns = visibleColumns(state.columns);
  const template = gridTemplate(state.columns);
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
    // Before the element is measured, assume a window-sized viewport so the first frame already has rows.
    initialRect: { width: 1000, height: typeof window === 'undefined' ? 800 : window.innerHeight },
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

  // Another sort or filter: start from the top (the old offset means nothing in the new order).
  const lastQuery = useRef(queryKey);
  useLayoutEffect(() => {
    if (lastQuery.current === queryKey) return;
    lastQuery.current = queryKey;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    rememberScroll(scrollKey, 0);
  }, [queryKey, scrollKey]);

  useEffect(() => {
    rows.ensure(first, Math.max(last, first + 20));
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

  const onRowClick = (event: MouseEvent, index: number, row: LibraryRow) => {
    const toggle = event.ctrlKey || event.metaKey;
    if ((event.target as HTMLElement).closest('a') && !toggle && !event.shiftKey) return; // The title link opens the article.
    event.preventDefault();
    selection.click(index, row.id, { shift: event.shiftKey, toggle });
    gridRef.current?.focus({ preventScroll: true });
  };

  const onDragStart = (event: DragEvent, row: LibraryRow) => {
    const ids = selection.ids.has(row.id) ? [...selection.ids] : [row.id];
    event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(ids));
    event.dataTransfer.setData('text/plain', row.title);
    event.dataTransfer.effectAllowed = 'copyLink';
  };

  const allSelected = total > 0 && selection.count >= total;
  return (
    <div
      className="library-scroll"
      ref={scrollRef}
      onScroll={(event) => {
        if (restored.current) rememberScroll(scrollKey, event.currentTarget.scrollTop);
      }}
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
            const selected = row ? selection.ids.has(row.id) : false;
            const focused = item.index === selection.focusIndex;
            return (
              <tr
                key={item.key}
                id={`library-row-${item.index}`}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-article-id={row?.id}
                className={`${selected ? 'selected' : ''}${focused ? ' focused' : ''}${row ? '' : ' placeholder'}`}
                style={{ transform: `translateY(${item.start}px)` }}
                draggable={row !== undefined}
                onDragStart={row ? (event) => onDragStart(event, row) : undefined}
                onClick={row ? (event) => onRowClick(event, item.index, row) : undefined}
                onDoubleClick={() => open(item.index)}
              >
                <td className="select-cell">
                  {row && (
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={`${t.selectRow}: ${row.title}`}
                      checked={selected}
                      onClick={(event) => {
                        event.stopPropagation();
                        selection.click(item.index, row.id, { shift: event.shiftKey, toggle: !event.shiftKey });
                      }}
                      onChange={() => undefined}
                    />
                  )}
                </td>
                {columns.map((column) =>
                  column.id === 'title' ? (
                    <td key="title" className="title-cell" dir="auto">
                      {row && (
                        <>
                          <a href={`#${articleRoute(row.id)}`} title={row.title} dir="auto" tabIndex={-1}>
                            {row.title}
                          </a>
                          {row.tags.length > 0 && (
                            <span className="tags">
                              {row.tags.slice(0, 4).map((tag) => (
                                <span key={tag} className="tag" dir="auto">
                                  {tag}
                                </span>
                              ))}
                            </span>
                          )}
                        </>
                      )}
                    </td>
                  ) : (
                    <td key={column.id} className={`cell-${column.id}${column.numeric ? ' numeric' : ''}`}>
                      {row && <Cell column={column.id} row={row} t={t} locale={locale} />}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.total === 0 && <p className="empty-note library-empty">{emptyText}</p>}
    </div>
  );
}
