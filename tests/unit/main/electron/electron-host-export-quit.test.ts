/**
 * The built Electron main bundle under the stand-in electron (tests/host/):
 * a PDF export of 100 long articles is printed from a temporary file (Chromium
 * refuses data: URLs above 2 MB), and quitting waits for the archive to close —
 * the search index saved, the lock file released — so the app starts again on
 * the same folder and finds what was imported last.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../../common/api.js';
import { ElectronHost, REPO_ROOT } from './host-harness.js';

const SEED = readFileSync(join(REPO_ROOT, 'assets', 'samples', 'seed-article.txt'), 'utf8');
const MARKER = 'علامة-المقال-المصدّر';
const ARTICLES = 100;

describe('PDF export of a large scope and quitting, through the built main bundle', () => {
  let host: ElectronHost;
  beforeAll(async () => {
    host = await new ElectronHost({ env: { QIRTAS_HOST_PRINT_MARKER: MARKER } }).start();
  }, 180_000);
  afterAll(async () => {
    await host?.stop();
  });

  it(`prints ${ARTICLES} long articles from a temporary file, never a data: URL`, async () => {
    for (let n = 1; n <= ARTICLES; n += 1) {
      // Long: the seed article six times (about 26,000 characters, 48 KB), each with its own first line.
      const text = `${MARKER} ${n}\n${Array.from({ length: 6 }, () => SEED).join('\n')}`;
      const answer = await host.call('importText', { text, title: `مقال طويل ${n}` });
      expect(answer.ok, answer.error?.message).toBe(true);
    }
    const answer = await host.call('exportNotes', { scope: { kind: 'all' }, format: 'pdf' });
    expect(answer.error?.message).toBeUndefined();
    const file = contract.exportNotes.result.parse(answer.value);
    expect(file.mimeType).toBe('application/pdf');
    expect(file.articleCount).toBe(ARTICLES);

    const state = await host.state();
    const printWindows = state.windows.filter((window) => window.printed !== null);
    expect(printWindows).toHaveLength(1);
    const [print] = printWindows;
    expect(print?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(print?.destroyed).toBe(true);
    expect(print?.loads.some((load) => load.url?.startsWith('data:'))).toBe(false);
    const [load] = print?.loads ?? [];
    expect(load?.kind).toBe('file');
    expect(load?.exists).toBe(true);
    expect(load?.path?.startsWith(tmpdir())).toBe(true);
    // Past Chromium's 2 MB data: URL limit, and the whole export: every article's marker line, then the end of the document.
    expect(load?.size).toBeGreaterThan(2 * 1024 * 1024);
    expect(load?.markerCount).toBe(ARTICLES);
    expect(load?.head?.toLowerCase()).toContain('<!doctype html>');
    expect(load?.tail).toContain('</html>');
    // The bytes the contract returns are the ones printToPDF produced from that file, and the file is gone.
    expect(Buffer.from(file.data, 'base64').toString('utf8')).toContain(`stand-in printToPDF of ${load?.sha256}`);
    expect(existsSync(load?.path as string)).toBe(false);
  }, 300_000);

  it('waits on quit for the archive to close: index saved, lock released; a restart finds the last import', async () => {
    const dataDir = host.dataDir as string;
    const last = await host.call('importText', { text: `مقال أخير قبل الإغلاق\n\nكلمة نادرة للبحث: زبرجدية\n\n${SEED}`, title: 'مقال أخير' });
    expect(last.ok).toBe(true);
    expect(existsSync(join(dataDir, 'qirtas.lock'))).toBe(true);
    const quitStarted = Date.now();
    const quit = await host.command<{ firstPrevented: boolean; quitted: boolean; ms: number; calls: number }>('quit');
    expect(quit.firstPrevented).toBe(true);
    expect(quit.quitted).toBe(true);
    expect(quit.calls).toBe(2);
    expect(existsSync(join(dataDir, 'qirtas.lock'))).toBe(false);
    const indexFiles = readdirSync(join(dataDir, 'index'));
    expect(indexFiles.length).toBeGreaterThan(0);
    expect(Math.max(...indexFiles.map((name) => statSync(join(dataDir, 'index', name)).mtimeMs))).toBeGreaterThanOrEqual(quitStarted - 1000);
    await host.stop();

    const again = await new ElectronHost({ dataDir }).start();
    try {
      expect(again.initial.errorBoxes).toEqual([]);
      const found = await again.call('search', { query: 'زبرجدية' });
      expect(found.ok).toBe(true);
      expect(contract.search.result.parse(found.value).results.map((result) => result.title)).toContain('مقال أخير');
    } finally {
      await again.stop();
    }
  }, 180_000);
});
