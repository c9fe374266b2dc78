/**
 * Two browser tabs on one archive (issue 13): two HTTP clients (each its own
 * keep-alive connection pool) send highlights, note edits, a text edit and
 * metadata changes in parallel to the real browser-shell server over a real
 * archive folder. Every request answered ok is present afterwards, and again
 * after the server and archive are closed and opened again.
 */
import { Agent, request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation, FullArticle, ImportOutcome, WireResponse } from '../../../../common/api.js';
import { parsePlainText } from '../../../../common/text/plain-text.js';
import { canonicalText } from '../../../../common/types/article.js';
import { startShellServer, type ShellServer } from '../../../../main/http/shell-server.js';
import { type ArchiveApp, openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR, SEED_LINES } from '../../../support/seed.js';

const root = mkdtempSync(join(tmpdir(), 'qirtas-http-race-'));
const dataDir = join(root, 'data');
const staticDir = join(root, 'static');
let app: ArchiveApp;
let server: ShellServer;

async function start(): Promise<void> {
  app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'browser', version: 'test' });
  server = await startShellServer({ dispatch: app.dispatch, events: app.service.events, staticDir });
}
async function stop(): Promise<void> {
  await server.close();
  await app.close();
}

beforeAll(async () => {
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Qirtas</title>');
  await start();
});
afterAll(stop);

/** One client: its own connection pool, like a browser tab. */
function client() {
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  return (operation: string, args: unknown): Promise<WireResponse> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(args);
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/${operation}`,
          method: 'POST',
          agent,
          headers: { Host: `127.0.0.1:${server.port}`, Origin: `http://127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(JSON.parse(text) as WireResponse));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

function value<T>(response: WireResponse): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

describe('two HTTP clients writing at once', () => {
  it('keep every acknowledged highlight, note, text edit and metadata change, also after a restart', { timeout: 120_000 }, async () => {
    const tabA = client();
    const tabB = client();
    const imported = value<ImportOutcome>(await tabA('importText', { text: SEED_LINES.join('\n') }));
    if (imported.status !== 'imported') throw new Error('not imported');
    const id = imported.article.id;
    const seedHighlight = value<AnchoredAnnotation>(await tabA('addAnnotation', { articleId: id, start: 0, end: 10, color: 'yellow' }));

    const newText = [...SEED_LINES.slice(2), 'سطر أضيف في التبويب الثاني'].join('\n');
    const fromA = Array.from({ length: 15 }, (_, index) => tabA('addAnnotation', { articleId: id, start: 20 + index * 7, end: 25 + index * 7, color: 'green', note: `أ ${index}` }));
    const fromB = Array.from({ length: 15 }, (_, index) => tabB('addAnnotation', { articleId: id, start: 30 + index * 7, end: 34 + index * 7, color: 'blue', note: `ب ${index}` }));
    const edits = [
      tabA('updateAnnotation', { articleId: id, annotationId: seedHighlight.id, patch: { note: 'ملاحظة من التبويب الأول' } }),
      tabB('updateArticleText', { id, text: newText }),
      tabB('updateArticle', { id, patch: { title: 'عنوان من التبويب الثاني' } }),
      tabA('updateArticle', { id, patch: { tags: ['درعا', 'السويداء'] } }),
    ];
    const responses = await Promise.all([...fromA, ...fromB, ...edits]);
    expect(responses.filter((response) => !response.ok)).toEqual([]);
    const addedIds = responses.slice(0, 30).map((response) => value<AnchoredAnnotation>(response).id);

    const check = async (call: ReturnType<typeof client>) => {
      const article = value<FullArticle>(await call('getArticle', { id }));
      expect(article.annotations.map((annotation) => annotation.id).sort()).toEqual([seedHighlight.id, ...addedIds].sort());
      expect(article.annotations.find((annotation) => annotation.id === seedHighlight.id)?.note).toBe('ملاحظة من التبويب الأول');
      expect(canonicalText(article.blocks)).toBe(canonicalText(parsePlainText(newText)));
      expect(article.meta).toMatchObject({ title: 'عنوان من التبويب الثاني', tags: ['درعا', 'السويداء'] });
    };
    await check(tabA);
    await check(tabB);
    await stop();
    await start();
    await check(client());
  });
});
