/** Entry point of the built CLI (dist/cli/qirtas.mjs): finds the app root and runs the command. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './qirtas.js';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.exitCode = await runCli(process.argv.slice(2), appRoot);
