/**
 * What an import tells the user without failing (issue 10): a link that was
 * dropped, a date that was not understood, PDF text repaired from visual order,
 * bytes that were not valid UTF-8, a dataset record skipped, a record whose text
 * another record already has. Each warning is a code with parameters, which the
 * renderer words in Arabic or English (renderer/i18n/warning-strings.ts), and a
 * plain English `message` — what the CLI prints, logs keep, and the UI offers as
 * the technical detail. The English sentences live here, in one place.
 */
import { z } from 'zod';
import { LINK_DROPPED_WARNING } from './url-rule.js';

/** Each code with the parameters its sentence uses. */
export const IMPORT_WARNING_PARAMS = {
  /** Bytes that were not valid UTF-8 in a file read as UTF-8, decoded as U+FFFD. params: count */
  'invalid-bytes-replaced': ['count'],
  'pdf-visual-order-repaired': [],
  'pdf-visual-order-suspected': [],
  /** A source link that was not an absolute http(s) URL. The link itself is never repeated (it may be a script). */
  'link-dropped': [],
  /** params: value (the date as the file wrote it, shortened) */
  'date-not-understood': ['value'],
  /** A dataset record whose text another record (another id) already has. params: title, twinId, id */
  'same-text': ['title', 'twinId', 'id'],
  /** A dataset record that was not imported; the reason stays in the English message. params: line */
  'record-skipped': ['line'],
} as const satisfies Record<string, readonly string[]>;

export type ImportWarningCode = keyof typeof IMPORT_WARNING_PARAMS;

export const IMPORT_WARNING_CODES = Object.keys(IMPORT_WARNING_PARAMS) as [ImportWarningCode, ...ImportWarningCode[]];

/** Warnings about the file as a whole (not one of its articles): a report shows them once per file. */
export const FILE_WARNING_CODES: ReadonlySet<ImportWarningCode> = new Set(['invalid-bytes-replaced', 'record-skipped']);

export const ImportWarning = z.object({
  code: z.enum(IMPORT_WARNING_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The same warning in plain English (CLI, logs, technical detail). */
  message: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

const MAX_QUOTED = 80;
/** A value from the file as shown inside a sentence: one line, not too long. */
function quoted(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED - 1)}…` : line;
}

/** The warnings, built with their English message. */
export const importWarning = {
  invalidBytes: (count: number): ImportWarning => ({
    code: 'invalid-bytes-replaced',
    params: { count },
    message: `${count} invalid UTF-8 byte(s) were replaced with U+FFFD (�)`,
  }),
  visualOrderRepaired: (): ImportWarning => ({ code: 'pdf-visual-order-repaired', message: 'PDF text was in visual order and was repaired' }),
  visualOrderSuspected: (): ImportWarning => ({
    code: 'pdf-visual-order-suspected',
    message: 'PDF text may be in visual (reversed) order: check the imported text',
  }),
  linkDropped: (): ImportWarning => ({ code: 'link-dropped', message: LINK_DROPPED_WARNING }),
  /** `where` only changes the English message ("the published date", "the date in the front matter"). */
  dateNotUnderstood: (value: string, where: 'record' | 'front-matter'): ImportWarning => ({
    code: 'date-not-understood',
    params: { value: quoted(value) },
    message: where === 'record' ? 'the published date was not understood' : 'the date in the front matter was not understood',
  }),
  sameText: (twin: { title: string; id: string }, id: string): ImportWarning => ({
    code: 'same-text',
    params: { title: quoted(twin.title), twinId: twin.id, id },
    message: `the same text as «${twin.title}» (id ${twin.id}) is already in the archive; imported as a separate record (id ${id})`,
  }),
  recordSkipped: (line: number, reason: string): ImportWarning => ({
    code: 'record-skipped',
    params: { line },
    message: `line ${line} was not imported: ${reason}`,
  }),
};

/** Adds a warning unless the same one (code and message) is already in the list. */
export function addWarningOnce(warnings: ImportWarning[], warning: ImportWarning): void {
  if (!warnings.some((known) => known.code === warning.code && known.message === warning.message)) warnings.push(warning);
}

/** The English sentences, for the CLI, logs, and the contract's plain `warnings` list. */
export function warningMessages(warnings: readonly ImportWarning[] | undefined): string[] {
  return (warnings ?? []).map((warning) => warning.message);
}
