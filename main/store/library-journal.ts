/**
 * library.journal: the append-only change log that keeps metadata saves small at
 * 50,000 articles (issue 10). Rewriting a 20 MB library.json for one tag took
 * ~1.5 s; appending one fsynced line takes milliseconds.
 *
 * Format: one change a line, `<sha256/16> <json>\n`, json = { b, s, put?, del?, set? }:
 *   b   — the journalBase of the library.json the change applies to;
 *   s   — its sequence number (strictly increasing);
 *   put — article metadata added or replaced whole; del — ids removed;
 *   set — top-level library keys (settings, collections…) replaced whole.
 * Every change states whole values, so replaying one twice is harmless.
 *
 * Durability (design §3 guarantees for the new file): a change is acknowledged
 * only after its line is written and fdatasync'ed (and, for a new journal file,
 * the folder fsynced). A crash mid-append leaves at most a torn LAST line (no
 * newline, or a checksum that does not match) — never acknowledged, ignored on
 * load. A bad line followed by good ones is damage, not a crash: the journal is
 * refused as DAMAGED_FILE and left untouched.
 *
 * Compaction writes library.json (temp + fsync + rename + folder fsync) with a
 * NEW journalBase, then truncates the journal. A crash in between leaves lines
 * whose base no longer matches: they are skipped, since library.json already
 * holds them. The same rule makes a journal that does not belong to the
 * library.json beside it (a restore, a copied folder) harmless.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import type { ArticleMeta } from '../../common/types/article.js';
import { syncFolder } from './durable-file.js';

export const LIBRARY_JOURNAL_FILE = 'library.journal';

/** What one library change did, in whole values. */
export interface LibraryChange {
  put?: ArticleMeta[];
  del?: string[];
  set?: Record<string, unknown>;
}

export interface JournalEntry extends LibraryChange {
  b: string;
  s: number;
}

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${checksum(json)} ${json}\n`;
}

function decodeLine(line: string): JournalEntry | null {
  const space = line.indexOf(' ');
  if (space !== 16) return null;
  const json = line.slice(17);
  if (checksum(json) !== line.slice(0, 16)) return null;
  try {
    const entry = JSON.parse(json) as JournalEntry;
    return typeof entry.b === 'string' && Number.isInteger(entry.s) ? entry : null;
  } catch {
    return null;
  }
}

export interface JournalContents {
  entries: JournalEntry[];
  /** The file ends in a line a crash cut short (never acknowledged). */
  tornTail: boolean;
  bytes: number;
}

/** Reads the journal. Missing → null. A bad line before a good one → DAMAGED_FILE (file untouched). */
export async function readLibraryJournal(path: string): Promise<JournalContents | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = text.split('\n');
  const complete = lines.slice(0, -1);
  const entries: JournalEntry[] = [];
  let bad = -1;
  for (let index = 0; index < complete.length; index += 1) {
    const entry = decodeLine(complete[index] as string);
    if (entry === null) {
      if (bad < 0) bad = index;
      continue;
    }
    if (bad >= 0) {
      throw new QirtasError(
        'DAMAGED_FILE',
        `${path} is damaged: line ${bad + 1} does not match its checksum, and later lines do. It was left untouched; restore a backup or move it aside to open the archive as of its last compaction.`,
        path,
      );
    }
    entries.push(entry);
  }
  const tail = lines[lines.length - 1] ?? '';
  return { entries, tornTail: bad >= 0 || tail.length > 0, bytes: Buffer.byteLength(text) };
}

/** The writer's open journal: appends fsynced lines, truncates after a compaction. */
export class JournalWriter {
  private constructor(
    private readonly handle: FileHandle,
    public bytes: number,
    public count: number,
  ) {}

  static async open(path: string, existing: JournalContents | null): Promise<JournalWriter> {
    const handle = await open(path, 'a');
    // A new file's directory entry must reach the disk before its first acknowledged line.
    if (existing === null) await syncFolder(dirname(path));
    return new JournalWriter(handle, existing?.bytes ?? 0, existing?.entries.length ?? 0);
  }

  /** Set when a failed append could not be cut back off: the next change must compact instead. */
  broken = false;

  /**
   * Appends one change; resolves once it is on disk. A failed append (disk full)
   * is cut back off, so the next line never glues onto half of this one.
   */
  async append(entry: JournalEntry): Promise<void> {
    const line = Buffer.from(encodeEntry(entry), 'utf8');
    try {
      // write(2) may write only part of the line without an error (a nearly full disk):
      // write the rest, so that a line is acknowledged only when all of it is there.
      for (let offset = 0; offset < line.length; ) {
        const { bytesWritten } = await this.handle.write(line, offset, line.length - offset);
        if (bytesWritten <= 0) throw Object.assign(new Error('no space left to append to the library journal'), { code: 'ENOSPC' });
        offset += bytesWritten;
      }
      await this.handle.datasync();
    } catch (error) {
      try {
        await this.handle.truncate(this.bytes);
        await this.handle.sync();
      } catch {
        this.broken = true;
      }
      throw error;
    }
    this.bytes += line.length;
    this.count += 1;
  }

  /** Empties the journal once library.json holds everything in it. */
  async reset(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.sync();
    this.bytes = 0;
    this.count = 0;
    this.broken = false;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
