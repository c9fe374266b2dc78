/**
 * The process the soak kills (scripts/soak.ts). It opens the archive the way a
 * host does (openArchiveApp: the store, the service, the dispatcher) and runs
 * several concurrent workers calling real operations through the dispatcher:
 * imports (pasted text and Markdown files), highlights, note edits, text
 * edits, metadata changes, backups and restores. For every change it writes
 * an "intent" line to fd 3 BEFORE the call and an "ack" line only AFTER the
 * call resolved ok, so the parent knows exactly what was acknowledged. Writes
 * are synchronous (writeSync), so a line is either whole or cut by the kill.
 * Restores run alone (a gate waits for the other calls to finish and holds new
 * ones); after one, the archive as it now is goes out as a "baseline" line.
 *
 *   node soak-child.mjs DATA_DIR SEED ASSETS_DIR FIRST_SEQUENCE
 */
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { parsePlainText } from '../common/text/plain-text.js';
import { canonicalText } from '../common/types/article.js';
import { openArchiveApp } from '../main/service/archive-app.js';
import { SEED_LINES } from '../tests/support/seed.js';

const [dataDir, seedText, assetsDir] = process.argv.slice(2) as [string, string, string];
const WORKERS = 4;
const ACK_FD = 3;

let state = Number(seedText) >>> 0 || 1;
/** xorshift32: the parent prints the seed, so a failing run can be repeated. */
function random(): number {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 0x100000000;
}
const pick = <T>(items: readonly T[]): T | undefined => (items.length === 0 ? undefined : items[Math.floor(random() * items.length)]);

/** Sequence numbers continue across the parent's runs (it passes where the last run stopped). */
let sequence = Number(process.argv[5] ?? 0);
function emit(record: Record<string, unknown>): void {
  writeSync(ACK_FD, `${JSON.stringify(record)}\n`);
}

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const app = await openArchiveApp({ dataDir, assetsDir, host: 'cli', version: 'soak' });

interface Known {
  id: string;
  length: number;
}
/** Articles this process knows (from the archive at start, then its own imports), with their text length. */
let articles: Known[] = [];
/** Annotations this process made, with the worker that owns them (only the owner edits its notes, one at a time). */
const annotations: Array<{ articleId: string; annotationId: string; worker: number }> = [];
let backups: string[] = [];

async function call<T>(operation: string, args: unknown): Promise<T> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw Object.assign(new Error(`${operation}: ${response.error.code} ${response.error.message}`), { code: response.error.code });
  return response.value as T;
}

/** The archive as it is now, read back whole (the baseline after a restore). */
async function snapshot(): Promise<Array<{ id: string; textHash: string; title: string; notes: Record<string, string> }>> {
  const metas = await call<Array<{ id: string; title: string }>>('listArticles', { view: 'library' });
  const full: Array<{ id: string; textHash: string; title: string; notes: Record<string, string> }> = [];
  for (const meta of metas) {
    const article = await call<{ blocks: Array<{ kind: string; text: string }>; annotations: Array<{ id: string; note: string }> }>('getArticle', { id: meta.id });
    full.push({ id: meta.id, textHash: textHash(canonicalText(article.blocks as never)), title: meta.title, notes: Object.fromEntries(article.annotations.map((annotation) => [annotation.id, annotation.note])) });
  }
  return full;
}

/** Which articles and backups there are; text lengths are read when an article is first highlighted. */
async function refreshKnowledge(): Promise<void> {
  const metas = await call<Array<{ id: string }>>('listArticles', { view: 'library' });
  articles = metas.map((meta) => ({ id: meta.id, length: -1 }));
  annotations.length = 0;
  backups = (await call<{ backups: Array<{ name: string }> }>('listBackups', {})).backups.map((backup) => backup.name);
}

// Restores run alone: `active` counts calls in flight; a restore waits for zero and holds new calls meanwhile.
let active = 0;
let restoring: Promise<void> | null = null;
async function shared<T>(run: () => Promise<T>): Promise<T> {
  while (restoring) await restoring;
  active += 1;
  try {
    return await run();
  } finally {
    active -= 1;
  }
}

function articleText(round: number): string {
  const shift = Math.floor(random() * SEED_LINES.length);
  const lines = [...SEED_LINES.slice(shift), ...SEED_LINES.slice(0, shift)].slice(0, 3 + Math.floor(random() * 6));
  return [...lines, `نسخة ${process.pid}-${round}-${Math.floor(random() * 1e9)}`].join('\n');
}

async function importOne(worker: number, round: number): Promise<void> {
  const text = articleText(round);
  const seq = ++sequence;
  const asFile = random() < 0.4;
  emit({ t: 'intent', seq, op: 'import', worker });
  const outcome = asFile
    ? await call<{ status: string; outcomes: Array<{ status: string; article: { id: string } }> }>('importFile', { name: `soak-${round}.md`, data: Buffer.from(`# مقال ${round}\n\n${text.split('\n').join('\n\n')}\n`).toString('base64') }).then((result) => result.outcomes[0])
    : await call<{ status: string; article: { id: string } }>('importText', { text });
  if (!outcome || outcome.status !== 'imported') return;
  const stored = await call<{ blocks: Array<{ kind: string; text: string }> }>('getArticle', { id: outcome.article.id });
  const canonical = canonicalText(stored.blocks as never);
  emit({ t: 'ack', seq, op: 'import', id: outcome.article.id, textHash: textHash(canonical) });
  articles.push({ id: outcome.article.id, length: canonical.length });
}

