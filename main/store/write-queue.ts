/**
 * Per-key FIFO queues for the one writer (issue 13): every read-modify-write of
 * one file (an article, library.json) runs after the previous one on the same
 * key has settled, so two concurrent changes can never both read the old state
 * and the second overwrite the first. Tasks on different keys run in parallel.
 *
 * A task is started in call order: `run()` chains it synchronously, so whoever
 * calls first is applied first (tests rely on this to compute the expected state).
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget finished keys so 50,000 articles do not keep 50,000 settled promises.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Settles when every task queued so far (on every key) has settled. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
