/**
 * "Articles I choose" in the export dialog: a filter box over the library (the
 * core's folded filter, first 100 matches by title) with a checkbox per article,
 * and the count chosen. It never loads the whole library into the page: a
 * selection of 10,000 from a 50,000-article library opens at once.
 */
import { useEffect, useMemo, useState } from 'react';
import type { LibraryRow } from '../../common/api.js';
import { useApp } from '../app/api-context.js';
import { formatNumber, plural } from '../i18n/format-numbers.js';
import { fill, isolate } from '../i18n/fill.js';
import { useI18n } from '../i18n/i18n.js';

const SHOWN = 100;
const FILTER_DELAY_MS = 150;

export function ArticlePicker({ chosen, onChange }: { chosen: string[]; onChange: (ids: string[]) => void }) {
  const { t, locale } = useI18n();
  const { client, fail } = useApp();
  const [filter, setFilter] = useState('');
  const [found, setFound] = useState<{ rows: LibraryRow[]; total: number } | null>(null);
  const chosenSet = useMemo(() => new Set(chosen), [chosen]);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      client.api
        .listLibrary({ scope: { kind: 'all' }, sort: { field: 'title', direction: 'asc' }, filters: filter.trim() ? { text: filter.trim() } : {}, offset: 0, limit: SHOWN })
        .then((result) => live && setFound({ rows: result.rows, total: result.total }), fail);
    }, FILTER_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, fail, filter]);

  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id));

  return (
    <div className="export-articles">
      <input type="search" dir="auto" placeholder={t.scopeArticlesFilter} aria-label={t.scopeArticlesFilter} value={filter} onChange={(event) => setFilter(event.target.value)} />
      <ul>
        {(found?.rows ?? []).map((row) => (
          <li key={row.id}>
            <label>
              <input type="checkbox" checked={chosenSet.has(row.id)} onChange={(event) => toggle(row.id, event.target.checked)} />
              <span dir="auto">{row.title}</span>
            </label>
          </li>
        ))}
      </ul>
      {found && found.total > found.rows.length && <p className="hint">{fill(t.scopeArticlesMore, { shown: isolate(formatNumber(found.rows.length, locale)), total: plural('articles', found.total, locale) })}</p>}
      <p className="hint">
        {t.scopeArticlesChosen} {plural('articles', chosen.length, locale)}
      </p>
    </div>
  );
}
