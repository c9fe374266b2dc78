/**
 * A defensive zip reader for every zip-based input: restoring backups
 * (reliability §4.3) and the pre-check of .docx imports (zip-check.ts). Everything is
 * decided from the central directory BEFORE a single byte is inflated: the
 * archive's own size, entry names (no "..", no absolute paths, no drive letters,
 * no backslashes, no NUL, no duplicates or names equal up to case), entry types
 * (symbolic links and devices refused, from the Unix mode in the external
 * attributes), encryption, compression methods, every entry's declared size,
 * the total, the entry count and the compression ratio (zip bombs), and that
 * every entry's data lies inside the file (truncation). Inflating then enforces
 * the declared size as it goes (a lying header cannot inflate past it) and
 * checks the CRC. Reads go through a byte source at offsets (a file handle, or
 * bytes already in memory), so memory holds one entry at a time. ZIP64 is not
 * needed by backups or Word documents and is refused. Every size limit's reason
 * starts "too large when unpacked" and names the limit.
 */
import type { FileHandle } from 'node:fs/promises';
import { Inflate } from 'fflate';
import { QirtasError } from '../../common/errors.js';
import { crc32 } from './crc32.js';

export interface ZipLimits {
  /** The zip file itself. */
  maxArchiveBytes: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
  /** Uncompressed : compressed, checked for entries above ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * A backup's limits. One entry is held in memory while it is checked, so the
 * entry cap bounds memory; the index (the largest file) is never in a backup,
 * and an article file from the 50 MB import cap stays well under it. Archive
 * JSON deflates 3–10 times; 100 leaves room and still stops bombs.
 */
export const DEFAULT_LIMITS: ZipLimits = {
  maxArchiveBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 256 * 1024 ** 2,
  maxEntries: 500_000,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  isDirectory: boolean;
}

/** A restore or verification that was refused: names the entry (when there is one) and why. Nothing was changed. */
export class BackupRefused extends QirtasError {
  constructor(
    readonly entry: string | null,
    readonly reason: string,
    /** The backup's file name, when known. */
    file?: string,
  ) {
    // With the file's name the UI words it (error-reasons.ts); the entry and the reason stay the technical detail.
    super('INVALID_INPUT', `This backup cannot be restored${file ? ` (${file})` : ''}: ${entry === null ? '' : `entry "${entry}": `}${reason}. Nothing was changed.`, file, file ? { reason: 'backup-refused', file } : undefined);
    this.name = 'BackupRefused';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const UNIX_HOSTS = new Set([3, 19]); // Unix, OS X
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/**
 * Compressed bytes pushed into the inflater at a time: fflate inflates a pushed
 * chunk whole, so this bounds what one push can produce (deflate's ceiling is
 * about 1,032 : 1, so 4 KB never makes more than ~4 MB) before a limit is checked.
 */
const READ_CHUNK = 4 * 1024;

/** Says "too large when unpacked" first, so every size refusal reads the same to a user. */
export const TOO_LARGE = 'it is too large when unpacked';

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Where the zip's bytes come from: a file read at offsets, or bytes in memory. */
export interface ByteSource {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
}

export async function fileSource(handle: FileHandle): Promise<ByteSource> {
  const { size } = await handle.stat();
  return {
    size,
    read: async (position, length) => {
      const buffer = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === length ? buffer : buffer.subarray(0, done);
    },
  };
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { size: buffer.length, read: async (position, length) => buffer.subarray(Math.max(0, position), Math.min(buffer.length, position + length)) };
}

/** Builds the error for a refused archive (entry null: the archive as a whole). */
export type Refuse = (entry: string | null, reason: string) => Error;
const refuseBackup: Refuse = (entry, reason) => new BackupRefused(entry, reason);

export interface ReadOptions {
  refuse?: Refuse;
  /**
   * Names must be safe to write under a folder and entries regular files (a
   * backup is unpacked onto disk). Off for inputs that are only read in memory
   * (a Word document), where only duplicate names are refused.
   */
  strictNames?: boolean;
}

/** Why a name is unsafe to write under a folder, or null when it is fine. */
export function unsafeNameReason(name: string): string | null {
  if (name === '') return 'it has an empty name';
  if (name.includes('\0')) return 'its name contains a NUL character';
  if (name.includes('\\')) return 'its name contains a backslash (a Windows path separator could lead outside the folder)';
  if (name.startsWith('/')) return 'it has an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'its name starts with a drive letter';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'its path climbs out of the folder with ".." (path traversal)';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'its path has an empty or "." segment';
  if (name.length > 255) return 'its name is too long';
  return null;
}

export interface CentralDirectory {
  entries: ZipEntry[];
  fileSize: number;
  /** Where the central directory starts: every entry's data must end before it. */
  dataEnd: number;
  totalSize: number;
}

/** Reads and checks a backup's central directory; refuses the archive before anything is inflated. */
export async function readCentralDirectory(handle: FileHandle, limits: ZipLimits): Promise<CentralDirectory> {
  return parseCentralDirectory(await fileSource(handle), limits);
}

/** The central directory of any zip source, checked against the limits before anything is inflated. */
export async function parseCentralDirectory(source: ByteSource, limits: ZipLimits, options: ReadOptions = {}): Promise<CentralDirectory> {
  const refuse = options.refuse ?? refuseBackup;
  const strictNames = options.strictNames ?? true;
  const fileSize = source.size;
  if (fileSize > limits.maxArchiveBytes) throw refuse(null, `the file is ${mib(fileSize)}, above the ${mib(limits.maxArchiveBytes)} a backup may be`);
  if (fileSize < 22) throw refuse(null, 'the file is too short to be a zip (empty or truncated)');
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await source.read(fileSize - tailLength, tailLength);
  // The LAST end record is the one other zip readers (JSZip inside mammoth) use: it must be consistent,
  // so that this check and the reader that unpacks afterwards see the same entries.
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      if (i + 22 + tail.readUInt16LE(i + 20) === tail.length) eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse(null, 'it is not a zip file, or it is truncated (no end-of-archive record)');
  const eocdOffset = fileSize - tailLength + eocd;
  if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) throw refuse(null, 'it is a ZIP64 archive, which backups never are');
  const disk = tail.readUInt16LE(eocd + 4);
  const cdDisk = tail.readUInt16LE(eocd + 6);
  const entriesOnDisk = tail.readUInt16LE(eocd + 8);
  const entryCount = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) throw refuse(null, 'it is a multi-part (spanned) zip');
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw refuse(null, 'it is a ZIP64 archive, which backups never are');
  if (entryCount > limits.maxEntries) throw refuse(null, `${TOO_LARGE}: it has ${entryCount} entries (the limit is ${limits.maxEntries})`);
  if (cdOffset + cdSize !== eocdOffset) throw refuse(null, 'its central directory is not where the end record says (truncated or corrupt)');

