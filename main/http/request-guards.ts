/**
 * The checks every request to the browser shell passes before it is routed
 * (reference/reliability-security.md §6): the Host allow-list against DNS
 * rebinding, the Origin check against other websites, and the per-launch token,
 * compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ErrorCode, ErrorParams } from '../../common/errors.js';

export interface GuardFailure {
  status: number;
  message: string;
  /** The error code in the body (default: BAD_ARGS for 4xx, INTERNAL for 5xx). */
  code?: ErrorCode;
  params?: ErrorParams;
  /** Close the connection after answering (the client is not worth waiting for). */
  close?: boolean;
}

/**
 * Headers that must come once: two Host headers could pass the allow-list with
 * one and route with the other (Node keeps the first and drops the rest
 * silently), and the same goes for the token, the Origin and the body's type
 * and length.
 */
const SINGLE_HEADERS = new Set(['host', 'origin', 'authorization', 'content-type', 'content-length', 'transfer-encoding']);

export function checkDuplicateHeaders(request: IncomingMessage): GuardFailure | null {
  const seen = new Set<string>();
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    const name = (request.rawHeaders[index] ?? '').toLowerCase();
    if (!SINGLE_HEADERS.has(name)) continue;
    if (seen.has(name)) return { status: 400, message: `The request has more than one ${name} header.`, close: true };
    seen.add(name);
  }
  return null;
}

/** Hosts a browser on this machine uses for our port; anything else is a rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkHost(request: IncomingMessage, port: number): GuardFailure | null {
  const host = request.headers.host;
  if (!host || host.length > 300) return { status: 400, message: 'Missing or malformed Host header.' };
  if (!allowedHosts(port).has(host.toLowerCase())) return { status: 403, message: 'Host not allowed.' };
  return null;
}

/** Browsers send Origin on cross-site requests; only our own origin (or none, for non-browser clients) passes. */
export function checkOrigin(request: IncomingMessage, port: number): GuardFailure | null {
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  const allowed = [...allowedHosts(port)].map((host) => `http://${host}`);
  if (!allowed.includes(origin.toLowerCase())) return { status: 403, message: 'Origin not allowed.' };
  return null;
}

export function checkToken(request: IncomingMessage, token: string): GuardFailure | null {
  const header = request.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  const expected = Buffer.from(token);
  const given = Buffer.from(presented);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 401, message: 'Missing or wrong token. Open Qirtas from the link that `qirtas serve` printed.' };
  }
  return null;
}

/** Writes must be JSON: an HTML form cannot send it cross-site without a preflight we never answer. */
export function checkJsonBody(request: IncomingMessage): GuardFailure | null {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, message: 'Requests must be application/json.' };
  return null;
}
