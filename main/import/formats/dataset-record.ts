/**
 * One dataset record (a JSONL object or a CSV row) → a parsed article. The
 * shape: {"id"?, "title", "body" (paragraphs separated by blank lines),
 * "source"?, "url"?, "author"?, "published"?, "tags"?}. A record that breaks
 * the shape throws a plain Error; the dataset reader adds the file and line.
 */
import { parsePublishedDate } from '../../../common/dates.js';
import { type ImportWarning, importWarning } from '../../../common/import-warnings.js';
import { paragraphsOf } from './blocks.js';
import { metaText, safeHttpUrl, splitTags } from './meta-fields.js';
import { article, type ParsedArticle } from './parsed-article.js';

export class RecordError extends Error {}

function optionalText(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new RecordError(`"${key}" must be text`);
  return metaText(value);
}

export function articleFromRecord(record: Record<string, unknown>): ParsedArticle {
  const title = optionalText(record, 'title');
  if (!title) throw new RecordError('"title" is missing or empty');
  const body = record.body;
  if (typeof body !== 'string' || body.trim() === '') throw new RecordError('"body" is missing or empty');
  const tags = record.tags;
  if (tags !== undefined && tags !== null && typeof tags !== 'string' && !Array.isArray(tags)) {
    throw new RecordError('"tags" must be a list or text separated by ; or ,');
  }
  const warnings: ImportWarning[] = [];
  const rawUrl = optionalText(record, 'url');
  const url = safeHttpUrl(rawUrl);
  if (rawUrl && !url) warnings.push(importWarning.linkDropped());
  const rawDate = optionalText(record, 'published');
  const published = parsePublishedDate(rawDate);
  if (rawDate && !published) warnings.push(importWarning.dateNotUnderstood(rawDate, 'record'));
  return article({
    title,
    blocks: paragraphsOf(body),
    externalId: optionalText(record, 'id'),
    source: optionalText(record, 'source'),
    author: optionalText(record, 'author'),
    url,
    published: published ?? undefined,
    tags: splitTags(tags),
    warnings,
  });
}
