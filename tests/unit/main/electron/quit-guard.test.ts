/** Quit waits for the archive to close, but only up to its time limit. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeBeforeQuit } from '../../../../main/electron/quit-guard.js';

class FakeApp extends EventEmitter {
  quits = 0;
  quitted = false;
  quit(): void {
    this.quits += 1;
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quitted = true;
  }
}

describe('closeBeforeQuit', () => {
  it('holds the quit until close resolves, then quits once', async () => {
    const app = new FakeApp();
    let finish!: () => void;
    let closes = 0;
    closeBeforeQuit(app, () => {
      closes += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    app.quit();
    app.quit();
    expect(app.quitted).toBe(false);
    expect(closes).toBe(1);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.quitted).toBe(true);
  });

  it('quits after the time limit when close never ends, and says so', async () => {
    const app = new FakeApp();
    const warnings: string[] = [];
    closeBeforeQuit(app, () => new Promise<void>(() => undefined), 50, (message) => warnings.push(message));
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.quitted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(app.quitted).toBe(true);
    expect(warnings.join()).toMatch(/did not close within/);
  });

  it('still quits when close fails, reporting why', async () => {
    const app = new FakeApp();
    const warnings: string[] = [];
    closeBeforeQuit(app, () => Promise.reject(new Error('disk gone')), 1000, (message) => warnings.push(message));
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.quitted).toBe(true);
    expect(warnings.join()).toContain('disk gone');
  });
});
