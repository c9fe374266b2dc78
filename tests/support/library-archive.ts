/**
 * A research-library archive for the library e2e tests and the library UI
 * benchmark: N articles of real Arabic sentences (arabic-corpus.ts), written as
 * one JSONL dataset and imported by the built CLI (`qirtas import`), as a user
 * would. Sources are Arabic country names plus one very long source name (the
 * column must truncate it); authors are a few Arabic names; some articles are undated.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticle } from './arabic-corpus.js';
import { REPO_ROOT } from './shell-process.js';

export const LONG_SOURCE = 'المركز العربي للأبحاث ودراسة السياسات — وحدة الدراسات الاستراتيجية والتحليل السياسي الإقليمي المقارن';
const AUTHORS = ['محمد الأحمد', 'فاطمة الزهراء علي', 'خالد منصور', 'ليلى حسن', 'عمر السيد', 'نور الهدى سليمان', ''];

/** The dataset records: title, body (paragraphs), source, author, published, tags. */
export function libraryRecords(count: number, seed = 11): object[] {
  const records: object[] = [];
  for (let index = 0; index < count; index += 1) {
    const article = generateArticle(index, seed);
    records.push({
      id: `lib-${index}`,
      // The corpus draws titles from a small pool of short sentences: a number keeps them apart, as real titles are.
      // «رقم» before it keeps the number in the Arabic run (a bare "(12)" after a Latin word would be reordered by bidi).
      title: `${article.title}، رقم ${index + 1}`,
      body: article.blocks.map((block) => block.text).join('\n\n'),
      source: index % 97 === 5 ? LONG_SOURCE : article.source,
      author: AUTHORS[index % AUTHORS.length],
      ...(article.published ? { published: article.published } : {}),
      tags: article.tags,
    });
  }
  return records;
}

export interface ImportedArchive {
  dataDir: string;
  count: number;
  importSeconds: number;
  remove(): void;
}

/** A fresh data folder holding `count` articles imported by `qirtas import` from one JSONL file. */
export function importLibraryArchive(count: number, seed = 11): ImportedArchive {
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-library-'));
  const folder = mkdtempSync(join(tmpdir(), 'qirtas-library-src-'));
  const file = join(folder, 'library.jsonl');
  writeFileSync(file, `${libraryRecords(count, seed).map((record) => JSON.stringify(record)).join('\n')}\n`);
  const started = Date.now();
  execFileSync(process.execPath, [join(REPO_ROOT, 'bin', 'qirtas.mjs'), 'import', file, '--data-dir', dataDir, '--json'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  const importSeconds = (Date.now() - started) / 1000;
  rmSync(folder, { recursive: true, force: true });
  return { dataDir, count, importSeconds, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
