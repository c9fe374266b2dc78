/** The filter row of the search palette: tag, source, date range, highlights, colour, exact matching. */
import { useEffect, useState } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';
import { useI18n } from '../i18n/i18n.js';
import type { StringKey } from '../i18n/strings.js';
import { DateField } from '../app/DateField.js';

export interface FilterValues {
  tag: string;
  source: string;
  from: string;
  to: string;
  hasHighlights: boolean;
  color: HighlightColor | '';
  exact: boolean;
}

export const NO_FILTERS: FilterValues = { tag: '', source: '', from: '', to: '', hasHighlights: false, color: '', exact: false };

const COLOR_KEYS: Record<HighlightColor, StringKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

export function SearchFilters({ value, onChange }: { value: FilterValues; onChange: (value: FilterValues) => void }) {
  const { t } = useI18n();
  const { client } = useApp();
  const [facets, setFacets] = useState<{ tags: string[]; sources: string[] }>({ tags: [], sources: [] });
  useEffect(() => {
    client.api.listFacets({}).then(setFacets, () => undefined);
  }, [client]);
  const set = <K extends keyof FilterValues>(key: K, next: FilterValues[K]) => onChange({ ...value, [key]: next });

  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">{t.searchFilters}</legend>
      <select aria-label={t.searchAnyTag} value={value.tag} onChange={(event) => set('tag', event.target.value)}>
        <option value="">{t.searchAnyTag}</option>
        {facets.tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      <select aria-label={t.searchAnySource} value={value.source} onChange={(event) => set('source', event.target.value)}>
        <option value="">{t.searchAnySource}</option>
        {facets.sources.map((source) => (
          <option key={source} value={source}>
            {source}
          </option>
        ))}
      </select>
      <label>
        {t.searchFrom}
        <DateField value={value.from} onChange={(iso) => set('from', iso)} />
      </label>
      <label>
        {t.searchTo}
        <DateField value={value.to} onChange={(iso) => set('to', iso)} />
      </label>
      <select aria-label={t.searchAnyColor} value={value.color} onChange={(event) => set('color', event.target.value as HighlightColor | '')}>
        <option value="">{t.searchAnyColor}</option>
        {HIGHLIGHT_COLORS.map((color) => (
          <option key={color} value={color}>
            {t[COLOR_KEYS[color]]}
          </option>
        ))}
      </select>
      <label className="check">
        <input type="checkbox" checked={value.hasHighlights} onChange={(event) => set('hasHighlights', event.target.checked)} />
        {t.searchHasHighlights}
      </label>
      <label className="check">
        <input type="checkbox" checked={value.exact} onChange={(event) => set('exact', event.target.checked)} />
        {t.searchExact}
      </label>
    </fieldset>
  );
}
