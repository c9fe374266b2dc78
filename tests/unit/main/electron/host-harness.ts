/**
 * Test side of the Electron host harness (tests/host/electron-host-harness.mjs):
 * starts the built main bundle under Node ≥ 22.12 (installed from the npm
 * registry's platform Node package by scripts/node22.mjs when this Node is
 * older) with the stand-in electron module, and sends it commands.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureNode22 } from '../../../../scripts/node22.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const MAIN_BUNDLE = join(REPO_ROOT, 'dist', 'main', 'electron-main.cjs');
const HARNESS = join(REPO_ROOT, 'tests', 'host', 'electron-host-harness.mjs');
const TAG = '\u0001HARNESS ';

export interface WindowState {
  id: number;
  destroyed: boolean;
  webPreferences: Record<string, unknown> | null;
  loads: Array<{ kind: 'url' | 'file'; url?: string; path?: string; exists?: boolean; size?: number; sha256?: string; head?: string; tail?: string; markerCount?: number | null }>;
  printed: Record<string, unknown> | null;
  sent: Array<{ channel: string; payload: unknown }>;
  hasWindowOpenHandler: boolean;
  contentsEvents: string[];
}

export interface MenuItemState {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  hasClick: boolean;
  submenu?: MenuItemState[];
}

export interface HostState {
  ready: boolean;
  schemesRegisteredBeforeReady: boolean | null;
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  protocolSchemes: string[];
  setPath: Array<{ name: string; value: string; beforeReady: boolean }>;
  ipcHandlers: string[];
  ipcListeners: string[];
  windows: WindowState[];
  permissionHandlers: { request: boolean; check: boolean };
  webRequest: { beforeRequest: boolean; headersReceived: boolean };
  menu: MenuItemState[] | null;
  appEvents: string[];
  errorBoxes: Array<{ title: string; content: string }>;
  messageBoxes: unknown[];
  openExternal: string[];
  openPath: string[];
  unknownAccess: string[];
  quit: { calls: number; prevented: number; quitted: boolean };
}

export interface HostOptions {
  /** Passed as --data-dir (default: a new temporary folder). null: no --data-dir. */
  dataDir?: string | null;
  packaged?: boolean;
  appRoot?: string;
  env?: NodeJS.ProcessEnv;
  /** More command-line arguments (files opened with Qirtas). */
  args?: string[];
  /** Linux: XDG_CONFIG_HOME is the stand-in's appData, so the default archive folder is Electron's default userData. */
  defaultArchiveInAppData?: boolean;
}

export class ElectronHost {
  readonly appData: string;
  readonly dataDir: string | null;
  initial!: HostState;
  output = '';
  private child!: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private waiting = new Map<number, (message: Record<string, unknown>) => void>();

  constructor(private readonly options: HostOptions = {}) {
    const base = mkdtempSync(join(tmpdir(), 'qirtas-host-'));
    this.appData = join(base, 'appData');
    this.dataDir = options.dataDir === undefined ? join(base, 'archive') : options.dataDir;
  }

  async start(): Promise<this> {
    if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run node scripts/build.mjs first.`);
    const node = ensureNode22();
    this.child = spawn(node, [HARNESS], {
      // The app's own folder: nothing may be found in the repository's node_modules by accident.
      cwd: this.options.appRoot ?? REPO_ROOT,
      env: {
        ...process.env,
        ...this.options.env,
        QIRTAS_HOST_APP_ROOT: this.options.appRoot ?? REPO_ROOT,
        QIRTAS_HOST_DATA_DIR: this.dataDir ?? '',
        QIRTAS_HOST_APP_DATA: this.appData,
        QIRTAS_HOST_PACKAGED: this.options.packaged ? '1' : '0',
        QIRTAS_HOST_ARGS: JSON.stringify(this.options.args ?? []),
        QIRTAS_DATA_DIR: this.options.env?.QIRTAS_DATA_DIR ?? '',
        ...(this.options.defaultArchiveInAppData ? { XDG_CONFIG_HOME: this.appData } : {}),
      },
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const started = new Promise<Record<string, unknown>>((resolve, reject) => {
      this.waiting.set(0, resolve);
      this.child.on('exit', (code) => reject(new Error(`the host harness exited (${code}) before it started:\n${this.output}`)));
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      if (!line.startsWith(TAG)) {
        this.output += `${line}\n`;
        return;
      }
      const message = JSON.parse(line.slice(TAG.length)) as Record<string, unknown> & { id: number };
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
    const first = await started;
    if (!first.started) throw new Error(`the main bundle did not start: ${String(first.error ?? '')}\n${this.output}`);
    this.initial = first.state as HostState;
    return this;
  }

  async command<T = unknown>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<Record<string, unknown>>((resolve) => this.waiting.set(id, resolve));
    this.child.stdin.write(`${JSON.stringify({ id, command, ...params })}\n`);
    const message = await answer;
    if (!message.ok) throw new Error(`harness ${command} failed: ${String(message.error)}`);
    return message.value as T;
  }

  state(): Promise<HostState> {
    return this.command<HostState>('state');
  }

  /** One IPC call on the app's call channel, as the window's main frame (or as senderUrl / a subframe). */
  async call(operation: string, args: unknown = {}, from: { senderUrl?: string; frame?: 'main' | 'sub'; channel?: string } = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    const answer = await this.command<{ handled: boolean; response?: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>('invoke', {
      channel: from.channel ?? 'qirtas:call',
      operation,
      args,
      senderUrl: from.senderUrl,
      frame: from.frame ?? 'main',
    });
    if (!answer.handled || !answer.response) throw new Error(`nothing handles the channel ${from.channel ?? 'qirtas:call'}`);
    return answer.response;
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    this.child.kill();
    await exited;
  }
}
