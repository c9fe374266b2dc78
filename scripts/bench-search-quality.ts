/**
 * Known-item search quality (issue 9): `npx tsx scripts/bench-search-quality.ts
 * [--size 10000] [--per 100]` prints one JSON object. Queries are built from the
 * real text of generated articles (tests/support/arabic-corpus.ts): three words
 * from three different blocks of one article, the rarest of each block, kept
 * only when at most five articles hold all three as written (those are the
 * relevant set); then one word (or the query) is changed the way readers type:
 * diacritics, hamza, ة/ه, ى/ي (function words too), attached particles, the
 * article, typos (short words, first letter, inside function words), tatweel,
 * Arabic-Indic digits, word order, presentation forms. Qirtas, MiniSearch and
 * SQLite FTS5 answer the same queries over the same articles in the same run
 * (the baselines index text normalized by Qirtas' own analyzer); success@10 and
 * MRR per category. Negative queries (real words absent from the archive) count
 * how often Qirtas' top answer is a confident one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { normalizeForSearch } from '../common/text/arabic.js';
import { tokenize } from '../common/text/tokenize.js';
import { canonicalText } from '../common/types/article.js';
import { SearchIndex } from '../main/search/search-index.js';
import { generateArticle, rng } from '../tests/support/arabic-corpus.js';
import { perturb, CATEGORIES, type Category } from './bench-search-perturb.js';

const SEED = 7;
const TOP = 10;
const MAX_RELEVANT = 5;

interface Query {
  category: Category;
  kind: string;
  query: string;
  relevant: string[];
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const log = (m: string): void => void process.stderr.write(`[bench-search-quality] ${m}\n`);
const round = (n: number, d = 3): number => Math.round(n * 10 ** d) / 10 ** d;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const ARABIC = /^(?:[\u0621-\u064A]|[\u064B-\u0652]|\u0670)+$/;

/** Known-item queries, `per` in each category. */
export function makeQueries(index: SearchIndex, size: number, per: number): Query[] {
  const random = rng(SEED * 31 + size);
  const vocab = index.vocabulary();
  const out: Query[] = [];
  for (const category of CATEGORIES) {
    let made = 0;
    for (let attempt = 0; made < per && attempt < per * 40; attempt += 1) {
      const article = generateArticle(Math.floor(random() * size), SEED);
      const blocks = article.blocks.filter((b) => b.kind !== 'heading');
      if (blocks.length < 3) continue;
      const chosen = new Set<number>();
      while (chosen.size < 3) chosen.add(Math.floor(random() * blocks.length));
      const words: string[] = [];
      for (const b of chosen) {
        const text = blocks[b]!.text;
        const tokens = tokenize(text).filter((t) => t.norm.length >= 4 && ARABIC.test(text.slice(t.start, t.end)));
        if (tokens.length === 0) break;
        const best = tokens.reduce((x, y) => (vocab.docFrequency(y.norm) < vocab.docFrequency(x.norm) ? y : x));
        words.push(text.slice(best.start, best.end));
      }
      if (words.length < 3 || new Set(words.map(normalizeForSearch)).size < 3) continue;
      const changed = perturb(category, words, article, random, vocab);
      if (!changed || new Set(changed.original.map(normalizeForSearch)).size < changed.original.length) continue;
      // Relevant: the articles holding every word as written (well-posed only when few do).
      const relevant = index.search(changed.original.join(' '), { exact: true, limit: MAX_RELEVANT + 1, partial: false }).results.map((r) => r.id);
      if (relevant.length === 0 || relevant.length > MAX_RELEVANT || !relevant.includes(article.id)) continue;
      out.push({ category, kind: changed.kind, query: changed.query, relevant });
      made += 1;
    }
  }
  return out;
}

/** The word without article, one-letter particle and common suffixes: what a related archive word would contain. */
function lightStem(norm: string): string {
  let s = norm.replace(/^(وال|بال|كال|فال|لل|ال|[وفبل])/, '');
  s = s.replace(/(ات|ين|ون|ان|يه|ها|هم|ه|ي)$/, '');
  return s;
}

/**
 * Real Arabic words absent from the archive in every form: Debian translations
 * the corpus does not embed, kept only when no archive term contains their
 * light stem (so no clitic or inflected form of them is in the archive either).
 */
