/**
 * One row of the library grid. Memoised: while the list scrolls, the rows that
 * stay on screen keep their props (the same row object from the page cache, the
 * same columns, the same handlers), so React renders only the rows that come into
 * view — not every visible row on every frame.
 */
import { memo, type DragEvent, type MouseEvent } from 'react';
import type { LibraryRow } from '../../common/api.js';
import type { Locale } from '../../common/types/article.js';
import { articleRoute } from '../app/use-route.js';
import type { Strings } from '../i18n/strings.js';
import { Cell } from './cells.js';
import type { ColumnDef } from './columns.js';

/** What a row does when clicked, dragged or ticked: one stable object for every row. */
export interface RowActions {
  click(event: MouseEvent, index: number, row: LibraryRow): void;
  tick(event: MouseEvent, index: number, row: LibraryRow): void;
  dragStart(event: DragEvent, row: LibraryRow): void;
  open(index: number): void;
}

interface RowProps {
  index: number;
  start: number;
  row: LibraryRow | undefined;
  selected: boolean;
  focused: boolean;
  columns: readonly ColumnDef[];
  t: Strings;
  locale: Locale;
  actions: RowActions;
}

/** The title link with up to four of the article's tags under it (the library's and the trash's rows). */
export function TitleCell({ row }: { row: LibraryRow }) {
  return (
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
  );
}

export const LibraryRowView = memo(function LibraryRowView({ index, start, row, selected, focused, columns, t, locale, actions }: RowProps) {
  return (
    <tr
      id={`library-row-${index}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-article-id={row?.id}
      className={`${selected ? 'selected' : ''}${focused ? ' focused' : ''}${row ? '' : ' placeholder'}`}
      style={{ transform: `translateY(${start}px)` }}
      draggable={row !== undefined}
      onDragStart={row ? (event) => actions.dragStart(event, row) : undefined}
      onClick={row ? (event) => actions.click(event, index, row) : undefined}
      onDoubleClick={() => actions.open(index)}
    >
      <td className="select-cell">
        {row && (
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`${t.selectRow}: ${row.title}`}
            checked={selected}
            onClick={(event) => actions.tick(event, index, row)}
            onChange={() => undefined}
          />
        )}
      </td>
      {columns.map((column) =>
        column.id === 'title' ? (
          <td key="title" className="title-cell" dir="auto">
            {row && <TitleCell row={row} />}
          </td>
        ) : (
          <td key={column.id} className={`cell-${column.id}${column.numeric ? ' numeric' : ''}`}>
            {row && <Cell column={column.id} row={row} t={t} locale={locale} />}
          </td>
        ),
      )}
    </tr>
  );
});
