/**
 * In-article find (Ctrl/Cmd+F or the toolbar button): asks the archive for the
 * matches of the query with the same Arabic folding as search (findInArticle),
 * shows "n of m", steps with Enter / Shift+Enter or the arrows, and has an
 * "exact" switch. The reader paints the matches ('find', 'find-current').
 */
import { useEffect, useRef, useState } from 'react';
import type { TextRange } from '../app/use-route.js';
import { useApp } from '../app/api-context.js';
import { useI18n } from '../i18n/i18n.js';
import { fill } from './format.js';

const QUERY_DELAY_MS = 150;

export function FindBar({
  articleId,
  focusTick,
  textVersion,
  onResults,
  onClose,
}: {
  articleId: string;
  /** Bumped to focus the input again (Ctrl+F while the bar is open). */
  focusTick: number;
  /** Changes when the article text changes, so matches are asked for again. */
  textVersion: unknown;
  onResults: (matches: TextRange[], current: number) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { client, fail } = useApp();
  const [query, setQuery] = useState('');
  const [exact, setExact] = useState(false);
  const [matches, setMatches] = useState<TextRange[]>([]);
  const [current, setCurrent] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const asked = useRef(0);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusTick]);

  useEffect(() => {
    const ticket = ++asked.current;
    if (!query.trim()) {
      setMatches([]);
      setCurrent(0);
      return;
    }
    const timer = setTimeout(() => {
      client.api.findInArticle({ id: articleId, query, exact }).then((found) => {
        if (ticket !== asked.current) return;
        setMatches(found);
        setCurrent(0);
      }, fail);
    }, QUERY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, fail, articleId, query, exact, textVersion]);

  useEffect(() => onResults(matches, current), [matches, current, onResults]);

  const step = (by: number) => {
    if (matches.length === 0) return;
    setCurrent((current + by + matches.length) % matches.length);
  };

  const status = !query.trim() ? '' : matches.length === 0 ? t.findNone : fill(t.findCount, { current: current + 1, total: matches.length });

  return (
    <div className="find-bar" role="search" aria-label={t.findInArticle}>
      <input
        ref={inputRef}
        type="search"
        dir="auto"
        value={query}
        placeholder={t.findPlaceholder}
        aria-label={t.findPlaceholder}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <label className="find-exact" title={t.findExactHint}>
        <input type="checkbox" checked={exact} onChange={(event) => setExact(event.target.checked)} />
        {t.findExact}
      </label>
      <button type="button" className="icon-button" aria-label={t.findPrevious} title={`${t.findPrevious} (Shift+Enter)`} onClick={() => step(-1)} disabled={matches.length === 0}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={t.findNext} title={`${t.findNext} (Enter)`} onClick={() => step(1)} disabled={matches.length === 0}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label={t.close} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
