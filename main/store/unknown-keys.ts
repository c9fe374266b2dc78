/**
 * Keeping what this version does not know (issue 13): keys in library.json, an
 * article's metadata, an article file or an annotation that our schemas do not
 * name (written by a newer or an older Qirtas) are remembered when the file is
 * read and written back on every save, so no version drops another's data.
 * Only the levels a record lives at are kept (the file, each article's
 * metadata, each annotation); the schemas themselves stay strict, so nothing
 * unknown ever reaches the API.
 */
import type { z } from 'zod';

export type Extras = Record<string, unknown>;

/** The keys of `raw` that `schema` (a zod object) does not name; null when there are none. */
export function unknownKeys(raw: unknown, schema: z.ZodObject): Extras | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  let extras: Extras | null = null;
  for (const [key, value] of Object.entries(raw)) {
    if (key in schema.shape) continue;
    extras ??= {};
    extras[key] = value;
  }
  return extras;
}

/** `value` with the remembered keys put back (ours win on a clash). */
export function withExtras<T extends object>(value: T, extras: Extras | null | undefined): T {
  return extras ? { ...extras, ...value } : value;
}

/** Unknown keys of each element of `rawList` that carries an `id`, by id. */
export function unknownKeysById(rawList: unknown, schema: z.ZodObject): Map<string, Extras> {
  const byId = new Map<string, Extras>();
  if (!Array.isArray(rawList)) return byId;
  for (const entry of rawList) {
    const extras = unknownKeys(entry, schema);
    const id = (entry as { id?: unknown } | null)?.id;
    if (extras && typeof id === 'string') byId.set(id, extras);
  }
  return byId;
}
