/**
 * How the window's local mirror of the UI state (localStorage) and the archive's
 * copy (ui-state.json) are combined at start-up, per key: the one set last wins.
 * A new origin (the browser shell on a new port) has an empty mirror, so the
 * archive's state is taken whole; a mirror newer than the archive (a change
 * whose save never arrived: the page closed before it went, the server was
 * down) keeps its value and sends it. Both clocks are this machine's (the
 * archive is local: IPC or loopback HTTP). No DOM here, so it is tested under Node.
 */
import type { UiStateEntry } from '../../common/ui-state.js';

/** A value as the renderer keeps it: its JSON text (compared to skip unchanged saves) and when it was set. */
export interface MirrorEntry {
  json: string;
  at: number;
}

export interface MergeResult {
  /** Keys whose value is now the archive's (to write into the mirror). */
  fromArchive: Map<string, MirrorEntry>;
  /** Keys the archive lacks or has older: to send to it. */
  toSend: string[];
}

export function mergeUiState(local: ReadonlyMap<string, MirrorEntry>, archive: Readonly<Record<string, UiStateEntry>>): MergeResult {
  const fromArchive = new Map<string, MirrorEntry>();
  const toSend: string[] = [];
  for (const [key, entry] of Object.entries(archive)) {
    const mine = local.get(key);
    const json = JSON.stringify(entry.value ?? null);
    if (!mine || entry.at >= mine.at) {
      if (mine?.json !== json || mine.at !== entry.at) fromArchive.set(key, { json, at: entry.at });
    } else if (mine.json !== json) {
      toSend.push(key);
    }
  }
  for (const key of local.keys()) if (!(key in archive)) toSend.push(key);
  return { fromArchive, toSend };
}
