/**
 * ui-state.json in the data folder: the per-archive UI state (common/ui-state.ts
 * says what it holds and why it is its own file). Written like every file of
 * the archive (design §3): temp file, fsync, rename, fsync the folder, through
 * one write queue for the file. Patches change the state in memory at once and
 * are coalesced into one write per burst — a scroll is a patch every few
 * hundred milliseconds, never a write per frame — at most `maxDelayMs` after
 * the first unsaved change; `flush` writes now (the page is going away, the
 * archive is closing).
 *
 * A file it cannot use is never overwritten: a damaged one is moved aside
 * (ui-state.json.damaged-<time>) and reported, and the state starts empty; a
 * newer version's file, or one that cannot be read, is left where it is and
 * this run keeps its changes in memory only.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { QirtasError } from '../../common/errors.js';
import { boundUiState, type GetUiStateResult, UI_STATE_VERSION, UiStateEntry, type UiStateEntries, type UiStateProblem } from '../../common/ui-state.js';
import { readJsonFile, writeFileDurably } from './durable-file.js';
import { KeyedQueue } from './write-queue.js';

export const UI_STATE_FILE = 'ui-state.json';

const UiStateFile = z.object({
  schemaVersion: z.number().int(),
  entries: z.record(z.string(), UiStateEntry),
});

export interface UiStateStoreOptions {
  /** Never writes (a read-only open of the archive): changes live in memory only. */
  readOnly?: boolean;
  /** Quiet time after the last patch before the file is written. */
  debounceMs?: number;
  /** Longest a change waits for its write while patches keep coming. */
  maxDelayMs?: number;
  log?: (message: string) => void;
  now?: () => number;
}

function fileStamp(time: number): string {
  return new Date(time).toISOString().replace(/[:.]/g, '-');
}

export class UiStateStore {
  private readonly queue = new KeyedQueue();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstUnsavedAt = 0;
  private dirty = false;
  private lastAt = 0;
  private closed = false;
  /** How many times the file was written (tests check the coalescing). */
  writes = 0;

  private constructor(
    readonly path: string,
    private entries: UiStateEntries,
    private readonly persistent: boolean,
    private readonly problem: UiStateProblem | undefined,
    private readonly options: Required<Omit<UiStateStoreOptions, 'readOnly'>>,
  ) {}

  static async open(dataDir: string, options: UiStateStoreOptions = {}): Promise<UiStateStore> {
    const path = join(dataDir, UI_STATE_FILE);
    const settings = { debounceMs: options.debounceMs ?? 500, maxDelayMs: options.maxDelayMs ?? 2000, log: options.log ?? console.error, now: options.now ?? Date.now };
    const readOnly = options.readOnly ?? false;
    try {
      const file = await readJsonFile(path, UiStateFile);
      if (file && file.schemaVersion > UI_STATE_VERSION) {
        // The archive-wide check passes files of this format version; ui-state has its own.
        throw new QirtasError('NEWER_VERSION', `${path} was made by a newer version of Qirtas (UI state format ${file.schemaVersion}). It was left untouched.`, path);
      }
      return new UiStateStore(path, file?.entries ?? {}, !readOnly, undefined, settings);
    } catch (error) {
      const code = error instanceof QirtasError ? error.code : '';
      const message = (error as Error).message;
      if (code === 'DAMAGED_FILE' && !readOnly) {
        const movedTo = `${path}.damaged-${fileStamp(settings.now())}`;
        try {
          await rename(path, movedTo);
        } catch (moveError) {
          const problem: UiStateProblem = { code: 'DAMAGED_FILE', message: `${message} It could not be moved aside (${(moveError as Error).message}); changes are kept for this session only.`, file: path };
          settings.log(`Qirtas: ${problem.message}`);
          return new UiStateStore(path, {}, false, problem, settings);
        }
        const problem: UiStateProblem = { code: 'DAMAGED_FILE', message: message.replace('It was left untouched.', `It was moved aside to ${movedTo}; the window state starts afresh.`), file: path, movedTo };
        settings.log(`Qirtas: ${problem.message}`);
        return new UiStateStore(path, {}, true, problem, settings);
      }
      const problem: UiStateProblem = {
        code: code === 'NEWER_VERSION' || code === 'DAMAGED_FILE' ? code : 'UNREADABLE',
        message: code === '' ? `${path} could not be read (${message}). It was left untouched; changes are kept for this session only.` : message,
        file: path,
      };
      settings.log(`Qirtas: ${problem.message}`);
      return new UiStateStore(path, {}, false, problem, settings);
    }
  }

  /** The whole state, with when each key was last set. */
  read(): GetUiStateResult {
    return { entries: structuredClone(this.entries), persistent: this.persistent, ...(this.problem ? { problem: this.problem } : {}) };
  }

  /**
   * Sets keys (in call order: a later patch of the same key wins) and schedules
   * the write. Resolves once the change is in memory, or with `flush` once it is
   * on disk.
   */
  async patch(set: Record<string, unknown>, flush = false): Promise<{ at: number }> {
    // Strictly increasing, so two patches in one millisecond still tell which came last.
    const at = Math.max(this.options.now(), this.lastAt + 1);
    this.lastAt = at;
    for (const [key, value] of Object.entries(set)) this.entries[key] = { value, at };
    boundUiState(this.entries, new Set(Object.keys(set)));
    this.markDirty();
    if (flush) await this.flush();
    return { at };
  }

  private markDirty(): void {
    if (!this.persistent || this.closed) return;
    const now = this.options.now();
    if (!this.dirty) this.firstUnsavedAt = now;
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.debounceMs, this.firstUnsavedAt + this.options.maxDelayMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((error: unknown) => this.options.log(`Qirtas: could not save ${this.path} (${(error as Error).message}); it will be tried again with the next change.`));
    }, wait);
    this.timer.unref?.();
  }

  /** Writes what is unsaved, after any write already under way. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.persistent) return Promise.resolve();
    return this.queue.run(UI_STATE_FILE, async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const contents = JSON.stringify({ schemaVersion: UI_STATE_VERSION, entries: this.entries });
      try {
        await writeFileDurably(this.path, contents);
        this.writes += 1;
      } catch (error) {
        // Still unsaved: the next patch or the close tries again.
        this.dirty = true;
        throw error;
      }
    });
  }

  /** Writes what is unsaved; later patches stay in memory. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
