/**
 * Child process for the UI state crash test: patches ui-state.json as fast as it
 * can — a scroll offset on every patch, coalesced, and every fifth patch flushed
 * — printing `ack <n>` only after a flushed patch resolved (it is on disk). The
 * parent kills it with SIGKILL at random moments.
 */
import { writeSync } from 'node:fs';
import { UiStateStore } from '../../main/store/ui-state-store.js';

const [dataDir] = process.argv.slice(2) as [string];
const store = await UiStateStore.open(dataDir, { debounceMs: 3, maxDelayMs: 10, log: () => undefined });
writeSync(1, 'ready\n');
for (let n = 1; ; n += 1) {
  const flush = n % 5 === 0;
  await store.patch({ 'library-view': { scroll: { all: n }, selection: [`id-${n}`] }, [`reading-position:a${n % 4000}`]: n }, flush);
  if (flush) writeSync(1, `ack ${n}\n`);
  else await new Promise((resolve) => setImmediate(resolve));
}
