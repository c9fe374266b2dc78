/**
 * API fuzz generated from the zod contract (issue 13): for every operation in
 * common/api.ts, arguments of the wrong type, with fields missing, with every
 * field in turn replaced by a value of another type, and strings one character
 * past their schema's limit, sent over HTTP to the real browser-shell server
 * on a real archive. Each one the contract refuses must be answered 400 with
 * BAD_ARGS — never 500, never a crash or a hang — and the archive's files must
 * be byte-for-byte what they were.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES } from '../../../../common/api.js';
import { startShellServer, type ShellServer } from '../../../../main/http/shell-server.js';
import { openArchiveApp, type ArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR } from '../../../support/seed.js';

const root = mkdtempSync(join(tmpdir(), 'qirtas-fuzz-'));
const dataDir = join(root, 'data');
let app: ArchiveApp;
let server: ShellServer;
/** Strings longer than this are not generated (the HTTP body limit is 80 MB; fields allowing more are tested by size elsewhere). */
const LONGEST = 2 * 1024 * 1024;

beforeAll(async () => {
  process.env.QIRTAS_BACKUP_FIRST_CHECK_MS = String(24 * 3600 * 1000);
  const staticDir = join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'browser', version: 'test' });
  const imported = await app.service.importSample();
  if (imported.status !== 'imported') throw new Error('no sample');
  await app.service.addAnnotation({ articleId: imported.article.id, start: 0, end: 10, color: 'yellow', note: 'ملاحظة' } as never);
  await app.service.flush();
  server = await startShellServer({ dispatch: app.dispatch, events: app.service.events, staticDir });
});
afterAll(async () => {
  await server.close();
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every archive file (not the lock, the search-index cache or backups) with its hash. */
function archiveHashes(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = relative(dataDir, path);
      if (name === 'qirtas.lock' || name.startsWith('index') || name.startsWith('backups')) continue;
      if (entry.isDirectory()) walk(path);
      else out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dataDir);
  return out;
}

type Schema = z.ZodType & { _zod: { def: { type: string; innerType?: Schema; options?: Schema[]; element?: Schema; in?: Schema } }; shape?: Record<string, Schema>; maxLength?: number | null };

/** The schema under optional/default/nullable wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  while (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(current._zod.def.type) && current._zod.def.innerType) current = current._zod.def.innerType;
  if (current._zod.def.type === 'pipe' && current._zod.def.in) return unwrap(current._zod.def.in);
  return current;
}

/** Object shapes an argument schema accepts (one for an object, several for a union of objects). */
function shapesOf(schema: Schema): Array<Record<string, Schema>> {
  const inner = unwrap(schema);
  if (inner._zod.def.type === 'object' && inner.shape) return [inner.shape];
  if (inner._zod.def.type === 'union') return (inner._zod.def.options ?? []).flatMap(shapesOf);
  return [];
}

/** A string one past the field's limit, when it has one small enough to send. */
function tooLong(schema: Schema): string | null {
  const inner = unwrap(schema);
  const max = inner._zod.def.type === 'string' ? inner.maxLength : null;
  return typeof max === 'number' && max + 1 <= LONGEST ? 'ك'.repeat(max + 1) : null;
}

const WRONG_VALUES: readonly unknown[] = [42, -1, 1.5, 'نص', '', true, [], [1, 'x'], {}, { nested: { deeper: [null] } }, null, '\u0000', 'x'.repeat(100_000)];

/** Invalid argument objects for one operation, generated from its schema. */
function variantsOf(schema: Schema): unknown[] {
  const variants: unknown[] = [42, 'نص', [], true, 'x'.repeat(LONGEST)];
  for (const shape of shapesOf(schema)) {
    const keys = Object.keys(shape);
    for (const key of keys) {
      for (const wrong of WRONG_VALUES) variants.push({ [key]: wrong });
      const long = tooLong(shape[key] as Schema);
      if (long !== null) variants.push({ [key]: long });
      // Every other field filled with a long string: the missing or wrong one still must be refused.
      variants.push(Object.fromEntries(keys.map((other) => [other, other === key ? undefined : 'x'.repeat(5000)])));
    }
    variants.push(Object.fromEntries(keys.map((key) => [key, 'x'.repeat(300_000)])));
    variants.push(Object.fromEntries(keys.map((key) => [key, [null]])));
  }
  // Only what the contract itself refuses: the test is that every refusal is a clean 400, never a 500.
  return variants.filter((variant) => !schema.safeParse(variant).success);
}

function post(operation: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path: `/api/${operation}`, method: 'POST', headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${operation}: no answer in 30 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

describe('API fuzz from the contract', () => {
  it('answers every refused argument of every operation with 400 BAD_ARGS and changes nothing', { timeout: 600_000 }, async () => {
    const before = archiveHashes();
    let sent = 0;
    const perOperation: Record<string, number> = {};
    for (const operation of OPERATION_NAMES) {
      const variants = variantsOf(contract[operation].args as unknown as Schema);
      perOperation[operation] = variants.length;
      for (const variant of variants) {
        const reply = await post(operation, JSON.stringify(variant));
        sent += 1;
        const label = `${operation} ${JSON.stringify(variant).slice(0, 120)}`;
        expect(reply.status, label).toBe(400);
        const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
        expect(body.ok, label).toBe(false);
        expect(body.error.code, label).toBe('BAD_ARGS');
        expect(body.error.message.length, label).toBeLessThan(2000);
      }
    }
    console.log(`API fuzz: ${sent} refused requests over ${OPERATION_NAMES.length} operations`, JSON.stringify(perOperation));
    // Every operation got some, and the server is still up and the archive untouched.
    for (const operation of OPERATION_NAMES) expect(perOperation[operation], operation).toBeGreaterThan(3);
    expect((await post('listArticles', '{}')).status).toBe(200);
    expect(archiveHashes()).toEqual(before);
  });
});
