// A Node that can require() ES modules (≥ 22.12), as Electron's main process can:
// the host tests load the built main bundle with it. This Node when it is new
// enough; else QIRTAS_NODE22; else the npm registry's platform build of Node 22
// (node-<platform>-<arch>, a package with the binary and no install script),
// installed once into .cache/node22 of the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const NODE22_TOOLS = join(root, '.cache', 'node22');
const MIN = [22, 12];

function newEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
}

function versionOf(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function platformPackage() {
  const platform = { win32: 'win', darwin: 'darwin', linux: 'linux' }[process.platform];
  if (!platform) return null;
  return `node-${platform}-${process.arch}`;
}

function installedBinary(name) {
  const folder = join(NODE22_TOOLS, 'node_modules', name, 'bin');
  return [join(folder, 'node'), join(folder, 'node.exe')].find((path) => existsSync(path)) ?? null;
}

/** Path of a Node ≥ 22.12, installing it from the npm registry when none is at hand. Throws with the reason when that fails. */
export function ensureNode22({ install = true, log = (line) => console.log(line) } = {}) {
  if (newEnough(process.version)) return process.execPath;
  const explicit = process.env.QIRTAS_NODE22;
  if (explicit) {
    const version = versionOf(explicit);
    if (version && newEnough(version)) return explicit;
    throw new Error(`QIRTAS_NODE22=${explicit} is not a Node ≥ ${MIN.join('.')} (it answered ${version ?? 'nothing'}).`);
  }
  const name = platformPackage();
  if (!name) throw new Error(`No Node 22 build on the npm registry for ${process.platform}.`);
  const found = installedBinary(name);
  if (found && newEnough(versionOf(found) ?? '0.0')) return found;
  if (!install) throw new Error(`Node ≥ ${MIN.join('.')} is not installed in ${NODE22_TOOLS}.`);
  // Test files run in parallel: one installs, the others wait for it.
  const lock = join(NODE22_TOOLS, '.installing');
  mkdirSync(NODE22_TOOLS, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 300_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
      const ready = installedBinary(name);
      if (ready && newEnough(versionOf(ready) ?? '0.0')) return ready;
    }
  }
  try {
    return installNode(name, log);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function installNode(name, log) {
  log(`Installing ${name}@22 from the npm registry into ${NODE22_TOOLS} (Node ≥ 22.12 for the Electron host tests)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', NODE22_TOOLS, `${name}@22`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  const binary = installedBinary(name);
  const version = binary ? versionOf(binary) : null;
  if (!binary || !version || !newEnough(version)) throw new Error(`Installing ${name}@22 did not give a Node ≥ ${MIN.join('.')}.`);
  return binary;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(ensureNode22());
}
