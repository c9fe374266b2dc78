/**
 * Imports files into the archive: reads each file with the reader for its format,
 * and adds the articles in batches (one library.json write per batch, not per
 * file). Reports per file what became of it; a file that fails adds nothing and
 * the rest of the batch continues.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import type { ArchiveService } from '../service/archive-service.js';
import type { ArticleDraft } from './text-import.js';
import { LINK_DROPPED_WARNING, safeLink } from '../../common/url-rule.js';
import { type ImportFormat, type ParsedArticle, parseFile } from './formats/index.js';

export interface ImportReport {
  imported: Array<{ file: string; id: string; title: string; warnings?: string[] }>;
  duplicates: Array<{ file: string; existingId: string; title: string }>;
  failed: Array<{ file: string; reason: string }>;
}

export interface ImportFilesOptions {
  format?: ImportFormat;
  encoding?: string;
  tags?: readonly string[];
  onProgress?: (done: number, total: number, file: string) => void;
  /** Checked between files: a cancelled import keeps what it already added and stops. */
  signal?: AbortSignal;
  /** Articles added per store write. */
  batchSize?: number;
}

export function emptyReport(): ImportReport {
  return { imported: [], duplicates: [], failed: [] };
}

/** A reader's article as the archive's draft, with extra tags. */
export function draftFromParsed(parsed: ParsedArticle, extraTags: readonly string[] = []): ArticleDraft {
  return {
    blocks: parsed.blocks,
    title: parsed.title,
    source: parsed.source,
    author: parsed.author,
    url: parsed.url,
  // The one link rule (common/url-rule.ts): a link no reader caught is dropped here, with the warning.
  if (parsed.url !== undefined && safeLink(parsed.url) === undefined) {
    parsed.warnings = [...(parsed.warnings ?? []).filter((warning) => warning !== LINK_DROPPED_WARNING), LINK_DROPPED_WARNING];
    parsed.url = undefined;
  }
    published: parsed.published ?? null,
    tags: [...(parsed.tags ?? []), ...extraTags],
    externalId: parsed.externalId,
  };
}

/** Why a file failed, without repeating its name (the report puts it beside the reason). */
export function failureReason(error: unknown): string {
  if (error instanceof QirtasError) return error.message.replace(/^.*?: /, '');
  return (error as Error).message;
}

interface Pending {
  file: string;
  draft: ArticleDraft;
  warnings: string[];
}

export async function importFiles(service: ArchiveService, files: readonly string[], options: ImportFilesOptions = {}): Promise<ImportReport> {
  const report = emptyReport();
  const batchSize = options.batchSize ?? 200;
  let pending: Pending[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      const outcomes = await service.importDrafts(batch.map((entry) => ({ draft: entry.draft, origin: basename(entry.file) })));
      outcomes.forEach((outcome, index) => {
        const { file } = batch[index] as Pending;
        if (outcome.status === 'imported') {
          const warnings = [...(batch[index] as Pending).warnings, ...(outcome.warnings ?? [])];
          report.imported.push({ file, id: outcome.article.id, title: outcome.article.title, ...(warnings.length > 0 ? { warnings } : {}) });
        } else {
          report.duplicates.push({ file, existingId: outcome.existing.id, title: outcome.existing.title });
        }
      });
    } catch (error) {
      for (const file of new Set(batch.map((entry) => entry.file))) report.failed.push({ file, reason: failureReason(error) });
    }
  };

  for (const [index, file] of files.entries()) {
    if (options.signal?.aborted) break;
    options.onProgress?.(index, files.length, file);
    try {
      const bytes = await readFile(file);
      const parsed = await parseFile(bytes, basename(file), { format: options.format, encoding: options.encoding });
      for (const article of parsed) pending.push({ file, draft: draftFromParsed(article, options.tags), warnings: article.warnings ?? [] });
    } catch (error) {
      report.failed.push({ file, reason: failureReason(error) });
    }
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  options.onProgress?.(files.length, files.length, '');
  return report;
}
