/**
 * Crash-safe file replacement and the lowdb adapter built on it (design §3).
 * A save writes a uniquely named temp file in the same folder, fsyncs it, renames
 * it over the target and fsyncs the folder; only then does the promise resolve.
 * A crash at any moment leaves the target either fully old or fully new.
 * lowdb's stock JSONFile (steno) never fsyncs, hence our own adapter.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { QirtasError } from '../../common/errors.js';

/** Temp files are hidden, carry the target's name, and end in .tmp so startup can sweep them. */
export const TEMP_SUFFIX = '.tmp';
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

// Windows reports these while an antivirus or indexer holds the target open; they pass.
const RETRYABLE_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_ATTEMPTS = 8;

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE_RENAME_ERRORS.has(code) || attempt >= RENAME_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
}

/** fsync a folder so a rename in it survives a power cut. Windows cannot open folders for this. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `target` with `contents` atomically and durably. Never writes the target in place. */
export async function writeFileDurably(target: string, contents: string | Uint8Array): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** Reads and validates a JSON file. Missing → null. Unparseable or invalid → DAMAGED_FILE naming the file. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S> | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new QirtasError('DAMAGED_FILE', `${path} is damaged: it is not valid JSON (${(error as Error).message}). It was left untouched.`, path);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new QirtasError(
      'DAMAGED_FILE',
      `${path} is damaged: it does not match the Qirtas format${where} (${issue?.message ?? 'invalid'}). It was left untouched.`,
      path,
    );
  }
  return result.data;
}

/**
 * lowdb adapter over {@link writeFileDurably}. Writes are serialised per file and
 * the JSON is taken at call time, so the last call's state is what ends on disk.
 */
export class DurableJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly schema: S,
  ) {}

  read(): Promise<z.output<S> | null> {
    return readJsonFile(this.path, this.schema);
  }

  write(data: z.output<S>): Promise<void> {
    const json = `${JSON.stringify(data)}\n`;
    const next = this.queue.then(() => writeFileDurably(this.path, json));
    // Keep the chain alive after a failure; the caller still sees the error.
    this.queue = next.catch(() => undefined);
    return next;
  }
}
