/**
 * `qirtas list [--sort FIELD[:desc]] [--filter TEXT] [--collection NAME|ID] [--tag T] [--source S] [--limit N] [--trash]`
 * and `qirtas show ID`: read-only views of the archive, through the same
 * listLibrary operation (and Arabic collation) as the app's library.
 * IDs may be given by a unique prefix, as git does with commits.
 */
import type { FullArticle, ListLibraryResult } from '../../../common/api.js';
import { QirtasError } from '../../../common/errors.js';
import type { ArticleMeta } from '../../../common/types/article.js';
import { LIBRARY_SORT_FIELDS, type LibraryScope, type LibrarySort, type LibrarySortField } from '../../../common/types/library.js';
import { type CliContext, EXIT_OK, UsageError, unwrap } from '../cli-context.js';
import { formatArticleLine, formatFullArticle } from '../format.js';
import type { ArchiveApp } from '../../service/archive-app.js';
import { resolveCollection } from './collection-names.js';

export interface ListOptions {
  trash: boolean;
  sort?: string;
  filter?: string;
  collection?: string;
  tags: string[];
  source?: string;
  limit?: string;
}

/** `title`, `published:desc`, `added:asc`… (no direction: ascending for text, newest/most first for dates and numbers). */
export function parseSort(value: string | undefined): LibrarySort {
  if (value === undefined) return { field: 'added', direction: 'desc' };
  const [field, direction, ...rest] = value.split(':');
  if (!LIBRARY_SORT_FIELDS.includes(field as LibrarySortField) || rest.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
    throw new UsageError(`--sort must be FIELD or FIELD:asc / FIELD:desc with FIELD one of ${LIBRARY_SORT_FIELDS.join(', ')} (got "${value}")`);
  }
  const textual = field === 'title' || field === 'source' || field === 'author';
  return { field: field as LibrarySortField, direction: (direction as 'asc' | 'desc' | undefined) ?? (textual ? 'asc' : 'desc') };
}

function parseListLimit(value: string | undefined): number {
  if (value === undefined) return 100_000;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new UsageError(`--limit must be a whole number from 1 to 100000, not "${value}"`);
  return limit;
}

export async function listCommand(context: CliContext, options: ListOptions): Promise<number> {
  const sort = parseSort(options.sort);
  const limit = parseListLimit(options.limit);
  if (options.trash && options.collection !== undefined) throw new UsageError('--trash and --collection cannot be used together');
  const app = await context.open(true);
  try {
    let scope: LibraryScope = { kind: options.trash ? 'trash' : 'all' };
    if (options.collection !== undefined) scope = { kind: 'collection', id: resolveCollection(app, options.collection).id };
    const filters = {
      ...(options.filter ? { text: options.filter } : {}),
      ...(options.tags.length > 0 ? { tags: options.tags } : {}),
      ...(options.source ? { sources: [options.source] } : {}),
    };
    const result = unwrap<ListLibraryResult>(await app.dispatch('listLibrary', { scope, sort, filters, limit }));
    const narrowed = options.filter !== undefined || options.tags.length > 0 || options.source !== undefined;
    if (context.json) context.out(JSON.stringify(result.rows, null, 2));
    else if (result.total === 0) {
      if (narrowed) context.out(`No articles match (of ${result.scopeTotal}).`);
      else if (options.trash) context.out('The trash is empty.');
      else if (options.collection !== undefined) context.out('This collection is empty. Add articles with: qirtas collection add NAME ID…');
      else context.out(`No articles yet in ${context.dataDir}. Add one with: qirtas import FILE.txt`);
    } else for (const row of result.rows) context.out(formatArticleLine(row));
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
  if (matches.length === 0) throw QirtasError.withParams('NOT_FOUND', `No article with id "${idOrPrefix}".`, { reason: 'article-not-found', id: idOrPrefix });
  throw QirtasError.withParams('BAD_ARGS', `"${idOrPrefix}" matches ${matches.length} articles; give more of the id.`, { reason: 'ambiguous-id', id: idOrPrefix, count: matches.length });
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
