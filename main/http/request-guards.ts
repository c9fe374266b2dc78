/**
 * The checks every request to the browser shell passes before it is routed
 * (reference/reliability-security.md §6): the Host allow-list against DNS
 * rebinding, the Origin check against other websites, and the per-launch token,
 * compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardFailure {
  status: number;
  message: string;
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
