/**
 * The application menu: the app's own commands (import, sample, backup, archive
 * folder, library/notes/trash views, about) and the standard edit, zoom and
 * window roles, labelled in the archive's language. Reload and the developer
 * tools appear only in development builds. On macOS the first menu is the app
 * menu (about, services, hide, quit) and Window follows the platform's
 * conventions.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_STRINGS, type MenuLocale } from './menu-strings.js';

export interface MenuCommands {
  importFiles(): void;
  addSample(): void;
  createBackup(): void;
  openDataFolder(): void;
  /** A hash route of the renderer: '/', '/notes', '/trash'. */
  show(route: string): void;
  about(): void;
}

export interface MenuContext {
  locale: MenuLocale;
  platform: NodeJS.Platform;
  /** A release build: no Reload, no developer tools. */
  packaged: boolean;
  commands: MenuCommands;
}

export function buildMenuTemplate({ locale, platform, packaged, commands }: MenuContext): MenuItemConstructorOptions[] {
  const t = MENU_STRINGS[locale];
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: 'Qirtas',
    submenu: [
      { label: t.about, click: () => commands.about() },
      { type: 'separator' },
      { label: t.services, role: 'services' },
      { type: 'separator' },
      { label: t.hide, role: 'hide' },
      { label: t.hideOthers, role: 'hideOthers' },
      { label: t.showAll, role: 'unhide' },
      { type: 'separator' },
      { label: t.quit, role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.importFiles, accelerator: 'CmdOrCtrl+O', click: () => commands.importFiles() },
      { label: t.addSample, click: () => commands.addSample() },
      { type: 'separator' },
      { label: t.createBackup, click: () => commands.createBackup() },
      { label: t.openDataFolder, click: () => commands.openDataFolder() },
      { type: 'separator' },
      mac ? { label: t.closeWindow, role: 'close' } : { label: t.quit, role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { label: t.undo, role: 'undo' },
      { label: t.redo, role: 'redo' },
      { type: 'separator' },
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.library, accelerator: 'CmdOrCtrl+1', click: () => commands.show('/') },
      { label: t.notes, accelerator: 'CmdOrCtrl+2', click: () => commands.show('/notes') },
      { label: t.trash, accelerator: 'CmdOrCtrl+3', click: () => commands.show('/trash') },
      { type: 'separator' },
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      { label: t.resetZoom, role: 'resetZoom' },
      { type: 'separator' },
      { label: t.fullScreen, role: 'togglefullscreen' },
      ...(packaged
        ? []
        : ([
            { type: 'separator' },
            { label: t.reload, role: 'reload' },
            { label: t.devTools, role: 'toggleDevTools' },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    role: mac ? 'windowMenu' : undefined,
    submenu: mac ? undefined : [{ label: t.minimize, role: 'minimize' }, { label: t.closeWindow, role: 'close' }],
  };
  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [
      ...(mac ? [] : ([{ label: t.about, click: () => commands.about() }] satisfies MenuItemConstructorOptions[])),
      { label: t.openDataFolder, click: () => commands.openDataFolder() },
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
