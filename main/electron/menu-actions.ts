/**
 * What the application menu's own commands do in the main process: they go
 * through the same dispatcher as the window (so the window hears about the
 * change through the usual events) and report in the archive's language.
 */
import { BrowserWindow, dialog, shell } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Dispatch } from '../service/dispatcher.js';
import type { MenuCommands } from './app-menu.js';
import { APP_INDEX_URL } from './app-protocol.js';
import { MENU_STRINGS, type MenuLocale } from './menu-strings.js';

/** The file types the importers read (main/import/formats). */
export const IMPORTABLE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf', 'jsonl', 'csv'];

export interface MenuActionDeps {
  dispatch: Dispatch;
  dataDir: string;
  version: string;
  locale(): MenuLocale;
  /** The app window, opened again when none is (macOS keeps the app running without one). */
  window(): BrowserWindow;
}

/** The importable files among command-line arguments (a file opened with Qirtas from the desktop). */
export function importableFileArgs(argv: readonly string[]): string[] {
  return argv.filter((arg) => {
    if (arg.startsWith('-') || !IMPORTABLE_EXTENSIONS.includes(extname(arg).slice(1).toLowerCase())) return false;
    try {
      return existsSync(arg) && statSync(arg).isFile();
    } catch {
      return false;
    }
  });
}

export interface ElectronCommands extends MenuCommands {
  /** Imports these files and reports the outcome in a message box. */
  importPaths(paths: readonly string[]): Promise<void>;
}

interface ImportCounts {
  added: number;
  duplicates: number;
  failures: string[];
}

async function importOne(deps: MenuActionDeps, path: string, counts: ImportCounts): Promise<void> {
  const t = MENU_STRINGS[deps.locale()];
  const name = basename(path);
  let data: string;
  try {
    data = (await readFile(path)).toString('base64');
  } catch (error) {
    counts.failures.push(`${name}: ${(error as Error).message}`);
    return;
  }
  const response = await deps.dispatch('importFile', { name, data });
  if (!response.ok) {
    counts.failures.push(`${name}: ${response.error.message}`);
    return;
  }
  const result = response.value as { status: string; outcomes?: Array<{ status: string }> };
  if (result.status === 'needs-encoding') {
    counts.failures.push(`${name}: ${t.importAskEncoding}`);
    return;
  }
  for (const outcome of result.outcomes ?? []) {
    if (outcome.status === 'imported') counts.added += 1;
    else counts.duplicates += 1;
  }
}

export function createMenuCommands(deps: MenuActionDeps): ElectronCommands {
  const strings = () => MENU_STRINGS[deps.locale()];
  const tell = (message: string, detail?: string, type: 'info' | 'error' = 'info') =>
    void dialog.showMessageBox(deps.window(), { type, message, detail, buttons: ['OK'] });
  const importPaths = async (paths: readonly string[]) => {
    const t = strings();
    const counts: ImportCounts = { added: 0, duplicates: 0, failures: [] };
    for (const path of paths) await importOne(deps, path, counts);
    if (counts.failures.length > 0) tell(t.importFailed, counts.failures.join('\n'), 'error');
    else tell(t.importDone(counts.added, counts.duplicates));
  };

  return {
    importPaths,
    importFiles() {
      const t = strings();
      void (async () => {
        const picked = await dialog.showOpenDialog(deps.window(), {
          title: t.importTitle,
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: t.supportedFiles, extensions: IMPORTABLE_EXTENSIONS }],
        });
        if (picked.canceled || picked.filePaths.length === 0) return;
        await importPaths(picked.filePaths);
      })();
    },
    addSample() {
      void deps.dispatch('importSample', {});
    },
    createBackup() {
      void deps.dispatch('createBackup', {}).then((response) => {
        const t = strings();
        if (response.ok) tell(t.backupDone((response.value as { name: string }).name));
        else tell(t.backupFailed, response.error.message, 'error');
      });
    },
    openDataFolder() {
      void shell.openPath(deps.dataDir);
    },
    show(route) {
      const window = deps.window();
      // Only the hash changes: a same-document navigation, as when the renderer follows a link.
      void window.webContents.loadURL(`${APP_INDEX_URL}#${route}`);
      if (window.isMinimized()) window.restore();
      window.focus();
    },
    about() {
      const t = strings();
      tell(t.about, t.aboutDetail(deps.version, deps.dataDir));
    },
  };
}
