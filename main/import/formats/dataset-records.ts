/**
 * Dataset records out of text that arrives in pieces (a file read as a stream, or
 * one whole string): JSONL one object a line, CSV one row a record (quoted fields
 * may span lines). Each record comes out as an article or as an error, with the
 * line it starts on, so one bad record is reported by its line and the others
 * still import. Holds one record at a time, never the file.
 */
import Papa from 'papaparse';
import { articleFromRecord, RecordError } from './dataset-record.js';
import { detailWithoutContent } from '../../../common/error-detail.js';
import type { ParsedArticle } from './parsed-article.js';

export type DatasetItem = { line: number; article: ParsedArticle } | { line: number; error: string };

export interface RecordSplitter {
  /** Feeds decoded text; returns the records completed by it. */
  push(text: string): DatasetItem[];
  /** The end of the text: returns the last record, if any. */
  end(): DatasetItem[];
}

/** A record longer than this is refused rather than held (a stray quote would swallow the rest of a file). */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** A whole-file problem (no title column, an endless quoted field): nothing more can be read. */
export class DatasetError extends Error {}

function fromRecord(line: number, record: Record<string, unknown>): DatasetItem {
  try {
    return { line, article: articleFromRecord(record) };
  } catch (error) {
    if (error instanceof RecordError) return { line, error: error.message };
    throw error;
  }
}

/** Tidies a record as decodeTextFile tidies a file: NFC (line endings are already \n). */
const tidy = (text: string) => text.normalize('NFC');

/** Line endings to \n across pieces: a piece ending in \r waits for the next. */
function lineEndings(): (text: string, last: boolean) => string {
  let pendingCr = false;
  return (text, last) => {
    let out = pendingCr ? `\r${text}` : text;
    pendingCr = !last && out.endsWith('\r');
    if (pendingCr) out = out.slice(0, -1);
    return out.replace(/\r\n?/g, '\n');
  };
}

/**
 * The columns a CSV has, for its error message: named only when they look like
 * column names; otherwise counted, because the "CSV" may be any file (a symlink
 * to a secret one) and its first line must not be repeated.
 */
function columnsSaid(fields: readonly string[]): string {
  const plausible = fields.length <= 50 && fields.every((field) => field.length <= 40 && /^[\p{L}\p{N}\p{M} _.()-]*$/u.test(field));
  return plausible ? `it has: ${fields.join(', ')}` : `its first line has ${fields.length} column${fields.length === 1 ? '' : 's'} that are not column names`;
}

export function jsonlRecords(): RecordSplitter {
  let partial = '';
  let line = 0;
  /** Inside an over-long line: drop text until its end. */
  let skipping = false;
  const endings = lineEndings();
  const parseLine = (text: string, number: number): DatasetItem | null => {
    if (text.trim() === '') return null;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      return { line: number, error: `not valid JSON (${detailWithoutContent(error)})` };
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) return { line: number, error: 'expected a JSON object {"title": …, "body": …}' };
    return fromRecord(number, record as Record<string, unknown>);
  };
  const take = (text: string, last: boolean): DatasetItem[] => {
    const items: DatasetItem[] = [];
    let from = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
      line += 1;
      const piece = text.slice(from, at);
      from = at + 1;
      if (skipping) {
        skipping = false;
        partial = '';
        continue;
      }
      const item = parseLine(partial + piece, line);
      partial = '';
      if (item) items.push(item);
    }
    if (!skipping) partial += text.slice(from);
    if (partial.length > MAX_RECORD_CHARS) {
      items.push({ line: line + 1, error: `the line is longer than ${MAX_RECORD_CHARS / 1024 / 1024} M characters` });
      partial = '';
      skipping = true;
    }
    if (last) {
      const item = skipping ? null : parseLine(partial, line + 1);
      partial = '';
      if (item) items.push(item);
    }
    return items;
  };
  return {
    push: (text) => take(tidy(endings(text, false)), false),
    end: () => take(endings('', true), true),
  };
}

