/**
 * Settings through the dispatcher: each change keeps every earlier one, also after
 * the archive is closed and opened again (issue 10: a partial schema that filled
 * defaults reset every setting a change did not name).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../common/types/article.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR } from '../../../support/seed.js';

const open = (dataDir: string) => openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });

async function call(app: Awaited<ReturnType<typeof open>>, operation: string, args: unknown): Promise<Settings> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as Settings;
}

describe('reader settings', () => {
  it('keeps every change, one at a time, across a reopen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-settings-'));
    const app = await open(dataDir);
    await call(app, 'updateSettings', { reader: { size: 26 } });
    await call(app, 'updateSettings', { reader: { theme: 'sepia' } });
    await call(app, 'updateSettings', { reader: { showDiacritics: false } });
    await call(app, 'updateSettings', { colorLabels: { yellow: 'فكرة' } });
    await call(app, 'updateSettings', { locale: 'en' });
    const expected = { size: 26, theme: 'sepia', showDiacritics: false, font: 'naskh', lineHeight: 2.2, width: 62 };
    expect((await call(app, 'getSettings', {})).reader).toEqual(expected);
    await app.close();

    const reopened = await open(dataDir);
    const settings = await call(reopened, 'getSettings', {});
    expect(settings.reader).toEqual(expected);
    expect(settings.colorLabels).toEqual({ yellow: 'فكرة' });
    expect(settings.locale).toBe('en');
    await reopened.close();
  });

  it('refuses a value out of bounds and changes nothing', async () => {
    const app = await open(mkdtempSync(join(tmpdir(), 'qirtas-settings-')));
    await call(app, 'updateSettings', { reader: { size: 30 } });
    const refused = await app.dispatch('updateSettings', { reader: { size: 400, theme: 'dark' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect((await call(app, 'getSettings', {})).reader).toMatchObject({ size: 30, theme: 'system' });
    await app.close();
  });
});
