/**
 * Wires the archive core for a host: opens the store in a data folder, builds the
 * service and its dispatcher. The CLI, the browser shell and the Electron main
 * process all start here, so they run the very same code.
 */
import type { AppInfo } from '../../common/api.js';
import { ArchiveStore } from '../store/archive-store.js';
import { ArchiveService } from './archive-service.js';
import { createDispatcher, type Dispatch } from './dispatcher.js';

export interface ArchiveApp {
  store: ArchiveStore;
  service: ArchiveService;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface ArchiveAppOptions {
  dataDir: string;
  assetsDir: string;
  host: AppInfo['host'];
  version: string;
  readOnly?: boolean;
}

export async function openArchiveApp(options: ArchiveAppOptions): Promise<ArchiveApp> {
  const store = await ArchiveStore.open(options.dataDir, { readOnly: options.readOnly ?? false });
  const service = new ArchiveService({ store, assetsDir: options.assetsDir, host: options.host, version: options.version });
  return {
    store,
    service,
    dispatch: createDispatcher(service),
    close: async () => {
      await service.close();
      await store.close();
    },
  };
}
