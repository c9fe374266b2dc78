/**
 * The browser shell (design §2, host 2): a loopback-only HTTP host of the built
 * renderer and the same dispatcher the Electron window uses. Operations are
 * `POST /api/<operation>`; push events stream from `GET /api/events` as
 * Server-Sent Events. Every /api request needs the per-launch token; every
 * request passes the Host and Origin checks first. No CORS headers, ever.
 * Statuses mean what happened (http-status.ts): 400 bad arguments, 404 unknown
 * operation or article, 409 locked or conflicting, 413 too large (answered
 * with the limit while the rest of the body is read and thrown away, so the
 * client sees the answer, not a reset connection), 408 for a body that does not
 * arrive in time, 500 internal; the body is always the wire format
 * { ok: false, error }.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../service/dispatcher.js';
import type { EventHub } from '../service/event-hub.js';
import { SECURITY_HEADERS } from './content-security.js';
import { readRequestBody, type BodyLimits } from './body-reader.js';
import { statusForError } from './http-status.js';
import { checkDuplicateHeaders, checkHost, checkJsonBody, checkOrigin, checkToken, type GuardFailure } from './request-guards.js';
import { readStaticFile } from './static-files.js';

/** A 50 MB file sent as base64 fits; anything bigger is refused (413) before it is parsed. */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;
/** A whole body must arrive within this (a token holder trickling bytes would hold a request open forever). */
export const BODY_TIMEOUT_MS = 60_000;
const HEARTBEAT_MS = 25_000;

export interface ShellServerOptions {
  dispatch: Dispatch;
  events: EventHub;
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Overrides for tests: the body size limit and the body read timeout. */
  limits?: Partial<BodyLimits>;
}

export interface ShellServer {
  port: number;
  token: string;
  /** The URL to open: the token travels in the fragment, so it never reaches logs or Referer headers. */
  url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  response.end(body);
}

function refuse(response: ServerResponse, failure: GuardFailure): void {
  if (response.headersSent) return;
  const error = { code: failure.code ?? (failure.status >= 500 ? 'INTERNAL' : 'BAD_ARGS'), message: failure.message, ...(failure.params ? { params: failure.params } : {}) };
  if (failure.close) response.setHeader('Connection', 'close');
  send(response, failure.status, JSON.stringify({ ok: false, error }), 'application/json; charset=utf-8');
}

function streamEvents(request: IncomingMessage, response: ServerResponse, events: EventHub, open: Set<ServerResponse>): void {
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  response.write(': connected\n\n');
  const unsubscribe = events.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  open.add(response);
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(response);
  });
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  options: ShellServerOptions,
  eventStreams: Set<ServerResponse>,
): Promise<void> {
  if (path === '/api/events' && request.method === 'GET') {
    streamEvents(request, response, options.events, eventStreams);
    return;
  }
  if (request.method !== 'POST') {
    refuse(response, { status: 405, message: 'Use POST for operations.' });
    return;
  }
  const notJson = checkJsonBody(request);
  if (notJson) {
    // Nothing of the body is needed: it is read and thrown away, so the client is not reset mid-send.
    request.resume();
    return refuse(response, notJson);
  }
  const body = await readRequestBody(request, { maxBytes: MAX_BODY_BYTES, timeoutMs: BODY_TIMEOUT_MS, ...options.limits });
  if (!body.ok) return refuse(response, body.failure);
  let args: unknown;
  try {
    args = body.bytes.length === 0 ? {} : JSON.parse(body.bytes.toString('utf8'));
  } catch {
    return refuse(response, { status: 400, message: 'The request body is not valid JSON.' });
  }
  const result = await options.dispatch(path.slice('/api/'.length), args);
  send(response, result.ok ? 200 : statusForError(result.error.code), JSON.stringify(result), 'application/json; charset=utf-8');
}

export async function startShellServer(options: ShellServerOptions): Promise<ShellServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port ?? 0;
  // Open event streams are ended cleanly on close, so browsers see a finished stream, not a broken one.
  const eventStreams = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    const failure = checkDuplicateHeaders(request) ?? checkHost(request, port) ?? checkOrigin(request, port);
    if (failure) {
      request.resume();
      return refuse(response, failure);
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      const unauthorised = checkToken(request, token);
      if (unauthorised) {
        request.resume();
        return refuse(response, unauthorised);
      }
      handleApi(request, response, path, options, eventStreams).catch((error: unknown) => {
        console.error('qirtas serve:', error);
        refuse(response, { status: 500, code: 'INTERNAL', message: 'Internal error.' });
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, { status: 405, message: 'Method not allowed.' });
    readStaticFile(options.staticDir, path).then((file) => {
      if (!file) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
      send(response, 200, file.body, file.contentType);
    }, () => send(response, 500, 'Internal error', 'text/plain; charset=utf-8'));
  });

  // Node's own backstops behind the body timeout: headers must come quickly, and no request may last forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = Math.max(120_000, (options.limits?.timeoutMs ?? BODY_TIMEOUT_MS) * 2);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of eventStreams) stream.end();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 500).unref();
      }),
  };
}
