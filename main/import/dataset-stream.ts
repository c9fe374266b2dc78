/**
 * Reads a dataset file (.jsonl, .csv) from disk as a stream, record by record
 * (issue 9): memory stays flat whatever the file's size, progress is reported as
 * bytes read, and each record comes out as an article or as an error with its
 * line number. The encoding is decided on the file's first megabyte (the same
 * detection as every text file; an explicit encoding wins).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { detectEncoding } from './detect-encoding.js';
import { EncodingUnsureError, normalizeEncodingName } from './formats/decode.js';
import { csvRecords, DatasetError, type DatasetItem, jsonlRecords } from './formats/dataset-records.js';
import { ImportError } from './formats/parsed-article.js';

/** Bytes the encoding is decided on. */
const SNIFF_BYTES = 1024 * 1024;
const LEGACY_CANDIDATES = ['windows-1256', 'iso-8859-6'];

export interface DatasetStreamOptions {
  format: 'jsonl' | 'csv';
  encoding?: string;
  /** Called as the file is read: bytes read so far and the file's size. */
  onBytes?: (read: number, total: number) => void;
}

/** The head of the file, cut at its last line break (or space) so no character is split. */
async function sniff(path: string): Promise<{ sample: Uint8Array; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = new Uint8Array(Math.min(SNIFF_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let sample = buffer.subarray(0, bytesRead);
    if (bytesRead < size) {
      // A record longer than the sample: cut at a space instead (never inside a character).
      let end = sample.lastIndexOf(0x0a) + 1 || sample.lastIndexOf(0x20) + 1;
      // UTF-16LE's line break is 0A 00: keep the 00 with it.
      if (end > 0 && end < bytesRead && sample[end] === 0) end += 1;
      if (end > 0) sample = sample.subarray(0, end);
    }
    return { sample, size };
  } finally {
    await handle.close();
  }
}

/** The encoding to decode the stream with (iconv-lite name), or an error that asks for one. */
function chooseEncoding(sample: Uint8Array, fileName: string, explicit: string | undefined): string {
  if (explicit) {
    const encoding = normalizeEncodingName(explicit);
    if (!encoding) throw new ImportError(fileName, `unknown text encoding "${explicit}"`);
    return encoding;
  }
  const detected = detectEncoding(sample);
  if (detected.encoding === 'binary') throw new ImportError(fileName, detected.reason);
  if (!detected.confident) {
    const candidates = detected.encoding === 'utf-8' ? ['utf-8', ...LEGACY_CANDIDATES] : [detected.encoding, ...LEGACY_CANDIDATES.filter((c) => c !== detected.encoding)];
    throw new EncodingUnsureError(fileName, `cannot tell the text encoding for sure: ${detected.reason}`, candidates);
  }
  return detected.encoding;
}

/**
 * The records of a dataset file, in order. Throws ImportError (naming the file) for
 * a problem with the whole file: unreadable, binary, unknown encoding, no title or
 * body column, no records at all.
 */
export async function* readDatasetFile(path: string, fileName: string, options: DatasetStreamOptions): AsyncGenerator<DatasetItem> {
  const { sample, size } = await sniff(path);
  if (size === 0) throw new ImportError(fileName, 'the file is empty');
  const encoding = chooseEncoding(sample, fileName, options.encoding);
  // iconv-lite's decoder drops a byte-order mark and carries split characters across chunks.
  const decoder = iconv.getDecoder(encoding);
  const splitter = options.format === 'csv' ? csvRecords() : jsonlRecords();
  let read = 0;
  let records = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      read += (chunk as Buffer).length;
      const items = splitter.push(decoder.write(chunk as Buffer));
      records += items.length;
      yield* items;
      options.onBytes?.(read, size);
    }
    const last = [...splitter.push(decoder.end() ?? ''), ...splitter.end()];
    records += last.length;
    yield* last;
  } catch (error) {
    if (error instanceof DatasetError) throw new ImportError(fileName, error.message);
    throw error;
  }
  if (records === 0) throw new ImportError(fileName, 'there are no records in this file');
}
