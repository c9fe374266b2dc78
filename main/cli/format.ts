/**
 * Plain-text rendering of articles for the terminal. Arabic is printed in logical
 * order; the terminal's own bidi support (or the lack of it) decides how it looks.
 */
import type { ArticleMeta } from '../../common/types/article.js';
import type { FullArticle } from '../../common/api.js';

export function formatDate(meta: ArticleMeta): string {
  return meta.published ?? meta.importedAt.slice(0, 10);
}

export function formatArticleLine(meta: ArticleMeta): string {
  const source = meta.source ? `  [${meta.source}]` : '';
  return `${meta.id}  ${formatDate(meta)}  ${String(meta.wordCount).padStart(6)} words  ${meta.title}${source}`;
}

export function formatFullArticle(article: FullArticle): string {
  const { meta } = article;
  const header = [
    meta.title,
    `id: ${meta.id}`,
    meta.source && `source: ${meta.source}`,
    meta.author && `author: ${meta.author}`,
    meta.url && `url: ${meta.url}`,
    `date: ${formatDate(meta)}`,
    meta.tags.length > 0 && `tags: ${meta.tags.join(', ')}`,
    `words: ${meta.wordCount}`,
  ].filter(Boolean);
  const body = article.blocks.map((block) => {
    if (block.kind === 'heading') return `## ${block.text}`;
    if (block.kind === 'quote') return `> ${block.text}`;
    if (block.kind === 'list-item') return `- ${block.text}`;
    return block.text;
  });
  return [...header, '', ...body.flatMap((line) => [line, ''])].join('\n').trimEnd();
}