  const cd = await source.read(cdOffset, cdSize);
  if (cd.length !== cdSize) throw refuse(null, 'its central directory is cut short (truncated)');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const seenFolded = new Map<string, string>();
  let totalSize = 0;
  let at = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let index = 0; index < entryCount; index += 1) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw refuse(null, `central directory entry ${index + 1} is damaged (truncated or corrupt)`);
    const madeBy = cd.readUInt16LE(at + 4);
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    const crc = cd.readUInt32LE(at + 16);
    const compressedSize = cd.readUInt32LE(at + 20);
    const size = cd.readUInt32LE(at + 24);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const externalAttributes = cd.readUInt32LE(at + 38);
    const localHeaderOffset = cd.readUInt32LE(at + 42);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > cd.length) throw refuse(null, `central directory entry ${index + 1} runs past its end (truncated or corrupt)`);
    let name: string;
    try {
      name = decoder.decode(cd.subarray(at + 46, nameEnd));
    } catch {
      // Word documents from old tools may use CP437 names; only a backup insists on UTF-8.
      if (strictNames) throw refuse(`#${index + 1}`, 'its name is not valid UTF-8');
      name = cd.subarray(at + 46, nameEnd).toString('latin1');
    }
    at = nameEnd + extraLength + commentLength;

    if (strictNames) {
      const unsafe = unsafeNameReason(name);
      if (unsafe) throw refuse(name, unsafe);
      const mode = (externalAttributes >>> 16) & S_IFMT;
      const host = madeBy >>> 8;
      if (UNIX_HOSTS.has(host) && mode === S_IFLNK) throw refuse(name, 'it is a symbolic link');
      if (UNIX_HOSTS.has(host) && mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) throw refuse(name, 'it is not a regular file (a device, pipe or socket)');
    }
    if (flags & 0x1) throw refuse(name, 'it is encrypted');
    if (method !== 0 && method !== 8) throw refuse(name, `it uses compression method ${method} (only stored and deflate are read)`);
    if (seen.has(name)) throw refuse(name, 'the archive has two entries with this name');
    if (strictNames) {
      const folded = name.toLowerCase();
      const twin = seenFolded.get(folded);
      if (twin !== undefined) throw refuse(name, `its name differs only by case from "${twin}" (they would collide on Windows and macOS)`);
      seenFolded.set(folded, name);
    }
    seen.add(name);
    if (size > limits.maxEntryBytes) throw refuse(name, `${TOO_LARGE}: it would unpack to ${mib(size)}, above the ${mib(limits.maxEntryBytes)} limit for one file`);
    if (method === 0 && compressedSize !== size) throw refuse(name, 'it is stored uncompressed but its two sizes differ (corrupt)');
    if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio) {
      throw refuse(name, `${TOO_LARGE}: it would expand ${Math.round(size / Math.max(1, compressedSize))} times (above the limit of ${limits.maxRatio}: a zip bomb)`);
    }
    totalSize += size;
    if (totalSize > limits.maxTotalBytes) throw refuse(name, `${TOO_LARGE}: the archive would unpack to more than ${mib(limits.maxTotalBytes)}, the limit (a zip bomb, or not what it claims to be)`);
    if (localHeaderOffset + 30 + nameLength + compressedSize > cdOffset) throw refuse(name, 'its data lies outside the archive (truncated or corrupt)');
    entries.push({ name, method, flags, crc, compressedSize, size, localHeaderOffset, isDirectory: name.endsWith('/') });
  }
  if (at !== cd.length) throw refuse(null, 'its central directory has bytes it does not account for (corrupt)');
  return { entries, fileSize, dataEnd: cdOffset, totalSize };
}

