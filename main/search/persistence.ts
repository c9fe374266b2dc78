/**
 * The saved index file, `search-v<ANALYZER_VERSION>.bin` in the index folder. It is a
 * cache (always rebuildable), so loading answers null for anything doubtful: missing,
 * truncated, checksum mismatch, another format or another analyzer version.
 *
 * Layout (little-endian):
 *   0   magic "QIRTASIX", format version u32, analyzer version u32, JSON length u32
 *   24  total length f64, end of the eager part f64, checksum u32 of bytes [64, eager end)
 *   64  JSON (document metadata, section table), then 8-byte-aligned binary sections
 *       that load as typed-array views without parsing: terms (UTF-8, newline-
 *       separated, sorted), df, postings (term offsets, doc numbers, packed field
 *       frequencies), per-field lengths, record offsets and per-record hashes;
 *   eager end: the records (encoded texts and word sequences). They are NOT read at
 *       load: the index keeps the file open and reads the ~20 records a search
 *       needs (text-store.ts), each checked against its hash. Cold start costs the
 *       eager part only.
 * Saving streams: records first, in chunks, then each section in place, the header
 * (with the checksum, computed as the pieces go by) last; never one buffer of the
 * whole file, so a 50,000-article save costs little more memory than the index.
 */
import { closeSync, fstatSync, openSync, read, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ANALYZER_VERSION } from '../../common/text/arabic.js';
import { isTempFileName, syncFolder, TEMP_SUFFIX } from '../store/durable-file.js';
import type { DocMeta } from './doc-table.js';
import { FIELD_COUNT } from './fields.js';
import type { BaseSegment } from './postings.js';
import type { FileTextBase, TextStore, WrittenTexts } from './text-store.js';

const MAGIC = 'QIRTASIX';
const FORMAT_VERSION = 4;
const HEADER_BYTES = 64;
const CHECKSUM_AT = 40;

/**
 * A 32-bit multiplicative hash over the eager part, four bytes at a time in two
 * interleaved lanes: each step is a bijection of the state, so any single damaged
 * word (or a truncation, caught earlier by the length check) changes the result. It
 * runs at memory speed; SHA-1 cost a third of the cold start of a 50,000-article index.
 */
function checksum(bytes: Uint8Array, from: number, to: number): number {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + from, (to - from) >> 2);
  let a = 0x811c9dc5 ^ words.length;
  let b = 0x9e3779b9;
  const even = words.length & ~1;
  for (let i = 0; i < even; i += 2) {
    a = Math.imul(a ^ words[i]!, 0x01000193);
    b = Math.imul(b ^ words[i + 1]!, 0x01000193);
  }
  if (even < words.length) a = Math.imul(a ^ words[even]!, 0x01000193);
  return (Math.imul(a ^ (b >>> 13), 0x85ebca6b) ^ b) >>> 0;
}

export interface IndexSnapshot {
  metas: DocMeta[];
  /** FIELD_COUNT token counts per document. */
  lengths: Uint32Array;
  /** Sorted, distinct. */
  terms: readonly string[];
  df: Int32Array;
  postings: BaseSegment;
}

export interface LoadedSnapshot extends IndexSnapshot {
  text: FileTextBase;
}

export function indexFileName(version = ANALYZER_VERSION): string {
  return `search-v${version}.bin`;
}

/** Document metadata by column: flat arrays parse several times faster than one object per document. */
interface MetaColumns {
  ids: string[];
  externalIds: (string | null)[];
  titles: string[];
  tags: string[][];
  sources: string[];
  published: (string | null)[];
  colors: string[][];
}

interface Header {
  docCount: number;
  termCount: number;
  metas: MetaColumns;
  sections: Record<string, [number, number]>;
}

const align8 = (n: number): number => (n + 7) & ~7;

