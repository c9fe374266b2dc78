/**
 * `npm run soak` — the standing fault-injection run (issue 13). Starts
 * scripts/soak-child.ts on one archive again and again, each time SIGKILLing
 * it at a random moment while its workers import, highlight, edit notes, text
 * and metadata, make backups and restore them. The child reports each change
 * before the call ("intent") and after it resolved ("ack") on fd 3. After every
 * kill the archive is re-opened the way a host opens it (recovery included)
 * and every acknowledged change must be there and intact:
 *   - an acknowledged import is listed and its text is the text acknowledged
 *     (or that of a later text edit that was under way);
 *   - an acknowledged highlight is in its article, never dropped;
 *   - an acknowledged note, text or title is the acknowledged value, or the
 *     value of an edit of the same thing started after it (it may have landed
 *     without its acknowledgement getting out);
 *   - an acknowledged backup exists and verifies;
 *   - a restore under way when the kill came leaves either the archive as it
 *     was (rolled back) or exactly the backup's content.
 * A lost change is reported with its operation, sequence number, the kill
 * (round) and what was found instead.
 *
 *   npm run soak -- --kills 1000 [--seed N] [--data-dir DIR] [--keep] [--min-delay MS] [--max-delay MS]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBackup } from '../main/backup/backup-reader.js';
import { ArticleFile, canonicalText, LibraryFile } from '../common/types/article.js';
import { ArchiveStore } from '../main/store/archive-store.js';
import { bundleChild } from '../tests/support/bundle-child.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSETS_DIR = join(ROOT, 'assets');

export interface SoakOptions {
  kills: number;
  seed?: number;
  dataDir?: string;
  /** Random kill delay after the child is ready, in ms. */
  minDelayMs?: number;
  maxDelayMs?: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  kills: number;
  killsWithAcks: number;
  acknowledged: Record<string, number>;
  restoresInterrupted: number;
  failures: string[];
  childErrors: string[];
  seconds: number;
  seed: number;
  dataDir: string;
}

interface Line {
  t: 'intent' | 'ack' | 'baseline' | 'ready' | 'error';
  seq?: number;
  op?: string;
  [key: string]: unknown;
}

/** A value that may change (a text, a note, a title): the acknowledged write and every write started after it. */
class Versioned {
  ackSeq = -1;
  readonly candidates = new Map<number, string>();

  intent(seq: number, value: string): void {
    this.candidates.set(seq, value);
  }

  ack(seq: number, value: string): void {
    this.candidates.set(seq, value);
    if (seq > this.ackSeq) this.ackSeq = seq;
    for (const old of this.candidates.keys()) if (old < this.ackSeq) this.candidates.delete(old);
  }

  get acknowledged(): boolean {
    return this.ackSeq >= 0;
  }

  accepts(value: string): boolean {
    for (const [seq, candidate] of this.candidates) if (seq >= this.ackSeq && candidate === value) return true;
    return false;
  }

  expected(): string[] {
    return [...this.candidates].filter(([seq]) => seq >= this.ackSeq).map(([seq, value]) => `#${seq}:${value}`);
  }
}

interface ArticleState {
  text: Versioned;
  title: Versioned;
  ackedBy: string;
}

interface AnnotationState {
  articleId: string;
  note: Versioned;
  ackedBy: string;
}

/** What must be in the archive: built from acknowledgements, reset by a finished restore. */
class Model {
  articles = new Map<string, ArticleState>();
  annotations = new Map<string, AnnotationState>();
  backups = new Set<string>();
  /** Note intents before their annotation id is known (a highlight in flight): by sequence. */
  private pendingHighlights = new Map<number, string>();

  article(id: string): ArticleState {
    let state = this.articles.get(id);
    if (!state) {
      state = { text: new Versioned(), title: new Versioned(), ackedBy: '' };
      this.articles.set(id, state);
    }
    return state;
  }

