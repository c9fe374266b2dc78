/**
 * Reads a request body for the browser shell with two limits. Too large: the
 * answer (413, with the limit) goes out at once — from Content-Length when it
 * is declared, else as soon as the count passes the limit — and the rest of the
 * body is read and thrown away, so the client reads the answer instead of
 * meeting a reset connection (a socket closed with unread data sends RST).
 * Too slow: a body that has not fully arrived within the timeout is answered
 * 408 and the connection closed.
 */
import type { IncomingMessage } from 'node:http';
import type { GuardFailure } from './request-guards.js';

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
}

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; failure: GuardFailure };

/** Past this much discarded data (or this long), a client still sending is cut off after all. */
const MAX_DISCARD_BYTES = 2 * 1024 ** 3;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function tooLarge(limit: number, size?: number): GuardFailure {
  const what = size === undefined ? 'The request is larger' : `The request is ${megabytes(size)} (${size} bytes), larger`;
  return { status: 413, message: `${what} than the limit of ${megabytes(limit)} (${limit} bytes).`, params: { reason: 'request-too-large', limit } };
}

export function readRequestBody(request: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({ ok: false, failure: { status: 408, message: `The request body did not arrive within ${Math.round(limits.timeoutMs / 1000)} s.`, close: true } });
      // The answer is written by the caller; give it a moment to leave, then drop the slow client.
      setTimeout(() => request.socket.destroy(), 200).unref();
    }, limits.timeoutMs);
    timer.unref();

    const declared = Number(request.headers['content-length']);
    const discard = (failure: GuardFailure) => {
      finish({ ok: false, failure });
      let discarded = 0;
      request.removeAllListeners('data');
      request.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > MAX_DISCARD_BYTES) request.socket.destroy();
      });
      request.resume();
    };
    if (Number.isFinite(declared) && declared > limits.maxBytes) return discard(tooLarge(limits.maxBytes, declared));

    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        chunks.length = 0;
        return discard(tooLarge(limits.maxBytes));
      }
      chunks.push(chunk);
    });
    request.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks) }));
    request.on('error', () => finish({ ok: false, failure: { status: 400, message: 'The request body was cut off.', close: true } }));
  });
}
