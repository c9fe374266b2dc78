/**
 * Datasets (.jsonl, .csv) held in memory (a file sent from the UI): one article per
 * record, read with the same record splitter as the streamed file route
 * (dataset-records.ts). A bad record does not fail the file: it is skipped and
 * reported with its line number ("line 7 was not imported: …"), and the other
 * records import. A file in which no record is usable fails with the first reason.
 */
import { type ImportWarning, importWarning } from '../../../common/import-warnings.js';
import { decodeTextFile } from './decode.js';
import { csvRecords, DatasetError, type DatasetItem, jsonlRecords, type RecordSplitter } from './dataset-records.js';
import { ImportError, type ParsedArticle, type Reader } from './parsed-article.js';

/** The warning that reports a skipped record (its `message` is the CLI's sentence). */
export function skippedRecord(item: { line: number; error: string }): ImportWarning {
  return importWarning.recordSkipped(item.line, item.error);
}

function readRecords(splitter: RecordSplitter, bytes: Uint8Array, fileName: string, encoding: string | undefined, empty: string): ParsedArticle[] {
  const { text, warnings: decoding } = decodeTextFile(bytes, fileName, encoding);
  if (!text.trim()) throw new ImportError(fileName, 'there are no records in this file (it is blank)', { reason: 'no-text' });
  let items: DatasetItem[];
  try {
    items = [...splitter.push(text), ...splitter.end()];
  } catch (error) {
    if (error instanceof DatasetError) throw new ImportError(fileName, error.message, { reason: 'damaged-document' });
    throw error;
  }
  const articles: ParsedArticle[] = [];
  const skipped: ImportWarning[] = [];
  for (const item of items) {
    if ('article' in item) articles.push(item.article);
    else skipped.push(skippedRecord(item));
  }
  if (articles.length === 0) {
    const first = items.find((item): item is { line: number; error: string } => 'error' in item);
    throw new ImportError(fileName, first ? `line ${first.line}: ${first.error}` : empty, first ? { reason: 'bad-record', line: first.line } : { reason: 'no-text' });
  }
  // Said once, with the first article, so the import's warnings list each skipped record (and damaged bytes).
  const fileWarnings = [...decoding, ...skipped];
  if (fileWarnings.length > 0) articles[0] = { ...articles[0]!, warnings: [...fileWarnings, ...(articles[0]!.warnings ?? [])] };
  return articles;
}

export const readJsonl: Reader = async (bytes, fileName, options) => readRecords(jsonlRecords(), bytes, fileName, options.encoding, 'there are no records in this file');

export const readCsv: Reader = async (bytes, fileName, options) =>
  readRecords(csvRecords(), bytes, fileName, options.encoding, 'there are no records in this file (only a header, or nothing)');
