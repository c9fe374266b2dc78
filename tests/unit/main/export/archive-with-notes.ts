/**
 * A real archive for the export and backup tests: the seed article (real Arabic
 * news text) imported through the service, highlighted with the service's
 * addAnnotation over the offsets of real phrases, with Arabic notes and tags
 * (one tag with a space, one note with an XSS payload), plus a second article
 * with its own highlight.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnchoredAnnotation, ImportOutcome } from '../../../../common/api.js';
import { canonicalText, type HighlightColor } from '../../../../common/types/article.js';
import { type ArchiveApp, openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR, SEED_LINES } from '../../../support/seed.js';

export const XSS_NOTE = 'تعليق خطر <img src=x onerror="alert(1)"> & <script>alert("x")</script>';

export interface PlannedHighlight {
  phrase: string;
  color: HighlightColor;
  note?: string;
  tags?: string[];
}

/** Real phrases of the seed article, each highlighted once. */
export const SEED_HIGHLIGHTS: PlannedHighlight[] = [
  { phrase: 'أعلنت المعارضة السورية المسلحة تقدمها نحو مدينة حمص', color: 'yellow', note: 'الادعاء الرئيسي للمقال: تقدم المعارضة نحو حمص.', tags: ['حمص', 'تقدم المعارضة'] },
  { phrase: 'نفت وزارة الدفاع السورية انسحاب قواتها من حمص', color: 'green', note: 'رواية النظام المقابلة.', tags: ['رواية رسمية'] },
  { phrase: 'سيطرة قواتها على كامل مدينة درعا جنوبا', color: 'pink', tags: ['درعا'] },
  { phrase: 'قوات سوريا الديمقراطية (قسد)', color: 'blue', note: XSS_NOTE },
  { phrase: 'وكالة الأنباء السورية الرسمية (سانا)', color: 'blue', note: 'مصدر رسمي، سطر أول\nوسطر ثانٍ من التعليق.' },
  { phrase: 'تمثال الرئيس السوري الراحل حافظ الأسد', color: 'purple', note: 'متى أعيد بناؤه؟', tags: ['سؤال مفتوح'] },
];

export const SECOND_PHRASE = 'غرفة عمليات الجنوب';

export interface NotesArchive {
  app: ArchiveApp;
  dataDir: string;
  seedId: string;
  secondId: string;
  highlights: AnchoredAnnotation[];
}

async function call<T>(app: ArchiveApp, operation: string, args: unknown): Promise<T> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw new Error(`${operation}: ${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

export { call };

export async function buildNotesArchive(dataDir = mkdtempSync(join(tmpdir(), 'qirtas-export-'))): Promise<NotesArchive> {
  const app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
  const seed = await call<ImportOutcome>(app, 'importSample', {});
  if (seed.status !== 'imported') throw new Error('sample not imported');
  const seedId = seed.article.id;
  await call(app, 'updateArticle', {
    id: seedId,
    patch: { title: 'المعارضة السورية تتقدم نحو حمص', source: 'الجزيرة نت', author: 'مراسل الجزيرة', url: 'https://www.aljazeera.net/news/2024/12/7/syria', published: '2024-12-07', tags: ['سوريا', 'حمص'] },
  });
  const article = await call<{ blocks: Array<{ text: string; kind: string }> }>(app, 'getArticle', { id: seedId });
  const text = canonicalText(article.blocks as never);
  const highlights: AnchoredAnnotation[] = [];
  for (const planned of SEED_HIGHLIGHTS) {
    const start = text.indexOf(planned.phrase);
    if (start < 0) throw new Error(`phrase not in the seed: ${planned.phrase}`);
    highlights.push(
      await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: seedId, start, end: start + planned.phrase.length, color: planned.color, note: planned.note, tags: planned.tags }),
    );
  }
  const second = await call<ImportOutcome>(app, 'importText', { text: SEED_LINES.slice(11).join('\n'), title: 'عمليات الجنوب', source: 'مصدر ثان' });
  if (second.status !== 'imported') throw new Error('second not imported');
  const secondId = second.article.id;
  const secondText = canonicalText((await call<{ blocks: never }>(app, 'getArticle', { id: secondId })).blocks);
  const at = secondText.indexOf(SECOND_PHRASE);
  highlights.push(await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: secondId, start: at, end: at + SECOND_PHRASE.length, color: 'yellow', note: 'غرفة عمليات مشتركة في الجنوب.', tags: ['درعا'] }));
  return { app, dataDir, seedId, secondId, highlights };
}