interface CsvHeader {
  fields: string[];
  delimiter: string;
}

export function csvRecords(): RecordSplitter {
  let buffer = '';
  /** Scan position in `buffer`, and whether it is inside a quoted field. */
  let scanned = 0;
  let quoted = false;
  /** Line of the first character of `buffer`. */
  let bufferLine = 1;
  let header: CsvHeader | null = null;
  /** The header row, kept until the first data row arrives (the delimiter is guessed from both). */
  let headerText: string | null = null;
  let headerLine = 0;
  const endings = lineEndings();

  const parseRow = (text: string, line: number, delimiter: string): string[] | DatasetItem => {
    const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
    const error = result.errors.find((e) => e.type !== 'Delimiter');
    if (error) return { line, error: error.message };
    return result.data[0] ?? [];
  };

  const record = (text: string, line: number): DatasetItem[] => {
    if (text.trim() === '') return [];
    if (headerText === null && header === null) {
      headerText = text;
      headerLine = line;
      return [];
    }
    const items: DatasetItem[] = [];
    if (!header) {
      const guess = Papa.parse<string[]>(`${headerText}\n${text}`, { preview: 1 });
      const delimiter = guess.meta.delimiter || ',';
      const fields = parseRow(headerText!, headerLine, delimiter);
      if (!Array.isArray(fields)) throw new DatasetError(`line ${headerLine}: ${'error' in fields ? fields.error : 'the header cannot be read'}`);
      header = { fields: fields.map((field) => field.trim().toLowerCase()), delimiter };
      for (const required of ['title', 'body']) {
        if (!header.fields.includes(required)) throw new DatasetError(`the CSV has no "${required}" column (${columnsSaid(header.fields)})`);
      }
    }
    const row = parseRow(text, line, header.delimiter);
    if (!Array.isArray(row)) return [...items, row];
    if (row.length > header.fields.length && row.slice(header.fields.length).some((value) => value.trim() !== '')) {
      return [...items, { line, error: `${row.length} fields, but the header has ${header.fields.length}` }];
    }
    const data: Record<string, unknown> = {};
    header.fields.forEach((field, i) => {
      if (row[i] !== undefined) data[field] = row[i];
    });
    return [...items, fromRecord(line, data)];
  };

  const take = (text: string, last: boolean): DatasetItem[] => {
    buffer += text;
    const items: DatasetItem[] = [];
    let start = 0;
    for (; scanned < buffer.length; scanned += 1) {
      const c = buffer.charCodeAt(scanned);
      if (c === 34 /* " */) quoted = !quoted;
      else if (c === 10 /* \n */ && !quoted) {
        const rowText = buffer.slice(start, scanned);
        const line = bufferLine;
        items.push(...record(tidy(rowText), line + leadingNewlines(rowText)));
        bufferLine += countNewlines(rowText) + 1;
        start = scanned + 1;
      }
    }
    buffer = buffer.slice(start);
    scanned = buffer.length;
    if (buffer.length > MAX_RECORD_CHARS) {
      throw new DatasetError(`line ${bufferLine + leadingNewlines(buffer)}: a record longer than ${MAX_RECORD_CHARS / 1024 / 1024} M characters (a quoted field that is never closed?)`);
    }
    if (last) {
      const rest = buffer;
      buffer = '';
      scanned = 0;
      items.push(...record(tidy(rest), bufferLine + leadingNewlines(rest)));
      if (header === null && headerText !== null) throw new DatasetError('there are no records in this file (only a header, or nothing)');
    }
    return items;
  };
  return {
    push: (text) => take(endings(text, false), false),
    end: () => take(endings('', true), true),
  };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n += 1;
  return n;
}

/** Blank lines before a record's first character (its line is where it really starts). */
function leadingNewlines(text: string): number {
  const match = /^\s*/.exec(text)![0];
  return countNewlines(match);
}
