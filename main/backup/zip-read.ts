/**
 * A defensive zip reader for restoring backups (reliability §4.3). Everything is
 * decided from the central directory BEFORE a single byte is inflated: the
 * archive's own size, entry names (no "..", no absolute paths, no drive letters,
 * no backslashes, no NUL, no duplicates or names equal up to case), entry types
 * (symbolic links and devices refused, from the Unix mode in the external
 * attributes), encryption, compression methods, every entry's declared size,
 * the total, the entry count and the compression ratio (zip bombs), and that
 * every entry's data lies inside the file (truncation). Inflating then enforces
 * the declared size as it goes (a lying header cannot inflate past it) and
 * checks the CRC. Reads go through a file handle at offsets, so memory holds one
 * entry at a time. ZIP64 is not needed by backups and is refused.
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

export const DEFAULT_LIMITS: ZipLimits = {
  maxArchiveBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxEntries: 500_000,
  maxRatio: 200,
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
  ) {
    super('INVALID_INPUT', `This backup cannot be restored: ${entry === null ? '' : `entry "${entry}": `}${reason}. Nothing was changed.`);
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
const READ_CHUNK = 16 * 1024;

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
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

/** Reads and checks the central directory; refuses the archive before anything is inflated. */
export async function readCentralDirectory(handle: FileHandle, limits: ZipLimits): Promise<CentralDirectory> {
  const { size: fileSize } = await handle.stat();
  if (fileSize > limits.maxArchiveBytes) throw new BackupRefused(null, `the file is ${mib(fileSize)}, above the ${mib(limits.maxArchiveBytes)} a backup may be`);
  if (fileSize < 22) throw new BackupRefused(null, 'the file is too short to be a zip (empty or truncated)');
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new BackupRefused(null, 'it is not a zip file, or it is truncated (no end-of-archive record)');
  const eocdOffset = fileSize - tailLength + eocd;
  if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) throw new BackupRefused(null, 'it is a ZIP64 archive, which backups never are');
  const disk = tail.readUInt16LE(eocd + 4);
  const cdDisk = tail.readUInt16LE(eocd + 6);
  const entriesOnDisk = tail.readUInt16LE(eocd + 8);
  const entryCount = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) throw new BackupRefused(null, 'it is a multi-part (spanned) zip');
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new BackupRefused(null, 'it is a ZIP64 archive, which backups never are');
  if (entryCount > limits.maxEntries) throw new BackupRefused(null, `it has ${entryCount} entries, above the limit of ${limits.maxEntries}`);
  if (cdOffset + cdSize !== eocdOffset) throw new BackupRefused(null, 'its central directory is not where the end record says (truncated or corrupt)');

  const cd = await readAt(handle, cdOffset, cdSize);
  if (cd.length !== cdSize) throw new BackupRefused(null, 'its central directory is cut short (truncated)');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const seenFolded = new Map<string, string>();
  let totalSize = 0;
  let at = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let index = 0; index < entryCount; index += 1) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new BackupRefused(null, `central directory entry ${index + 1} is damaged (truncated or corrupt)`);
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
    if (nameEnd + extraLength + commentLength > cd.length) throw new BackupRefused(null, `central directory entry ${index + 1} runs past its end (truncated or corrupt)`);
    let name: string;
    try {
      name = decoder.decode(cd.subarray(at + 46, nameEnd));
    } catch {
      throw new BackupRefused(`#${index + 1}`, 'its name is not valid UTF-8');
    }
    at = nameEnd + extraLength + commentLength;

    const unsafe = unsafeNameReason(name);
    if (unsafe) throw new BackupRefused(name, unsafe);
    const mode = (externalAttributes >>> 16) & S_IFMT;
    const host = madeBy >>> 8;
    if (UNIX_HOSTS.has(host) && mode === S_IFLNK) throw new BackupRefused(name, 'it is a symbolic link');
    if (UNIX_HOSTS.has(host) && mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) throw new BackupRefused(name, 'it is not a regular file (a device, pipe or socket)');
    if (flags & 0x1) throw new BackupRefused(name, 'it is encrypted');
    if (method !== 0 && method !== 8) throw new BackupRefused(name, `it uses compression method ${method} (only stored and deflate are read)`);
    if (seen.has(name)) throw new BackupRefused(name, 'the archive has two entries with this name');
    const folded = name.toLowerCase();
    const twin = seenFolded.get(folded);
    if (twin !== undefined) throw new BackupRefused(name, `its name differs only by case from "${twin}" (they would collide on Windows and macOS)`);
    seen.add(name);
    seenFolded.set(folded, name);
    if (size > limits.maxEntryBytes) throw new BackupRefused(name, `it would unpack to ${mib(size)}, above the ${mib(limits.maxEntryBytes)} limit for one file`);
    if (method === 0 && compressedSize !== size) throw new BackupRefused(name, 'it is stored uncompressed but its two sizes differ (corrupt)');
    if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new BackupRefused(name, `it would expand ${Math.round(size / Math.max(1, compressedSize))} times (above the limit of ${limits.maxRatio}: a zip bomb)`);
    }
    totalSize += size;
    if (totalSize > limits.maxTotalBytes) throw new BackupRefused(name, `the archive would unpack to more than ${mib(limits.maxTotalBytes)} (a zip bomb, or not a backup)`);
    if (localHeaderOffset + 30 + nameLength + compressedSize > cdOffset) throw new BackupRefused(name, 'its data lies outside the archive (truncated or corrupt)');
    entries.push({ name, method, flags, crc, compressedSize, size, localHeaderOffset, isDirectory: name.endsWith('/') });
  }
  if (at !== cd.length) throw new BackupRefused(null, 'its central directory has bytes it does not account for (corrupt)');
  return { entries, fileSize, dataEnd: cdOffset, totalSize };
}

