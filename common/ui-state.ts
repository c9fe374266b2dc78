/**
 * Per-archive UI state (issue 10): the library view (sort, filters, scroll,
 * selection), the theme choice, reading positions, the last highlight colour —
 * what a window remembers between runs. It lives in the data folder's
 * ui-state.json (main/store/ui-state-store.ts), never in library.json, so a
 * scroll never rewrites the library, and it survives restarts in every host
 * (the browser shell's origin changes with its port on every launch, so the
 * browser's localStorage alone forgets it).
 *
 * This module owns the key grammar, the size limits, the contract's schemas and
 * the bounding rule, shared by the store and by the renderer's local mirror.
 * Pure: no node:*, no DOM.
 */
import { z } from 'zod';

/**
 * A key is a name (`library-view`, `theme`) or a name and an item in a group
 * (`reading-position:<article id>`). Groups are bounded: only the most recently
 * touched {@link MAX_GROUP_ENTRIES} entries of a group are kept.
 */
export const UI_STATE_KEY_PATTERN = /^[a-z][a-z0-9-]{0,63}(?::[A-Za-z0-9_.-]{1,200})?$/;
/** One value, serialised (a selection of 50,000 article ids is about 1.2 MB). */
export const MAX_UI_VALUE_CHARS = 4_000_000;
/** Entries of one group kept (reading positions: the most recent articles read). */
export const MAX_GROUP_ENTRIES = 3000;
/** Entries kept in all. */
export const MAX_UI_ENTRIES = 10_000;
/** The whole state, serialised; beyond it the least recently touched entries go. */
export const MAX_UI_STATE_CHARS = 16_000_000;
/** Keys one patch may set. */
export const MAX_PATCH_KEYS = 500;
/** The format of ui-state.json. */
export const UI_STATE_VERSION = 1;

export const UiStateKey = z.string().regex(UI_STATE_KEY_PATTERN, 'not a UI state key (name or name:item, letters, digits, - . _)');

/** Serialised length of a JSON value, or -1 when it is not one (undefined, a function, a cycle). */
export function jsonLength(value: unknown): number {
  try {
    const text = JSON.stringify(value);
    return typeof text === 'string' ? text.length : -1;
  } catch {
    return -1;
  }
}

/** Any JSON value up to the size limit; null clears the key. */
export const UiStateValue = z.unknown().superRefine((value, context) => {
  const length = jsonLength(value);
  if (length < 0) context.addIssue({ code: 'custom', message: 'not a JSON value' });
  else if (length > MAX_UI_VALUE_CHARS) context.addIssue({ code: 'custom', message: `a value may be at most ${MAX_UI_VALUE_CHARS} characters as JSON (this one is ${length})` });
});

/** One remembered value and when it was last set (milliseconds since 1970, the archive's clock). */
export const UiStateEntry = z.object({ value: z.unknown(), at: z.number() });
export type UiStateEntry = z.infer<typeof UiStateEntry>;
export type UiStateEntries = Record<string, UiStateEntry>;

/** Why the stored state could not be used: it was moved aside (damaged) or left as it is (newer, unreadable). */
export const UiStateProblem = z.object({
  code: z.enum(['DAMAGED_FILE', 'NEWER_VERSION', 'UNREADABLE']),
  message: z.string(),
  file: z.string(),
  /** Where a damaged file was moved (it is never overwritten). */
  movedTo: z.string().optional(),
});
export type UiStateProblem = z.infer<typeof UiStateProblem>;

export const GetUiStateResult = z.object({
  entries: z.record(z.string(), UiStateEntry),
  /** False when the file could not be read and is left as it is: changes are kept for this run only. */
  persistent: z.boolean(),
  problem: UiStateProblem.optional(),
});
export type GetUiStateResult = z.infer<typeof GetUiStateResult>;

export const PatchUiStateArgs = z.object({
  /** Keys and their new values (null clears a key). */
  set: z.record(UiStateKey, UiStateValue).refine((set) => Object.keys(set).length <= MAX_PATCH_KEYS, `at most ${MAX_PATCH_KEYS} keys in one patch`),
  /** Write to disk now instead of with the next coalesced save (the page is going away). */
  flush: z.boolean().default(false),
});
export type PatchUiStateArgs = z.input<typeof PatchUiStateArgs>;

export const PatchUiStateResult = z.object({ at: z.number() });

function groupOf(key: string): string | null {
  const colon = key.indexOf(':');
  return colon < 0 ? null : key.slice(0, colon);
}

/**
 * Keeps the state within its bounds, dropping the least recently touched entries
 * first: each group to {@link MAX_GROUP_ENTRIES}, then everything to
 * {@link MAX_UI_ENTRIES} and {@link MAX_UI_STATE_CHARS}. Keys in `keep` (the
 * patch just applied) are never dropped. Returns the keys dropped; `entries`
 * is changed in place.
 */
export function boundUiState(entries: UiStateEntries, keep: ReadonlySet<string> = new Set(), limits = { group: MAX_GROUP_ENTRIES, entries: MAX_UI_ENTRIES, chars: MAX_UI_STATE_CHARS }): string[] {
  const dropped: string[] = [];
  const keys = Object.keys(entries);
  const groupSizes = new Map<string, number>();
  for (const key of keys) {
    const group = groupOf(key);
    if (group !== null) groupSizes.set(group, (groupSizes.get(group) ?? 0) + 1);
  }
  // The common case (within every bound) costs one pass and one serialisation, no sort.
  if (keys.length <= limits.entries && [...groupSizes.values()].every((size) => size <= limits.group) && jsonLength(entries) <= limits.chars) return dropped;
  const byAge = keys.sort((a, b) => (entries[a] as UiStateEntry).at - (entries[b] as UiStateEntry).at);
  const drop = (key: string) => {
    delete entries[key];
    dropped.push(key);
  };
  for (const key of byAge) {
    const group = groupOf(key);
    if (group === null || keep.has(key)) continue;
    const size = groupSizes.get(group) ?? 0;
    if (size > limits.group) {
      drop(key);
      groupSizes.set(group, size - 1);
    }
  }
  let count = Object.keys(entries).length;
  let chars = count > 0 ? jsonLength(entries) : 0;
  if (count <= limits.entries && chars <= limits.chars) return dropped;
  for (const key of byAge) {
    if (count <= limits.entries && chars <= limits.chars) break;
    const entry = entries[key];
    if (!entry || keep.has(key)) continue;
    chars -= jsonLength(key) + jsonLength(entry) + 2;
    count -= 1;
    drop(key);
  }
  return dropped;
}
