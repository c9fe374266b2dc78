/**
 * Hash routes: #/ (library), #/trash, #/notes, #/article/<id>[?at=<start>-<end>].
 * The hash keeps the view across reloads and works the same from file:// and
 * over HTTP. `at` asks the reader to scroll to and mark a range of the canonical
 * text (a search result or a note).
 */
import { useCallback, useEffect, useState } from 'react';

export interface TextRange {
  start: number;
  end: number;
}

export type Route =
  | { name: 'library' }
  | { name: 'trash' }
  | { name: 'notes' }
  | { name: 'article'; id: string; at: TextRange | null };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/trash') return { name: 'trash' };
  if (path === '/notes') return { name: 'notes' };
  const article = /^\/article\/([A-Za-z0-9_-]+)(?:\?at=(\d+)-(\d+))?$/.exec(path);
  if (article?.[1]) {
    const at = article[2] !== undefined && article[3] !== undefined ? { start: Number(article[2]), end: Number(article[3]) } : null;
    return { name: 'article', id: article[1], at };
  }
  return { name: 'library' };
}

/** The hash for an article, optionally at a range. */
export function articleRoute(id: string, at?: TextRange | null): string {
  return at ? `/article/${id}?at=${at.start}-${at.end}` : `/article/${id}`;
}

export function useRoute(): [Route, (route: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  // Stable, so contexts that hand it out do not change (and re-render their users) on every render.
  const navigate = useCallback((next: string) => {
    window.location.hash = next;
  }, []);
  return [route, navigate];
}
