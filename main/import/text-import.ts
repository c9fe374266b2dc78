/**
 * Plain-text import: UTF-8 text → an article (metadata + blocks) ready for the
 * store. The content hash is over the folded text, so a re-import of the same
 * article with other spacing or diacritics is recognised as a duplicate.
 */
import { createHash, randomUUID } from 'node:crypto';
import { QirtasError } from '../../common/errors.js';
import { canonicalText, type ArticleFile, type ArticleMeta, SCHEMA_VERSION } from '../../common/types/article.js';
import { countWords, fingerprintText } from '../../common/text/fingerprint.js';
import { parsePlainText, suggestTitle } from '../../common/text/plain-text.js';

export interface TextImportOptions {
  /** Where the text came from, for messages ("seed-article.txt", "pasted text"). */
  origin: string;
  title?: string;
  source?: string;
  tags?: readonly string[];
  now?: Date;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(fingerprintText(text)).digest('hex');
}

/** Builds a new article from plain text, or throws INVALID_INPUT naming the origin. */
export function articleFromPlainText(text: string, options: TextImportOptions): { meta: ArticleMeta; file: ArticleFile } {
  if (text.includes('\u0000')) {
    throw new QirtasError('INVALID_INPUT', `${options.origin}: this is not plain text (it contains NUL bytes).`, options.origin);
  }
  const blocks = parsePlainText(text);
  if (blocks.length === 0) throw new QirtasError('INVALID_INPUT', `${options.origin}: there is no text to import.`, options.origin);
  const canonical = canonicalText(blocks);
  const now = (options.now ?? new Date()).toISOString();
  const id = randomUUID();
  const meta: ArticleMeta = {
    id,
    title: options.title?.trim() || suggestTitle(blocks),
    source: options.source?.trim() ?? '',
    author: '',
    url: '',
    published: null,
    tags: [...new Set((options.tags ?? []).map((tag) => tag.trim()).filter(Boolean))],
    language: 'ar',
    importedAt: now,
    updatedAt: now,
    contentHash: contentHash(canonical),
    wordCount: countWords(canonical),
    trashedAt: null,
  };
  return { meta, file: { schemaVersion: SCHEMA_VERSION, id, blocks, annotations: [] } };
}
