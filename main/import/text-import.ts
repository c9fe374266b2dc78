/**
 * Turns imported content into a new article (metadata + file) ready for the
 * store. The content hash is over the folded canonical text, so a re-import of
 * the same article with other spacing or diacritics is recognised as a duplicate.
 */
import { createHash, randomUUID } from 'node:crypto';
import { QirtasError } from '../../common/errors.js';
import { type ArticleFile, type ArticleMeta, type Block, canonicalText, SCHEMA_VERSION } from '../../common/types/article.js';
import { countWords, fingerprintText } from '../../common/text/fingerprint.js';
import { parsePlainText, suggestTitle } from '../../common/text/plain-text.js';
import { keepSafeLink } from '../../common/url-rule.js';
import { authorName } from './formats/meta-fields.js';

/** An article as a reader of some format produced it, before it gets an id. */
export interface ArticleDraft {
  blocks: Block[];
  title?: string;
  source?: string;
  author?: string;
  url?: string;
  published?: string | null;
  tags?: readonly string[];
  externalId?: string;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(fingerprintText(text)).digest('hex');
}

/**
 * A copy of a short string that does not keep a larger one alive. A title cut from
 * a file's text is a V8 "sliced string" that holds the whole text; the archive
 * keeps titles (and other metadata) of every article in memory, so at 50,000
 * articles such slices held on to every imported file's text.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function cleanTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => detached(tag.trim())).filter(Boolean))];
}

/** Builds a new article from a draft, or throws INVALID_INPUT naming where it came from. */
export function articleFromDraft(draft: ArticleDraft, origin: string, now = new Date()): { meta: ArticleMeta; file: ArticleFile } {
  const blocks = draft.blocks.filter((block) => block.text.trim().length > 0);
  if (blocks.length === 0) throw new QirtasError('INVALID_INPUT', `${origin}: there is no text to import.`, origin);
  const canonical = canonicalText(blocks);
  const id = randomUUID();
  const stamp = now.toISOString();
  const meta: ArticleMeta = {
    id,
    ...(draft.externalId ? { externalId: detached(draft.externalId) } : {}),
    title: detached(draft.title?.trim() || suggestTitle(blocks)),
    source: detached(draft.source?.trim() ?? ''),
    author: detached(authorName(draft.author ?? '')),
    // Every import path ends here: the one link rule is the last gate (readers already warned about what they dropped).
    url: keepSafeLink(draft.url),
    published: draft.published ?? null,
    tags: cleanTags(draft.tags),
    language: 'ar',
    importedAt: stamp,
    updatedAt: stamp,
    contentHash: contentHash(canonical),
    wordCount: countWords(canonical),
    trashedAt: null,
  };
  return { meta, file: { schemaVersion: SCHEMA_VERSION, id, blocks, annotations: [] } };
}

/** Plain UTF-8 text, one paragraph per line (the seed article's shape). */
export function draftFromPlainText(text: string, origin: string): ArticleDraft {
  if (text.includes('\u0000')) {
    throw new QirtasError('INVALID_INPUT', `${origin}: this is not plain text (it contains NUL bytes).`, origin);
  }
  return { blocks: parsePlainText(text) };
}
