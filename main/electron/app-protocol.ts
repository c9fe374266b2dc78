/**
 * The renderer's origin under Electron: a privileged custom scheme, app://qirtas/,
 * instead of file:// (Electron security checklist item 18), so the fuse that
 * grants file:// pages extra privileges can stay off. Every response carries the
 * app's Content-Security-Policy; a request resolving outside dist/renderer, or for
 * another host, is answered 404.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../http/content-security.js';
import { contentTypeOf } from '../http/static-files.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'qirtas';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;


/**
 * Must run before the app is ready: a standard (real origin, relative URLs),
 * secure scheme that fetch() may use. corsEnabled: Vite's module scripts are
 * fetched in CORS mode (`crossorigin`), which a scheme without CORS support
 * refuses even from its own origin; other origins still get no CORS headers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}

/** The file of dist/renderer a URL names, or null when it names anything else. */
export function rendererFileFor(rendererDir: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + sep) ? file : null;
}

/** Answers one app:// request from the built renderer, with the security headers. */
export async function serveRendererRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
  const file = rendererFileFor(rendererDir, request.url);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    const type = contentTypeOf(file);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { 'Content-Type': type, ...SECURITY_HEADERS } });
  } catch {
    return notFound();
  }
}

/** After ready: serves app://qirtas/ from dist/renderer. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(rendererDir, request));
}
