/**
 * The trash as a virtualised grid (@tanstack/react-virtual, as the library's):
 * only the rows on screen are in the page, fetched a window at a time from the
 * core (use-library-rows.ts, scope "trash"), so 10,000 trashed articles open as
 * fast as ten. Columns, each sortable: title (opens the article), source, date
 * added and date moved to the trash (the default order, newest first); then the
 * row's actions — Restore and Delete for good.
 *
 * Keyboard: the grid is one tab stop; the arrows, Page Up/Down, Home and End move
 * the focused row, Enter restores it, Delete deletes it for good (after the
 * confirmation). Tab from the grid goes through the header's sort buttons, then
 * the focused row's two buttons only (not every row's).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { LibraryRow } from '../../common/api.js';
import type { LibrarySort, LibrarySortField } from '../../common/types/library.js';
import { formatDualDate, useI18n } from '../i18n/i18n.js';
import type { StringKey } from '../i18n/strings.js';
import { Cell, shortDate } from './cells.js';
import { TitleCell } from './LibraryRowView.js';
import type { LibraryRows } from './use-library-rows.js';

const ROW_HEIGHT = 60;
const HEADER_HEIGHT = 44;

/** Title, source, added, moved to the trash (the default order, newest first), then the actions. */
const SORTABLE: Array<{ field: LibrarySortField; label: StringKey; first: 'asc' | 'desc' }> = [
  { field: 'title', label: 'colTitle', first: 'asc' },
  { field: 'source', label: 'colSource', first: 'asc' },
  { field: 'added', label: 'colAdded', first: 'desc' },
  { field: 'trashed', label: 'colTrashed', first: 'desc' },
];

export interface TrashTableProps {
  rows: LibraryRows;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  focusIndex: number;
  onFocusIndex: (index: number) => void;
  onRestore: (row: LibraryRow) => void;
  onDelete: (row: LibraryRow) => void;
}

export function TrashTable({ rows, sort, onSort, focusIndex, onFocusIndex, onRestore, onDelete }: TrashTableProps) {
  const { t, locale } = useI18n();
  const total = rows.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: { width: 1000, height: typeof window === 'undefined' ? 800 : window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    rows.ensure(first, Math.max(last, first + 20));
  }, [rows, first, last, total]);

  // Fewer rows than before (restored, deleted): the focus stays on a row that exists.
  const focus = total === 0 ? 0 : Math.min(focusIndex, total - 1);
  useEffect(() => {
    if (focus !== focusIndex) onFocusIndex(focus);
  }, [focus, focusIndex, onFocusIndex]);

  const moveFocus = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    onFocusIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement) return;
    if (total === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const row = rows.row(focus);
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          moveFocus(focus + 1);
          return true;
        case 'ArrowUp':
          moveFocus(focus - 1);
          return true;
        case 'PageDown':
          moveFocus(focus + page);
          return true;
        case 'PageUp':
          moveFocus(focus - page);
          return true;
        case 'Home':
          moveFocus(0);
          return true;
        case 'End':
          moveFocus(total - 1);
          return true;
        case 'Enter':
          if (row) onRestore(row);
          return true;
        case 'Delete':
          if (row) onDelete(row);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  const header = (field: LibrarySortField, label: StringKey, firstDirection: 'asc' | 'desc') => {
    const active = sort.field === field;
    return (
      <th key={field} scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort-button"
          onClick={() => onSort(active ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: firstDirection })}
        >
          <span className="th-label">{t[label]}</span>
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="trash-scroll" ref={scrollRef}>
      <table
        className="article-table trash-grid"
        role="grid"
        aria-label={t.trashGrid}
        aria-rowcount={total + 1}
        aria-activedescendant={total > 0 ? `trash-row-${focus}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr aria-rowindex={1}>
            {SORTABLE.map((column) => header(column.field, column.label, column.first))}
            <th scope="col">
              <span className="visually-hidden">{t.trashActions}</span>
            </th>
          </tr>
        </thead>
        <tbody style={{ blockSize: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const row = rows.row(item.index);
            const focused = item.index === focus;
            return (
              <tr
                key={item.key}
                id={`trash-row-${item.index}`}
                aria-rowindex={item.index + 2}
                data-article-id={row?.id}
                className={`${focused ? 'focused' : ''}${row ? '' : ' placeholder'}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onFocusIndex(item.index)}
              >
                <td className="title-cell" dir="auto">
                  {row && <TitleCell row={row} />}
                </td>
                <td className="cell-source">{row && <Cell column="source" row={row} t={t} locale={locale} />}</td>
                <td className="cell-added">{row && <Cell column="added" row={row} t={t} locale={locale} />}</td>
                <td className="cell-trashed">
                  {row?.trashedAt && (
                    <time dateTime={row.trashedAt} title={`${t.trashedOn} ${formatDualDate(row.trashedAt, locale)}`}>
                      {shortDate(row.trashedAt, locale)}
                    </time>
                  )}
                </td>
                <td className="row-actions">
                  {row && (
                    <>
                      <button type="button" tabIndex={focused ? 0 : -1} aria-label={`${t.restore}: ${row.title}`} onClick={() => onRestore(row)}>
                        {t.restore}
                      </button>
                      <button type="button" tabIndex={focused ? 0 : -1} className="button-danger" aria-label={`${t.deleteForever}: ${row.title}`} onClick={() => onDelete(row)}>
                        {t.deleteForever}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
