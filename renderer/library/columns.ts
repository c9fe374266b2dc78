/**
 * The library's columns: which sort field each one sorts by, its label, and its
 * width in the CSS grid every row shares. Published and added dates are separate
 * columns with separate names, never one "date" that mixes them.
 */
import type { LibrarySortField } from '../../common/types/library.js';
import type { StringKey } from '../i18n/strings.js';

export const COLUMN_IDS = ['title', 'source', 'author', 'published', 'added', 'words', 'highlights', 'lastRead', 'status'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnDef {
  id: ColumnId;
  label: StringKey;
  /** Null: the column does not sort (reading status has its facet instead). */
  sort: LibrarySortField | null;
  /** Its track in grid-template-columns: text columns share what is left, so long names shrink (with an ellipsis), never push the table wider. */
  width: string;
  numeric?: boolean;
}

export const COLUMNS: Record<ColumnId, ColumnDef> = {
  title: { id: 'title', label: 'colTitle', sort: 'title', width: 'minmax(12rem, 3fr)' },
  source: { id: 'source', label: 'colSource', sort: 'source', width: 'minmax(5rem, 1.1fr)' },
  author: { id: 'author', label: 'colAuthor', sort: 'author', width: 'minmax(5rem, 1fr)' },
  published: { id: 'published', label: 'colPublished', sort: 'published', width: '8.5rem' },
  added: { id: 'added', label: 'colAdded', sort: 'added', width: '8.5rem' },
  words: { id: 'words', label: 'colWords', sort: 'words', width: '5.5rem', numeric: true },
  highlights: { id: 'highlights', label: 'colHighlights', sort: 'highlights', width: '6rem', numeric: true },
  lastRead: { id: 'lastRead', label: 'colLastRead', sort: 'lastRead', width: '8.5rem' },
  status: { id: 'status', label: 'colStatus', sort: null, width: '8.5rem' },
};

export const DEFAULT_COLUMNS: ColumnId[] = ['title', 'source', 'published', 'added', 'words', 'status'];

/** The selection checkbox column, then the visible columns in their fixed order. */
export function gridTemplate(visible: readonly ColumnId[]): string {
  return ['2.6rem', ...COLUMN_IDS.filter((id) => visible.includes(id)).map((id) => COLUMNS[id].width)].join(' ');
}

export function visibleColumns(visible: readonly ColumnId[]): ColumnDef[] {
  return COLUMN_IDS.filter((id) => visible.includes(id)).map((id) => COLUMNS[id]);
}
