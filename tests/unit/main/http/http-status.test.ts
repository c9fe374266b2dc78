/**
 * Honest HTTP from the browser shell (issue 13), against the real server on a
 * real archive: 400 bad arguments, 404 unknown operation or article, 409
 * conflict and locked, 413 too large with the limit (a 100 MB body is answered,
 * not reset), 408 for a body that trickles, 400 for duplicate Host headers,
 * 500 internal; every body is the wire format. The renderer's HTTP transport
 * turns each into { ok: false, error }.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchiveApp, type ArchiveApp } from '../../../../main/service/archive-app.js';
import { MAX_BODY_BYTES, startShellServer, type ShellServer } from '../../../../main/http/shell-server.js';
import { httpTransport, wireFromResponse } from '../../../../renderer/api/transports.js';
import { ASSETS_DIR } from '../../../support/seed.js';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

const root = mkdtempSync(join(tmpdir(), 'qirtas-http-status-'));
let app: ArchiveApp;
let readOnly: ArchiveApp;
let server: ShellServer;
let lockedServer: ShellServer;
let brokenServer: ShellServer;
let slowServer: ShellServer;
let articleId: string;

beforeAll(async () => {
  const staticDir = join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Qirtas</title>');
  app = await openArchiveApp({ dataDir: join(root, 'data'), assetsDir: ASSETS_DIR, host: 'browser', version: 'test' });
  server = await startShellServer({ dispatch: app.dispatch, events: app.service.events, staticDir });
  const imported = await app.service.importSample();
  if (imported.status !== 'imported') throw new Error('sample not imported');
  articleId = imported.article.id;
  // The same archive opened read-only (as while another process holds it): writes are LOCKED.
  readOnly = await openArchiveApp({ dataDir: join(root, 'data'), assetsDir: ASSETS_DIR, host: 'browser', version: 'test', readOnly: true });
  lockedServer = await startShellServer({ dispatch: readOnly.dispatch, events: readOnly.service.events, staticDir });
  // A dispatcher that breaks the way a bug would: the server must answer 500, not crash or hang.
  brokenServer = await startShellServer({
    dispatch: async (operation, args) => {
      if (operation === 'appInfo') throw new Error('a bug');
      return app.dispatch(operation, args);
    },
    events: app.service.events,
    staticDir,
  });
  slowServer = await startShellServer({ dispatch: app.dispatch, events: app.service.events, staticDir, limits: { timeoutMs: 400, maxBytes: 1024 * 1024 } });
});

afterAll(async () => {
  for (const running of [server, lockedServer, brokenServer, slowServer]) await running?.close();
  await readOnly?.close();
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

function post(target: ShellServer, operation: string, body: string | Buffer, extra: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `/api/${operation}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${target.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${target.token}`, ...extra },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A raw HTTP exchange over a socket (for requests node:http would not send). */
function raw(port: number, text: string, wait = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(data);
    }, wait);
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => {
      clearTimeout(timer);
      resolve(data);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function errorOf(reply: Reply): { code: string; message: string } {
  const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  return body.error;
}

describe('HTTP statuses', () => {
  it('200 with the value for a success', async () => {
    const reply = await post(server, 'getArticle', JSON.stringify({ id: articleId }));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { meta: { id: articleId } } });
  });

  it('400 for arguments the contract refuses, and for a body that is not JSON', async () => {
    const bad = await post(server, 'addAnnotation', JSON.stringify({ articleId, start: 'one', end: 5, color: 'yellow' }));
    expect(bad.status).toBe(400);
    expect(errorOf(bad).code).toBe('BAD_ARGS');
    const notJson = await post(server, 'listArticles', '{"view": ');
    expect(notJson.status).toBe(400);
    expect(errorOf(notJson).code).toBe('BAD_ARGS');
  });

  it('404 for an unknown operation and for an unknown article', async () => {
    const unknown = await post(server, 'dropAllTables', '{}');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('UNKNOWN_OPERATION');
    const missing = await post(server, 'getArticle', JSON.stringify({ id: 'no-such-article' }));
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
  });

  it('409 for a conflicting change and for a locked archive', async () => {
    const conflict = await post(server, 'deleteArticle', JSON.stringify({ id: articleId }));
    expect(conflict.status).toBe(409);
    expect(errorOf(conflict).code).toBe('CONFLICT');
    const locked = await post(lockedServer, 'updateSettings', JSON.stringify({ locale: 'en' }));
    expect(locked.status).toBe(409);
    expect(errorOf(locked).code).toBe('LOCKED');
  });

  it('500 for an internal failure, with the wire format and no stack trace', async () => {
    const reply = await post(brokenServer, 'appInfo', '{}');
    expect(reply.status).toBe(500);
    expect(errorOf(reply)).toEqual({ code: 'INTERNAL', message: 'Internal error.' });
    expect(reply.body).not.toMatch(/at .*\.ts:\d+/);
    expect((await post(brokenServer, 'listArticles', '{}')).status).toBe(200);
  });

  it('413 with the limit for a 100 MB body, answered without resetting the connection', { timeout: 60_000 }, async () => {
    const body = Buffer.alloc(100 * 1024 * 1024, 0x20);
    const reply = await post(server, 'importText', body);
    expect(reply.status).toBe(413);
    const error = errorOf(reply);
    expect(error.message).toContain(`${(MAX_BODY_BYTES / 1024 / 1024).toFixed(1)} MB`);
    expect(error.message).toContain(String(MAX_BODY_BYTES));
    // The connection was not reset: the same server answers the next request normally.
    expect((await post(server, 'listArticles', '{}')).status).toBe(200);
  });

  it('413 for a chunked body (no Content-Length) once it passes the limit, still without a reset', { timeout: 30_000 }, async () => {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: slowServer.port, path: '/api/importText', method: 'POST', headers: { Host: `127.0.0.1:${slowServer.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${slowServer.token}`, 'Transfer-Encoding': 'chunked' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      for (let index = 0; index < 12; index += 1) req.write(chunk);
      req.end();
    });
    expect(reply.status).toBe(413);
    expect(errorOf(reply).message).toContain('1.0 MB');
  });

  it('408 for a body that does not arrive in time, and the server stays up', async () => {
    const started = Date.now();
    const answer = await raw(slowServer.port, `POST /api/importText HTTP/1.1\r\nHost: 127.0.0.1:${slowServer.port}\r\nAuthorization: Bearer ${slowServer.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text": "`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"ok":false');
    expect(Date.now() - started).toBeLessThan(2500);
    expect((await post(slowServer, 'listArticles', '{}')).status).toBe(200);
  });

  it('400 for duplicate Host headers (and other headers that must come once), before anything runs', async () => {
    const before = app.store.listMeta().length;
    const body = JSON.stringify({ text: 'نص جديد لا يجب أن يُحفظ' });
    for (const extra of [`Host: evil.example\r\n`, `Host: 127.0.0.1:${server.port}\r\n`, `Authorization: Bearer ${server.token}\r\n`, `Origin: http://127.0.0.1:${server.port}\r\nOrigin: https://evil.example\r\n`]) {
      const answer = await raw(
        server.port,
        `POST /api/importText HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${extra}Authorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(answer, extra).toMatch(/^HTTP\/1\.1 400/);
    }
    expect(app.store.listMeta().length).toBe(before);
  });
});

describe("the renderer's HTTP transport", () => {
  it('turns every non-200 answer into { ok: false, error } with the server’s code', async () => {
    const transport = httpTransport(server.token, `http://127.0.0.1:${server.port}/`);
    expect(await transport.call('getArticle', { id: articleId })).toMatchObject({ ok: true });
    expect(await transport.call('getArticle', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await transport.call('addAnnotation', { articleId, start: -1, end: 2, color: 'yellow' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(await transport.call('deleteArticle', { id: articleId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await httpTransport(brokenServer.token, `http://127.0.0.1:${brokenServer.port}/`).call('appInfo', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await httpTransport('wrong-token', `http://127.0.0.1:${server.port}/`).call('listArticles', {})).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
  });

  it('never throws: a body that is not JSON, JSON of another shape, or no server at all', async () => {
    expect(await wireFromResponse(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('502') } });
    expect(await wireFromResponse(new Response('{"message":"nope"}', { status: 404, headers: { 'Content-Type': 'application/json' } }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await wireFromResponse(new Response('[]', { status: 200 }))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await httpTransport('x', 'http://127.0.0.1:9/').call('listArticles', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