export interface StreamOptions extends ReadOptions {
  /** Receives each inflated chunk as it comes (nothing is kept when absent). */
  onChunk?: (chunk: Uint8Array) => void;
  /** Bytes already unpacked from earlier entries, for the running total. */
  unpackedBefore?: number;
  limits?: ZipLimits;
  /** Compare the CRC at the end (a backup); off where another reader decides (a Word document). */
  checkCrc?: boolean;
}

/**
 * Inflates one entry as a stream, counting bytes as they come and stopping the
 * moment the entry grows past its declared size, past the archive's total limit
 * or past the ratio limit; checks length (and CRC) at the end. Returns the bytes
 * it produced.
 */
export async function streamEntry(source: ByteSource, directory: CentralDirectory, entry: ZipEntry, options: StreamOptions = {}): Promise<number> {
  const refuse = options.refuse ?? refuseBackup;
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw refuse(entry.name, 'its local header is missing (truncated or corrupt)');
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const localNameBytes = await source.read(entry.localHeaderOffset + 30, nameLength);
  const localName = localNameBytes.toString('utf8');
  if (localName !== entry.name && localNameBytes.toString('latin1') !== entry.name) {
    throw refuse(entry.name, `its local header names it "${localName.slice(0, 100)}" (the two directories of the zip disagree)`);
  }
  const dataStart = entry.localHeaderOffset + 30 + nameLength + extraLength;
  if (dataStart + entry.compressedSize > directory.dataEnd) throw refuse(entry.name, 'its data lies outside the archive (truncated or corrupt)');

  const limits = options.limits;
  const before = options.unpackedBefore ?? 0;
  // The streamed ratio: past the floor, an entry may not produce more than maxRatio bytes per compressed byte.
  const ratioCeiling = limits ? Math.max(limits.ratioFloorBytes, limits.maxRatio * Math.max(1, entry.compressedSize)) : Infinity;
  let produced = 0;
  let crc = 0;
  // A refusal thrown from inside the inflater's callback must come out as itself, not as "damaged data".
  let stop: Error | null = null;
  const fail = (reason: string): never => {
    stop = refuse(entry.name, reason);
    throw stop;
  };
  const take = (chunk: Uint8Array) => {
    if (produced + chunk.length > entry.size) fail(`${TOO_LARGE}: it inflates to more than the ${entry.size} bytes it declares (a zip bomb or a corrupt file)`);
    produced += chunk.length;
    if (limits && before + produced > limits.maxTotalBytes) fail(`${TOO_LARGE}: the archive unpacks to more than ${mib(limits.maxTotalBytes)}, the limit`);
    if (produced > ratioCeiling) fail(`${TOO_LARGE}: it expands more than ${limits?.maxRatio} times (the limit; a zip bomb)`);
    if (options.checkCrc !== false) crc = crc32(chunk, crc);
    options.onChunk?.(chunk);
  };
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
  for (let offset = 0; offset < entry.compressedSize || (offset === 0 && entry.compressedSize === 0); offset += READ_CHUNK) {
    const length = Math.min(READ_CHUNK, entry.compressedSize - offset);
    const chunk = length > 0 ? await source.read(dataStart + offset, length) : new Uint8Array(0);
    if (chunk.length !== length) throw refuse(entry.name, 'its data is cut short (truncated)');
    const final = offset + length >= entry.compressedSize;
    try {
      if (inflater) inflater.push(chunk, final);
      else take(chunk);
    } catch (error) {
      if (stop !== null) throw stop;
      throw refuse(entry.name, `its compressed data is damaged (${(error as Error).message})`);
    }
    if (length === 0) break;
  }
  if (produced !== entry.size) throw refuse(entry.name, `it unpacked to ${produced} bytes, not the ${entry.size} it declares (truncated or corrupt)`);
  if (options.checkCrc !== false && crc !== entry.crc) throw refuse(entry.name, 'its CRC does not match (corrupt)');
  return produced;
}

