/**
 * Facets: tags, sources, authors, years, reading status and has-highlights, with
 * counts from the core (each facet counted with the others applied, so its own
 * alternatives stay visible). Choosing values narrows the listing; a facet shows
 * its most frequent values first and the rest on request.
 */
import { memo, useState } from 'react';
import type { FacetCount, LibraryFacets } from '../../common/api.js';
import type { LibraryFilters, ReadingStatus } from '../../common/types/library.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../i18n/format-numbers.js';
import type { StringKey } from '../i18n/strings.js';
import { STATUS_KEYS } from './cells.js';
import { updateLibraryState, useLibraryState } from './library-state.js';

const SHOWN = 6;
type ListFacet = 'tags' | 'sources' | 'authors' | 'years';

function toggleValue(list: readonly string[] | undefined, value: string): string[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
}

function setFilters(change: (filters: LibraryFilters) => LibraryFilters): void {
  updateLibraryState((current) => ({ filters: change(current.filters), focusIndex: 0, anchorIndex: 0 }));
}

function FacetGroup({ title, values, chosen, label, onToggle }: { title: string; values: FacetCount[]; chosen: readonly string[]; label?: (value: string) => string; onToggle: (value: string) => void }) {
  const { locale } = useI18n();
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  if (values.length === 0) return null;
  // Chosen values stay listed even when they are not among the most frequent.
  const shown = all ? values : values.filter((value, index) => index < SHOWN || chosen.includes(value.value));
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {shown.map((value) => (
        <label key={value.value} className="facet-value">
          <input type="checkbox" checked={chosen.includes(value.value)} onChange={() => onToggle(value.value)} />
          <span className="facet-name" dir="auto" title={label ? label(value.value) : value.value}>
            {label ? label(value.value) : value.value}
          </span>
          <span className="facet-count">{formatNumber(value.count, locale)}</span>
        </label>
      ))}
      {values.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t.showLess : t.showMore}
        </button>
      )}
    </fieldset>
  );
}

// Memoised: a page of rows arriving while the list scrolls re-renders the table, not this.
export const FacetPanel = memo(function FacetPanel({ facets }: { facets: LibraryFacets | null }) {
  const { t, locale } = useI18n();
  const { filters } = useLibraryState();
  if (!facets) return null;
  const list = (facet: ListFacet, title: StringKey, label?: (value: string) => string) => (
    <FacetGroup
      title={t[title]}
      values={facets[facet]}
      chosen={filters[facet] ?? []}
      label={label}
      onToggle={(value) => setFilters((current) => ({ ...current, [facet]: toggleValue(current[facet], value) }))}
    />
  );
  const statusChosen = filters.status ?? [];
  return (
    <section className="facets" aria-label={t.facetsTitle}>
      <h2 className="sidebar-title">{t.facetsTitle}</h2>
      <FacetGroup
        title={t.facetStatus}
        values={facets.status}
        chosen={statusChosen}
        label={(value) => t[STATUS_KEYS[value as ReadingStatus]]}
        onToggle={(value) => setFilters((current) => ({ ...current, status: toggleValue(current.status, value) as ReadingStatus[] }))}
      />
      <fieldset className="facet">
        <legend>{t.facetHighlights}</legend>
        {([true, false] as const).map((want) => (
          <label key={String(want)} className="facet-value">
            <input
              type="checkbox"
              checked={filters.hasHighlights === want}
              onChange={() => setFilters((current) => ({ ...current, hasHighlights: current.hasHighlights === want ? undefined : want }))}
            />
            <span className="facet-name">{want ? t.withHighlights : t.withoutHighlights}</span>
            <span className="facet-count">{formatNumber(want ? facets.hasHighlights.with : facets.hasHighlights.without, locale)}</span>
          </label>
        ))}
      </fieldset>
      {list('tags', 'facetTags')}
      {list('sources', 'facetSources')}
      {list('authors', 'facetAuthors')}
      {list('years', 'facetYears', (value) => (value === '' ? t.undated : value))}
    </section>
  );
});
