/**
 * Electron main process: lifecycle and wiring only. Registers the app:// scheme,
 * keeps Chromium's profile out of an archive folder given with --data-dir, takes
 * the single-instance lock, opens the archive (the same path the CLI computes),
 * serves the renderer, creates the secure window, bridges IPC to the shared
 * dispatcher, sets the application menu, and on quit waits (with a time limit)
 * for the archive to close.
 */
import './dom-geometry.js';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import { openArchiveApp, type ArchiveApp } from '../service/archive-app.js';
import { resolveDataDir } from '../store/data-dir.js';
import { buildMenuTemplate } from './app-menu.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { registerIpcBridge } from './ipc-bridge.js';
import { createMenuCommands, importableFileArgs, type ElectronCommands } from './menu-actions.js';
import type { MenuLocale } from './menu-strings.js';
import { registerElectronPdf } from './print-to-pdf.js';
import { chromiumProfileDir } from './profile-paths.js';
import { closeBeforeQuit } from './quit-guard.js';
import { appWindows, createMainWindow, hardenSession } from './secure-window.js';

const dataDirArg = process.argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
const dataDir = resolveDataDir(dataDirArg);
const profileDir = chromiumProfileDir(dataDir, app.getPath('userData'));
if (profileDir) {
  app.setPath('userData', profileDir);
  app.setPath('sessionData', profileDir);
}
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let archive: ArchiveApp | null = null;
  let commands: ElectronCommands | null = null;
  const appRoot = app.getAppPath();
  // Files opened with Qirtas (desktop "Open with", macOS open-file) are imported once the archive is open.
  const pendingFiles = importableFileArgs(process.argv.slice(1));
  const openFiles = (paths: string[]) => {
    if (paths.length === 0) return;
    if (commands) void commands.importPaths(paths);
    else pendingFiles.push(...paths);
  };
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  const mainWindow = (): BrowserWindow => appWindows()[0] ?? createMainWindow(appRoot);

  app.on('second-instance', (_event, argv) => {
    openFiles(importableFileArgs(argv.slice(1)));
    const window = appWindows()[0];
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  // macOS keeps the app running with no window; elsewhere closing the window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (archive && appWindows().length === 0) createMainWindow(appRoot);
  });
  closeBeforeQuit(app, async () => {
    await archive?.close();
  });

  app.whenReady().then(async () => {
    hardenSession();
    handleAppProtocol(join(appRoot, 'dist', 'renderer'));
    registerElectronPdf();
    try {
      archive = await openArchiveApp({ dataDir, assetsDir: join(appRoot, 'assets'), host: 'electron', version: app.getVersion() });
    } catch (error) {
      const message = error instanceof QirtasError ? error.message : String(error);
      dialog.showErrorBox('Qirtas cannot open its archive — تعذّر فتح الأرشيف', message);
      app.quit();
      return;
    }
    const opened = archive;
    registerIpcBridge(opened.dispatch, opened.service.events);
    const locale = (): MenuLocale => opened.store.settings.locale;
    const menuCommands = createMenuCommands({ dispatch: opened.dispatch, dataDir, version: app.getVersion(), locale, window: mainWindow });
    commands = menuCommands;
    const setMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ locale: locale(), platform: process.platform, packaged: app.isPackaged, commands: menuCommands })));
    setMenu();
    opened.service.events.subscribe((event) => {
      if (event.type === 'settings-changed') setMenu();
    });
    createMainWindow(appRoot);
    openFiles(pendingFiles.splice(0));
  });
}
