/**
 * Imports files into the archive: reads each file with the reader for its format,
 * and adds the articles in batches (one store write and one index update per
 * batch, not per file). Datasets (.jsonl, .csv) are read as a stream, record by
 * record, with no size limit: a bad record is reported with its line number and
 * the others import. Reports per file what became of it; a file that fails adds
 * nothing and the rest continues. The search index is current when it returns.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import { addWarningOnce, type ImportWarning, importWarning, warningMessages } from '../../common/import-warnings.js';
import { safeLink } from '../../common/url-rule.js';
import type { ArchiveService } from '../service/archive-service.js';
import type { ArticleDraft } from './text-import.js';
import { readDatasetFile } from './dataset-stream.js';
import { skippedRecord } from './formats/dataset.js';
import { formatOf, type ImportFormat, type ParsedArticle, parseFile } from './formats/index.js';

export interface ImportReport {
  /** `warnings` in plain English (what the CLI prints); `codedWarnings` the same as codes with parameters. */
  imported: Array<{ file: string; id: string; title: string; warnings?: string[]; codedWarnings?: ImportWarning[] }>;
  duplicates: Array<{ file: string; existingId: string; title: string }>;
  failed: Array<{ file: string; reason: string }>;
}

export interface ImportFilesOptions {
  format?: ImportFormat;
  encoding?: string;
  tags?: readonly string[];
  onProgress?: (done: number, total: number, file: string) => void;
  /** Within a dataset file: bytes read of its size, and records read so far. */
  onDatasetProgress?: (file: string, read: number, total: number, records: number) => void;
  /** Checked between files and between records: a cancelled import keeps what it already added and stops. */
  signal?: AbortSignal;
  /** Articles added per store write (default: grows with the import, 200 to 1,000). */
  batchSize?: number;
}

export function emptyReport(): ImportReport {
  return { imported: [], duplicates: [], failed: [] };
}

/** A reader's article as the archive's draft, with extra tags. */
export function draftFromParsed(parsed: ParsedArticle, extraTags: readonly string[] = []): ArticleDraft {
  // The one link rule (common/url-rule.ts): a link no reader caught is dropped here, with the warning.
  if (parsed.url !== undefined && safeLink(parsed.url) === undefined) {
    parsed.warnings = [...(parsed.warnings ?? [])];
    addWarningOnce(parsed.warnings, importWarning.linkDropped());
    parsed.url = undefined;
  }
  return {
    blocks: parsed.blocks,
    title: parsed.title,
    source: parsed.source,
    author: parsed.author,
    url: parsed.url,
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
  warnings: ImportWarning[];
}

/** Collects drafts and adds them to the archive a batch at a time, filling the report. */
class Batcher {
  private pending: Pending[] = [];

  constructor(
    private readonly service: ArchiveService,
    private readonly report: ImportReport,
    private readonly size: number,
  ) {}

  async add(entry: Pending): Promise<void> {
    this.pending.push(entry);
    if (this.pending.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      const outcomes = await this.service.importDrafts(batch.map((entry) => ({ draft: entry.draft, origin: basename(entry.file) })));
      outcomes.forEach((outcome, index) => {
        const { file, warnings } = batch[index] as Pending;
        if (outcome.status === 'imported') {
          const all = [...warnings, ...(outcome.codedWarnings ?? [])];
          const said = all.length > 0 ? { warnings: warningMessages(all), codedWarnings: all } : {};
          this.report.imported.push({ file, id: outcome.article.id, title: outcome.article.title, ...said });
        } else {
          this.report.duplicates.push({ file, existingId: outcome.existing.id, title: outcome.existing.title });
        }
      });
    } catch (error) {
      for (const file of new Set(batch.map((entry) => entry.file))) this.report.failed.push({ file, reason: failureReason(error) });
    }
  }
}

function isDataset(file: string, format: ImportFormat | undefined): format is 'jsonl' | 'csv' {
  const actual = format ?? formatOf(file);
  return actual === 'jsonl' || actual === 'csv';
}

export async function importFiles(service: ArchiveService, files: readonly string[], options: ImportFilesOptions = {}): Promise<ImportReport> {
  const report = emptyReport();
  // Each batch rewrites library.json once, whose size grows with the archive: larger imports take larger batches.
  const batcher = new Batcher(service, report, options.batchSize ?? Math.min(1000, Math.max(200, Math.ceil(files.length / 20))));
  const releaseSaves = service.searchIndex.holdSaves();
  try {
    for (const [index, file] of files.entries()) {
      if (options.signal?.aborted) break;
      options.onProgress?.(index, files.length, file);
      const format = options.format ?? formatOf(file);
      try {
        if (isDataset(file, format)) {
          await importDataset(file, format, batcher, report, options);
        } else {
          const bytes = await readFile(file);
          const parsed = await parseFile(bytes, basename(file), { format: options.format, encoding: options.encoding });
          for (const article of parsed) await batcher.add({ file, draft: draftFromParsed(article, options.tags), warnings: article.warnings ?? [] });
        }
      } catch (error) {
        report.failed.push({ file, reason: failureReason(error) });
      }
    }
    await batcher.flush();
  } finally {
    releaseSaves();
  }
  options.onProgress?.(files.length, files.length, '');
  return report;
}

/** Streams one dataset into the batcher; each bad record becomes a failed entry "FILE: line N: reason". */
async function importDataset(file: string, format: 'jsonl' | 'csv', batcher: Batcher, report: ImportReport, options: ImportFilesOptions): Promise<void> {
  let records = 0;
  const items = readDatasetFile(file, basename(file), {
    format,
    encoding: options.encoding,
    onBytes: (read, total) => options.onDatasetProgress?.(file, read, total, records),
  });
  for await (const item of items) {
    records += 1;
    if ('error' in item) report.failed.push({ file, reason: skippedRecord(item).message });
    else await batcher.add({ file, draft: draftFromParsed(item.article, options.tags), warnings: item.article.warnings ?? [] });
    if (options.signal?.aborted) break;
  }
}
