/**
 * Where the archive lives (design §3): Electron's userData folder for "Qirtas",
 * computed the same way by the CLI and the browser shell so all three open the
 * same archive; --data-dir and QIRTAS_DATA_DIR override it.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Qirtas';

/** The OS's per-user application data folder, as Electron's app.getPath('appData') gives it. */
function appDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

export function resolveDataDir(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (explicit) return resolve(explicit);
  if (env.QIRTAS_DATA_DIR) return resolve(env.QIRTAS_DATA_DIR);
  return join(appDataFolder(env, platform), PRODUCT_NAME);
}
