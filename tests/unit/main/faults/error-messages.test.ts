/**
 * Import error messages name the file and the reason, never the file's bytes
 * (issue 13: a symlink to /etc/passwd showed "root:x:0:0"), and a file just over
 * the size limit is never described as the limit's own size.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireResponse } from '../../../../common/api.js';
import { DEFAULT_MAX_BYTES, parseFile } from '../../../../main/import/formats/index.js';
import { importFiles } from '../../../../main/import/import-files.js';
import { openArchiveApp, type ArchiveApp } from '../../../../main/service/archive-app.js';
import { importError } from '../../../support/import-error.js';
import { ASSETS_DIR } from '../../../support/seed.js';

const SECRET = 'root:x:0:0:root:/root:/bin/bash\nqirtas-secret-7f3a9c:x:1000:1000::/home/q:/bin/sh\n';
const work = mkdtempSync(join(tmpdir(), 'qirtas-messages-'));
const secretPath = join(work, 'passwd');
let app: ArchiveApp;

beforeAll(async () => {
  writeFileSync(secretPath, SECRET);
  app = await openArchiveApp({ dataDir: join(work, 'data'), assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
});
afterAll(async () => {
  await app.close();
  rmSync(work, { recursive: true, force: true });
});

function expectNoSecret(message: string, name: string): void {
  expect(message, name).toContain(name);
  for (const piece of ['root:x', 'qirtas-secret', '/bin/bash', '/root']) expect(message, `${name}: ${message}`).not.toContain(piece);
}

describe('import errors never echo the file', () => {
  it('symlinks to a secret file imported as JSONL, CSV, Word, PDF and JSON', async () => {
    const names = ['notes.jsonl', 'table.csv', 'letter.docx', 'paper.pdf', 'records.ndjson'];
    const files = names.map((name) => {
      const path = join(work, name);
      symlinkSync(secretPath, path);
      return path;
    });
    const report = await importFiles(app.service, files);
    expect(report.imported).toEqual([]);
    expect(report.failed.length).toBeGreaterThanOrEqual(names.length);
    for (const failure of report.failed) {
      expect(failure.reason.length).toBeGreaterThan(5);
      for (const piece of ['root:x', 'qirtas-secret', '/bin/bash']) expect(failure.reason, `${failure.file}: ${failure.reason}`).not.toContain(piece);
    }
    // The same bytes through the UI's importFile and import-json operations.
    const data = Buffer.from(SECRET).toString('base64');
    for (const name of names) {
      const response = (await app.dispatch('importFile', { name, data })) as WireResponse;
      expect(response.ok, name).toBe(false);
      if (!response.ok) expectNoSecret(response.error.message, name);
    }
    const json = (await app.dispatch('importAnnotationsJson', { name: 'export.json', data })) as WireResponse;
    expect(json.ok).toBe(false);
    if (!json.ok) expectNoSecret(json.error.message, 'export.json');
    const restore = (await app.dispatch('restoreBackup', { fileName: 'backup.zip', data })) as WireResponse;
    expect(restore.ok).toBe(false);
    if (!restore.ok) for (const piece of ['root:x', 'qirtas-secret']) expect(restore.error.message).not.toContain(piece);
    expect(app.store.listMeta()).toEqual([]);
  });

  it('a JSON line whose text would be quoted by the parser says where, not what', async () => {
    const error = await importError(parseFile(Buffer.from('{"title": "a", "body": root:x:0:0}\n'), 'one.jsonl'));
    expectNoSecret(error.message, 'one.jsonl');
    expect(error.message).toMatch(/line 1/);
  });
});

describe('the size limit message', () => {
  it('a file one byte over 50 MB does not say "50.0 MB; the limit is 50.0 MB"', async () => {
    const error = await importError(parseFile(new Uint8Array(DEFAULT_MAX_BYTES + 1), 'big.txt'));
    expect(error.message).not.toMatch(/(\d+\.\d MB); the limit is \1/);
    expect(error.message).toContain('52,428,801 bytes; the limit is 52,428,800 bytes');
    const clear = await importError(parseFile(new Uint8Array(DEFAULT_MAX_BYTES + 2 * 1024 * 1024), 'bigger.txt'));
    expect(clear.message).toContain('52.0 MB; the limit is 50.0 MB');
  });
});
