/**
 * Imports files from disk into the archive: reads each file, turns it into one
 * or more drafts, and reports per file what became of it. A file that fails is
 * reported with its reason and adds nothing; the rest of the batch continues.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import type { ArchiveService } from '../service/archive-service.js';
import { draftFromPlainText, type ArticleDraft } from './text-import.js';

export interface ImportReport {
  imported: Array<{ file: string; id: string; title: string }>;
  duplicates: Array<{ file: string; existingId: string; title: string }>;
  failed: Array<{ file: string; reason: string }>;
}

export interface ImportFilesOptions {
  tags?: readonly string[];
  onProgress?: (done: number, total: number, file: string) => void;
  /** Checked between files: a cancelled import keeps what it already added and stops. */
  signal?: AbortSignal;
}

/** Reads one file into drafts. Only UTF-8 plain text for now; invalid UTF-8 is an error, never replaced. */
export async function readDrafts(path: string): Promise<ArticleDraft[]> {
  const bytes = await readFile(path);
  if (bytes.length === 0) throw new QirtasError('INVALID_INPUT', 'the file is empty', path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new QirtasError('INVALID_INPUT', 'the file is not valid UTF-8 text', path);
  }
  return [draftFromPlainText(text, basename(path))];
}

export function emptyReport(): ImportReport {
  return { imported: [], duplicates: [], failed: [] };
}

export async function importFiles(service: ArchiveService, files: readonly string[], options: ImportFilesOptions = {}): Promise<ImportReport> {
  const report = emptyReport();
  for (const [index, file] of files.entries()) {
    if (options.signal?.aborted) break;
    options.onProgress?.(index, files.length, file);
    try {
      const drafts = await readDrafts(file);
      const tagged = drafts.map((draft) => ({ draft: { ...draft, tags: [...(draft.tags ?? []), ...(options.tags ?? [])] }, origin: basename(file) }));
      for (const outcome of await service.importDrafts(tagged)) {
        if (outcome.status === 'imported') report.imported.push({ file, id: outcome.article.id, title: outcome.article.title });
        else report.duplicates.push({ file, existingId: outcome.existing.id, title: outcome.existing.title });
      }
    } catch (error) {
      const reason = error instanceof QirtasError ? error.message.replace(/^[^:]*: /, '') : (error as Error).message;
      report.failed.push({ file, reason });
    }
  }
  options.onProgress?.(files.length, files.length, '');
  return report;
}
