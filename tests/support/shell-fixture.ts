/**
 * Playwright fixture: a real `qirtas serve` process on a fresh data folder, and
 * a page that fails the test on any page error. The server is the built CLI, the
 * same one a user runs.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export interface ShellProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `qirtas serve` on a free port and waits for the URL it prints. */
export async function startShell(dataDir: string): Promise<ShellProcess> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'qirtas.mjs'), 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`qirtas serve did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`qirtas serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ shell: ShellProcess; page: Page }>({
  // Playwright fixtures must destructure their dependencies; this one has none.
  // eslint-disable-next-line no-empty-pattern
  shell: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-e2e-'));
    const shell = await startShell(dataDir);
    await use(shell);
    await shell.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
  // Depends on the shell so that it is torn down first: requests still in flight when a
  // test ends (a debounced settings save) are cancelled by leaving the page, not refused
  // by a server that is already gone.
  page: async ({ page, shell: _shell }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
    });
    await use(page);
    const reported = [...errors];
    await page.goto('about:blank');
    expect(reported, 'the page reported errors').toEqual([]);
  },
});

export { expect };

export const SCREENS_DIR = join(REPO_ROOT, 'test-results', 'screens');