function negativeQueries(index: SearchIndex, count: number): { query: string }[] {
  const dir = '/usr/share/locale/ar/LC_MESSAGES';
  if (!existsSync(dir)) return [];
  const vocab = index.vocabulary();
  const terms = (vocab as unknown as { snapshot(): { terms: readonly string[]; df: Int32Array } }).snapshot();
  const live = terms.terms.filter((_, i) => terms.df[i]! > 0);
  const related = (w: string): boolean => {
    const stem = lightStem(normalizeForSearch(w));
    return stem.length < 3 || live.some((t) => t.includes(stem));
  };
  const words = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mo')).sort()) {
    const text = readFileSync(`${dir}/${file}`).toString('utf8');
    for (const m of text.matchAll(/[\u0621-\u064A]{5,}/g)) {
      const w = m[0];
      if (words.size < count && vocab.docFrequency(normalizeForSearch(w)) === 0 && !related(w)) words.add(w);
    }
  }
  return [...words].map((query) => ({ query }));
}

interface Engine {
  name: string;
  description: string;
  search(query: string): string[];
}

function miniSearchEngine(docs: { id: string; text: string }[]): Engine {
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: [], searchOptions: { fuzzy: 0.2, prefix: false } });
  mini.addAll(docs);
  return {
    name: 'minisearch',
    description: 'MiniSearch 7 over Qirtas-normalized title+body, default tokenizer, BM25+, OR of words with fuzzy 0.2 (its documented setting)',
    search: (query) => mini.search(normalizeForSearch(query)).slice(0, TOP).map((r) => String(r.id)),
  };
}

async function fts5Engine(docs: { id: string; text: string }[]): Promise<Engine | { skipped: string }> {
  const path = fileURLToPath(new URL('../node_modules/@sqlite.org/sqlite-wasm/sqlite-wasm/jswasm/sqlite3.mjs', import.meta.url));
  if (!existsSync(path)) return { skipped: '@sqlite.org/sqlite-wasm is not installed' };
  // The official wasm build targets browsers; it runs in Node given these two globals.
  const g = globalThis as Record<string, unknown>;
  g.self ??= globalThis;
  g.location ??= new URL(`file://${path}`);
  const { default: init } = (await import(path)) as { default: (o: object) => Promise<SqliteModule> };
  const sqlite3 = await init({ print: () => {}, printErr: () => {}, wasmBinary: readFileSync(path.replace(/sqlite3\.mjs$/, 'sqlite3.wasm')) });
  const db = new sqlite3.oo1.DB(':memory:');
  db.exec('CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body)');
  db.exec('BEGIN');
  for (const d of docs) db.exec({ sql: 'INSERT INTO docs(id, body) VALUES (?, ?)', bind: [d.id, d.text] });
  db.exec('COMMIT');
  return {
    name: 'sqlite-fts5',
    description: `SQLite ${sqlite3.version.libVersion} FTS5 (official wasm build) over Qirtas-normalized title+body, unicode61 tokenizer, implicit AND of the words, ranked by bm25()`,
    search: (query) => {
      const terms = tokenize(query).map((t) => `"${t.norm.replace(/"/g, '""')}"`);
      if (terms.length === 0) return [];
      return db.selectValues(`SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ${TOP}`, [terms.join(' ')]).map(String);
    },
  };
}

interface SqliteModule {
  version: { libVersion: string };
  oo1: { DB: new (name: string) => { exec(sql: string | { sql: string; bind: unknown[] }): void; selectValues(sql: string, bind: unknown[]): unknown[] } };
}

function score(engine: Engine, queries: Query[]): { byCategory: Record<string, { n: number; successAt10: number; mrr: number }>; overall: { n: number; successAt10: number; mrr: number }; misses: Query[]; ms: number[] } {
  const acc = new Map<string, { n: number; hit: number; rr: number }>();
  const misses: Query[] = [];
  const ms: number[] = [];
  let total = { n: 0, hit: 0, rr: 0 };
  for (const q of queries) {
    const t = performance.now();
    const ids = engine.search(q.query);
    ms.push(performance.now() - t);
    const rank = ids.findIndex((id) => q.relevant.includes(id));
    const a = acc.get(q.category) ?? { n: 0, hit: 0, rr: 0 };
    a.n += 1;
    total.n += 1;
    if (rank >= 0) {
      a.hit += 1;
      a.rr += 1 / (rank + 1);
      total.hit += 1;
      total.rr += 1 / (rank + 1);
    } else misses.push(q);
    acc.set(q.category, a);
  }
  const fmt = (a: { n: number; hit: number; rr: number }) => ({ n: a.n, successAt10: round(a.hit / a.n), mrr: round(a.rr / a.n) });
  total = total.n === 0 ? { n: 1, hit: 0, rr: 0 } : total;
  return { byCategory: Object.fromEntries([...acc].map(([k, a]) => [k, fmt(a)])), overall: fmt(total), misses, ms };
}

