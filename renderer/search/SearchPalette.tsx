/**
 * The search palette (Ctrl/Cmd+K): results as you type over the whole archive,
 * snippets with the matched original characters highlighted (CSS Custom
 * Highlight API, so joined letters stay joined), filters, keyboard navigation.
 * Opening a result shows the article scrolled to the matched passage.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '../../common/api.js';
import { useApp } from '../app/api-context.js';
import { Dialog } from '../app/Dialog.js';
import { articleRoute } from '../app/use-route.js';
import { fillIsolated } from '../i18n/fill.js';
import { useI18n } from '../i18n/i18n.js';
import { NO_FILTERS, SearchFilters, type FilterValues } from './SearchFilters.js';
import { useSearch } from './use-search.js';
import { useTextHighlights } from './use-text-highlights.js';
import { SaveSearchButton } from '../library/SaveSearchButton.js';
import './search.css';

const RESULT_LIMIT = 30;

function toArgs(query: string, filters: FilterValues) {
  return {
    query,
    limit: RESULT_LIMIT,
    prefix: !filters.exact,
    exact: filters.exact,
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.color ? { color: filters.color } : {}),
    ...(filters.hasHighlights ? { hasHighlights: true } : {}),
  };
}

function ResultItem({ result, active, onOpen }: { result: SearchResult; active: boolean; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <li role="option" aria-selected={active} className={active ? 'result active' : 'result'} onClick={onOpen} data-result-id={result.id}>
      <div className="result-title" dir="auto">
        {result.title}
        {result.approximate && (
          <span className="badge" title={t.searchApproximateHint}>
            {t.searchApproximate}
          </span>
        )}
        {result.snippetField === 'title' && <span className="badge title-badge">{t.searchTitleMatch}</span>}
        {result.externalId && <span className="external-id">{result.externalId}</span>}
      </div>
      {result.partial && (
        <p className="partial-line" title={t.searchPartialHint}>
          <span className="partial-count">{fillIsolated(t.searchPartial, { matched: result.partial.matched, total: result.partial.total })}</span>
          {result.partial.missing.map((word) => (
            <s key={word} className="missing-word" dir="auto" aria-label={`${t.searchPartialHint}: ${word}`}>
              {word}
            </s>
          ))}
        </p>
      )}
      <p className="result-snippet" dir="auto" lang="ar" data-snippet={JSON.stringify(result.snippet.highlights)}>
        {result.snippet.text}
      </p>
    </li>
  );
}

export function SearchPalette({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { navigate } = useApp();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [active, setActive] = useState(0);
  const { response, titles, busy } = useSearch(toArgs(query, filters));
  const listRef = useRef<HTMLUListElement>(null);
  const results = response?.results ?? [];

  useEffect(() => setActive(0), [response]);
  useTextHighlights(
    'search-hit',
    () =>
      [...(listRef.current?.querySelectorAll<HTMLElement>('.result-snippet') ?? [])].flatMap((element) => {
        const node = element.firstChild;
        return node instanceof Text ? [{ node, ranges: JSON.parse(element.dataset.snippet ?? '[]') as Array<{ start: number; end: number }> }] : [];
      }),
    [response],
  );

  const open = (result: SearchResult | undefined) => {
    if (!result) return;
    onClose();
    navigate(articleRoute(result.id, result.firstMatch));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current) => Math.min(current + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(results[active]);
    }
  };

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <Dialog title={t.searchLabel} onClose={onClose} labelledBy="search-title" className="search-dialog">
      <input
        className="search-input"
        type="search"
        dir="auto"
        lang="ar"
        placeholder={t.searchPlaceholder}
        aria-label={t.searchLabel}
        aria-controls="search-results"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <SearchFilters value={filters} onChange={setFilters} />
      <SaveSearchButton search={{ query, exact: filters.exact, tag: filters.tag, source: filters.source, hasHighlights: filters.hasHighlights }} />
      {query.trim() === '' && <p className="hint">{t.searchTyping}</p>}
      {response?.didYouMean && (
        <p className="did-you-mean">
          {t.searchDidYouMean}{' '}
          <button type="button" className="link-button" dir="auto" onClick={() => setQuery(response.didYouMean ?? '')}>
            {response.didYouMean}
          </button>
        </p>
      )}
      {response?.searched && response.searched.length > 0 && (
        <p className="searched-as">
          {t.searchSearchedAs}{' '}
          {response.searched.map((entry) => (
            // One left-to-right unit, so the arrow points from the Latin word to its Arabic reading in either UI language.
            <bdi key={entry.word} className="searched-form" dir="ltr">
              {entry.word} → <bdi dir="rtl" lang="ar">{entry.forms.join('، ')}</bdi>
            </bdi>
          ))}
        </p>
      )}
      {titles.length > 0 && (
        <div className="title-matches">
          <span className="group-label">{t.searchTitles}</span>
          {titles.map((match) => (
            <a key={match.id} href={`#${articleRoute(match.id)}`} onClick={onClose} dir="auto">
              {match.label}
            </a>
          ))}
        </div>
      )}
      {response && (
        <p className="results-count" aria-live="polite">
          {results.length === 0 ? t.searchNoResults : `${t.searchResultsCount} ${results.length}`}
        </p>
      )}
      <ul id="search-results" role="listbox" aria-label={t.searchLabel} className="results" ref={listRef} aria-busy={busy}>
        {results.map((result, index) => (
          <ResultItem key={result.id} result={result} active={index === active} onOpen={() => open(result)} />
        ))}
      </ul>
      <p className="hint keys">{t.searchHelp}</p>
    </Dialog>
  );
}