  apply(line: Line, round: number): void {
    const seq = line.seq as number;
    const where = `${line.op} #${seq} (run ${round})`;
    if (line.t === 'intent') {
      if (line.op === 'text') this.article(line.articleId as string).text.intent(seq, line.textHash as string);
      else if (line.op === 'title') this.article(line.articleId as string).title.intent(seq, line.title as string);
      else if (line.op === 'note') this.annotations.get(line.annotationId as string)?.note.intent(seq, line.note as string);
      else if (line.op === 'highlight') this.pendingHighlights.set(seq, line.note as string);
      return;
    }
    if (line.t !== 'ack') return;
    if (line.op === 'import') {
      const state = this.article(line.id as string);
      state.ackedBy = where;
      state.text.ack(seq, line.textHash as string);
    } else if (line.op === 'text') {
      this.article(line.articleId as string).text.ack(seq, line.textHash as string);
    } else if (line.op === 'title') {
      this.article(line.articleId as string).title.ack(seq, line.title as string);
    } else if (line.op === 'highlight') {
      const note = new Versioned();
      note.ack(seq, line.note as string);
      this.annotations.set(line.annotationId as string, { articleId: line.articleId as string, note, ackedBy: where });
      this.pendingHighlights.delete(seq);
    } else if (line.op === 'note') {
      this.annotations.get(line.annotationId as string)?.note.ack(seq, line.note as string);
    } else if (line.op === 'backup') {
      this.backups.add(line.name as string);
    }
  }

  /** After a restore: the archive is what the child read back, nothing else is owed. */
  reset(seq: number, articles: ArchiveSnapshot): void {
    this.articles.clear();
    this.annotations.clear();
    this.pendingHighlights.clear();
    for (const article of articles) {
      const state = this.article(article.id);
      state.ackedBy = `restore baseline #${seq}`;
      state.text.ack(seq, article.textHash);
      state.title.ack(seq, article.title);
      for (const [annotationId, note] of Object.entries(article.notes)) {
        const versioned = new Versioned();
        versioned.ack(seq, note);
        this.annotations.set(annotationId, { articleId: article.id, note: versioned, ackedBy: `restore baseline #${seq}` });
      }
    }
  }
}

