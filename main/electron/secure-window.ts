/**
 * The app window (design §2, host 1): context isolation, sandbox, no Node in the
 * renderer, web security on, navigation and window.open blocked, permission
 * requests denied, network requests to the outside refused. The renderer is
 * served from app://qirtas/ (app-protocol.ts), whose responses carry the CSP.
 */
import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { APP_INDEX_URL } from './app-protocol.js';
import { isAppUrl } from './ipc-bridge.js';

/** Schemes a page of the app may never load: Qirtas is offline, and file: gives no privileges. */
const REFUSED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

function isRefusedRequest(url: string): boolean {
  try {
    return REFUSED_SCHEMES.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isRefusedRequest(details.url) }));
}

/** Links in articles open in the user's browser (http/https only), never inside the app. */
function openOutside(url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') void shell.openExternal(parsed.href);
  } catch {
    // not a URL: nothing to open
  }
}

const appWindowSet = new Set<BrowserWindow>();

/** The app's own windows (not the hidden print window of a PDF export), open ones only. */
export function appWindows(): BrowserWindow[] {
  return [...appWindowSet].filter((window) => !window.isDestroyed());
}

export function createMainWindow(appRoot: string, route = ''): BrowserWindow {
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
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  appWindowSet.add(window);
  window.once('closed', () => appWindowSet.delete(window));
  const contents = window.webContents;
  // Hash routes change the view without a navigation; anything else leaving the page is refused.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_INDEX_URL}${route}`);
  return window;
}
