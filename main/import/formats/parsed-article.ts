/**
 * The one shape every format reader returns (a parsed article: plain-text blocks
 * and whatever metadata the file carried), the reader signature, and the error a
 * reader throws for a file it cannot import.
 */
import type { ErrorReason } from '../../../common/error-reasons.js';
import { type ErrorParams, QirtasError } from '../../../common/errors.js';
import type { ImportWarning } from '../../../common/import-warnings.js';
import type { Block } from '../../../common/types/article.js';

export interface ParsedArticle {
  /** '' when unknown (the caller then uses suggestTitle(blocks)). */
  title: string;
  /** Plain text only, never HTML. */
  blocks: Block[];
  source?: string;
  author?: string;
  url?: string;
  /** YYYY-MM-DD (Gregorian). */
  published?: string | null;
  tags?: string[];
  externalId?: string;
  /** Things the user should know about this import (common/import-warnings.ts), e.g. PDF text repaired from visual order. */
  warnings?: ImportWarning[];
}

export interface ReaderOptions {
  /** An explicit text encoding (e.g. "windows-1256"): overrides detection. */
  encoding?: string;
}

export type Reader = (bytes: Uint8Array, fileName: string, options: ReaderOptions) => Promise<ParsedArticle[]>;

/**
 * A file that cannot be imported, with a reason a user can act on. It is a
 * QirtasError (INVALID_INPUT) so the dispatcher passes it to the UI as data.
 */
export class ImportError extends QirtasError {
  /**
   * `kind` names the failure for the UI to word in the user's language
   * (common/error-reasons.ts); `reason` stays the English technical detail.
   */
  constructor(
    override readonly file: string,
    readonly reason: string,
    kind?: ErrorParams & { reason: ErrorReason },
  ) {
    super('INVALID_INPUT', `${file}: ${reason}`, file, kind ? { file: baseName(file), ...kind } : undefined);
    this.name = 'ImportError';
  }
}

/** The file's own name, without the folders (what a message names). */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Drops undefined and empty optional fields so results stay small and compare cleanly. */
export function article(fields: ParsedArticle): ParsedArticle {
  const result: ParsedArticle = { title: fields.title, blocks: fields.blocks };
  for (const key of ['source', 'author', 'url', 'externalId'] as const) {
    const value = fields[key]?.trim();
    if (value) result[key] = value;
  }
  if (fields.published !== undefined) result.published = fields.published;
  if (fields.tags && fields.tags.length > 0) result.tags = fields.tags;
  if (fields.warnings && fields.warnings.length > 0) result.warnings = fields.warnings;
  return result;
}