type ArchiveSnapshot = Array<{ id: string; textHash: string; title: string; notes: Record<string, string> }>;

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The archive as it is on disk, read through a freshly opened store (which runs the recovery a host's open runs). */
async function readArchive(dataDir: string, onlyIds?: Set<string>): Promise<{ snapshot: ArchiveSnapshot; listed: Set<string>; problems: string[] }> {
  const store = await ArchiveStore.open(dataDir, { log: () => undefined });
  const problems: string[] = [];
  try {
    const metas = store.listMeta();
    const listed = new Set(metas.map((meta) => meta.id));
    const snapshot: ArchiveSnapshot = [];
    for (const meta of metas) {
      if (onlyIds && !onlyIds.has(meta.id)) continue;
      try {
        const file = await store.readArticle(meta.id);
        snapshot.push({ id: meta.id, textHash: textHash(canonicalText(file.blocks)), title: meta.title, notes: Object.fromEntries(file.annotations.map((annotation) => [annotation.id, annotation.note])) });
      } catch (error) {
        problems.push(`article ${meta.id} is listed but cannot be read: ${(error as Error).message}`);
      }
    }
    return { snapshot, listed, problems };
  } finally {
    await store.close();
  }
}

/** Everything the model owes, compared with the archive; one line per lost or damaged change. */
async function check(model: Model, dataDir: string, verifiedBackups: Set<string>): Promise<string[]> {
  const owed = new Set([...model.articles.keys(), ...[...model.annotations.values()].map((annotation) => annotation.articleId)]);
  const { snapshot, listed, problems } = await readArchive(dataDir, owed);
  const failures = [...problems];
  const byId = new Map(snapshot.map((article) => [article.id, article]));
  for (const [id, state] of model.articles) {
    if (!state.text.acknowledged && !state.title.acknowledged) continue;
    const found = byId.get(id);
    if (!listed.has(id) || !found) {
      if (state.ackedBy) failures.push(`LOST article ${id} acknowledged by ${state.ackedBy}: not in the archive`);
      continue;
    }
    if (state.text.acknowledged && !state.text.accepts(found.textHash)) failures.push(`LOST text of ${id}: found ${found.textHash}, expected one of ${state.text.expected().join(', ')}`);
    if (state.title.acknowledged && !state.title.accepts(found.title)) failures.push(`LOST title of ${id}: found "${found.title}", expected one of ${state.title.expected().join(', ')}`);
  }
  for (const [annotationId, state] of model.annotations) {
    const article = byId.get(state.articleId);
    if (!article || !(annotationId in article.notes)) {
      failures.push(`LOST highlight ${annotationId} in ${state.articleId} acknowledged by ${state.ackedBy}`);
      continue;
    }
    const note = article.notes[annotationId] as string;
    if (!state.note.accepts(note)) failures.push(`LOST note of highlight ${annotationId}: found "${note}", expected one of ${state.note.expected().join(', ')}`);
  }
  for (const name of model.backups) {
    const path = join(dataDir, 'backups', name);
    if (!existsSync(path)) {
      failures.push(`LOST backup ${name}: the file is gone`);
      continue;
    }
    if (verifiedBackups.has(name)) continue;
    try {
      await readBackup(path);
      verifiedBackups.add(name);
    } catch (error) {
      failures.push(`BROKEN backup ${name}: ${(error as Error).message}`);
    }
  }
  return failures;
}

/** The archive a backup holds, as a snapshot (for a restore the kill interrupted). */
async function backupSnapshot(path: string): Promise<ArchiveSnapshot> {
  const titles = new Map<string, string>();
  const files = new Map<string, ArticleFile>();
  await readBackup(path, {
    onFile: async (name, bytes) => {
      const json: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
      if (name === 'library.json') for (const meta of LibraryFile.parse(json).articles) titles.set(meta.id, meta.title);
      else if (name.startsWith('articles/')) {
        const file = ArticleFile.parse(json);
        files.set(file.id, file);
      }
    },
  });
  return [...titles].map(([id, title]) => {
    const file = files.get(id) as ArticleFile;
    return { id, title, textHash: textHash(canonicalText(file.blocks)), notes: Object.fromEntries(file.annotations.map((annotation) => [annotation.id, annotation.note])) };
  });
}

function sameArchive(a: ArchiveSnapshot, b: ArchiveSnapshot): boolean {
  const key = (snapshot: ArchiveSnapshot) => JSON.stringify([...snapshot].sort((x, y) => x.id.localeCompare(y.id)).map((article) => [article.id, article.textHash, article.title, Object.entries(article.notes).sort()]));
  return key(a) === key(b);
}

interface Run {
  lines: Line[];
  output: string;
}

function runAndKill(child: string, dataDir: string, seed: number, firstSeq: number, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const process = spawn('node', [child, dataDir, String(seed), ASSETS_DIR, String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let acks = '';
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    process.stdio[3]?.on('data', (chunk: Buffer) => {
      acks += chunk.toString();
      if (!timer && acks.includes('"t":"ready"')) timer = setTimeout(() => process.kill('SIGKILL'), delayMs);
    });
    process.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process.on('error', reject);
    process.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`the soak child ended without being killed:\n${output.slice(-4000)}`));
      // Only whole lines count: a line the kill cut was never fully acknowledged.
      const lines = acks
        .split('\n')
        .slice(0, -1)
        .map((text) => JSON.parse(text) as Line);
      resolve({ lines, output });
    });
  });
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const seed = options.seed ?? (Date.now() % 2 ** 31);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qirtas-soak-'));
  const child = await bundleChild('scripts/soak-child.ts', 'soak-child');
  const model = new Model();
  const verifiedBackups = new Set<string>();
  const report: SoakReport = { kills: 0, killsWithAcks: 0, acknowledged: {}, restoresInterrupted: 0, failures: [], childErrors: [], seconds: 0, seed, dataDir };
  let nextSeq = 0;
  let rng = seed >>> 0 || 1;
  const random = () => {
    rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
    return rng / 0x100000000;
  };
  const minDelay = options.minDelayMs ?? 30;
  const maxDelay = options.maxDelayMs ?? 600;

  for (let round = 1; round <= options.kills; round += 1) {
    // Mostly early kills (many of them land mid-write); one in seven runs longer, so backups and restores get going.
    const delay = random() < 0.15 ? Math.floor(maxDelay + random() * maxDelay * 4) : Math.floor(minDelay + random() * (maxDelay - minDelay));
    const run = await runAndKill(child, dataDir, Math.floor(random() * 2 ** 31), nextSeq, delay);
    report.kills += 1;
    let restoreUnderWay: string | null = null;
    let acksThisRun = 0;
    for (const line of run.lines) {
      if (typeof line.seq === 'number') nextSeq = Math.max(nextSeq, line.seq);
      if (line.t === 'error') report.childErrors.push(`run ${round}: ${String(line.message)}`);
      if (line.t === 'intent' && line.op === 'restore') restoreUnderWay = line.name as string;
      if (line.t === 'baseline') {
        model.reset(line.seq as number, line.articles as ArchiveSnapshot);
        restoreUnderWay = null;
        continue;
      }
      if (line.t === 'ack') {
        acksThisRun += 1;
        report.acknowledged[line.op as string] = (report.acknowledged[line.op as string] ?? 0) + 1;
      }
      model.apply(line, round);
    }
    if (acksThisRun > 0) report.killsWithAcks += 1;

    let failures = await check(model, dataDir, verifiedBackups);
    if (restoreUnderWay !== null) {
      report.restoresInterrupted += 1;
      // Either rolled back (the model holds) or finished (the archive is exactly the backup).
      if (failures.length > 0) {
        const backupPath = join(dataDir, 'backups', restoreUnderWay);
        const { snapshot } = await readArchive(dataDir);
        if (sameArchive(snapshot, await backupSnapshot(backupPath))) {
          model.reset(nextSeq, snapshot);
          failures = [];
        } else failures = failures.map((failure) => `${failure} (a restore of ${restoreUnderWay} was under way and the archive is not that backup either)`);
      }
    }
    if (failures.length > 0) {
      report.failures.push(...failures.map((failure) => `kill ${round} (after ${delay} ms, seed ${seed}): ${failure}`));
      log(`kill ${round}: ${failures.length} acknowledged change(s) lost or damaged:\n  ${failures.slice(0, 20).join('\n  ')}`);
      break;
    }
    if (round % 25 === 0 || round === options.kills) {
      const total = Object.values(report.acknowledged).reduce((sum, count) => sum + count, 0);
      log(`kill ${round}/${options.kills}: ${total} acknowledged changes so far, all present (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kills = Number(argument('kills') ?? 200);
  const seed = argument('seed') === undefined ? undefined : Number(argument('seed'));
  const keep = process.argv.includes('--keep');
  const minDelayMs = argument('min-delay') === undefined ? undefined : Number(argument('min-delay'));
  const maxDelayMs = argument('max-delay') === undefined ? undefined : Number(argument('max-delay'));
  const report = await runSoak({ kills, seed, dataDir: argument('data-dir'), minDelayMs, maxDelayMs });
  console.log(JSON.stringify({ ...report, failures: report.failures.slice(0, 50), childErrors: report.childErrors.slice(0, 20) }, null, 2));
  if (!keep && report.failures.length === 0 && !argument('data-dir')) rmSync(report.dataDir, { recursive: true, force: true });
  process.exit(report.failures.length === 0 ? 0 : 1);
}
