// `npm start`: opens Qirtas in Electron when its runtime is installed; otherwise
// says so in one line and serves the same app through the browser shell.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime } from './electron-runtime.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await import('./ensure-built.mjs');

const electron = findElectronRuntime();
const extra = process.argv.slice(2);
const [command, args] = electron
  ? [electron, [root, ...extra]]
  : [process.execPath, [fileURLToPath(new URL('../bin/qirtas.mjs', import.meta.url)), 'serve', '--open', ...extra]];
if (!electron) {
  console.log('No Electron runtime is installed here (node_modules/electron has no binary), so Qirtas opens in your browser instead.');
}
const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
