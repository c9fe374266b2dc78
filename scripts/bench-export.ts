/**
 * Export and backup benchmark (issue 6): an archive of 10,000 articles of real
 * Arabic text (tests/support/arabic-corpus.ts) with 20,000 highlights — two per
 * article, over real phrases of its text, with notes and tags — written through
 * ArchiveStore.addArticles in batches with the annotations already in the files.
 * Then, each in a fresh child process (so its peak memory is its own):
 * exporting all highlights to Markdown and to DOCX (seconds, peak RSS, size),
 * and a verified backup of the archive (seconds, peak RSS, zip size). Each is run
 * several times; medians are reported. One JSON object on stdout.
 *
 *   npx tsx scripts/bench-export.ts [--articles 10000] [--runs 3] [--data-dir DIR (keep and reuse the archive)]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeRange } from '../common/anchoring/selectors.js';
import { type Annotation, type ArticleFile, type ArticleMeta, canonicalText, type HighlightColor, SCHEMA_VERSION } from '../common/types/article.js';
import { countWords } from '../common/text/fingerprint.js';
import { createBackup } from '../main/backup/create-backup.js';
import { exportNotes } from '../main/export/export-notes.js';
import { contentHash } from '../main/import/text-import.js';
import { ArchiveStore } from '../main/store/archive-store.js';
import { generateArticle, rng } from '../tests/support/arabic-corpus.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    child: { type: 'string' },
    'data-dir': { type: 'string' },
    out: { type: 'string' },
  },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const HIGHLIGHTS_PER_ARTICLE = 2;
const BATCH = 500;
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const log = (text: string) => process.stderr.write(`${text}\n`);

/** Two highlights over real phrases of the article (the corpus's own picks first), with notes and tags. */
function annotate(index: number, blocks: ArticleFile['blocks'], picks: Array<{ text: string; color: string }>, notes: string[], tags: string[]): Annotation[] {
  const text = canonicalText(blocks);
  const random = rng(index + 7);
  const annotations: Annotation[] = [];
  const used = new Set<number>();
  for (let n = 0; annotations.length < HIGHLIGHTS_PER_ARTICLE && n < 50; n += 1) {
    let start = -1;
    let length = 0;
    const pick = picks[n];
    if (pick && pick.text.trim()) {
      start = text.indexOf(pick.text);
      length = pick.text.length;
    }
    if (start < 0) {
      // A run of 3–8 words somewhere in the text.
      const words = [...text.matchAll(/\S+/g)];
      const first = Math.floor(random() * Math.max(1, words.length - 8));
      const last = Math.min(words.length - 1, first + 2 + Math.floor(random() * 6));
      start = words[first]?.index ?? 0;
      length = (words[last]?.index ?? 0) + (words[last]?.[0].length ?? 1) - start;
    }
    if (used.has(start) || length <= 0) continue;
    used.add(start);
    const { quote, position } = describeRange(text, start, start + length);
    const stamp = new Date(Date.UTC(2024, 0, 1) + index * 60_000 + n * 1000).toISOString();
    annotations.push({
      id: `h${String(index).padStart(6, '0')}-${annotations.length}`,
      target: { selector: [quote, position] },
      color: (pick?.color as HighlightColor | undefined) ?? (COLORS[(index + n) % COLORS.length] as HighlightColor),
      note: notes[annotations.length] ?? '',
      tags: annotations.length === 0 ? tags.slice(0, 1) : [],
      created: stamp,
      modified: stamp,
    });
  }
  return annotations;
}

async function buildArchive(dataDir: string): Promise<{ highlights: number; bytes: number }> {
  const store = await ArchiveStore.open(dataDir);
  let highlights = 0;
  try {
    for (let from = 0; from < ARTICLES; from += BATCH) {
      const entries: Array<{ meta: ArticleMeta; file: ArticleFile }> = [];
      for (let index = from; index < Math.min(ARTICLES, from + BATCH); index += 1) {
        const article = generateArticle(index, 11);
        const canonical = canonicalText(article.blocks);
        const stamp = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString();
        const annotations = annotate(index, article.blocks, article.highlights, article.notes, article.tags);
        highlights += annotations.length;
        entries.push({
          meta: {
            id: article.id,
            ...(article.externalId ? { externalId: article.externalId } : {}),
            title: article.title,
            source: article.source,
            author: '',
            url: `https://example.org/articles/${article.id}`,
            published: article.published,
            tags: article.tags,
            language: 'ar',
            importedAt: stamp,
            updatedAt: stamp,
            contentHash: contentHash(canonical),
            wordCount: countWords(canonical),
            trashedAt: null,
          },
          file: { schemaVersion: SCHEMA_VERSION, id: article.id, blocks: article.blocks, annotations },
        });
      }
      await store.addArticles(entries);
      log(`  built ${Math.min(ARTICLES, from + BATCH)}/${ARTICLES} articles`);
    }
  } finally {
    await store.close();
  }
  const bytes = Number(spawnSync('du', ['-sb', dataDir], { encoding: 'utf8' }).stdout.split('\t')[0]);
  return { highlights, bytes };
}

