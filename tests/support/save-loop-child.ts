/**
 * Child process for the crash test: opens the archive and, as fast as it can,
 * adds articles, renames them, tags several at once (one journal line) and adds
 * highlights, printing a line to stdout only after each save resolved:
 *   ack <id> <hash>        article added
 *   title <id> <n>         its title now ends in "(n)"
 *   tag <tag> <id>,<id>…   these articles now carry <tag>
 *   note <id> <annotation> this highlight is in the article
 * The library journal is compacted every few changes (compactAtEntries), so
 * kills land in appends and in compactions alike. The parent kills it with
 * SIGKILL at random moments. With "hold" it just opens the archive and waits,
 * to test the one-writer lock.
 */
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ArchiveStore } from '../../main/store/archive-store.js';
import { articleFromDraft } from '../../main/import/text-import.js';
import { parsePlainText } from '../../common/text/plain-text.js';
import { SEED_LINES } from './seed.js';

const [dataDir, mode] = process.argv.slice(2) as [string, string | undefined];
const store = await ArchiveStore.open(dataDir, { compactAtEntries: 7, log: () => undefined });
writeSync(1, 'ready\n');
if (mode === 'hold') {
  setInterval(() => undefined, 1 << 30);
} else {
  const recent: string[] = [];
  for (let n = 0; ; n += 1) {
    // Each article is a different rotation of the real paragraphs, so no two are alike.
    const lines = [...SEED_LINES.slice(n % SEED_LINES.length), ...SEED_LINES.slice(0, n % SEED_LINES.length), `${process.pid}-${n}`];
    const article = articleFromDraft({ blocks: parsePlainText(lines.join('\n')) }, 'crash-test');
    const id = article.meta.id;
    await store.addArticles([article]);
    writeSync(1, `ack ${id} ${article.meta.contentHash}\n`);
    recent.push(id);
    if (recent.length > 5) recent.shift();
    if (n % 3 === 0) {
      await store.updateMeta(id, (meta) => ({ ...meta, title: `${meta.title} (${n})` }));
      writeSync(1, `title ${id} ${n}\n`);
    }
    if (n % 4 === 0) {
      const tag = `t${process.pid}-${n}`;
      const ids = [...recent];
      await store.updateMetaMany(ids, (meta) => ({ ...meta, tags: [...meta.tags, tag] }));
      writeSync(1, `tag ${tag} ${ids.join(',')}\n`);
    }
    if (n % 2 === 0) {
      const annotationId = randomUUID();
      const now = new Date().toISOString();
      // Two highlights saved at once on one article: both must survive (the per-article queue).
      const target = recent[0] as string;
      const add = (suffix: string) =>
        store.updateArticle(target, (file) => ({
          ...file,
          annotations: [
            ...file.annotations,
            { id: `${annotationId}${suffix}`, target: { selector: [{ type: 'TextPositionSelector' as const, start: 0, end: 5 }] }, color: 'yellow' as const, note: '', tags: [], created: now, modified: now },
          ],
        }));
      await Promise.all([add('-a').then(() => writeSync(1, `note ${target} ${annotationId}-a\n`)), add('-b').then(() => writeSync(1, `note ${target} ${annotationId}-b\n`))]);
    }
  }
}