function bytesOf(array: Int32Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * The checksum above, fed piece by piece as the file is written (a word split
 * between pieces is carried over), so the eager part never has to be in one buffer.
 */
class StreamingChecksum {
  private a: number;
  private b = 0x9e3779b9;
  private index = 0;

  constructor(private readonly words: number) {
    this.a = 0x811c9dc5 ^ words;
  }

  /** Bytes of a word split across pieces (a section and its padding). */
  private carry = new Uint8Array(4);
  private carried = 0;

  update(bytes: Uint8Array): void {
    let at = 0;
    while (this.carried > 0 && at < bytes.length) {
      this.carry[this.carried++] = bytes[at++]!;
      if (this.carried === 4) {
        this.word(new DataView(this.carry.buffer).getInt32(0, true));
        this.carried = 0;
      }
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (; at + 4 <= bytes.length; at += 4) this.word(view.getInt32(at, true));
    while (at < bytes.length) this.carry[this.carried++] = bytes[at++]!;
  }

  private word(value: number): void {
    if (this.index >= (this.words & ~1)) this.a = Math.imul(this.a ^ value, 0x01000193);
    else if (this.index & 1) this.b = Math.imul(this.b ^ value, 0x01000193);
    else this.a = Math.imul(this.a ^ value, 0x01000193);
    this.index += 1;
  }

  digest(): number {
    return (Math.imul(this.a ^ (this.b >>> 13), 0x85ebca6b) ^ this.b) >>> 0;
  }
}

/** Zero bytes that pad a section to the next multiple of 8. */
const PADDING = new Uint8Array(8);

/**
 * Writes the index file to an open temp file, piece by piece: the records first
 * (streamed from the store, never one buffer of all texts), then each eager section
 * at its place, then the header with the checksum. Everything it reads from the
 * index is fixed before the first await (snapshot arrays are not changed in place;
 * the records are frozen), so the index may change while the file is written.
 */
async function writePieces(handle: FileHandle, snapshot: IndexSnapshot, texts: TextStore): Promise<{ textPosition: number; written: WrittenTexts }> {
  const docCount = snapshot.metas.length;
  const records = texts.frozen(docCount);
  const eager: [string, Uint8Array | null][] = [
    ['terms', new TextEncoder().encode(snapshot.terms.join('\n'))],
    ['df', bytesOf(snapshot.df.slice())],
    ['termStart', bytesOf(snapshot.postings.termStart)],
    ['postDocs', bytesOf(snapshot.postings.docs)],
    ['postTfs', bytesOf(snapshot.postings.tfs)],
    ['lengths', bytesOf(snapshot.lengths.slice())],
    // Known once the records are written.
    ['textOffsets', null],
    ['textHashes', null],
    ['sequenceHashes', null],
  ];
  const sizes: Record<string, number> = { textOffsets: (3 * docCount + 1) * 4, textHashes: docCount * 4, sequenceHashes: docCount * 4 };
  const sections: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [name, bytes] of eager) {
    const length = bytes ? bytes.length : sizes[name]!;
    sections[name] = [offset, length];
    offset = align8(offset + length);
  }
  const m = snapshot.metas;
  const metas: MetaColumns = {
    ids: m.map((d) => d.id),
    externalIds: m.map((d) => d.externalId ?? null),
    titles: m.map((d) => d.title),
    tags: m.map((d) => d.tags),
    sources: m.map((d) => d.source),
    published: m.map((d) => d.published),
    colors: m.map((d) => d.colors),
  };
  const header: Header = { docCount, termCount: snapshot.terms.length, metas, sections };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = HEADER_BYTES + align8(json.length);
  const eagerEnd = bodyStart + offset;

  let position = eagerEnd;
  const append = async (bytes: Uint8Array): Promise<void> => {
    for (let done = 0; done < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position);
      done += bytesWritten;
      position += bytesWritten;
    }
  };
  const written = await records.write(append);
  const filled: Record<string, Uint8Array> = { textOffsets: bytesOf(written.offsets), textHashes: bytesOf(written.textHashes), sequenceHashes: bytesOf(written.sequenceHashes) };
  const total = eagerEnd + written.offsets[3 * docCount]!;

  // The eager part in file order, through the checksum.
  const sum = new StreamingChecksum((eagerEnd - HEADER_BYTES) >> 2);
  position = HEADER_BYTES;
  const eagerPiece = async (bytes: Uint8Array): Promise<void> => {
    sum.update(bytes);
    await append(bytes);
    const pad = align8(bytes.length) - bytes.length;
    if (pad > 0) {
      sum.update(PADDING.subarray(0, pad));
      await append(PADDING.subarray(0, pad));
    }
  };
  await eagerPiece(json);
  for (const [name, bytes] of eager) await eagerPiece(bytes ?? filled[name]!);
  if (position !== eagerEnd) throw new Error(`index file layout is off: eager part ends at ${position}, expected ${eagerEnd}`);

  const head = new Uint8Array(HEADER_BYTES);
  const view = new DataView(head.buffer);
  head.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, ANALYZER_VERSION, true);
  view.setUint32(16, json.length, true);
  view.setFloat64(24, total, true);
  view.setFloat64(32, eagerEnd, true);
  view.setUint32(CHECKSUM_AT, sum.digest(), true);
  position = 0;
  await append(head);
  // A record that could not be read back (damaged file) was written empty: the file ends at `total`.
  await handle.truncate(total);
  return { textPosition: eagerEnd, written };
}

const readAsync = promisify(read);

