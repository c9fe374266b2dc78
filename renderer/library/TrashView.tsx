/**
 * The trash: the articles moved there, in a virtualised grid (TrashTable.tsx)
 * with a filter box (folded like the library's, by the core) and the count.
 * Restore puts an article back in the library, with Undo in the toast (one
 * bulkUpdate, undone by undoBulk); Delete for good asks first and cannot be undone.
 */
import { useCallback, useMemo, useState } from 'react';
import type { LibraryRow } from '../../common/api.js';
import type { LibraryScope, LibrarySort } from '../../common/types/library.js';
import { useApp } from '../app/api-context.js';
import { formatNumber, plural } from '../i18n/format-numbers.js';
import { useI18n } from '../i18n/i18n.js';
import { TrashTable } from './TrashTable.js';
import { useLibraryRows } from './use-library-rows.js';
import './trash.css';

const TRASH: LibraryScope = { kind: 'trash' };

export function TrashView() {
  const { t, locale } = useI18n();
  const { client, notify, fail } = useApp();
  const [sort, setSort] = useState<LibrarySort>({ field: 'trashed', direction: 'desc' });
  const [text, setText] = useState('');
  const [focusIndex, setFocusIndex] = useState(0);
  const query = useMemo(() => ({ scope: TRASH, sort, filters: text.trim() === '' ? {} : { text } }), [sort, text]);
  const rows = useLibraryRows(query);
  const filtering = text.trim() !== '';

  const restore = useCallback(
    (row: LibraryRow) =>
      client.api.bulkUpdate({ ids: [row.id], action: { kind: 'restore' } }).then((result) => {
        notify({ kind: 'info', text: t.restored, action: { label: t.undo, run: () => void client.api.undoBulk({ undoToken: result.undoToken }).catch(fail) } });
      }, fail),
    [client, notify, fail, t],
  );
  const deleteForever = useCallback(
    (row: LibraryRow) => {
      if (!window.confirm(`${t.confirmDelete}\n\n${row.title}`)) return;
      client.api.deleteArticle({ id: row.id }).then(() => notify({ kind: 'info', text: t.deleted }), fail);
    },
    [client, notify, fail, t],
  );

  const empty = rows.total === 0 && !filtering && rows.scopeTotal === 0;
  return (
    <section className="library trash-view" aria-labelledby="trash-heading">
      <div className="section-head">
        <h1 id="trash-heading">{t.trash}</h1>
        {rows.total !== null && !empty && (
          <span className="count" aria-live="polite">
            {filtering ? `${formatNumber(rows.total, locale)} ${t.ofTotal} ${plural('articles', rows.scopeTotal, locale)}` : plural('articles', rows.total, locale)}
          </span>
        )}
      </div>
      {rows.total === null && <p>{t.loading}</p>}
      {empty && <p className="empty-note">{t.trashEmpty}</p>}
      {rows.total !== null && !empty && (
        <>
          <div className="trash-bar">
            <input
              type="search"
              className="filter-input"
              dir="auto"
              value={text}
              placeholder={t.filterPlaceholder}
              aria-label={t.trashFilterLabel}
              onChange={(event) => {
                setText(event.target.value);
                setFocusIndex(0);
              }}
            />
          </div>
          <TrashTable
            rows={rows}
            sort={sort}
            onSort={(next) => {
              setSort(next);
              setFocusIndex(0);
            }}
            focusIndex={focusIndex}
            onFocusIndex={setFocusIndex}
            onRestore={(row) => void restore(row)}
            onDelete={deleteForever}
          />
          {rows.total === 0 && <p className="empty-note">{t.emptyFilter}</p>}
          <p className="hint trash-keys">{t.trashKeysHint}</p>
        </>
      )}
    </section>
  );
}
