/**
 * Runs a real `qirtas serve` process (the built CLI, as a user runs it) on a data
 * folder and waits for the URL it prints. Used by the e2e fixture and benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export interface ShellProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `qirtas serve` on a free port and waits for the URL it prints. */
export async function startShell(dataDir: string, startTimeoutMs = 20_000): Promise<ShellProcess> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'qirtas.mjs'), 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Do not leave a server holding the archive's lock behind.
      child.kill('SIGTERM');
      reject(new Error(`qirtas serve did not start:\n${output}`));
    }, startTimeoutMs);
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
