/**
 * The one-writer rule (design §3): a lock file in the data folder names the process
 * that owns it. A second live process is refused with a clear message; a lock left
 * by a process that died is taken over. The lock is created atomically with its
 * contents (write a temp file, then hard-link it into place), so no reader ever
 * sees a half-written lock.
 */
import { hostname } from 'node:os';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { QirtasError } from '../../common/errors.js';

export const LOCK_FILE_NAME = 'qirtas.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface DataLock {
  readonly path: string;
  release(): Promise<void>;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, host: String(owner.host), since: String(owner.since) } : null;
  } catch {
    return null;
  }
}

/** Takes the data folder's lock or throws LOCKED naming the process that holds it. */
export async function acquireDataLock(dataDir: string): Promise<DataLock> {
  const path = join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const temp = join(dataDir, `.${LOCK_FILE_NAME}.${process.pid}.${randomBytes(4).toString('hex')}`);
  await writeFile(temp, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await link(temp, path);
        return {
          path,
          async release() {
            const owner = await readOwner(path);
            if (owner?.pid === me.pid) await unlink(path).catch(() => undefined);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readOwner(path);
      const heldByLiveProcess = owner !== null && owner.pid !== process.pid && owner.host === me.host && isProcessAlive(owner.pid);
      const heldOnAnotherMachine = owner !== null && owner.host !== me.host;
      if (heldByLiveProcess || heldOnAnotherMachine) {
        throw new QirtasError(
          'LOCKED',
          `The archive at ${dataDir} is open in another Qirtas process (pid ${owner.pid} on ${owner.host}, since ${owner.since}). ` +
            'Close it first, or use --data-dir for another archive.',
          path,
        );
      }
      // Left by a process that is gone: take it over.
      await unlink(path).catch(() => undefined);
    }
    throw new QirtasError('LOCKED', `Could not take the lock ${path}; another process keeps taking it.`, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
