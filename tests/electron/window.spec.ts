/**
 * The real Electron window (design §2, host 1): launches the built app with
 * Playwright's _electron, adds the sample and reads it; checks the renderer has
 * no Node and only the contract's functions. Skips, saying why, when this
 * machine has no Electron runtime (it is downloaded from outside the registry).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain .mjs helper shared with scripts/start.mjs
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';
import { OPERATION_NAMES } from '../../common/operations.js';

const runtime = (findElectronRuntime as () => string | null)();
const SKIP_REASON = 'no Electron runtime on this machine (node_modules/electron has no binary; it cannot be downloaded here)';
if (!runtime) console.log(`tests/electron skipped: ${SKIP_REASON}`);

test('the desktop window opens the archive, adds the sample and reads it right-to-left', async () => {
  test.skip(!runtime, SKIP_REASON);
  const appRoot = fileURLToPath(new URL('../../', import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-electron-'));
  const app = await electron.launch({ executablePath: runtime as string, args: [appRoot, `--data-dir=${dataDir}`] });
  try {
    const window = await app.firstWindow();
    expect(window.url()).toMatch(/^app:\/\/qirtas\/index\.html/);
    const exposed = await window.evaluate(() => ({
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      api: Object.keys((window as unknown as { qirtas: object }).qirtas).sort(),
    }));
    expect(exposed.hasRequire).toBe(false);
    expect(exposed.hasProcess).toBe(false);
    expect(exposed.api).toEqual([...OPERATION_NAMES, 'onEvent'].sort());
    await window.getByRole('button', { name: 'أضف المقال التجريبي' }).click();
    await expect(window.locator('article.reader-text')).toHaveAttribute('dir', 'rtl');
    await expect(window.locator('article.reader-text h2').first()).toHaveText('سيطرة المعارضة على درعا');
    await window.screenshot({ path: join(appRoot, 'test-results', 'screens', 'electron-reader.png') });
  } finally {
    await app.close();
  }
});