/**
 * Inflates one backup entry into memory, refusing it as soon as it grows past
 * its declared size, and checking its length and CRC at the end.
 */
export async function readEntry(handle: FileHandle, directory: CentralDirectory, entry: ZipEntry, limits?: ZipLimits): Promise<Uint8Array> {
  const output = new Uint8Array(entry.size);
  let at = 0;
  await streamEntry(await fileSource(handle), directory, entry, {
    limits,
    onChunk: (chunk) => {
      output.set(chunk, at);
      at += chunk.length;
    },
  });
  return output;
}

/**
 * Checks a whole zip held in memory before another library unpacks it (mammoth
 * reads .docx with JSZip, which trusts the archive): the central directory
 * against the limits, then every entry inflated as a stream and thrown away,
 * counting bytes as they come, stopping at the first limit. Memory stays at one
 * chunk; a bomb is refused after at most a few MB of inflating.
 */
export async function checkZipBytes(bytes: Uint8Array, limits: ZipLimits, refuse: Refuse): Promise<{ entries: number; unpackedBytes: number }> {
  const source = bytesSource(bytes);
  const options = { refuse, strictNames: false, checkCrc: false, limits };
  const directory = await parseCentralDirectory(source, limits, options);
  let unpacked = 0;
  for (const entry of directory.entries) {
    unpacked += await streamEntry(source, directory, entry, { ...options, unpackedBefore: unpacked });
  }
  return { entries: directory.entries.length, unpackedBytes: unpacked };
}
