/**
 * Bundles a TypeScript child-process script into one .mjs with esbuild, so tests
 * that spawn it hundreds of times pay Node's start-up only, not a TS loader's.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function bundleChild(entry: string, name: string): Promise<string> {
  const outDir = join(ROOT, 'test-results', 'children');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Packages stay in node_modules (found by walking up from test-results/), as in the real CLI build.
    packages: 'external',
  });
  return outfile;
}
