#!/usr/bin/env node
// The `qirtas` command. Runs the built CLI; says how to build it when it is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/qirtas.mjs', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('qirtas: the app is not built yet. Run: npm run build\n');
  process.exit(1);
}
await import(built.href);
