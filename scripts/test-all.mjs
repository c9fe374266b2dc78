// `npm test`: typecheck, lint, build, unit tests (Vitest), end-to-end tests in
// Chromium (Playwright) and the Electron tests; prints each stage and ends with
// one line "N passed, N failed, N skipped" summed over every test that ran.
// A failing typecheck or lint counts as one failure. Exit code 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function run(name, command, args) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(name, command, args) {
  const { ok, seconds } = run(name, command, args);
  if (!ok) totals.failed += 1;
  stages.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  return ok;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function vitestStage() {
  const report = join(results, 'unit.json');
  rmSync(report, { force: true });
  const { ok, seconds } = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  const json = readJson(report);
  const counts = json
    ? { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests }
    : { passed: 0, failed: 1, skipped: 0 };
  if (!ok && counts.failed === 0) counts.failed = 1;
  record('unit', counts, seconds);
}

function playwrightStage(name, config, reportName) {
  const report = join(results, reportName);
  rmSync(report, { force: true });
  const { ok, seconds } = run(name, 'npx', ['playwright', 'test', '-c', config]);
  const json = readJson(report);
  const stats = json?.stats;
  const counts = stats
    ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
    : { passed: 0, failed: 1, skipped: 0 };
  if (!ok && counts.failed === 0) counts.failed = 1;
  record(name, counts, seconds);
}

function record(name, counts, seconds) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  stages.push(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`);
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
if (check('build', process.execPath, ['scripts/build.mjs'])) {
  vitestStage();
  playwrightStage('e2e', 'playwright.config.ts', 'e2e.json');
  playwrightStage('electron', 'playwright.electron.config.ts', 'electron.json');
}

console.log('\n=== summary');
for (const stage of stages) console.log(stage);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
