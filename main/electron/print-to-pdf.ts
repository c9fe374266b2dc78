/**
 * PDF export under Electron: the exported HTML is written to a temporary file and
 * printed from there (webContents.printToPDF) in a hidden, sandboxed window with
 * JavaScript disabled, so Arabic is shaped and laid out right-to-left by Chromium
 * itself. A file, not a data: URL: Chromium refuses data: URLs above 2 MB, which
 * an export of a few dozen long articles (with its embedded fonts) passes.
 * Registered with the export core, which never imports electron.
 */
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerPdfRenderer } from '../export/pdf.js';

async function printHtml(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'qirtas-print-'));
  const file = join(folder, 'export.html');
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, javascript: false },
  });
  try {
    await writeFile(file, html, 'utf8');
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    await window.loadFile(file);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

export function registerElectronPdf(): void {
  registerPdfRenderer(printHtml);
}
