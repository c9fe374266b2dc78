/**
 * The UI state operations of the contract (getUiState, patchUiState): opens the
 * data folder's ui-state.json on first use — a CLI command that never asks for
 * it never reads it — and saves what is pending when the archive closes.
 * The file lives beside the archive, outside what a restore swaps, so a window's
 * state survives a restore as it survives a restart.
 */
import type { GetUiStateResult, PatchUiStateArgs } from '../../common/ui-state.js';
import { UiStateStore, type UiStateStoreOptions } from '../store/ui-state-store.js';

export class UiStateOps {
  private opened: Promise<UiStateStore> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly options: UiStateStoreOptions = {},
  ) {}

  private store(): Promise<UiStateStore> {
    this.opened ??= UiStateStore.open(this.dataDir, this.options);
    return this.opened;
  }

  async get(): Promise<GetUiStateResult> {
    return (await this.store()).read();
  }

  async patch(args: Required<PatchUiStateArgs>): Promise<{ at: number }> {
    return (await this.store()).patch(args.set, args.flush);
  }

  /** Saves what is pending (nothing to do when the file was never opened). */
  async flush(): Promise<void> {
    if (this.opened) await (await this.opened).flush();
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened).close();
  }
}
