/**
 * "Save as smart collection" in the search palette: keeps the query with the
 * filters the library understands (tag, source, has-highlights, exact matching)
 * under a name; it then appears in the library sidebar, counted and listed live.
 */
import { useState, type FormEvent } from 'react';
import type { LibraryFilters } from '../../common/types/library.js';
import { useApp } from '../app/api-context.js';
import { useI18n } from '../i18n/i18n.js';
import { fillIsolated } from '../i18n/fill.js';
import { updateLibraryState } from './library-state.js';

export interface PaletteSearch {
  query: string;
  exact: boolean;
  tag: string;
  source: string;
  hasHighlights: boolean;
}

export function SaveSearchButton({ search }: { search: PaletteSearch }) {
  const { t } = useI18n();
  const { client, notify, fail } = useApp();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  if (search.query.trim() === '') return null;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    const filters: LibraryFilters = {
      ...(search.tag ? { tags: [search.tag] } : {}),
      ...(search.source ? { sources: [search.source] } : {}),
      ...(search.hasHighlights ? { hasHighlights: true } : {}),
    };
    client.api.saveSearch({ name: name.trim(), query: search.query.trim(), exact: search.exact, filters }).then((saved) => {
      setNaming(false);
      setName('');
      updateLibraryState({ scope: { kind: 'savedSearch', id: saved.id }, focusIndex: 0, anchorIndex: 0 });
      notify({ kind: 'info', text: fillIsolated(t.searchSaved, { name: saved.name }) });
    }, fail);
  };

  if (!naming) {
    return (
      <button type="button" className="button-quiet save-search" onClick={() => setNaming(true)}>
        {t.saveSearch}
      </button>
    );
  }
  return (
    <form className="save-search-form" onSubmit={save}>
      <input value={name} dir="auto" aria-label={t.saveSearchName} placeholder={t.saveSearchName} autoFocus onChange={(event) => setName(event.target.value)} />
      <button type="submit">{t.save}</button>
    </form>
  );
}
