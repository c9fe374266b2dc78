/**
 * The window's remembered state — library view, theme, reading positions, last
 * highlight colour — for the modules that keep it (library-state.ts, theme.ts,
 * reading-position.ts, reader-dom.ts), with synchronous get/set.
 *
 * Where it is kept: in the archive's data folder (ui-state.json, through the
 * getUiState/patchUiState operations), so it survives restarts in every host —
 * the browser shell listens on a new port each launch, a new origin whose
 * localStorage is empty. localStorage stays as a fast local mirror: read
 * synchronously when this module loads, so the theme is right in the first
 * frame, and it keeps changes whose save has not reached the archive yet.
 * renderer/main.tsx awaits {@link loadUiState} (one small request) before the
 * first render; per key, the value set last wins (ui-state-merge.ts).
 *
 * Saving: a set writes the mirror at once and is sent to the archive coalesced
 * (one patch per burst, {@link SEND_DELAY_MS}); the archive coalesces its disk
 * writes too. When the page is hidden or goes away, what is pending is sent at
 * once with `flush` — over HTTP as a keepalive request, which outlives the page.
 */
import { MAX_PATCH_KEYS, MAX_UI_VALUE_CHARS, UI_STATE_KEY_PATTERN, boundUiState, type UiStateEntries, type UiStateProblem } from '../../common/ui-state.js';
import { ApiCallError, type ApiClient } from '../api/client.js';
import { mergeUiState, type MirrorEntry } from './ui-state-merge.js';

const MIRROR_PREFIX = 'qirtas.ui:';
/** Quiet time before pending changes go to the archive. */
export const SEND_DELAY_MS = 300;
const RETRY_MS = 5000;
/** The first render waits at most this long for the archive's state (then starts from the mirror). */
const LOAD_TIMEOUT_MS = 3000;

/** Where these values were kept before they moved to the archive (issue 10); read once, then removed. */
const LEGACY_KEYS: ReadonlyArray<[legacy: string, key: string, parse: (raw: string) => unknown]> = [
  ['qirtas.library-view.v1', 'library-view', (raw) => JSON.parse(raw) as unknown],
  ['qirtas.theme', 'theme', (raw) => raw],
  ['qirtas:last-color', 'last-color', (raw) => raw],
];
const LEGACY_POSITION_PREFIX = 'qirtas:reading-position:';

const values = new Map<string, MirrorEntry>();
const pending = new Set<string>();
const leaveHooks: Array<() => void> = [];
let client: ApiClient | null = null;
let sendTimer: ReturnType<typeof setTimeout> | null = null;
let sending = false;
let problem: UiStateProblem | undefined;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // disabled (private mode, a policy): the archive alone keeps the state
  }
}

function writeMirror(key: string, entry: MirrorEntry | null): void {
  try {
    if (entry) storage()?.setItem(MIRROR_PREFIX + key, JSON.stringify(entry));
    else storage()?.removeItem(MIRROR_PREFIX + key);
  } catch {
    // Full: the archive still gets the value.
  }
}

function readMirror(): void {
  const local = storage();
  if (!local) return;
  const legacy: Array<[string, string, unknown]> = [];
  for (let index = 0; index < local.length; index += 1) {
    const name = local.key(index);
    if (!name) continue;
    if (name.startsWith(MIRROR_PREFIX)) {
      try {
        const entry = JSON.parse(local.getItem(name) ?? '') as Partial<MirrorEntry>;
        if (typeof entry.json === 'string' && typeof entry.at === 'number') values.set(name.slice(MIRROR_PREFIX.length), { json: entry.json, at: entry.at });
      } catch {
        // A mangled mirror entry is only a cache: the archive's copy decides.
      }
    } else if (name.startsWith(LEGACY_POSITION_PREFIX)) {
      legacy.push([name, `reading-position:${name.slice(LEGACY_POSITION_PREFIX.length)}`, Number(local.getItem(name))]);
    } else {
      const known = LEGACY_KEYS.find(([legacyName]) => legacyName === name);
      if (known) {
        try {
          legacy.push([name, known[1], known[2](local.getItem(name) ?? '')]);
        } catch {
          legacy.push([name, known[1], undefined]);
        }
      }
    }
  }
  for (const [name, key, value] of legacy) {
    try {
      local.removeItem(name);
    } catch {
      // nothing to do
    }
    // Dated 0: whatever the archive holds for the key is newer.
    if (value !== undefined && !values.has(key) && UI_STATE_KEY_PATTERN.test(key)) {
      const entry = { json: JSON.stringify(value), at: 0 };
      values.set(key, entry);
      writeMirror(key, entry);
      pending.add(key);
    }
  }
}

readMirror();