export async function benchQuality(size: number, per: number): Promise<Record<string, unknown>> {
  log(`${size}: generating and indexing`);
  const index = new SearchIndex();
  const plain: { id: string; text: string }[] = [];
  for (let i = 0; i < size; i += 1) {
    const a = generateArticle(i, SEED);
    index.upsert(a);
    plain.push({ id: a.id, text: normalizeForSearch(`${a.title}\n\n${canonicalText(a.blocks)}`) });
  }
  index.compact();
  log(`${size}: building queries`);
  const queries = makeQueries(index, size, per);
  const qirtas: Engine = {
    name: 'qirtas',
    description: 'Qirtas SearchIndex (this repository), limit 10, default options (partial matches and all fallbacks on)',
    search: (query) => index.search(query, { limit: TOP }).results.map((r) => r.id),
  };
  log(`${size}: minisearch`);
  const mini = miniSearchEngine(plain);
  log(`${size}: fts5`);
  const fts = await fts5Engine(plain);
  plain.length = 0;
  const engines: Engine[] = [qirtas, mini, ...('search' in fts ? [fts] : [])];
  const report: Record<string, unknown> = { size, queries: queries.length, categories: CATEGORIES.length, engines: {} };
  for (const engine of engines) {
    log(`${size}: scoring ${engine.name}`);
    // Warm-up so the first queries do not pay for lazy structures.
    for (const q of queries.slice(0, 20)) engine.search(q.query);
    const s = score(engine, queries);
    (report.engines as Record<string, unknown>)[engine.name] = {
      description: engine.description,
      overall: s.overall,
      byCategory: s.byCategory,
      latencyMs: { p50: round(percentile(s.ms, 50)), p95: round(percentile(s.ms, 95)), max: round(Math.max(...s.ms)) },
      ...(engine === qirtas ? { slowest: queries.map((q, i) => ({ ms: round(s.ms[i]!, 1), category: q.category, query: q.query })).sort((a, b) => b.ms - a.ms).slice(0, 8) } : {}),
      ...(engine === qirtas ? { misses: s.misses.slice(0, 40).map((m) => ({ category: m.category, kind: m.kind, query: m.query, relevant: m.relevant })) } : {}),
    };
  }
  if (!('search' in fts)) report.fts5 = fts;
  const negatives = negativeQueries(index, 300);
  let confident = 0;
  const confidentExamples: string[] = [];
  for (const { query } of negatives) {
    const top = index.search(query, { limit: 1 }).results[0];
    if (top && !top.approximate && !top.partial) {
      confident += 1;
      if (confidentExamples.length < 10) confidentExamples.push(query);
    }
  }
  report.negative = negatives.length === 0
    ? { skipped: 'no /usr/share/locale/ar translations on this machine to draw absent real words from' }
    : { n: negatives.length, confidentTopShare: round(confident / negatives.length), examples: confidentExamples, source: 'real Arabic words of /usr/share/locale/ar/LC_MESSAGES/*.mo absent from the archive in every form (no archive term contains their light stem)' };
  const byName = report.engines as Record<string, { overall: { successAt10: number } }>;
  const bestBaseline = Math.max(...engines.filter((e) => e !== qirtas).map((e) => byName[e.name]!.overall.successAt10));
  report.marginOverBestBaselinePoints = round((byName.qirtas!.overall.successAt10 - bestBaseline) * 100, 1);
  return report;
}

async function main(): Promise<void> {
  const report = await benchQuality(Number(arg('size', '10000')), Number(arg('per', '100')));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

if (process.argv[1]?.endsWith('bench-search-quality.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
