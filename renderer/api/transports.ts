/**
 * How the renderer reaches the archive: IPC through the preload's `window.qirtas`
 * under Electron, HTTP to the browser shell otherwise. Both carry the same wire
 * format ({ ok, value } | { ok: false, error }); components never know which.
 */
import type { ArchiveEvent, WireResponse } from '../../common/api.js';
import type { OperationName } from '../../common/operations.js';

export interface Transport {
  call(operation: OperationName, args: unknown): Promise<WireResponse>;
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

export function httpTransport(token: string): Transport {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  return {
    async call(operation, args) {
      const response = await fetch(`./api/${operation}`, { method: 'POST', headers, body: JSON.stringify(args ?? {}) });
      if (response.headers.get('content-type')?.startsWith('application/json')) return (await response.json()) as WireResponse;
      return { ok: false, error: { code: 'INTERNAL', message: `The server answered ${response.status}.` } };
    },
    subscribe(listener) {
      const controller = new AbortController();
      const connect = (): void => {
        fetch('./api/events', { headers, signal: controller.signal })
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
