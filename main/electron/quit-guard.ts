/**
 * Quitting waits for the archive to close (search index saved, backups stopped,
 * lock file released), but never forever: after the time limit the app quits
 * anyway and says so (the next start takes over a lock left by a dead process).
 */
export interface QuitTarget {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export const QUIT_CLOSE_LIMIT_MS = 10_000;

export function closeBeforeQuit(
  app: QuitTarget,
  close: () => Promise<void>,
  limitMs = QUIT_CLOSE_LIMIT_MS,
  warn: (message: string) => void = (message) => console.error(message),
): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<'timeout'>((done) => {
      timer = setTimeout(() => done('timeout'), limitMs);
    });
    const closing = close().then(
      () => 'closed' as const,
      (error: unknown) => {
        warn(`Qirtas: closing the archive failed: ${(error as Error)?.message ?? String(error)}`);
        return 'closed' as const;
      },
    );
    void Promise.race([closing, limit]).then((outcome) => {
      clearTimeout(timer);
      if (outcome === 'timeout') warn(`Qirtas: the archive did not close within ${limitMs / 1000} s; quitting anyway.`);
      state = 'closed';
      app.quit();
    });
  });
}
