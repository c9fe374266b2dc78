/**
 * A stand-in for the `electron` module, for loading the built main bundle under
 * plain Node (no Electron runtime can be installed here). It implements the
 * calls the main process makes and records them — IPC registrations, windows and
 * their options, navigation and window-open handlers, schemes and protocol
 * handlers, session hardening, menus, paths, quit — so a test can drive the app
 * as Electron would and inspect what it registered. Any property of electron the
 * app reads that is not implemented here is recorded in `unknownAccess`.
 */
import { EventEmitter } from 'node:events';
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export function createStandIn({ appRoot, appData, version, packaged }) {
  const record = {
    ready: false,
    readyOrder: [],
    setPath: [],
    privilegedSchemes: [],
    schemesRegisteredBeforeReady: null,
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    ipcListeners: [],
    windows: [],
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    beforeRequest: null,
    headersReceived: null,
    menus: [],
    applicationMenu: null,
    openExternal: [],
    openPath: [],
    errorBoxes: [],
    messageBoxes: [],
    quitCalls: 0,
    quitted: false,
    quitPrevented: 0,
    unknownAccess: [],
  };

  const paths = new Map([
    ['appData', appData],
    ['userData', join(appData, 'Qirtas')],
    ['sessionData', join(appData, 'Qirtas')],
    ['temp', tmpdir()],
    ['home', homedir()],
  ]);

  const app = new EventEmitter();
  let resolveReady;
  const readyPromise = new Promise((resolve) => {
    resolveReady = resolve;
  });
  Object.assign(app, {
    isPackaged: packaged,
    getPath: (name) => {
      if (!paths.has(name)) throw new Error(`stand-in: unknown path ${name}`);
      return paths.get(name);
    },
    setPath: (name, value) => {
      record.setPath.push({ name, value, beforeReady: !record.ready });
      paths.set(name, value);
    },
    getAppPath: () => appRoot,
    getVersion: () => version,
    getName: () => 'Qirtas',
    getLocale: () => 'ar',
    requestSingleInstanceLock: () => true,
    whenReady: () => readyPromise,
    isReady: () => record.ready,
    quit: () => {
      record.quitCalls += 1;
      app.emit('before-quit', { preventDefault() {} });
      let prevented = false;
      app.emit('will-quit', {
        preventDefault() {
          prevented = true;
        },
      });
      if (prevented) record.quitPrevented += 1;
      else {
        record.quitted = true;
        app.emit('quit', {}, 0);
      }
    },
    exit: () => {
      record.quitted = true;
    },
  });
  app.fireReady = () => {
    record.ready = true;
    record.schemesRegisteredBeforeReady = record.privilegedSchemes.length > 0;
    app.emit('ready');
    resolveReady();
  };

  class WebContents extends EventEmitter {
    constructor(window) {
      super();
      this.window = window;
      this.url = '';
      this.loads = [];
      this.sent = [];
      this.windowOpenHandler = null;
      this.mainFrame = { url: '', routingId: 1 };
    }
    setWindowOpenHandler(handler) {
      this.windowOpenHandler = handler;
    }
    async loadURL(url) {
      this.loads.push({ kind: 'url', url });
      this.url = url;
      this.mainFrame.url = url;
      setImmediate(() => this.window.emit('ready-to-show'));
    }
    async loadFile(path) {
      const exists = existsSync(path);
      const bytes = exists ? readFileSync(path) : Buffer.alloc(0);
      const marker = process.env.QIRTAS_HOST_PRINT_MARKER;
      this.loads.push({
        kind: 'file',
        path,
        exists,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        head: bytes.subarray(0, 200).toString('utf8'),
        tail: bytes.subarray(Math.max(0, bytes.length - 200)).toString('utf8'),
        markerCount: marker ? bytes.toString('utf8').split(marker).length - 1 : null,
      });
      this.url = `file://${path}`;
      this.mainFrame.url = this.url;
    }
    getURL() {
      return this.url;
    }
    send(channel, payload) {
      this.sent.push({ channel, payload });
    }
    async printToPDF(options) {
      this.printed = options;
      // The stand-in cannot lay out pages; it answers with a marked PDF so the test can follow the bytes.
      return Buffer.from(`%PDF-1.7\n% stand-in printToPDF of ${this.loads.at(-1)?.sha256 ?? 'nothing'}\n%%EOF\n`);
    }
    isDestroyed() {
      return this.window.destroyed;
    }
  }

  class BrowserWindow extends EventEmitter {
    constructor(options = {}) {
      super();
      this.options = options;
      this.destroyed = false;
      this.webContents = new WebContents(this);
      this.id = record.windows.length + 1;
      record.windows.push(this);
    }
    loadURL(url) {
      return this.webContents.loadURL(url);
    }
    loadFile(path) {
      return this.webContents.loadFile(path);
    }
    static getAllWindows() {
      return record.windows.filter((window) => !window.destroyed);
    }
    static fromWebContents(contents) {
      return contents.window;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    close() {
      this.destroyed = true;
    }
    show() {
      this.shown = true;
    }
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
  }

  const ipcMain = {
    handle(channel, handler) {
      if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      record.ipcHandlers.set(channel, handler);
    },
    handleOnce(channel, handler) {
      ipcMain.handle(channel, handler);
    },
    removeHandler(channel) {
      record.ipcHandlers.delete(channel);
    },
    on(channel, listener) {
      record.ipcListeners.push({ channel, listener });
    },
    once(channel, listener) {
      record.ipcListeners.push({ channel, listener });
    },
    removeListener() {},
    removeAllListeners() {},
  };

  const protocol = {
    registerSchemesAsPrivileged(schemes) {
      if (record.ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
      record.privilegedSchemes.push(...schemes);
    },
    handle(scheme, handler) {
      if (!record.ready) throw new Error('protocol.handle must be called after the app is ready');
      record.protocolHandlers.set(scheme, handler);
    },
    unhandle(scheme) {
      record.protocolHandlers.delete(scheme);
    },
    isProtocolHandled: (scheme) => record.protocolHandlers.has(scheme),
  };

  const defaultSession = {
    setPermissionRequestHandler(handler) {
      record.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheckHandler = handler;
    },
    webRequest: {
      onBeforeRequest(filterOrHandler, maybeHandler) {
        record.beforeRequest = maybeHandler ?? filterOrHandler;
      },
      onHeadersReceived(filterOrHandler, maybeHandler) {
        record.headersReceived = maybeHandler ?? filterOrHandler;
      },
    },
    protocol,
  };

  const Menu = {
    buildFromTemplate(template) {
      const menu = { template };
      record.menus.push(menu);
      return menu;
    },
    setApplicationMenu(menu) {
      record.applicationMenu = menu;
    },
  };

  const implemented = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession, fromPartition: () => defaultSession },
    Menu,
    dialog: {
      showErrorBox: (title, content) => record.errorBoxes.push({ title, content }),
      showMessageBox: async (...args) => {
        record.messageBoxes.push(args.at(-1));
        return { response: 0 };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    shell: {
      openExternal: async (url) => {
        record.openExternal.push(url);
      },
      openPath: async (path) => {
        record.openPath.push(path);
        return '';
      },
    },
  };
  const electron = new Proxy(implemented, {
    get(target, name) {
      if (name in target) return target[name];
      if (typeof name === 'string' && name !== '__esModule' && name !== 'default' && name !== 'then') record.unknownAccess.push(name);
      return undefined;
    },
  });
  return { electron, record, app };
}