async function highlight(worker: number): Promise<void> {
  const article = pick(articles);
  if (!article) return;
  if (article.length < 0) {
    const full = await call<{ blocks: Array<{ kind: string; text: string }> }>('getArticle', { id: article.id });
    article.length = canonicalText(full.blocks as never).length;
  }
  if (article.length < 10) return;
  const start = Math.floor(random() * (article.length - 5));
  const end = Math.min(article.length, start + 2 + Math.floor(random() * 40));
  const note = random() < 0.5 ? `ملاحظة ${Math.floor(random() * 1e6)}` : '';
  const seq = ++sequence;
  emit({ t: 'intent', seq, op: 'highlight', articleId: article.id, note });
  const created = await call<{ id: string }>('addAnnotation', { articleId: article.id, start, end, color: pick(['yellow', 'green', 'blue', 'pink', 'purple'] as const), note });
  emit({ t: 'ack', seq, op: 'highlight', articleId: article.id, annotationId: created.id, note });
  annotations.push({ articleId: article.id, annotationId: created.id, worker });
}

async function editNote(worker: number): Promise<void> {
  const own = pick(annotations.filter((annotation) => annotation.worker === worker));
  if (!own) return;
  const note = `تعديل ${Math.floor(random() * 1e6)}`;
  const seq = ++sequence;
  emit({ t: 'intent', seq, op: 'note', annotationId: own.annotationId, articleId: own.articleId, note });
  await call('updateAnnotation', { articleId: own.articleId, annotationId: own.annotationId, patch: { note } });
  emit({ t: 'ack', seq, op: 'note', annotationId: own.annotationId, articleId: own.articleId, note });
}

async function editText(round: number): Promise<void> {
  const article = pick(articles);
  if (!article) return;
  const text = articleText(round);
  const seq = ++sequence;
  // What the archive will hold: the blocks the text parses into, joined (the canonical text).
  const hash = textHash(canonicalText(parsePlainText(text)));
  emit({ t: 'intent', seq, op: 'text', articleId: article.id, textHash: hash });
  const saved = await call<{ blocks: Array<{ kind: string; text: string }> }>('updateArticleText', { id: article.id, text });
  const canonical = canonicalText(saved.blocks as never);
  article.length = canonical.length;
  emit({ t: 'ack', seq, op: 'text', articleId: article.id, textHash: textHash(canonical) });
}

async function editMeta(): Promise<void> {
  const article = pick(articles);
  if (!article) return;
  const title = `عنوان ${Math.floor(random() * 1e9)}`;
  const seq = ++sequence;
  emit({ t: 'intent', seq, op: 'title', articleId: article.id, title });
  await call('updateArticle', { id: article.id, patch: { title, tags: [`وسم${Math.floor(random() * 5)}`] } });
  emit({ t: 'ack', seq, op: 'title', articleId: article.id, title });
}

async function backup(): Promise<void> {
  const seq = ++sequence;
  emit({ t: 'intent', seq, op: 'backup' });
  const info = await call<{ name: string }>('createBackup', {});
  emit({ t: 'ack', seq, op: 'backup', name: info.name });
  backups.push(info.name);
}

async function restore(): Promise<void> {
  const name = pick(backups);
  if (!name || restoring) return;
  let release = () => undefined as void;
  restoring = new Promise<void>((resolve) => (release = resolve));
  try {
    while (active > 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const seq = ++sequence;
    emit({ t: 'intent', seq, op: 'restore', name });
    await call('restoreBackup', { name });
    emit({ t: 'ack', seq, op: 'restore', name });
    await refreshKnowledge();
    emit({ t: 'baseline', seq, articles: await snapshot() });
  } finally {
    restoring = null;
    release();
  }
}

async function worker(index: number): Promise<void> {
  for (let round = 0; ; round += 1) {
    const roll = random();
    try {
      if (roll < 0.01 && index === 0) await restore();
      else
        await shared(async () => {
          if (roll < 0.15 || articles.length < 3) await importOne(index, round);
          else if (roll < 0.5) await highlight(index);
          else if (roll < 0.68) await editNote(index);
          else if (roll < 0.8) await editText(round);
          else if (roll < 0.96) await editMeta();
          else if (roll < 0.99) await backup();
        });
    } catch (error) {
      // A refused call (e.g. a duplicate or a conflict) is not an acknowledgement; anything else is reported.
      const code = (error as { code?: string }).code;
      if (code !== 'CONFLICT' && code !== 'NOT_FOUND' && code !== 'BAD_ARGS' && code !== 'INVALID_INPUT') emit({ t: 'error', message: (error as Error).message });
    }
  }
}

await refreshKnowledge();
emit({ t: 'ready' });
await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
