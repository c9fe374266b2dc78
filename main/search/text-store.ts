/**
 * Every indexed document's stored record: its canonical text (snippets, phrase
 * confirmation, exact mode), its other searchable text (title, tags, highlights,
 * notes: needed to take its terms out of the document frequencies when it is
 * removed), both compactly encoded (text-codec.ts), and its word sequence
 * (word-sequence.ts: the cheap phrase screen). Records live in one of two places:
 * - the saved index file, read on demand with positional reads — a search needs
 *   the records of its ~20 results only, so a cold start never loads (or
 *   page-faults in) the largest part of the index; the text part and the sequence
 *   part each carry a hash, checked on every read;
 * - one small array per document added or changed since the last save.
 * Renumbering documents (compaction) only renumbers the map to the records: no
 * text is copied until the next save writes the live records straight into the file.
 */
import { closeSync, readSync } from 'node:fs';
import { decodeText, encodeInto, maxEncodedLength } from './text-codec.js';
import { writeSequence } from './word-sequence.js';

/**
 * Records kept in the index file, whose text section starts at `position`. Record i
 * spans [offsets[3i], offsets[3i+3]): canonical text up to offsets[3i+1], extra text
 * up to offsets[3i+2], then the word sequence.
 */
export interface FileTextBase {
  offsets: Uint32Array;
  textHashes: Uint32Array;
  sequenceHashes: Uint32Array;
  fd: number;
  position: number;
}

/** Where save() put the records (offsets relative to the text section), with their hashes. */
export interface WrittenTexts {
  offsets: Uint32Array;
  textHashes: Uint32Array;
  sequenceHashes: Uint32Array;
}

interface OwnRecord {
  bytes: Uint8Array;
  split: number;
  sequenceAt: number;
}

/** [bytes, start, split (end of canonical), sequence start, end]. */
type Located = [Uint8Array, number, number, number, number];

/** Records are written to the index file in chunks of about this size. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** The records of a save, fixed when it starts (TextStore.frozen). */
export interface FrozenRecords {
  count: number;
  /** Bytes the records take (a record that fails to read back is written empty: the file's tail is trimmed). */
  byteLength(): number;
  write(sink: (chunk: Uint8Array) => Promise<void>): Promise<WrittenTexts>;
  damaged(): boolean;
}

const NONE = new Uint8Array(0);
const MISSING: Located = [NONE, 0, 0, 0, 0];

