/**
 * How the renderer reaches the archive: IPC through the preload's `window.qirtas`
 * under Electron, HTTP to the browser shell otherwise. Both carry the same wire
 * format ({ ok, value } | { ok: false, error }); components never know which.
 * Over HTTP, failures come with honest statuses (400, 404, 409, 413, 500) and
 * the same body; whatever arrives becomes that wire format here.
 */
import type { ArchiveEvent, WireResponse } from '../../common/api.js';
import type { ApiError } from '../../common/errors.js';
import type { OperationName } from '../../common/operations.js';

/** keepalive: the page is going away (pagehide); the request must still reach the archive. */
export interface CallOptions {
  keepalive?: boolean;
}

export interface Transport {
  call(operation: OperationName, args: unknown, options?: CallOptions): Promise<WireResponse>;
  subscribe(listener: (event: ArchiveEvent) => void): () => void;
}

/** What the preload exposes (see preload/preload.ts). */
type PreloadBridge = Record<OperationName, (args: unknown) => Promise<WireResponse>> & {
  onEvent(listener: (event: ArchiveEvent) => void): () => void;
};

declare global {
  interface Window {
    qirtas?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    call: (operation, args) => bridge[operation](args),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

/** Parses a Server-Sent Events stream read with fetch (so the token can go in a header, not the URL). */
async function readEventStream(body: ReadableStream<BufferSource>, listener: (event: ArchiveEvent) => void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const frame = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const data = frame.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      if (data) listener(JSON.parse(data) as ArchiveEvent);
      boundary = buffer.indexOf('\n\n');
    }
  }
}

/** The error code a status stands for, when a body did not say (a proxy's page, a cut connection). */
function codeForStatus(status: number): ApiError['code'] {
  if (status === 400 || status === 413 || status === 408 || status === 415) return 'BAD_ARGS';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 401 || status === 403) return 'LOCKED';
  return 'INTERNAL';
}

function isWireResponse(body: unknown): body is WireResponse {
  if (!body || typeof body !== 'object') return false;
  const candidate = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && typeof candidate.error?.code === 'string' && typeof candidate.error.message === 'string';
}

/**
 * Any answer as the wire format: the server's { ok, value } | { ok: false, error }
 * whatever the status (400, 404, 409, 413, 500 carry it too), and anything else
 * — a body that is not JSON, JSON of another shape, no answer at all — as
 * { ok: false, error } naming the status, so callers never see an exception.
 */
export async function wireFromResponse(response: Response): Promise<WireResponse> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isWireResponse(body)) return body;
  const message = response.ok ? 'The server answered with something that is not a Qirtas reply.' : `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  return { ok: false, error: { code: response.ok ? 'INTERNAL' : codeForStatus(response.status), message } };
}

/** Characters, not bytes: a body of this many UTF-16 units is at most 3 × as many UTF-8 bytes; under 64 KiB either way. */
const KEEPALIVE_MAX_CHARS = 20_000;

/** `base` is the shell's address ("./" in the page; an absolute URL elsewhere, e.g. in tests). */
export function httpTransport(token: string, base = './'): Transport {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  return {
    async call(operation, args, options) {
      try {
        const body = JSON.stringify(args ?? {});
        // A keepalive request outlives the page, but browsers allow only 64 KiB of them in flight; a bigger one goes as usual.
        const keepalive = options?.keepalive === true && body.length <= KEEPALIVE_MAX_CHARS;
        return await wireFromResponse(await fetch(`${base}api/${operation}`, { method: 'POST', headers, body, keepalive }));
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `The Qirtas server could not be reached (${(error as Error).message}).` } };
      }
    },
    subscribe(listener) {
      const controller = new AbortController();
      const connect = (): void => {
        fetch(`${base}api/events`, { headers, signal: controller.signal })
          .then((response) => (response.body ? readEventStream(response.body as ReadableStream<BufferSource>, listener) : undefined))
          .catch(() => undefined)
          .finally(() => {
            if (!controller.signal.aborted) setTimeout(connect, 2000);
          });
      };
      connect();
      return () => controller.abort();
    },
  };
}

const TOKEN_KEY = 'qirtas.token';

/**
 * The browser shell's URL carries the token in its fragment (#token=…). Take it,
 * keep it for this tab only, and clear it from the address bar.
 */
export function takeLaunchToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}
