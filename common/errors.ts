/**
 * Errors that cross the API boundary as data ({ code, message }), never as stack
 * traces. Owns the error codes every host and the UI agree on.
 */

export const ERROR_CODES = [
  'BAD_ARGS',
  'UNKNOWN_OPERATION',
  'NOT_FOUND',
  'DAMAGED_FILE',
  'LOCKED',
  'INVALID_INPUT',
  'CONFLICT',
  'INTERNAL',
  /** A file written by a newer Qirtas (higher schemaVersion): left untouched, never called damaged. */
  'NEWER_VERSION',
  /** A restore was interrupted (or is running): the archive must be opened for writing to put it back. */
  'INTERRUPTED_RESTORE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable shape of an error as the UI receives it. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The file the error is about, when there is one (damaged JSON, unreadable import). */
  file?: string;
  /**
   * Named values the UI words the error with in the user's language (issue 10):
   * `reason` is a stable key for the kind of failure (e.g. "collection-not-found",
   * "collection-name-taken"); the other entries fill its sentence (name, id, count…).
   * `message` stays the English technical detail.
   */
  params?: ErrorParams;
}

export type ErrorParams = Record<string, string | number>;

/** Thrown by the archive core; the dispatcher turns it into an {@link ApiError}. */
export class QirtasError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly file?: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'QirtasError';
  }

  /** An error the UI can word itself: `params.reason` names the kind, the rest fill the sentence. */
  static withParams(code: ErrorCode, message: string, params: ErrorParams & { reason: string }): QirtasError {
    return new QirtasError(code, message, undefined, params);
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.file === undefined ? {} : { file: this.file }),
      ...(this.params === undefined ? {} : { params: this.params }),
    };
  }
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };
