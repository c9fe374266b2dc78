/**
 * Loads the BUILT Electron main bundle (dist/main/electron-main.cjs) under a Node
 * that can require() ES modules (≥ 22.12, as Electron's own Node), with the
 * stand-in electron module, fires `ready`, then answers commands from the test
 * (one JSON object a line on stdin; answers on stdout prefixed with HARNESS_TAG):
 * call IPC as a given frame, navigate, open windows, fetch app:// URLs, ask
 * permissions, quit, and report everything the app registered.
 *
 * Environment: QIRTAS_HOST_APP_ROOT (the repository or an unpacked app folder),
 * QIRTAS_HOST_DATA_DIR (passed as --data-dir; empty: none), QIRTAS_HOST_APP_DATA
 * (what app.getPath('appData') answers), QIRTAS_HOST_PACKAGED ("1": app.isPackaged).
 */
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import readline from 'node:readline';
import { createStandIn } from './electron-stand-in.mjs';

const HARNESS_TAG = '\u0001HARNESS ';
const appRoot = process.env.QIRTAS_HOST_APP_ROOT;
const dataDir = process.env.QIRTAS_HOST_DATA_DIR;
const appData = process.env.QIRTAS_HOST_APP_DATA;
const version = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')).version;
const { electron, record, app } = createStandIn({ appRoot, appData, version, packaged: process.env.QIRTAS_HOST_PACKAGED === '1' });

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return electron;
  return originalLoad.call(this, request, parent, isMain);
};
if (dataDir) process.argv.push(`--data-dir=${dataDir}`);
process.argv.push(...JSON.parse(process.env.QIRTAS_HOST_ARGS || '[]'));

function reply(id, body) {
  process.stdout.write(`${HARNESS_TAG}${JSON.stringify({ id, ...body })}\n`);
}

function windowById(id) {
  const window = record.windows.find((candidate) => candidate.id === (id ?? 1));
  if (!window) throw new Error(`no window ${id}`);
  return window;
}

function describeMenu(items) {
  return (items ?? []).map((item) => ({
    label: item.label,
    role: item.role,
    type: item.type,
    accelerator: item.accelerator,
    hasClick: typeof item.click === 'function',
    submenu: Array.isArray(item.submenu) ? describeMenu(item.submenu) : undefined,
  }));
}

function findMenuItem(items, path) {
  const [head, ...rest] = path;
  const item = (items ?? []).find((candidate) => candidate.label === head);
  if (!item) throw new Error(`no menu item ${head}`);
  return rest.length === 0 ? item : findMenuItem(item.submenu, rest);
}

function state() {
  return {
    ready: record.ready,
    schemesRegisteredBeforeReady: record.schemesRegisteredBeforeReady,
    privilegedSchemes: record.privilegedSchemes,
    protocolSchemes: [...record.protocolHandlers.keys()],
    setPath: record.setPath,
    ipcHandlers: [...record.ipcHandlers.keys()],
    ipcListeners: record.ipcListeners.map((entry) => entry.channel),
    windows: record.windows.map((window) => ({
      id: window.id,
      destroyed: window.destroyed,
      webPreferences: window.options.webPreferences ?? null,
      loads: window.webContents.loads,
      printed: window.webContents.printed ?? null,
      sent: window.webContents.sent,
      hasWindowOpenHandler: typeof window.webContents.windowOpenHandler === 'function',
      contentsEvents: window.webContents.eventNames().map(String),
    })),
    permissionHandlers: { request: typeof record.permissionRequestHandler === 'function', check: typeof record.permissionCheckHandler === 'function' },
    webRequest: { beforeRequest: typeof record.beforeRequest === 'function', headersReceived: typeof record.headersReceived === 'function' },
    menu: record.applicationMenu ? describeMenu(record.applicationMenu.template) : null,
    appEvents: app.eventNames().map(String),
    errorBoxes: record.errorBoxes,
    messageBoxes: record.messageBoxes,
    openExternal: record.openExternal,
    openPath: record.openPath,
    unknownAccess: [...new Set(record.unknownAccess)],
    quit: { calls: record.quitCalls, prevented: record.quitPrevented, quitted: record.quitted },
  };
}

async function fetchApp(url, method = 'GET') {
  const handler = record.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
  if (!handler) return { status: null, reason: 'no protocol handler for this scheme' };
  const response = await handler(new Request(url, { method }));
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: body.toString('base64') };
}

async function waitFor(predicate, limitMs) {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > limitMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

const commands = {
  state: async () => state(),
  async invoke({ operation, args, senderUrl, frame = 'main', windowId, channel }) {
    const handler = record.ipcHandlers.get(channel);
    if (!handler) return { handled: false };
    const window = windowById(windowId);
    const mainFrame = senderUrl === undefined ? window.webContents.mainFrame : { url: senderUrl, routingId: 1 };
    const senderFrame = frame === 'main' ? mainFrame : { url: senderUrl ?? mainFrame.url, routingId: 2 };
    const event = { sender: { mainFrame, id: window.id }, senderFrame, frameId: senderFrame.routingId, processId: 1 };
    return { handled: true, response: await handler(event, operation, args) };
  },
  async navigate({ windowId, url, event = 'will-navigate' }) {
    const contents = windowById(windowId).webContents;
    let prevented = false;
    const listeners = contents.listenerCount(event);
    contents.emit(event, { preventDefault: () => (prevented = true), url }, url);
    return { prevented, listeners };
  },
  async windowOpen({ windowId, url }) {
    const handler = windowById(windowId).webContents.windowOpenHandler;
    if (!handler) return { action: null };
    return handler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } });
  },
  fetch: ({ url, method }) => fetchApp(url, method),
  async permission({ permission }) {
    let granted = null;
    record.permissionRequestHandler?.(null, permission, (value) => (granted = value), {});
    const checked = record.permissionCheckHandler ? record.permissionCheckHandler(null, permission, 'app://qirtas', {}) : null;
    return { granted, checked };
  },
  async webRequest({ url }) {
    let answer = null;
    record.beforeRequest?.({ url, method: 'GET', resourceType: 'mainFrame' }, (value) => (answer = value));
    return { answer };
  },
  async menuClick({ path }) {
    const item = findMenuItem(record.applicationMenu.template, path);
    item.click?.(item, windowById(1), {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    return {};
  },
  async closeWindows() {
    for (const window of record.windows) window.destroyed = true;
    return {};
  },
  async emitApp({ event, args = [] }) {
    app.emit(event, { preventDefault() {} }, ...args);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {};
  },
  async quit({ limitMs = 20_000 }) {
    const started = Date.now();
    app.quit();
    const firstPrevented = record.quitPrevented > 0;
    const done = await waitFor(() => record.quitted, limitMs);
    return { firstPrevented, quitted: done, ms: Date.now() - started, calls: record.quitCalls };
  },
  async exit() {
    setImmediate(() => process.exit(0));
    return {};
  },
};

async function main() {
  createRequire(import.meta.url)(join(appRoot, 'dist', 'main', 'electron-main.cjs'));
  setImmediate(() => app.fireReady());
  // Ready: the main window is created once the archive is open (or an error box says why not).
  const started = await waitFor(() => record.windows.length > 0 || record.errorBoxes.length > 0 || record.quitCalls > 0, 30_000);
  reply(0, { started, state: state() });
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const { id, command, ...params } = JSON.parse(line);
    try {
      reply(id, { ok: true, value: await commands[command](params) });
    } catch (error) {
      reply(id, { ok: false, error: String(error?.stack ?? error) });
    }
  }
}

main().catch((error) => {
  reply(0, { started: false, error: String(error?.stack ?? error) });
  process.exitCode = 1;
});
