/**
 * A backup downloads from the browser shell (issue 12): the real loopback
 * server (token-checked POST /api/downloadBackup) returns the zip's bytes,
 * identical to the file in backups/; without the token it is refused (401);
 * a name that is not a backup file (a path) is refused and nothing is read.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupInfo, BackupList } from '../../../../common/api.js';
import { startShellServer, type ShellServer } from '../../../../main/http/shell-server.js';
import { buildNotesArchive, call, type NotesArchive } from './archive-with-notes.js';

let archive: NotesArchive;
let server: ShellServer;

function post(operation: string, body: unknown, token: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${operation}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

beforeAll(async () => {
  archive = await buildNotesArchive();
  server = await startShellServer({ dispatch: archive.app.dispatch, events: archive.app.service.events, staticDir: archive.dataDir });
});
afterAll(async () => {
  await server.close();
  await archive.app.close();
});

describe('backup download from the browser shell', () => {
  it('returns the backup zip byte for byte, only with the token', async () => {
    const created = await call<BackupInfo>(archive.app, 'createBackup', {});
    const { folder } = await call<BackupList>(archive.app, 'listBackups', {});
    const reply = await post('downloadBackup', { name: created.name }, server.token);
    expect(reply.status).toBe(200);
    const file = (JSON.parse(reply.body) as { ok: true; value: { fileName: string; mimeType: string; data: string; size: number } }).value;
    expect(file).toMatchObject({ fileName: created.name, mimeType: 'application/zip' });
    const bytes = Buffer.from(file.data, 'base64');
    expect(bytes.equals(readFileSync(join(folder, created.name)))).toBe(true);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await post('downloadBackup', { name: created.name }, null)).status).toBe(401);
  });

  it('refuses a name that is not a backup file, naming the problem', async () => {
    for (const name of ['../library.json', 'missing-backup.zip']) {
      const reply = JSON.parse((await post('downloadBackup', { name }, server.token)).body) as { ok: boolean; error?: { code: string; message: string } };
      expect(reply.ok, name).toBe(false);
      expect(reply.error?.message, name).toMatch(/backup/i);
    }
  });
});
