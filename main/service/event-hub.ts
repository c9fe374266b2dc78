/**
 * Push events from the archive core to whoever listens (the Electron window over
 * IPC, browser tabs over Server-Sent Events). Plain listeners, no Node emitter.
 */
import type { ArchiveEvent } from '../../common/api.js';

export type ArchiveListener = (event: ArchiveEvent) => void;

export class EventHub {
  private readonly listeners = new Set<ArchiveListener>();

  subscribe(listener: ArchiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ArchiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
