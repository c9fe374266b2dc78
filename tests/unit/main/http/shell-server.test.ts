/**
 * The browser shell's guards, with the forged requests a hostile page or a DNS
 * rebinding attack would send (reliability reference §6): wrong or missing
 * token, foreign Host, foreign Origin, non-JSON writes, path traversal; no CORS.
 * Uses a real server on 127.0.0.1 over a real archive folder.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchiveApp, type ArchiveApp } from '../../../../main/service/archive-app.js';
import { startShellServer, type ShellServer } from '../../../../main/http/shell-server.js';
import { ASSETS_DIR } from '../../../support/seed.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let app: ArchiveApp;
let server: ShellServer;
let secretDir: string;

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };
const auth = () => ({ Authorization: `Bearer ${server.token}` });
const importArgs = JSON.stringify({ text: 'سيطرة المعارضة على درعا\nوقالت فصائل محلية في السويداء إنها سيطرت بدورها على مقرات أمنية وعسكرية.' });

async function articleCount(): Promise<number> {
  const reply = await send('/api/listArticles', { method: 'POST', headers: { ...json, ...auth() }, body: '{}' });
  return (JSON.parse(reply.body) as { value: unknown[] }).value.length;
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'qirtas-http-'));
  const staticDir = join(root, 'static');
  secretDir = join(root, 'secret');
  mkdirSync(staticDir);
  mkdirSync(secretDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Qirtas</title>');
  writeFileSync(join(secretDir, 'private.txt'), 'secret');
  app = await openArchiveApp({ dataDir: join(root, 'data'), assetsDir: ASSETS_DIR, host: 'browser', version: 'test' });
  server = await startShellServer({ dispatch: app.dispatch, events: app.service.events, staticDir });
});

afterAll(async () => {
  await server.close();
  await app.close();
});

describe('browser shell', () => {
  it('prints a loopback URL carrying the token only in its fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=`));
    expect(server.token.length).toBeGreaterThanOrEqual(43);
  });

  it('serves an operation with the right token, Host and Origin', async () => {
    const reply = await send('/api/importText', { method: 'POST', headers: { ...json, ...auth(), Origin: `http://127.0.0.1:${server.port}` }, body: importArgs });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { status: 'imported' } });
    expect(await articleCount()).toBe(1);
  });

  it('refuses requests without the token or with a wrong one (401) before routing', async () => {
    const attempts: Array<Record<string, string>> = [{}, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${server.token.slice(0, -1)}x` }, { Authorization: server.token }];
    for (const headers of attempts) {
      const reply = await send('/api/importText', { method: 'POST', headers: { ...json, ...headers }, body: importArgs });
      expect(reply.status).toBe(401);
    }
    expect((await send('/api/nonexistent', { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
    expect((await send('/api/events')).status).toBe(401);
    expect(await articleCount()).toBe(1);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, 'x'.repeat(400)]) {
      const reply = await send('/api/listArticles', { method: 'POST', headers: { ...json, ...auth(), Host: host }, body: '{}' });
      expect([400, 403]).toContain(reply.status);
      expect(reply.body).not.toContain('"value"');
    }
    expect((await send('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await send('/api/listArticles', { method: 'POST', headers: { ...json, ...auth(), Host: `localhost:${server.port}` }, body: '{}' })).status).toBe(200);
  });

  it('answers a request with no Host header with 400 and stays up', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('POST /api/listArticles HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(await articleCount()).toBe(1);
  });

  it('refuses a foreign or null Origin even with the token, and changes nothing', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const reply = await send('/api/importText', { method: 'POST', headers: { ...json, ...auth(), Origin: origin }, body: importArgs.replace('درعا', 'حمص') });
      expect(reply.status).toBe(403);
    }
    expect(await articleCount()).toBe(1);
  });

  it('takes writes only as JSON (415 for form and text bodies)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await send('/api/importText', { method: 'POST', headers: { ...auth(), 'Content-Type': type }, body: importArgs.replace('درعا', 'حماة') });
      expect(reply.status).toBe(415);
    }
    expect(await articleCount()).toBe(1);
  });

  it('answers no CORS preflight and sends no CORS headers, but sends security headers', async () => {
    const preflight = await send('/api/importText', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('never serves files outside the built app (encoded traversal)', async () => {
    for (const path of ['/../secret/private.txt', '/%2e%2e/secret/private.txt', '/%2e%2e%2fsecret%2fprivate.txt', '/..%5csecret%5cprivate.txt', '/%252e%252e/secret/private.txt']) {
      const reply = await send(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('secret');
    }
  });

  it('streams archive events to token holders', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: `127.0.0.1:${server.port}`, ...auth() } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
          if (body.includes('connected') && !body.includes('articles-changed')) void app.service.importText({ text: 'مقال آخر عن حمص وريفها.' });
          if (body.includes('articles-changed')) {
            req.destroy();
            resolve(body);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"type":"articles-changed"}');
  });
});
