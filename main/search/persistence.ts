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
 */
import { closeSync, fstatSync, openSync, read, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ANALYZER_VERSION } from '../../common/text/arabic.js';
import { writeFileDurably } from '../store/durable-file.js';
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
 * The file's bytes. The texts of documents 0..n−1 are copied straight from the
 * store into their place in the file, so saving never holds a second copy of them.
 */
export function serialize(snapshot: IndexSnapshot, texts: TextStore): { bytes: Uint8Array; textPosition: number; written: WrittenTexts } {
  const docCount = snapshot.metas.length;
  const textBytes = texts.byteLength(docCount);
  const eager: [string, Uint8Array | null][] = [
    ['terms', new TextEncoder().encode(snapshot.terms.join('\n'))],
    ['df', bytesOf(snapshot.df)],
    ['termStart', bytesOf(snapshot.postings.termStart)],
    ['postDocs', bytesOf(snapshot.postings.docs)],
    ['postTfs', bytesOf(snapshot.postings.tfs)],
    ['lengths', bytesOf(snapshot.lengths)],
    // Filled in once the records are written (their sizes are known now).
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
  const full = new Uint8Array(eagerEnd + textBytes);
  for (const [name, bytes] of eager) if (bytes) full.set(bytes, bodyStart + sections[name]![0]);
  const written = texts.writeInto(docCount, full, eagerEnd);
  full.set(bytesOf(written.offsets), bodyStart + sections.textOffsets![0]);
  full.set(bytesOf(written.textHashes), bodyStart + sections.textHashes![0]);
  full.set(bytesOf(written.sequenceHashes), bodyStart + sections.sequenceHashes![0]);
  // A record that could not be read back (damaged file) was written empty: trim the tail.
  const out = full.subarray(0, eagerEnd + written.offsets[3 * docCount]!);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, ANALYZER_VERSION, true);
  view.setUint32(16, json.length, true);
  view.setFloat64(24, out.length, true);
  view.setFloat64(32, eagerEnd, true);
  out.set(json, HEADER_BYTES);
  view.setUint32(CHECKSUM_AT, checksum(out, HEADER_BYTES, eagerEnd), true);
  return { bytes: out, textPosition: eagerEnd, written };
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

/** Writes the index durably and removes files left by other analyzer versions. */
export async function writeIndexFile(dir: string, snapshot: IndexSnapshot, texts: TextStore): Promise<{ path: string; textPosition: number; written: WrittenTexts }> {
  // Serialize before the first await: the index may change while the file is written.
  const { bytes, textPosition, written } = serialize(snapshot, texts);
  await mkdir(dir, { recursive: true });
  const path = join(dir, indexFileName());
  await writeFileDurably(path, bytes);
  for (const name of await readdir(dir)) {
    if (/^search-v\d+\.bin$/.test(name) && name !== indexFileName()) await unlink(join(dir, name)).catch(() => undefined);
  }
  return { path, textPosition, written };
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
