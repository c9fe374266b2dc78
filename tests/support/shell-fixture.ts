/**
 * Playwright fixture: a real `qirtas serve` process on a fresh data folder, and
 * a page that fails the test on any page error. The server is the built CLI, the
 * same one a user runs.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { REPO_ROOT, startShell, type ShellProcess } from './shell-process.js';
import { startShell, type ShellProcess, REPO_ROOT } from './shell-process.js';

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
      // An operation the archive refuses answers 4xx (issue 13), and Chromium logs every 4xx
      // fetch; the refusal itself reaches the user as a worded error, which tests check.
      // A 5xx, or a 4xx of anything but the API, is still a page error.
      const refusedCall = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) && /\/api\//.test(message.location().url);
      if (message.type() === 'error' && !refusedCall) errors.push(`${message.text()} ${message.location().url}`);
    });
    await use(page);
    const reported = [...errors];
    await page.goto('about:blank');
    expect(reported, 'the page reported errors').toEqual([]);
  },
});

export { expect };

/** Calls the archive the way the renderer does: POST /api/<operation> with the launch token. */
export function apiFor(url: string) {
  const origin = new URL(url).origin;
  const token = /token=([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';
  return async <T>(operation: string, args: unknown): Promise<T> => {
    const response = await fetch(`${origin}/api/${operation}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
    const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${operation}: ${body.error?.message}`);
    return body.value as T;
  };
}

export const SCREENS_DIR = join(REPO_ROOT, 'test-results', 'screens');
