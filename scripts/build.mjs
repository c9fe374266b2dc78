// Builds everything into dist/: the renderer with Vite, and with esbuild the CLI
// (ESM) and the Electron main process (CommonJS), both leaving npm packages in
// node_modules (electron-builder ships the dependencies; jsdom and pdf.js load
// files of their own at run time, which bundling would break), and the sandboxed
// preload (one CommonJS file: a sandboxed preload cannot load packages).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

await viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: 'warn' });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
await Promise.all([
  esbuild({ ...common, entryPoints: ['main/cli/cli-entry.ts'], outfile: 'dist/cli/qirtas.mjs', format: 'esm', packages: 'external' }),
  esbuild({ ...common, entryPoints: ['main/electron/electron-main.ts'], outfile: 'dist/main/electron-main.cjs', format: 'cjs', packages: 'external' }),
  esbuild({ ...common, entryPoints: ['preload/preload.ts'], outfile: 'dist/preload/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