/** FNV-1a over bytes: cheap integrity check of one file-backed record part. */
export function recordHash(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

export class TextStore {
  private file: FileTextBase | null;
  /** doc → record in the file; −1 or beyond the array: not in the file. Null: doc d is record d. */
  private where: Int32Array | null = null;
  private readonly fileRecords: number;
  private own = new Map<number, OwnRecord>();
  /** Bytes of the records held in memory (`own`): an import saves early when they grow large. */
  private ownBytesTotal = 0;
  private textScratch = new Uint8Array(64 * 1024);
  private sequenceScratch = new Uint8Array(8 * 1024);
  /** Set when a file-backed record failed its hash: the saved index is damaged and should be rebuilt. */
  damaged = false;

  constructor(file: FileTextBase | null = null) {
    this.file = file;
    this.fileRecords = file ? (file.offsets.length - 1) / 3 : 0;
  }

  /** Stores document `doc`'s record. */
  add(doc: number, canonical: string, extra: string, sequence: ArrayLike<number>): void {
    const buffer = new Uint8Array(maxEncodedLength(canonical) + maxEncodedLength(extra) + 2 * sequence.length);
    const split = encodeInto(canonical, buffer, 0);
    const sequenceAt = encodeInto(extra, buffer, split);
    const end = writeSequence(sequence, buffer, sequenceAt);
    this.drop(doc);
    this.own.set(doc, { bytes: buffer.slice(0, end), split, sequenceAt });
    this.ownBytesTotal += end;
  }

  /** Forgets a removed document (a copy in the file is simply not written again). */
  drop(doc: number): void {
    const own = this.own.get(doc);
    if (!own) return;
    this.ownBytesTotal -= own.bytes.length;
    this.own.delete(doc);
  }

  /** Bytes of records held in memory rather than in the saved file. */
  get ownBytes(): number {
    return this.ownBytesTotal;
  }

  private keep(doc: number, record: OwnRecord): void {
    this.own.set(doc, record);
    this.ownBytesTotal += record.bytes.length;
  }

  canonical(doc: number): string {
    const [bytes, from, split] = this.text(doc);
    return decodeText(bytes, from, split);
  }

  extra(doc: number): string {
    const [bytes, , split, sequenceAt] = this.text(doc);
    return decodeText(bytes, split, sequenceAt);
  }

  /** The document's word sequence: [bytes, from, to] (little-endian 16-bit hashes). */
  sequence(doc: number): [Uint8Array, number, number] {
    const located = this.locate(doc);
    const [bytes, , , sequenceAt, end] = located;
    if (bytes !== NONE || end === sequenceAt) return [bytes, sequenceAt, end];
    const record = this.recordOf(doc);
    const read = this.readFile(sequenceAt, end, 'sequenceScratch', this.file!.sequenceHashes[record]!);
    return read ? [read, 0, end - sequenceAt] : [NONE, 0, 0];
  }

  /** The same records under new doc numbers (`docMap[old]`, −1 = dropped). Copies nothing. */
  renumbered(docMap: Int32Array, newCount: number): TextStore {
    const store = new TextStore(this.file);
    store.damaged = this.damaged;
    const where = new Int32Array(newCount).fill(-1);
    for (let old = 0; old < docMap.length; old += 1) {
      const d = docMap[old]!;
      if (d < 0) continue;
      const own = this.own.get(old);
      if (own) store.keep(d, own);
      else where[d] = this.recordOf(old);
    }
    store.where = where;
    return store;
  }

  /**
   * The records of documents 0..count−1 as they are now, for a save that writes them
   * over several awaits: later changes to the store (a removal drops a record) do not
   * reach it. Holds references only; copies nothing.
   */
  frozen(count: number): FrozenRecords {
    const own: (OwnRecord | undefined)[] = new Array<OwnRecord | undefined>(count);
    const records = new Int32Array(count);
    for (let doc = 0; doc < count; doc += 1) {
      own[doc] = this.own.get(doc);
      records[doc] = this.recordOf(doc);
    }
    const view = new TextStore(this.file);
    view.where = records;
    own.forEach((record, doc) => record && view.own.set(doc, record));
    return {
      count,
      byteLength: () => {
        let total = 0;
        for (let doc = 0; doc < count; doc += 1) {
          const [, from, , , end] = view.locate(doc);
          total += end - from;
        }
        return total;
      },
      write: (sink) => view.writeRecords(count, sink),
      damaged: () => view.damaged,
    };
  }

  /**
   * Streams the records of documents 0..count−1, in order, to `sink` in chunks of
   * about CHUNK_BYTES (for saving: never one buffer of all texts).
   */
  private async writeRecords(count: number, sink: (chunk: Uint8Array) => Promise<void>): Promise<WrittenTexts> {
    const offsets = new Uint32Array(3 * count + 1);
    const textHashes = new Uint32Array(count);
    const sequenceHashes = new Uint32Array(count);
    let chunk = new Uint8Array(CHUNK_BYTES);
    let used = 0;
    let p = 0;
    const put = async (bytes: Uint8Array): Promise<void> => {
      if (used + bytes.length > chunk.length) {
        if (used > 0) await sink(chunk.subarray(0, used));
        chunk = new Uint8Array(Math.max(CHUNK_BYTES, bytes.length));
        used = 0;
      }
      chunk.set(bytes, used);
      used += bytes.length;
    };
    for (let doc = 0; doc < count; doc += 1) {
      const [textBytes, from, split, sequenceAt] = this.text(doc);
      const text = textBytes.subarray(from, sequenceAt);
      textHashes[doc] = recordHash(text);
      offsets[3 * doc] = p;
      offsets[3 * doc + 1] = p + (split - from);
      offsets[3 * doc + 2] = p + text.length;
      await put(text);
      const [sequenceBytes, sFrom, sTo] = this.sequence(doc);
      const sequence = sequenceBytes.subarray(sFrom, sTo);
      sequenceHashes[doc] = recordHash(sequence);
      await put(sequence);
      p += text.length + sequence.length;
      offsets[3 * doc + 3] = p;
    }
    if (used > 0) await sink(chunk.subarray(0, used));
    return { offsets, textHashes, sequenceHashes };
  }

  /**
   * After a save of documents 0..count−1: those are read from `file` from now on and
   * their in-memory copies are released; documents added meanwhile keep theirs.
   */
  rebased(file: FileTextBase, count: number): TextStore {
    const store = new TextStore(file);
    for (const [doc, own] of this.own) if (doc >= count) store.keep(doc, own);
    this.close();
    return store;
  }

  /** Closes the index file behind the file-backed records. */
  close(): void {
    if (this.file) {
      closeSync(this.file.fd);
      this.file = null;
    }
  }

  private recordOf(doc: number): number {
    if (this.where === null) return doc < this.fileRecords ? doc : -1;
    return doc < this.where.length ? this.where[doc]! : -1;
  }

  /** Where a record is, without reading the file (bytes = NONE when it is in the file). */
  private locate(doc: number): Located {
    const own = this.own.get(doc);
    if (own) return [own.bytes, 0, own.split, own.sequenceAt, own.bytes.length];
    const record = this.recordOf(doc);
    if (record < 0 || !this.file) return MISSING;
    const o = this.file.offsets;
    return [NONE, o[3 * record]!, o[3 * record + 1]!, o[3 * record + 2]!, o[3 * record + 3]!];
  }

  /** The text part of a record, read from the file if needed. */
  private text(doc: number): Located {
    const located = this.locate(doc);
    const [bytes, from, split, sequenceAt] = located;
    if (bytes !== NONE || sequenceAt === from) return located;
    const read = this.readFile(from, sequenceAt, 'textScratch', this.file!.textHashes[this.recordOf(doc)]!);
    return read ? [read, 0, split - from, sequenceAt - from, sequenceAt - from] : MISSING;
  }

  /** Reads file bytes [from, to) of the text section into a scratch buffer and checks their hash. */
  private readFile(from: number, to: number, scratch: 'textScratch' | 'sequenceScratch', hash: number): Uint8Array | null {
    const file = this.file;
    if (!file) return null;
    const length = to - from;
    if (this[scratch].length < length) this[scratch] = new Uint8Array(Math.max(length, this[scratch].length * 2));
    const buffer = this[scratch];
    let read = 0;
    try {
      while (read < length) {
        const n = readSync(file.fd, buffer, read, length - read, file.position + from + read);
        if (n === 0) break;
        read += n;
      }
    } catch {
      read = -1;
    }
    if (read !== length || recordHash(buffer, 0, length) !== hash) {
      this.damaged = true;
      return null;
    }
    return buffer;
  }
}
