/**
 * The HTTP status for each error code the dispatcher answers with (issue 13):
 * a client, a proxy or a log can tell what happened without reading the body,
 * which stays the wire format { ok: false, error } either way.
 */
import type { ErrorCode } from '../../common/errors.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_ARGS: 400,
  // A file or text the user sent that cannot be imported: the request was the problem.
  INVALID_INPUT: 400,
  UNKNOWN_OPERATION: 404,
  NOT_FOUND: 404,
  LOCKED: 409,
  CONFLICT: 409,
  // The archive's state stands in the way (a file from a newer Qirtas, a restore to finish), not the request.
  NEWER_VERSION: 409,
  INTERRUPTED_RESTORE: 409,
  // A file of the archive itself is damaged: not the request's fault.
  DAMAGED_FILE: 500,
  INTERNAL: 500,
};

export function statusForError(code: ErrorCode | string): number {
  return STATUS[code as ErrorCode] ?? 500;
}
