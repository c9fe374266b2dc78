/**
 * The one BrowserWindow (design §2, host 1): context isolation, sandbox, no Node
 * in the renderer, a strict CSP, navigation and window.open blocked, permission
 * requests denied. The renderer is loaded from file:// out of dist/renderer.
 */
import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../http/content-security.js';

export function rendererIndexUrl(appRoot: string): string {
  return pathToFileURL(join(appRoot, 'dist', 'renderer', 'index.html')).href;
}

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function createMainWindow(appRoot: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 640,
    minHeight: 480,
    title: 'Qirtas — قرطاس',
    icon: join(appRoot, 'assets', 'icons', 'icon.png'),
    show: false,
    webPreferences: {
      preload: join(appRoot, 'dist', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const indexUrl = rendererIndexUrl(appRoot);
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== indexUrl) event.preventDefault();
  });
  // Links in articles open in the user's browser, never inside the app.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(indexUrl);
  return window;
}
