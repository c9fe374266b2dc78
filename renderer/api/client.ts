/**
 * The typed API client every component uses: one async method per operation of
 * the contract, built over whichever transport this host has. An error from the
 * archive arrives as an {@link ApiCallError} carrying the code and message.
 */
import { OPERATION_NAMES, type ArchiveApi, type ArchiveEvent } from '../../common/api.js';
import type { ApiError } from '../../common/errors.js';
import { httpTransport, ipcTransport, takeLaunchToken, type Transport } from './transports.js';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export interface ApiClient {
  api: ArchiveApi;
  /** The same operations for a page that is going away (pagehide): sent so that they outlive it (HTTP keepalive). */
  leaving: ArchiveApi;
  subscribe(listener: (event: ArchiveEvent) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  const build = (keepalive: boolean) =>
    Object.fromEntries(
      OPERATION_NAMES.map((operation) => [
        operation,
        async (args: unknown) => {
          const response = await transport.call(operation, args, keepalive ? { keepalive } : undefined);
          if (!response.ok) throw new ApiCallError(response.error);
          return response.value;
        },
      ]),
    ) as ArchiveApi;
  return { api: build(false), leaving: build(true), subscribe: (listener) => transport.subscribe(listener) };
}

/** Picks the transport for this host; null when the browser shell was opened without its token. */
export function connect(): ApiClient | null {
  if (window.qirtas) return createClient(ipcTransport(window.qirtas));
  const token = takeLaunchToken();
  return token ? createClient(httpTransport(token)) : null;
}
