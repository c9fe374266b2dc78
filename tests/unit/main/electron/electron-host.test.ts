/**
 * The BUILT Electron main bundle (dist/main/electron-main.cjs), loaded under
 * Node ≥ 22.12 with a stand-in electron module that records what the app
 * registers (see tests/host/). What Electron itself would do with those
 * registrations is not exercised here (no runtime can be installed on this
 * machine); what the app asks of Electron is, exactly:
 * - IPC: exactly one channel (the contract's call channel), no listeners; every
 *   contract operation answers through it with a result the contract's zod
 *   schema accepts; unknown operations and untrusted senders are refused and
 *   change nothing.
 * - Windows: contextIsolation, sandbox, no nodeIntegration, webSecurity;
 *   navigation away and window.open refused; permissions denied; egress refused.
 * - app://qirtas/ serves the built renderer with the CSP, nothing outside it.
 * - Menu in the archive's language, no Reload/DevTools when packaged.
 * - Chromium's profile kept out of an archive given with --data-dir.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OperationName } from '../../../../common/api.js';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, OPERATION_NAMES } from '../../../../common/operations.js';
import { ElectronHost, REPO_ROOT, type MenuItemState } from './host-harness.js';

const SEED = readFileSync(join(REPO_ROOT, 'assets', 'samples', 'seed-article.txt'), 'utf8');
const APP_INDEX = 'app://qirtas/index.html';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function labels(items: MenuItemState[] | null | undefined): string[] {
  return (items ?? []).flatMap((item) => [item.label ?? '', ...labels(item.submenu)]).filter(Boolean);
}
function roles(items: MenuItemState[] | null | undefined): string[] {
  return (items ?? []).flatMap((item) => [item.role ?? '', ...roles(item.submenu)]).filter(Boolean);
}

describe('Electron main bundle under a stand-in electron', () => {
  let host: ElectronHost;
  beforeAll(async () => {
    host = await new ElectronHost().start();
  }, 180_000);
  afterAll(async () => {
    await host?.stop();
  });

  it('starts with no error and reads only the parts of electron it is expected to', () => {
    expect(host.initial.errorBoxes).toEqual([]);
    expect(host.initial.unknownAccess).toEqual([]);
    expect(host.initial.windows).toHaveLength(1);
  });

  it('registers exactly the contract call channel, and no ipcMain.on listener', () => {
    expect(host.initial.ipcHandlers).toEqual([IPC_CALL_CHANNEL]);
    expect(host.initial.ipcListeners).toEqual([]);
  });

  it('creates its window isolated: contextIsolation, sandbox, no nodeIntegration, webSecurity, the built preload', () => {
    for (const window of host.initial.windows) {
      expect(window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      expect(window.webPreferences?.nodeIntegrationInWorker ?? false).toBe(false);
      expect(window.webPreferences?.allowRunningInsecureContent ?? false).toBe(false);
      expect(window.webPreferences?.preload).toBe(join(REPO_ROOT, 'dist', 'preload', 'preload.cjs'));
    }
    expect(host.initial.windows[0]?.loads).toEqual([{ kind: 'url', url: APP_INDEX }]);
  });

  it('registers app:// as a privileged standard, secure scheme before ready and serves it after', () => {
    expect(host.initial.schemesRegisteredBeforeReady).toBe(true);
    expect(host.initial.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(host.initial.protocolSchemes).toEqual(['app']);
  });

  it('serves the built renderer on app://qirtas/ with a strict CSP on every response', async () => {
    const built = readFileSync(join(REPO_ROOT, 'dist', 'renderer', 'index.html'));
    const index = await host.command<{ status: number; headers: Record<string, string>; body: string }>('fetch', { url: APP_INDEX });
    expect(index.status).toBe(200);
    expect(Buffer.from(index.body, 'base64').equals(built)).toBe(true);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    const csp = index.headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    expect(csp).not.toMatch(/https?:/);
    // Every script the page names is served from the same origin, with the same CSP.
    const scripts = [...built.toString('utf8').matchAll(/src="\.\/([^"]+\.js)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const answer = await host.command<{ status: number; headers: Record<string, string> }>('fetch', { url: `app://qirtas/${script}` });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/javascript/);
      expect(answer.headers['content-security-policy']).toBe(csp);
    }
  });

  it('answers 404 for anything outside dist/renderer or on another host', async () => {
    for (const url of [
      'app://qirtas/../package.json',
      'app://qirtas/%2e%2e/package.json',
      'app://qirtas/%2e%2e%2fpackage.json',
      'app://qirtas/..%5c..%5cpackage.json',
      'app://qirtas/assets/%00x.js',
      'app://other/index.html',
      'app://qirtas/no-such-file.js',
    ]) {
      const answer = await host.command<{ status: number; headers: Record<string, string> }>('fetch', { url });
      expect(answer.status, url).toBe(404);
      expect(answer.headers['content-security-policy'], url).toBeTruthy();
    }
  });

  it('refuses navigation away from the app and every window.open; opens only http(s) links outside', async () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://qirtas.evil/index.html', 'app://qirtas/other.html', 'javascript:alert(1)']) {
      for (const event of ['will-navigate', 'will-redirect']) {
        const answer = await host.command<{ prevented: boolean; listeners: number }>('navigate', { url, event });
        expect(answer.listeners, `${event} ${url}`).toBeGreaterThan(0);
        expect(answer.prevented, `${event} ${url}`).toBe(true);
      }
    }
    expect((await host.command<{ prevented: boolean }>('navigate', { url: `${APP_INDEX}#/notes` })).prevented).toBe(false);
    for (const url of ['https://example.com/a', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', APP_INDEX]) {
      expect((await host.command<{ action: string }>('windowOpen', { url })).action, url).toBe('deny');
    }
    expect((await host.state()).openExternal).toEqual(['https://example.com/a']);
    expect((await host.command<{ prevented: boolean }>('navigate', { url: 'https://x.test/', event: 'will-attach-webview' })).prevented).toBe(true);
  });

  it('denies permission requests and checks, and cancels requests to the network', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(await host.command('permission', { permission })).toEqual({ granted: false, checked: false });
    }
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'wss://example.com/']) {
      expect(await host.command('webRequest', { url }), url).toEqual({ answer: { cancel: true } });
    }
    expect(await host.command('webRequest', { url: 'app://qirtas/assets/x.js' })).toEqual({ answer: { cancel: false } });
  });

  it('refuses calls from any sender but the main frame of app://qirtas/, changing nothing', async () => {
    const before = await host.call('listArticles', {});
    for (const from of [
      { senderUrl: 'app://qirtas.evil/index.html' },
      { senderUrl: 'https://example.com/' },
      { senderUrl: `file://${join(REPO_ROOT, 'dist', 'renderer', 'index.html')}` },
      { senderUrl: 'app://qirtas/other.html' },
      { senderUrl: APP_INDEX, frame: 'sub' as const },
    ]) {
      const answer = await host.call('importText', { text: 'نص من إطار غريب لا يجوز أن يُحفظ', title: 'دخيل' }, from);
      expect(answer.ok, JSON.stringify(from)).toBe(false);
      expect(answer.error?.message).toMatch(/untrusted/);
    }
    expect(await host.call('listArticles', {})).toEqual(before);
  });

  it('answers nothing that is not a contract operation', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'close', 'flush', 'store', 'eval']) {
      const answer = await host.call(name, {});
      expect(answer.ok, name).toBe(false);
      expect(answer.error?.code, name).toBe('UNKNOWN_OPERATION');
    }
    expect(await host.call('getArticle', { id: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    await expect(host.call('appInfo', {}, { channel: 'qirtas:other' })).rejects.toThrow(/nothing handles/);
  });

  it('answers every contract operation through IPC with a result the contract accepts', async () => {
    const answered = new Set<OperationName>();
    async function ok<K extends OperationName>(operation: K, args: unknown): Promise<ReturnType<(typeof contract)[K]['result']['parse']>> {
      const answer = await host.call(operation, args);
      expect(answer.error, `${operation}: ${answer.error?.message}`).toBeUndefined();
      expect(answer.ok, operation).toBe(true);
      const parsed = contract[operation].result.safeParse(answer.value);
      expect(parsed.success, `${operation}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      answered.add(operation);
      return parsed.data as never;
    }
    const info = await ok('appInfo', {});
    expect(info).toMatchObject({ host: 'electron', dataDir: host.dataDir });
    const sample = await ok('importSample', {});
    const a = sample.status === 'imported' ? sample.article.id : sample.existing.id;
    const second = await ok('importText', { text: `مقال ثان للتجربة\n\n${SEED.split('\n').slice(0, 6).join('\n')}`, title: 'مقال ثان' });
    const b = second.status === 'imported' ? second.article.id : second.existing.id;
    const file = await ok('importFile', { name: 'ملاحظة.md', data: b64('# عنوان قصير\n\nنص عربي قصير يُستورد من ملف ماركداون.') });
    expect(file.status).toBe('done');
    expect((await ok('listArticles', {})).length).toBeGreaterThanOrEqual(3);
    const article = await ok('getArticle', { id: a });
    expect(article.blocks.length).toBeGreaterThan(0);
    await ok('updateArticle', { id: b, patch: { tags: ['تجربة'] } });
    const mark = await ok('addAnnotation', { articleId: a, start: 0, end: 12, color: 'yellow' });
    await ok('updateAnnotation', { articleId: a, annotationId: mark.id, patch: { note: 'ملاحظة على التظليل' } });
    expect((await ok('listAnnotations', {})).length).toBe(1);
    const removed = await ok('deleteAnnotation', { articleId: a, annotationId: mark.id });
    await ok('restoreAnnotation', { articleId: a, annotation: removed });
    await ok('updateArticleText', { id: b, text: 'سطر أول بعد التعديل\nسطر ثان بعد التعديل' });
    await ok('findInArticle', { id: a, query: 'درعا' });
    await ok('search', { query: 'درعا' });
    await ok('quickOpen', { query: 'مقال' });
    await ok('listFacets', {});
    await ok('getSettings', {});
    await ok('updateSettings', { locale: 'en' });
    await ok('previewExport', { scope: { kind: 'all' }, format: 'md' });
    const exported = await ok('exportNotes', { scope: { kind: 'articles', ids: [a] }, format: 'json' });
    await ok('importAnnotationsJson', { name: 'notes.json', data: exported.data });
    await ok('listBackups', {});
    const backup = await ok('createBackup', {});
    const downloaded = await ok('downloadBackup', { name: backup.name });
    expect(Buffer.from(downloaded.data, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    await ok('updateBackupSettings', { keep: 5 });
    await ok('restoreBackup', { name: backup.name });
    await ok('listLibrary', { facets: true });
    await ok('listCollections', {});
    const collection = await ok('createCollection', { name: 'مجموعة التجربة' });
    await ok('updateCollection', { id: collection.id, name: 'مجموعة أخرى' });
    const bulk = await ok('bulkUpdate', { ids: [a], action: { kind: 'addToCollection', collectionId: collection.id } });
    await ok('undoBulk', { undoToken: bulk.undoToken });
    await ok('deleteCollection', { id: collection.id });
    const saved = await ok('saveSearch', { name: 'بحث محفوظ', query: 'درعا' });
    await ok('deleteSavedSearch', { id: saved.id });
    await ok('recordReading', { id: a, progress: 0.5 });
    await ok('patchUiState', { set: { theme: 'dark', [`reading-position:${a}`]: 42 }, flush: true });
    expect((await ok('getUiState', {})).entries[`reading-position:${a}`]?.value).toBe(42);
    await ok('trashArticle', { id: b });
    await ok('restoreArticle', { id: b });
    await ok('trashArticle', { id: b });
    await ok('deleteArticle', { id: b });
    expect([...answered].sort()).toEqual([...OPERATION_NAMES].sort());
    // Archive events reached the window on the event channel, and only there.
    const sent = (await host.state()).windows[0]?.sent ?? [];
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map((message) => message.channel))).toEqual(new Set([IPC_EVENT_CHANNEL]));
    // The menu follows the language the settings now hold.
    expect(labels((await host.state()).menu)).toContain('Import Files…');
  });

  it('sets an application menu of its own commands in Arabic, with Reload and DevTools in this development build', () => {
    const menu = host.initial.menu;
    expect(labels(menu)).toEqual(expect.arrayContaining(['ملف', 'استيراد ملفات…', 'أنشئ نسخة احتياطية الآن', 'المكتبة', 'الملاحظات', 'تحرير', 'مساعدة']));
    expect(roles(menu)).toEqual(expect.arrayContaining(['undo', 'copy', 'paste', 'selectAll', 'reload', 'toggleDevTools']));
  });

  it('menu commands act: a view opens its route in the window, a backup is made and reported', async () => {
    await host.command('menuClick', { path: ['View', 'Notes'] });
    expect((await host.state()).windows[0]?.loads.at(-1)).toEqual({ kind: 'url', url: `${APP_INDEX}#/notes` });
    const before = ((await host.call('listBackups', {})).value as { backups: unknown[] }).backups.length;
    await host.command('menuClick', { path: ['File', 'Create Backup Now'] });
    await expect.poll(async () => ((await host.call('listBackups', {})).value as { backups: unknown[] }).backups.length).toBe(before + 1);
    await expect.poll(async () => JSON.stringify((await host.state()).messageBoxes.at(-1))).toMatch(/Backup .+ saved/);
  });

  it('activate with no window open opens the secure window again (macOS convention)', async () => {
    const state = await host.state();
    expect(state.appEvents).toEqual(expect.arrayContaining(['window-all-closed', 'activate', 'will-quit', 'second-instance', 'open-file']));
    await host.command('closeWindows');
    await host.command('emitApp', { event: 'activate' });
    const after = await host.state();
    const open = after.windows.filter((window) => !window.destroyed);
    expect(open).toHaveLength(1);
    expect(open[0]?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(open[0]?.loads).toEqual([{ kind: 'url', url: APP_INDEX }]);
  });

  it('keeps Chromium\'s profile out of the archive folder given with --data-dir', () => {
    const profile = host.initial.setPath.filter((entry) => entry.name === 'userData' || entry.name === 'sessionData');
    expect(profile.map((entry) => entry.name).sort()).toEqual(['sessionData', 'userData']);
    for (const entry of profile) {
      expect(entry.beforeReady).toBe(true);
      expect(entry.value.startsWith(host.dataDir as string)).toBe(false);
      expect(entry.value.startsWith(join(host.appData, 'Qirtas'))).toBe(true);
    }
  });
});

describe('files opened with Qirtas', () => {
  it('imports an importable file given on the command line, then from a second instance and from macOS open-file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qirtas-open-'));
    const paths = ['أول.md', 'ثان.txt', 'ثالث.txt', 'صورة.png'].map((name) => join(folder, name));
    writeFileSync(paths[0] as string, `# مقال مفتوح من سطر الأوامر\n\n${SEED.split('\n').slice(0, 3).join('\n')}`);
    writeFileSync(paths[1] as string, `مقال من نسخة ثانية\n\n${SEED.split('\n').slice(3, 6).join('\n')}`);
    writeFileSync(paths[2] as string, `مقال من حدث فتح الملف\n\n${SEED.split('\n').slice(6, 9).join('\n')}`);
    writeFileSync(paths[3] as string, 'not an article');
    const host = await new ElectronHost({ args: [paths[0] as string, paths[3] as string, '--some-switch'] }).start();
    try {
      const titles = async () => ((await host.call('listArticles', {})).value as Array<{ title: string }>).map((article) => article.title);
      await expect.poll(titles).toHaveLength(1);
      await host.command('emitApp', { event: 'second-instance', args: [['qirtas', paths[1], paths[3]], folder] });
      await expect.poll(titles).toHaveLength(2);
      await host.command('emitApp', { event: 'open-file', args: [paths[2]] });
      await expect.poll(titles).toHaveLength(3);
      expect((await host.state()).messageBoxes).toHaveLength(3);
    } finally {
      await host.stop();
    }
  }, 180_000);
});

describe('a release build', () => {
  it('has no Reload or developer tools in its menu', async () => {
    const host = await new ElectronHost({ packaged: true }).start();
    try {
      expect(roles(host.initial.menu)).not.toContain('reload');
      expect(roles(host.initial.menu)).not.toContain('toggleDevTools');
      expect(roles(host.initial.menu)).toEqual(expect.arrayContaining(['undo', 'copy', 'paste', 'quit']));
    } finally {
      await host.stop();
    }
  }, 180_000);
});

describe.runIf(process.platform === 'linux')('the default archive folder (Linux: XDG_CONFIG_HOME/Qirtas)', () => {
  it("is Electron's userData itself, so the profile stays where Electron puts it", async () => {
    const host = await new ElectronHost({ dataDir: null, defaultArchiveInAppData: true }).start();
    try {
      expect(host.initial.errorBoxes).toEqual([]);
      expect(host.initial.setPath).toEqual([]);
      expect((await host.call('appInfo', {})).value).toMatchObject({ dataDir: join(host.appData, 'Qirtas') });
    } finally {
      await host.stop();
    }
  }, 180_000);
});
