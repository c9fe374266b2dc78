/**
 * Child process for the crash test: opens the archive and saves articles (and
 * rewrites metadata) as fast as it can, printing "ack <id> <hash>" to stdout only
 * after each save resolved. The parent kills it with SIGKILL at random moments.
 * With "hold" it just opens the archive and waits, to test the one-writer lock.
 */
import { writeSync } from 'node:fs';
import { ArchiveStore } from '../../main/store/archive-store.js';
import { articleFromDraft } from '../../main/import/text-import.js';
import { parsePlainText } from '../../common/text/plain-text.js';
import { SEED_LINES } from './seed.js';

const [dataDir, mode] = process.argv.slice(2) as [string, string | undefined];
const store = await ArchiveStore.open(dataDir);
writeSync(1, 'ready\n');
if (mode === 'hold') {
  setInterval(() => undefined, 1 << 30);
} else {
  for (let n = 0; ; n += 1) {
    // Each article is a different rotation of the real paragraphs, so no two are alike.
    const lines = [...SEED_LINES.slice(n % SEED_LINES.length), ...SEED_LINES.slice(0, n % SEED_LINES.length), `${process.pid}-${n}`];
    const article = articleFromDraft({ blocks: parsePlainText(lines.join('\n')) }, 'crash-test');
    await store.addArticles([article]);
    writeSync(1, `ack ${article.meta.id} ${article.meta.contentHash}\n`);
    if (n % 3 === 0) {
      await store.updateMeta(article.meta.id, (meta) => ({ ...meta, title: `${meta.title} (${n})` }));
      writeSync(1, `title ${article.meta.id} ${n}\n`);
    }
  }
}
