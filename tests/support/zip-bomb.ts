/**
 * Real decompression bombs for the zip-limit tests: a genuine .docx (the docx
 * package's, with the seed article) whose word/document.xml is rebuilt as a
 * valid Word body: the article's first paragraph, then a paragraph of one
 * Arabic letter repeated until it unpacks to the size asked for (~1 GB from
 * about a megabyte). The big part is deflated as a
 * stream by zlib, so making it never holds it in memory. The central directory
 * either tells the truth about the size or lies (claims the original small
 * size), so both the directory check and the streaming check are exercised.
 */
import { createWriteStream } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';
import { deflateSync, strFromU8, unzipSync } from 'fflate';

export interface Entry {
  name: string;
  method: number;
  crc: number;
  size: number;
  /** Declared in the headers (differs from size for a lying bomb). */
  declaredSize: number;
  compressed: Buffer;
}

/** Deflates `repeat` copies of `unit` between `head` and `tail` as a stream, returning the compressed bytes, CRC and size. */
export async function deflateRepeated(head: string, unit: string, tail: string, repeat: number): Promise<{ compressed: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head));
  // 1 MB-ish blocks of whole paragraphs.
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(unit)));
  const block = Buffer.from(unit.repeat(perBlock));
  for (let left = repeat; left > 0; left -= perBlock) await write(left >= perBlock ? block : Buffer.from(unit.repeat(left)));
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc: crc >>> 0, size };
}

export function zipOf(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, entry.compressed);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.compressed.length, 20);
    record.writeUInt32LE(entry.declaredSize, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += 30 + name.length + entry.compressed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

export interface DocxBombOptions {
  /** What word/document.xml unpacks to, roughly. */
  unpackedBytes: number;
  /** Declare the original small size in the headers instead of the real one. */
  lie?: boolean;
}

/** A .docx whose document.xml unpacks to about `unpackedBytes`, built from a real document. */
export async function makeDocxBomb(realDocx: Uint8Array, options: DocxBombOptions): Promise<{ bytes: Buffer; unpackedBytes: number }> {
  const files = unzipSync(realDocx);
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  const firstParagraph = xml.indexOf('<w:p', bodyStart);
  const sectPr = xml.lastIndexOf('<w:sectPr');
  const firstEnd = xml.indexOf('</w:p>', firstParagraph) + '</w:p>'.length;
  // The real first paragraph, then one paragraph whose text is one Arabic letter repeated: short-distance
  // repeats are what deflate packs ~1,000 : 1, as in bombs met in the wild.
  const head = `${xml.slice(0, firstEnd)}<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space="preserve">`;
  const unit = 'ا';
  const tail = `</w:t></w:r></w:p>${xml.slice(sectPr)}`;
  const repeat = Math.ceil(options.unpackedBytes / Buffer.byteLength(unit));
  const big = await deflateRepeated(head, unit, tail, repeat);
  const entries: Entry[] = Object.entries(files).map(([name, data]) => {
    if (name === 'word/document.xml') {
      return { name, method: 8, crc: big.crc, size: big.size, declaredSize: options.lie ? data.length : big.size, compressed: big.compressed };
    }
    return { name, method: 8, crc: crc32(data) >>> 0, size: data.length, declaredSize: data.length, compressed: Buffer.from(deflateSync(data)) };
  });
  return { bytes: zipOf(entries), unpackedBytes: big.size };
}

/** A zip with `count` tiny entries (an entry-count bomb), as a .docx. */
export function makeManyEntryZip(realDocx: Uint8Array, count: number): Buffer {
  const files = unzipSync(realDocx);
  const entries: Entry[] = Object.entries(files).map(([name, data]) => ({ name, method: 0, crc: crc32(data) >>> 0, size: data.length, declaredSize: data.length, compressed: Buffer.from(data) }));
  for (let index = 0; index < count; index += 1) {
    entries.push({ name: `word/media/x${index}.bin`, method: 0, crc: 0, size: 0, declaredSize: 0, compressed: Buffer.alloc(0) });
  }
  return zipOf(entries);
}

/** Writes bytes to a path and waits for it to be on disk. */
export function writeBytes(path: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path);
    stream.on('error', reject);
    stream.end(bytes, () => resolve());
  });
}

/** A zip entry stored from bytes (deflated). */
export function plainEntry(name: string, data: Uint8Array): Entry {
  return { name, method: 8, crc: crc32(data) >>> 0, size: data.length, declaredSize: data.length, compressed: Buffer.from(deflateSync(data)) };
}

/** A zip entry of `unpackedBytes` of one repeated letter, optionally declaring `declare` bytes instead. */
export async function bombEntry(name: string, unpackedBytes: number, declare?: number): Promise<Entry> {
  const big = await deflateRepeated('{"schemaVersion":1,"id":"x","blocks":[{"kind":"paragraph","text":"', 'ا', '"}],"annotations":[]}', Math.ceil(unpackedBytes / 2));
  return { name, method: 8, crc: big.crc, size: big.size, declaredSize: declare ?? big.size, compressed: big.compressed };
}