/** The remembered value of a key, undefined when none (or cleared). */
export function getUiValue(key: string): unknown {
  const entry = values.get(key);
  if (!entry) return undefined;
  try {
    return JSON.parse(entry.json) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The remembered value as JSON text (null when none): for a module that parses it itself. */
export function getUiJson(key: string): string | null {
  const json = values.get(key)?.json;
  return json === undefined || json === 'null' ? null : json;
}

/** Remembers a value (null clears it): in the mirror now, in the archive a moment later. Unchanged values cost nothing. */
export function setUiValue(key: string, value: unknown): void {
  if (!UI_STATE_KEY_PATTERN.test(key)) throw new Error(`Not a UI state key: ${key}`);
  const json = JSON.stringify(value ?? null);
  if (values.get(key)?.json === json) return;
  const entry = { json, at: Date.now() };
  values.set(key, entry);
  writeMirror(key, entry);
  pending.add(key);
  scheduleSend();
}

/** Runs before the pending changes are sent when the page is hidden or goes away (a module's own debounced save). */
export function beforeLeaving(hook: () => void): void {
  leaveHooks.push(hook);
}

/** Set when the archive could not use its stored state (moved aside or left as it was); for a notice. */
export function uiStateProblem(): UiStateProblem | undefined {
  return problem;
}

function scheduleSend(delay = SEND_DELAY_MS): void {
  if (!client || sendTimer !== null) return;
  sendTimer = setTimeout(() => {
    sendTimer = null;
    void send(false);
  }, delay);
}

/** Sends what is pending, in patches of at most MAX_PATCH_KEYS keys; a failed patch stays pending and is tried again. */
async function send(leaving: boolean): Promise<void> {
  if (!client || pending.size === 0 || (sending && !leaving)) return;
  sending = true;
  const api = leaving ? client.leaving : client.api;
  const keys = [...pending];
  pending.clear();
  try {
    for (let start = 0; start < keys.length; start += MAX_PATCH_KEYS) {
      const set: Record<string, unknown> = {};
      for (const key of keys.slice(start, start + MAX_PATCH_KEYS)) {
        const entry = values.get(key);
        // Too big for the archive (a value past the contract's limit): it stays in this browser's mirror only.
        if (entry && entry.json.length <= MAX_UI_VALUE_CHARS) set[key] = JSON.parse(entry.json) as unknown;
      }
      try {
        await api.patchUiState({ set, flush: leaving });
      } catch (error) {
        // The archive refused these values (BAD_ARGS): sending them again would fail again.
        if (error instanceof ApiCallError && error.error.code === 'BAD_ARGS') continue;
        for (const key of Object.keys(set)) pending.add(key);
        if (!leaving) setTimeout(() => scheduleSend(0), RETRY_MS);
      }
    }
  } finally {
    sending = false;
  }
  // Changes made while a patch was on its way.
  if (pending.size > 0 && !leaving) scheduleSend();
}

function leave(): void {
  for (const hook of leaveHooks) hook();
  if (sendTimer !== null) {
    clearTimeout(sendTimer);
    sendTimer = null;
  }
  void send(true);
}

/**
 * Once, before the first render: takes the archive's state, merges it with the
 * mirror (the value set last wins), and starts saving. Resolves within
 * LOAD_TIMEOUT_MS even if the archive does not answer (the mirror serves; the
 * answer is merged when it comes).
 */
export async function loadUiState(archive: ApiClient, timeoutMs = LOAD_TIMEOUT_MS): Promise<void> {
  client = archive;
  const request = archive.api.getUiState({}).then(
    (result) => {
      problem = result.problem;
      if (problem) console.warn(`Qirtas: ${problem.message}`);
      const { fromArchive, toSend } = mergeUiState(values, result.entries);
      for (const [key, entry] of fromArchive) {
        values.set(key, entry);
        writeMirror(key, entry);
        // A migrated value the archive already has newer: nothing to send.
        pending.delete(key);
      }
      for (const key of toSend) pending.add(key);
      trimMirror();
    },
    (error: unknown) => console.warn(`Qirtas: the window state could not be read from the archive (${(error as Error).message}).`),
  );
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([request, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  void request.then(() => scheduleSend());
}

/** Keeps the mirror within the same bounds as the archive's file (reading positions of the most recent articles). */
function trimMirror(): void {
  const entries: UiStateEntries = {};
  for (const [key, entry] of values) {
    let value: unknown = null;
    try {
      value = JSON.parse(entry.json);
    } catch {
      // counted as null
    }
    entries[key] = { value, at: entry.at };
  }
  for (const key of boundUiState(entries)) {
    values.delete(key);
    pending.delete(key);
    writeMirror(key, null);
  }
}
