/**
 * Where Chromium keeps its profile (caches, local storage, the single-instance
 * lock). The archive's data folder is Electron's userData by default (design §3);
 * when --data-dir or QIRTAS_DATA_DIR points elsewhere, the profile must not be
 * written into that archive folder, so it goes to a folder of its own under the
 * default userData, one per archive (two archives may be open side by side; the
 * same archive twice reaches the first window).
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

function samePath(a: string, b: string): boolean {
  const [left, right] = [resolve(a), resolve(b)];
  return process.platform === 'win32' || process.platform === 'darwin' ? left.toLowerCase() === right.toLowerCase() : left === right;
}

/** The profile folder for an archive in dataDir, or null when the default userData is that archive's folder. */
export function chromiumProfileDir(dataDir: string, defaultUserData: string): string | null {
  if (samePath(dataDir, defaultUserData)) return null;
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(defaultUserData, 'Profiles', key);
}