/** One measured operation, in this (child) process. */
async function runChild(operation: string, dataDir: string, out: string): Promise<void> {
  const started = performance.now();
  let size: number;
  let counted: number;
  if (operation === 'md' || operation === 'docx') {
    const store = await ArchiveStore.open(dataDir, { readOnly: true });
    const result = await exportNotes(store, { scope: { kind: 'all' }, format: operation, options: { onlyHighlights: true, groupBy: 'article', locale: 'ar' } }, { appRoot: ROOT });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(out, result.bytes);
    size = result.bytes.byteLength;
    counted = result.highlightCount;
  } else if (operation === 'backup') {
    const backup = await createBackup(dataDir, out, { kind: 'manual', appVersion: 'bench' });
    size = backup.size;
    counted = backup.manifest.annotationCount;
  } else throw new Error(`unknown operation ${operation}`);
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is the process's peak resident set, in kilobytes.
  process.stdout.write(JSON.stringify({ seconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), size, counted }));
}

function measure(operation: string, dataDir: string, folder: string): { seconds: number; peakRssMB: number; sizeMB: number; counted: number; runs: number[] } {
  const runs: Array<{ seconds: number; peakRssMB: number; size: number; counted: number }> = [];
  for (let run = 0; run < RUNS; run += 1) {
    const out = join(folder, `out-${operation}-${run}.${operation === 'backup' ? 'zip' : operation}`);
    const child = spawnSync(process.execPath, [...process.execArgv, SCRIPT, '--child', operation, '--data-dir', dataDir, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`${operation} run ${run} failed (exit ${child.status})`);
    runs.push(JSON.parse(child.stdout) as { seconds: number; peakRssMB: number; size: number; counted: number });
    log(`  ${operation} run ${run + 1}: ${runs.at(-1)?.seconds.toFixed(2)} s, ${runs.at(-1)?.peakRssMB} MB peak`);
    rmSync(out, { force: true });
  }
  return {
    seconds: Number(median(runs.map((run) => run.seconds)).toFixed(2)),
    peakRssMB: median(runs.map((run) => run.peakRssMB)),
    sizeMB: Number((median(runs.map((run) => run.size)) / 1024 / 1024).toFixed(2)),
    counted: runs[0]?.counted ?? 0,
    runs: runs.map((run) => Number(run.seconds.toFixed(2))),
  };
}

if (values.child) {
  await runChild(values.child, values['data-dir'] as string, values.out as string);
} else {
  // --data-dir DIR keeps the archive there (built once, reused by later runs).
  const keep = values['data-dir'];
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'qirtas-bench-export-'));
  const outputs = mkdtempSync(join(tmpdir(), 'qirtas-bench-export-out-'));
  try {
    const buildStarted = performance.now();
    let built: { highlights: number; bytes: number };
    if (keep && existsSync(join(keep, 'library.json'))) {
      log(`reusing the archive in ${keep}`);
      built = { highlights: ARTICLES * HIGHLIGHTS_PER_ARTICLE, bytes: Number(spawnSync('du', ['-sb', keep], { encoding: 'utf8' }).stdout.split('\t')[0]) };
    } else {
      log(`building ${ARTICLES} articles with ${ARTICLES * HIGHLIGHTS_PER_ARTICLE} highlights in ${dataDir}`);
      built = await buildArchive(dataDir);
    }
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    if (built.highlights !== ARTICLES * HIGHLIGHTS_PER_ARTICLE) throw new Error(`made ${built.highlights} highlights, not ${ARTICLES * HIGHLIGHTS_PER_ARTICLE}`);
    log('exporting all highlights to Markdown');
    const markdown = measure('md', dataDir, outputs);
    log('exporting all highlights to DOCX');
    const docx = measure('docx', dataDir, outputs);
    log('backing up');
    const backup = measure('backup', dataDir, outputs);
    for (const [name, result] of [['md', markdown], ['docx', docx]] as const) {
      if (result.counted !== built.highlights) throw new Error(`${name} exported ${result.counted} highlights, not ${built.highlights}`);
    }
    console.log(
      JSON.stringify(
        {
          benchmark: 'export',
          machine: { node: process.version },
          archive: { articles: ARTICLES, highlights: built.highlights, sizeMB: Number((built.bytes / 1024 / 1024).toFixed(1)), buildSeconds: Number(buildSeconds.toFixed(1)) },
          runs: RUNS,
          markdown: { what: 'all highlights with notes, tags, citations (onlyHighlights, by article)', ...markdown },
          docx: { what: 'the same as DOCX (RTL paragraphs and runs, shaded highlights)', ...docx },
          backup: { what: 'zip of library.json and every article file, verified after writing', annotations: backup.counted, ...backup, zipMB: backup.sizeMB },
        },
        null,
        2,
      ),
    );
  } finally {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
    rmSync(outputs, { recursive: true, force: true });
  }
}