function readExactly(fd: number, into: Uint8Array, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/** Like readExactly, off the main thread (the eager part is tens of megabytes). */
async function readExactlyAsync(fd: number, into: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead: n } = await readAsync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/** Parses and checks the eager part; the text stays in the open file `fd`. */
async function parse(fd: number): Promise<LoadedSnapshot | null> {
  const size = fstatSync(fd).size;
  if (size < HEADER_BYTES) return null;
  const head = new Uint8Array(HEADER_BYTES);
  if (!readExactly(fd, head, 0)) return null;
  const headView = new DataView(head.buffer);
  if (new TextDecoder().decode(head.subarray(0, 8)) !== MAGIC) return null;
  if (headView.getUint32(8, true) !== FORMAT_VERSION || headView.getUint32(12, true) !== ANALYZER_VERSION) return null;
  const eagerEnd = headView.getFloat64(32, true);
  if (headView.getFloat64(24, true) !== size || !(eagerEnd >= HEADER_BYTES && eagerEnd <= size)) return null;
  // One aligned buffer for the eager part: the sections become typed-array views of it.
  const bytes = new Uint8Array(eagerEnd);
  if (!(await readExactlyAsync(fd, bytes, 0))) return null;
  if (checksum(bytes, HEADER_BYTES, eagerEnd) !== headView.getUint32(CHECKSUM_AT, true)) return null;

  const jsonLength = headView.getUint32(16, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonLength))) as Header;
  const bodyStart = HEADER_BYTES + align8(jsonLength);
  const section = (name: string): [number, number] => {
    const [offset, length] = header.sections[name]!;
    if (bodyStart + offset + length > eagerEnd) throw new Error(`section ${name} out of bounds`);
    return [bodyStart + offset, length];
  };
  const u32 = (name: string) => {
    const [at, length] = section(name);
    return new Uint32Array(bytes.buffer, at, length / 4);
  };
  const i32 = (name: string) => {
    const [at, length] = section(name);
    return new Int32Array(bytes.buffer, at, length / 4);
  };
  const [termsAt, termsLength] = section('terms');
  const { docCount, termCount } = header;
  const terms = termCount === 0 ? [] : new TextDecoder().decode(bytes.subarray(termsAt, termsAt + termsLength)).split('\n');
  const snapshot: LoadedSnapshot = {
    metas: header.metas.ids.map((id, d) => {
      const c = header.metas;
      const externalId = c.externalIds[d];
      return { id, ...(externalId ? { externalId } : {}), title: c.titles[d]!, tags: c.tags[d]!, source: c.sources[d]!, published: c.published[d]!, colors: c.colors[d]! };
    }),
    lengths: u32('lengths'),
    terms,
    df: i32('df'),
    postings: { termStart: u32('termStart'), docs: i32('postDocs'), tfs: u32('postTfs') },
    text: { offsets: u32('textOffsets'), textHashes: u32('textHashes'), sequenceHashes: u32('sequenceHashes'), fd, position: eagerEnd },
  };
  const { postings, text } = snapshot;
  const consistent =
    terms.length === termCount &&
    snapshot.metas.length === docCount &&
    snapshot.df.length === termCount &&
    snapshot.lengths.length === docCount * FIELD_COUNT &&
    postings.termStart.length === termCount + 1 &&
    postings.termStart[termCount] === postings.docs.length &&
    postings.tfs.length === postings.docs.length &&
    text.offsets.length === 3 * docCount + 1 &&
    text.textHashes.length === docCount &&
    text.sequenceHashes.length === docCount &&
    eagerEnd + text.offsets[3 * docCount]! === size;
  return consistent ? snapshot : null;
}

/**
 * Writes the index durably (temp file in the same folder, fsync, rename over the
 * old one, fsync the folder: a crash leaves the old index or the new one), in
 * streamed pieces, and removes files left by other analyzer versions.
 */
export async function writeIndexFile(dir: string, snapshot: IndexSnapshot, texts: TextStore): Promise<{ path: string; textPosition: number; written: WrittenTexts }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, indexFileName());
  const temp = join(dir, `.${indexFileName()}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  let result: { textPosition: number; written: WrittenTexts };
  try {
    const handle = await open(temp, 'wx');
    try {
      result = await writePieces(handle, snapshot, texts);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
  for (const name of await readdir(dir)) {
    if (name === indexFileName()) continue;
    // Old analyzer versions, and temp files of saves that never finished (a crash).
    if (/^search-v\d+\.bin$/.test(name) || (isTempFileName(name) && name.includes('.search-v') && !name.includes(`.${process.pid}.`))) {
      await unlink(join(dir, name)).catch(() => undefined);
    }
  }
  return { path, ...result };
}

/** The saved snapshot (its file left open for the texts), or null when missing, damaged or stale. */
export async function readIndexFile(dir: string): Promise<LoadedSnapshot | null> {
  let fd: number;
  try {
    fd = openSync(join(dir, indexFileName()), 'r');
  } catch {
    return null;
  }
  // Anything unparseable (bad JSON, out-of-range section) is damage: the caller rebuilds.
  const snapshot = await parse(fd).catch(() => null);
  if (!snapshot) closeSync(fd);
  return snapshot;
}

/** Opens a just-written index file for reading its texts. */
export function openTextFile(path: string, written: WrittenTexts, position: number): FileTextBase {
  return { fd: openSync(path, 'r'), ...written, position };
}
