/**
 * A small real archive for the library tests: articles with real Arabic titles
 * (diacritics, hamza seats, the article ال, one English title), sources, authors,
 * dates and tags, imported and edited through the dispatcher like a host does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportOutcome } from '../../../../common/api.js';
import { openArchiveApp, type ArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR, SEED_LINES } from '../../../support/seed.js';

export interface FixtureArticle {
  title: string;
  source: string;
  author: string;
  published: string | null;
  tags: string[];
}

/** In Arabic alphabetical order of their titles (ignoring diacritics, hamza seats and ال), English last. */
export const ARTICLES: FixtureArticle[] = [
  { title: 'أزمة المياه في العراق', source: 'الجزيرة نت', author: 'سامر خليل', published: '2023-05-02', tags: ['مياه', 'العراق'] },
  { title: 'إصلاح التعليم في مصر', source: 'الأهرام', author: 'منى عبد الله', published: '2021-09-14', tags: ['تعليم'] },
  { title: 'آفاق السلام في اليمن', source: 'الجزيرة نت', author: '', published: '2023-11-20', tags: ['اليمن', 'سلام'] },
  { title: 'الاقتصادُ الأردنيُّ بعد الجائحة', source: 'الغد', author: 'سامر خليل', published: null, tags: ['اقتصاد'] },
  { title: 'بيروت بعد الانفجار', source: 'النهار', author: 'ريما حداد', published: '2020-08-10', tags: ['لبنان'] },
  { title: 'تُونِس: الانتقال الديمقراطي', source: 'الجزيرة نت', author: 'منى عبد الله', published: '2021-01-14', tags: ['تونس', 'ديمقراطية'] },
  { title: 'ثورة يناير بعد عشر سنوات', source: 'الأهرام', author: '', published: '2021-01-25', tags: ['مصر'] },
  { title: 'الْحَرْبُ في سُورِيَا', source: 'الجزيرة نت', author: 'سامر خليل', published: '2024-12-07', tags: ['سوريا', 'حرب'] },
  { title: 'مدينة القدس القديمة', source: '', author: '', published: '2019-03-30', tags: [] },
  { title: 'The Arab Spring revisited', source: 'The Guardian', author: 'Jane Doe', published: '2021-02-01', tags: ['Arab Spring'] },
];

export interface LibraryFixture {
  app: ArchiveApp;
  dataDir: string;
  /** Article ids in ARTICLES order. */
  ids: string[];
  call<T>(operation: string, args: unknown): Promise<T>;
}

export async function callOk<T>(app: ArchiveApp, operation: string, args: unknown): Promise<T> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw new Error(`${operation}: ${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

export function openAt(dataDir: string): Promise<ArchiveApp> {
  return openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
}

/** Imports ARTICLES (in an order unlike the alphabetical one), each with a different paragraph of the seed text. */
export async function makeLibrary(): Promise<LibraryFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-library-'));
  const app = await openAt(dataDir);
  const ids = new Array<string>(ARTICLES.length);
  const order = [7, 2, 9, 0, 4, 8, 1, 6, 3, 5];
  for (const index of order) {
    const article = ARTICLES[index] as FixtureArticle;
    const body = `${SEED_LINES[index % SEED_LINES.length]}\n${article.title}`;
    const outcome = await callOk<ImportOutcome>(app, 'importText', { text: body, title: article.title, source: article.source, tags: article.tags });
    if (outcome.status !== 'imported') throw new Error(`fixture article ${index} was a duplicate`);
    ids[index] = outcome.article.id;
    await callOk(app, 'updateArticle', { id: outcome.article.id, patch: { author: article.author, published: article.published } });
  }
  return { app, dataDir, ids, call: (operation, args) => callOk(app, operation, args) };
}