/**
 * Inflates one entry into memory, refusing it as soon as it grows past its
 * declared size, and checking its length and CRC at the end.
 */
export async function readEntry(handle: FileHandle, directory: CentralDirectory, entry: ZipEntry): Promise<Uint8Array> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new BackupRefused(entry.name, 'its local header is missing (truncated or corrupt)');
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const localName = (await readAt(handle, entry.localHeaderOffset + 30, nameLength)).toString('utf8');
  if (localName !== entry.name) throw new BackupRefused(entry.name, `its local header names it "${localName}" (the two directories of the zip disagree)`);
  const dataStart = entry.localHeaderOffset + 30 + nameLength + extraLength;
  if (dataStart + entry.compressedSize > directory.dataEnd) throw new BackupRefused(entry.name, 'its data lies outside the archive (truncated or corrupt)');

  const output = new Uint8Array(entry.size);
  let produced = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    if (produced + chunk.length > entry.size) throw new BackupRefused(entry.name, `it inflates to more than the ${entry.size} bytes it declares (a zip bomb or a corrupt file)`);
    output.set(chunk, produced);
    produced += chunk.length;
    crc = crc32(chunk, crc);
  };
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
  for (let offset = 0; offset < entry.compressedSize || (offset === 0 && entry.compressedSize === 0); offset += READ_CHUNK) {
    const length = Math.min(READ_CHUNK, entry.compressedSize - offset);
    const chunk = length > 0 ? await readAt(handle, dataStart + offset, length) : new Uint8Array(0);
    if (chunk.length !== length) throw new BackupRefused(entry.name, 'its data is cut short (truncated)');
    const final = offset + length >= entry.compressedSize;
    try {
      if (inflater) inflater.push(chunk, final);
      else take(chunk);
    } catch (error) {
      if (error instanceof BackupRefused) throw error;
      throw new BackupRefused(entry.name, `its compressed data is damaged (${(error as Error).message})`);
    }
    if (length === 0) break;
  }
  if (produced !== entry.size) throw new BackupRefused(entry.name, `it unpacked to ${produced} bytes, not the ${entry.size} it declares (truncated or corrupt)`);
  if (crc !== entry.crc) throw new BackupRefused(entry.name, 'its CRC does not match (corrupt)');
  return output;
}
