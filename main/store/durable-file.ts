/**
 * Crash-safe file replacement and validated reads (design §3). A save writes a
 * uniquely named temp file in the same folder, fsyncs it, renames it over the
 * target and fsyncs the folder; only then does the promise resolve. A crash at
 * any moment leaves the target either fully old or fully new. (lowdb's stock
 * JSONFile — steno — never fsyncs; the store now writes through this module
 * directly, with its own per-file queues, see archive-store.ts.)
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { QirtasError } from '../../common/errors.js';
import { SCHEMA_VERSION } from '../../common/types/article.js';

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

/** A read file: the validated data, plus the parsed JSON as it was (to keep keys this version does not know). */
export interface ReadJson<T> {
  data: T;
  raw: Record<string, unknown>;
}

/**
 * Reads and validates a JSON file. Missing → null. Unparseable or invalid →
 * DAMAGED_FILE; a `schemaVersion` above ours → NEWER_VERSION. Messages name the
 * file and the reason only, never its contents (a symlink to /etc/passwd must
 * not show its first line).
 */
export async function readJsonWithRaw<S extends z.ZodType>(path: string, schema: S): Promise<ReadJson<z.output<S>> | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new QirtasError('DAMAGED_FILE', `${path} is damaged: it is a folder, not a file. It was left untouched.`, path);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    const why = raw.trim() === '' ? 'it is empty' : raw.includes('\u0000') ? 'it holds NUL bytes (cut short by a crash or a disk fault)' : 'it is not valid JSON';
    throw new QirtasError('DAMAGED_FILE', `${path} is damaged: ${why}. It was left untouched.`, path);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new QirtasError('DAMAGED_FILE', `${path} is damaged: it does not match the Qirtas format (not a JSON object). It was left untouched.`, path);
  }
  const version = (parsed as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new QirtasError(
      'NEWER_VERSION',
      `${path} was made by a newer version of Qirtas (format ${version}; this version reads format ${SCHEMA_VERSION}). ` +
        'It was left untouched: open it with the newer Qirtas, or update this one.',
      path,
    );
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    // zod 4's messages name what was expected and the type received, never the value itself.
    throw new QirtasError('DAMAGED_FILE', `${path} is damaged: it does not match the Qirtas format${where} (${issue?.message ?? 'invalid'}). It was left untouched.`, path);
  }
  return { data: result.data, raw: parsed as Record<string, unknown> };
}

/** {@link readJsonWithRaw} without the raw JSON. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S> | null> {
  return (await readJsonWithRaw(path, schema))?.data ?? null;
}
