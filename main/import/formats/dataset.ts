/**
 * Datasets (.jsonl, .csv): one article per record. Decision: a bad record
 * fails the whole file, with its line number — a half-imported dataset is
 * harder to put right than a clear error and a fixed file.
 */
import Papa from 'papaparse';
import { decodeTextFile } from './decode.js';
import { articleFromRecord, RecordError } from './dataset-record.js';
import { ImportError, type ParsedArticle, type Reader } from './parsed-article.js';

/** A record's shape error, located; anything else (a bug) passes through for parseFile to report. */
function atLine(fileName: string, line: number, error: unknown): unknown {
  return error instanceof RecordError ? new ImportError(fileName, `line ${line}: ${error.message}`) : error;
}

function decoded(bytes: Uint8Array, fileName: string, encoding?: string): string {
  const { text } = decodeTextFile(bytes, fileName, encoding);
  if (!text.trim()) throw new ImportError(fileName, 'there are no records in this file (it is blank)');
  return text;
}

export const readJsonl: Reader = async (bytes, fileName, options) => {
  const lines = decoded(bytes, fileName, options.encoding).split('\n');
  const articles: ParsedArticle[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new ImportError(fileName, `line ${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      throw new ImportError(fileName, `line ${index + 1}: expected a JSON object {"title": …, "body": …}`);
    }
    try {
      articles.push(articleFromRecord(record as Record<string, unknown>));
    } catch (error) {
      throw atLine(fileName, index + 1, error);
    }
  });
  if (articles.length === 0) throw new ImportError(fileName, 'there are no records in this file');
  return articles;
};

/** Line numbers for offsets that only move forward (papaparse reports each row's end offset). */
function lineCounter(text: string): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    for (; position < offset && position < text.length; position += 1) if (text.charCodeAt(position) === 10) line += 1;
    return line;
  };
}

/** The offset where a row really starts: past the blank lines papaparse skipped. */
function skipBlank(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && /\s/.test(text[at]!)) at += 1;
  return at;
}

export const readCsv: Reader = async (bytes, fileName, options) => {
  const text = decoded(bytes, fileName, options.encoding);
  const rows: Array<{ data: Record<string, unknown>; line: number }> = [];
  const lineOf = lineCounter(text);
  let failure: ImportError | undefined;
  // The first row starts after the header line; each later one where the previous ended.
  let rowStart = text.indexOf('\n') + 1;
  Papa.parse<Record<string, unknown>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
    step: (result, parser) => {
      const line = lineOf(skipBlank(text, rowStart));
      rowStart = result.meta.cursor;
      // A one-column file has no delimiter to detect: that is not an error in the data.
      const error = result.errors.find((e) => e.type !== 'Delimiter');
      if (error) {
        failure = new ImportError(fileName, `line ${line}: ${error.message}`);
        parser.abort();
        return;
      }
      rows.push({ data: result.data, line });
    },
  });
  if (failure) throw failure;
  if (rows.length === 0) throw new ImportError(fileName, 'there are no records in this file (only a header, or nothing)');
  const columns = Object.keys(rows[0]!.data);
  for (const required of ['title', 'body']) {
    if (!columns.includes(required)) throw new ImportError(fileName, `the CSV has no "${required}" column (it has: ${columns.join(', ')})`);
  }
  return rows.map(({ data, line }) => {
    try {
      return articleFromRecord(data);
    } catch (error) {
      throw atLine(fileName, line, error);
    }
  });
};
