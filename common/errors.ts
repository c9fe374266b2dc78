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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable shape of an error as the UI receives it. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The file the error is about, when there is one (damaged JSON, unreadable import). */
  file?: string;
}

/** Thrown by the archive core; the dispatcher turns it into an {@link ApiError}. */
export class QirtasError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'QirtasError';
  }

  toApiError(): ApiError {
    return this.file === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, file: this.file };
  }
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };
