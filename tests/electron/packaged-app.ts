/**
 * The packaged app as a user runs it: finds the executable electron-builder wrote
 * (release/<os>-unpacked, release/mac*\/Qirtas.app; QIRTAS_PACKAGED_APP overrides),
 * starts it with Chromium's remote debugging port and drives its window over
 * CDP. Playwright's _electron cannot be used: it needs --inspect, which the
 * release fuses switch off, and the tests must run the binary that ships.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function packagedAppPath(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.QIRTAS_PACKAGED_APP) return existsSync(env.QIRTAS_PACKAGED_APP) ? env.QIRTAS_PACKAGED_APP : null;
  const release = join(root, 'release');
  const candidates =
    process.platform === 'win32'
      ? [join(release, 'win-unpacked', 'Qirtas.exe')]
      : process.platform === 'darwin'
        ? [join(release, `mac-${process.arch}`, 'Qirtas.app', 'Contents', 'MacOS', 'Qirtas'), join(release, 'mac', 'Qirtas.app', 'Contents', 'MacOS', 'Qirtas')]
        : [join(release, 'linux-unpacked', 'qirtas')];
  return candidates.find((path) => existsSync(path)) ?? null;
}

export interface RunningApp {
  child: ChildProcess;
  browser: Browser;
  page: Page;
  /** Milliseconds from spawn to the window's page being reachable. */
  startedMs: number;
  exited: Promise<number | null>;
}

export async function launchPackaged(executable: string, dataDir: string): Promise<RunningApp> {
  const started = Date.now();
  const child = spawn(executable, ['--remote-debugging-port=0', `--data-dir=${dataDir}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    void exited.then((code) => reject(new Error(`the app exited (${code}) before its window opened:\n${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? (await new Promise<never>((_, reject) => reject(new Error('no browser context'))));
  const isApp = (page: Page) => page.url().startsWith('app://qirtas/');
  const page = context.pages().find(isApp) ?? (await context.waitForEvent('page', { predicate: isApp, timeout: 30_000 }));
  return { child, browser, page, startedMs: Date.now() - started, exited };
}
