/**
 * Hash routes: #/ (library), #/trash, #/article/<id>. The hash keeps the view
 * across reloads and works the same from file:// and over HTTP.
 */
import { useEffect, useState } from 'react';

export type Route = { name: 'library' } | { name: 'trash' } | { name: 'article'; id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/trash') return { name: 'trash' };
  const article = /^\/article\/([A-Za-z0-9_-]+)$/.exec(path);
  if (article?.[1]) return { name: 'article', id: article[1] };
  return { name: 'library' };
}

export function useRoute(): [Route, (route: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => (window.location.hash = next)];
}
