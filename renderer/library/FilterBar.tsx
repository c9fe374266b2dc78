/**
 * Above the list: the filter box (narrows as you type: title, source, author and
 * tags, folded like search by the core), the count ("120 of 10,000 articles") and
 * the column chooser.
 */
import { memo, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber, plural } from '../i18n/format-numbers.js';
import { COLUMN_IDS, COLUMNS, type ColumnId } from './columns.js';
import { updateLibraryState, useLibraryState } from './library-state.js';

function ColumnChooser() {
  const { t } = useI18n();
  const { columns } = useLibraryState();
  const toggle = (id: ColumnId) =>
    updateLibraryState((current) => ({
      columns: current.columns.includes(id) ? current.columns.filter((column) => column !== id) : COLUMN_IDS.filter((column) => column === id || current.columns.includes(column)),
    }));
  return (
    <details className="column-chooser">
      <summary>{t.columnsMenu}</summary>
      <fieldset>
        <legend className="visually-hidden">{t.columnsHint}</legend>
        {COLUMN_IDS.map((id) => (
          <label key={id}>
            <input type="checkbox" checked={columns.includes(id)} disabled={id === 'title'} onChange={() => toggle(id)} />
            {t[COLUMNS[id].label]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

// Memoised: a page of rows arriving while the list scrolls re-renders the table, not this.
export const FilterBar = memo(function FilterBar({ total, scopeTotal, hasFilters }: { total: number | null; scopeTotal: number; hasFilters: boolean }) {
  const { t, locale } = useI18n();
  const { filters } = useLibraryState();
  const [text, setText] = useState(filters.text ?? '');

  // Another part of the view cleared the filters (or a saved search set them): follow.
  useEffect(() => setText(filters.text ?? ''), [filters.text]);

  // No debounce: the core answers a window of rows in milliseconds, and a late answer for an older text is dropped (each text has its own listing).
  const onType = (value: string) => {
    setText(value);
    updateLibraryState((current) => ({ filters: { ...current.filters, text: value }, focusIndex: 0, anchorIndex: 0 }));
  };

  return (
    <div className="filter-bar">
      <input
        type="search"
        className="filter-input"
        dir="auto"
        value={text}
        placeholder={t.filterPlaceholder}
        aria-label={t.filterLabel}
        onChange={(event) => onType(event.target.value)}
      />
      <span className="count" aria-live="polite">
        {total === null ? t.loading : hasFilters ? `${formatNumber(total, locale)} ${t.ofTotal} ${plural('articles', scopeTotal, locale)}` : plural('articles', total, locale)}
      </span>
      {hasFilters && (
        <button type="button" className="button-quiet" onClick={() => updateLibraryState({ filters: {}, focusIndex: 0, anchorIndex: 0 })}>
          {t.clearFilters}
        </button>
      )}
      <ColumnChooser />
    </div>
  );
});
