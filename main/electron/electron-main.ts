/**
 * Electron main process: lifecycle and wiring only. Takes the single-instance
 * lock, opens the archive in the data folder (the same path the CLI computes),
 * creates the secure window and bridges IPC to the shared dispatcher.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { QirtasError } from '../../common/errors.js';
import { openArchiveApp, type ArchiveApp } from '../service/archive-app.js';
import { resolveDataDir } from '../store/data-dir.js';
import { registerIpcBridge } from './ipc-bridge.js';
import { createMainWindow, hardenSession, rendererIndexUrl } from './secure-window.js';
import { registerElectronPdf } from './print-to-pdf.js';

const dataDirArg = process.argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
const dataDir = resolveDataDir(dataDirArg);
app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let archive: ArchiveApp | null = null;
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void archive?.close();
  });
  app.whenReady().then(async () => {
    hardenSession();
    registerElectronPdf();
    const appRoot = app.getAppPath();
    try {
      archive = await openArchiveApp({ dataDir, assetsDir: join(appRoot, 'assets'), host: 'electron', version: app.getVersion() });
    } catch (error) {
      const message = error instanceof QirtasError ? error.message : String(error);
      dialog.showErrorBox('Qirtas cannot open its archive — تعذّر فتح الأرشيف', message);
      app.quit();
      return;
    }
    const window = createMainWindow(appRoot);
    registerIpcBridge(archive.dispatch, archive.service.events, window, rendererIndexUrl(appRoot));
  });
}
