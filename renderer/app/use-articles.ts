/**
 * The article list of one view (library or trash), reloaded whenever the archive
 * says it changed — also when the change came from another window or the CLI host.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleView } from '../../common/api.js';
import type { ArticleMeta } from '../../common/types/article.js';
import { useApp } from './api-context.js';

export function useArticles(view: ArticleView): { articles: ArticleMeta[] | null; reload: () => void } {
  const { client, fail } = useApp();
  const [articles, setArticles] = useState<ArticleMeta[] | null>(null);
  const reload = useCallback(() => {
    client.api.listArticles({ view }).then(setArticles, fail);
  }, [client, view, fail]);
  useEffect(() => {
    reload();
    return client.subscribe((event) => {
      if (event.type === 'articles-changed') reload();
    });
  }, [client, reload]);
  return { articles, reload };
}
