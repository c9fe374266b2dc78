/**
 * The one dispatcher shared by every host (Electron IPC, HTTP, CLI): validates the
 * operation name and its arguments against the contract, calls the service, and
 * turns every failure into data ({ ok: false, error }) — never a stack trace.
 */
import { contract, isOperationName, type WireResponse } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import type { ArchiveOperations } from './archive-service.js';

export type Dispatch = (operation: string, rawArgs: unknown) => Promise<WireResponse>;

export function createDispatcher(service: ArchiveOperations, logError: (error: unknown) => void = console.error): Dispatch {
  return async (operation, rawArgs) => {
    if (!isOperationName(operation)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation "${operation}".` } };
    }
    const parsed = contract[operation].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      const params = { reason: 'invalid-argument', operation, field: issue?.path.join('.') ?? '' };
      return { ok: false, error: { code: 'BAD_ARGS', message: `${operation}: ${where}${issue?.message ?? 'invalid arguments'}`, params } };
    }
    try {
      const method = service[operation] as (args: unknown) => Promise<unknown>;
      return { ok: true, value: await method.call(service, parsed.data) };
    } catch (error) {
      if (error instanceof QirtasError) return { ok: false, error: error.toApiError() };
      logError(error);
      return { ok: false, error: { code: 'INTERNAL', message: `${operation} failed: ${(error as Error).message ?? 'unexpected error'}` } };
    }
  };
}
