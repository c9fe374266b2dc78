// `npm run bench`: runs every benchmark in turn (search, import, reader, …) and
// prints one JSON object with each one's figures. Each benchmark prints its own
// JSON on stdout; progress and notes go to stderr. `--only search,import` runs some.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCHES = ['search', 'import', 'scale', 'reader', 'export', 'store', 'library', 'library-ui', 'collection-backup'];
// `--big`: bench-scale also runs its 50,000-article and 500 MB dataset scenarios (tens of minutes).
const EXTRA_ARGS = { scale: process.argv.includes('--big') ? ['--big'] : [] };
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : BENCHES;

const results = {};
for (const name of only) {
  const script = `scripts/bench-${name}.ts`;
  if (!existsSync(`${root}/${script}`)) continue;
  console.error(`\n=== bench ${name}`);
  const started = Date.now();
  const run = spawnSync('npx', ['tsx', script, ...(EXTRA_ARGS[name] ?? [])], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Math.round((Date.now() - started) / 1000);
  try {
    results[name] = { ...JSON.parse(run.stdout), wallSeconds: seconds };
  } catch {
    results[name] = { error: `exit ${run.status}`, output: run.stdout.slice(-2000), wallSeconds: seconds };
  }
}
console.log(JSON.stringify({ machine: { cores: (await import('node:os')).cpus().length, node: process.version }, ...results }, null, 2));
