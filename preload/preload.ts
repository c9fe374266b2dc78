/**
 * Preload (sandboxed): exposes the API contract as `window.qirtas` — one function
 * per operation plus an event subscription — and nothing else; never a raw
 * ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, OPERATION_NAMES } from '../common/operations.js';

const operations = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, name, args ?? {})]),
);

contextBridge.exposeInMainWorld('qirtas', {
  ...operations,
  onEvent(listener: (event: unknown) => void): () => void {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
});
