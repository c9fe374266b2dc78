/**
 * PDF export under Electron: prints the exported HTML in a hidden, sandboxed
 * window with JavaScript disabled (webContents.printToPDF), so Arabic is shaped
 * and laid out right-to-left by Chromium itself. Registered with the export
 * core, which never imports electron.
 */
import { BrowserWindow } from 'electron';
import { registerPdfRenderer } from '../export/pdf.js';

async function printHtml(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
  }
}

export function registerElectronPdf(): void {
  registerPdfRenderer(printHtml);
}
