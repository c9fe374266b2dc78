/**
 * Opens the browser shell's URL in a browser window for `qirtas serve --open`:
 * Chromium/Chrome as an app window when installed, else the system's opener.
 * Says why when it cannot (no display), instead of failing silently.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function openInBrowser(url: string): string {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display found, so no browser was opened; open the URL above yourself.';
  }
  const chromium = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  const [command, args] = chromium
    ? [chromium, [`--app=${url}`, '--no-first-run', '--disable-background-networking', '--disable-sync']]
    : process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return `Opened ${chromium ?? 'the default browser'}.`;
}
