/**
 * Import failures reach the UI as a kind with parameters, so the UI words them in
 * the user's language (issue 10): each failure class through the dispatcher
 * carries its reason and file, and the Arabic sentence names the file isolated,
 * with no English in it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../common/errors.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { ApiCallError } from '../../../../renderer/api/client.js';
import { wordError } from '../../../../renderer/i18n/error-strings.js';
import { ASSETS_DIR } from '../../../support/seed.js';

type App = Awaited<ReturnType<typeof openArchiveApp>>;
let app: App;

beforeAll(async () => {
  app = await openArchiveApp({ dataDir: mkdtempSync(join(tmpdir(), 'qirtas-worded-')), assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
});
afterAll(() => app.close());

async function failure(name: string, bytes: Uint8Array): Promise<ApiError> {
  const response = await app.dispatch('importFile', { name, data: Buffer.from(bytes).toString('base64') });
  if (response.ok) throw new Error(`${name} was imported`);
  return response.error;
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);

describe('import failures carry their kind', () => {
  it.each([
    ['empty.txt', new Uint8Array(0), 'file-empty', 'فارغ'],
    ['picture.txt', PNG, 'binary-file', 'ليس نصًا'],
    ['blank.md', new TextEncoder().encode('   \n\n  '), 'no-text', 'لا نص'],
    ['drawing.xyz', new TextEncoder().encode('نص'), 'unsupported-format', 'لا يمكن استيراد'],
  ])('%s → %s, worded in Arabic', async (name, bytes, reason, arabic) => {
    const error = await failure(name, bytes);
    expect(error.params).toMatchObject({ reason, file: name });
    const worded = wordError(new ApiCallError(error), 'ar');
    expect(worded.text).toContain(arabic);
    expect(worded.text).toContain(`\u2068${name}\u2069`);
    // No English outside the isolated file name.
    expect(worded.text.replace(/\u2068[^\u2069]*\u2069/gu, '')).not.toMatch(/[A-Za-z]/u);
    expect(worded.detail).toContain(name);
  });
});
