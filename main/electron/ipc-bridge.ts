/**
 * IPC side of the contract under Electron: one `invoke` channel that accepts calls
 * only from the main frame of a page served from the app's own origin
 * (app://qirtas), hands them to the shared dispatcher, and forwards archive
 * events to every window. No other channel is registered.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../common/operations.js';
import type { Dispatch } from '../service/dispatcher.js';
import type { EventHub } from '../service/event-hub.js';
import { APP_ORIGIN } from './app-protocol.js';

/** The origin is compared parsed, never by string prefix (app://qirtas.evil would pass a prefix test). */
export function isAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return `${url.protocol}//${url.host}` === APP_ORIGIN && (url.pathname === '/' || url.pathname === '/index.html');
  } catch {
    return false;
  }
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

export function registerIpcBridge(dispatch: Dispatch, events: EventHub): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, operation: unknown, args: unknown) => {
    if (!isTrustedSender(event) || typeof operation !== 'string') {
      return { ok: false, error: { code: 'BAD_ARGS', message: 'Refused: call from an untrusted frame.' } };
    }
    return dispatch(operation, args);
  });
  const unsubscribe = events.subscribe((archiveEvent) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && isAppUrl(window.webContents.getURL())) window.webContents.send(IPC_EVENT_CHANNEL, archiveEvent);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
