// Finds the Electron runtime binary without triggering the electron package's
// download-on-first-use (which cannot work offline). Returns null when absent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findElectronRuntime() {
  const packageDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));
  const pathFile = join(packageDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative);
    return existsSync(binary) ? binary : null;
  }
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}
