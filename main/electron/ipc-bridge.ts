/**
 * IPC side of the contract under Electron: one `invoke` channel that accepts calls
 * only from our own page's main frame, hands them to the shared dispatcher, and
 * forwards archive events to the window.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../common/operations.js';
import type { Dispatch } from '../service/dispatcher.js';
import type { EventHub } from '../service/event-hub.js';

function isTrustedSender(event: IpcMainInvokeEvent, indexUrl: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && frame.url.split('#')[0] === indexUrl;
}

export function registerIpcBridge(dispatch: Dispatch, events: EventHub, window: BrowserWindow, indexUrl: string): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, operation: unknown, args: unknown) => {
    if (!isTrustedSender(event, indexUrl) || typeof operation !== 'string') {
      return { ok: false, error: { code: 'BAD_ARGS', message: 'Refused: call from an untrusted frame.' } };
    }
    return dispatch(operation, args);
  });
  const unsubscribe = events.subscribe((archiveEvent) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, archiveEvent);
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
