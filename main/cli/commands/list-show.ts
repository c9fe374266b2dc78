/**
 * `qirtas list [--trash]` and `qirtas show ID`: read-only views of the archive.
 * IDs may be given by a unique prefix, as git does with commits.
 */
import type { FullArticle } from '../../../common/api.js';
import { QirtasError } from '../../../common/errors.js';
import type { ArticleMeta } from '../../../common/types/article.js';
import { type CliContext, EXIT_OK, unwrap } from '../cli-context.js';
import { formatArticleLine, formatFullArticle } from '../format.js';
import type { ArchiveApp } from '../../service/archive-app.js';

export async function listCommand(context: CliContext, trash: boolean): Promise<number> {
  const app = await context.open(true);
  try {
    const articles = unwrap<ArticleMeta[]>(await app.dispatch('listArticles', { view: trash ? 'trash' : 'library' }));
    if (context.json) context.out(JSON.stringify(articles, null, 2));
    else if (articles.length === 0) context.out(trash ? 'The trash is empty.' : `No articles yet in ${context.dataDir}. Add one with: qirtas import FILE.txt`);
    else for (const meta of articles) context.out(formatArticleLine(meta));
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

/** Finds the article whose id is `idOrPrefix` or starts with it; ambiguous prefixes are an error. */
export function resolveArticleId(app: ArchiveApp, idOrPrefix: string): string {
  const all = app.store.listMeta();
  if (all.some((meta) => meta.id === idOrPrefix)) return idOrPrefix;
  const matches = all.filter((meta) => meta.id.startsWith(idOrPrefix) || meta.externalId === idOrPrefix);
  if (matches.length === 1) return (matches[0] as ArticleMeta).id;
  if (matches.length === 0) throw new QirtasError('NOT_FOUND', `No article with id "${idOrPrefix}".`);
  throw new QirtasError('BAD_ARGS', `"${idOrPrefix}" matches ${matches.length} articles; give more of the id.`);
}

export async function showCommand(context: CliContext, idOrPrefix: string): Promise<number> {
  const app = await context.open(true);
  try {
    const article = unwrap<FullArticle>(await app.dispatch('getArticle', { id: resolveArticleId(app, idOrPrefix) }));
    context.out(context.json ? JSON.stringify(article, null, 2) : formatFullArticle(article));
    return EXIT_OK;
  } finally {
    await app.close();
  }
}
