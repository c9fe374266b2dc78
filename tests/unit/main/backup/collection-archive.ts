/**
 * A real archive for the collection-backup tests (issue 10), built through the
 * contract: six articles of real Arabic news text (the seed article's
 * paragraphs), highlighted over real phrases with Arabic notes and tags, in a
 * collection tree «بلاد الشام» ⊃ {«سوريا», «لبنان»} plus «مصر» at the top:
 *   A1 in بلاد الشام (2 highlights), A2 in سوريا (1), A3 in سوريا and مصر (1),
 *   A4 in مصر only, A5 in none, A6 in لبنان but in the trash.
 * So a backup of «بلاد الشام» holds A1–A3 (A3 only as a member of سوريا) and
 * the three collections; A4–A6 stay out.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnchoredAnnotation, ImportOutcome } from '../../../../common/api.js';
import { canonicalText, type HighlightColor } from '../../../../common/types/article.js';
import type { Collection } from '../../../../common/types/library.js';
import { type ArchiveApp, openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR, SEED_LINES } from '../../../support/seed.js';
import { call } from '../export/archive-with-notes.js';

export { call };

export interface CollectionArchive {
  app: ArchiveApp;
  dataDir: string;
  /** A1…A6 by index 0…5. */
  ids: string[];
  titles: string[];
  levant: Collection;
  syria: Collection;
  lebanon: Collection;
  egypt: Collection;
}

const ARTICLES: Array<{ title: string; lines: number[]; highlights: Array<{ phrase: string; color: HighlightColor; note?: string; tags?: string[] }> }> = [
  {
    title: 'المعارضة تتقدم نحو حمص',
    lines: [0, 1],
    highlights: [
      { phrase: 'أعلنت المعارضة السورية المسلحة تقدمها نحو مدينة حمص', color: 'yellow', note: 'الادعاء الرئيسي.', tags: ['حمص'] },
      { phrase: 'سيطرة المعارضة على درعا', color: 'green', note: 'عنوان فرعي' },
    ],
  },
  { title: 'درعا والسويداء', lines: [2, 3], highlights: [{ phrase: 'السويداء', color: 'pink', tags: ['السويداء', 'الجنوب'] }] },
  { title: 'نداء ردع العدوان', lines: [4, 5], highlights: [{ phrase: 'ردع العدوان', color: 'blue', note: 'اسم العملية' }] },
  { title: 'رواية الجيش', lines: [6, 7], highlights: [] },
  { title: 'حمص وريفها', lines: [8, 9], highlights: [] },
  { title: 'الطيران الحربي', lines: [10, 11], highlights: [] },
];

export async function buildCollectionArchive(dataDir = mkdtempSync(join(tmpdir(), 'qirtas-collection-'))): Promise<CollectionArchive> {
  const app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
  const ids: string[] = [];
  for (const planned of ARTICLES) {
    const text = planned.lines.map((line) => SEED_LINES[line]).join('\n');
    const outcome = await call<ImportOutcome>(app, 'importText', { text, title: planned.title, source: 'الجزيرة نت' });
    if (outcome.status !== 'imported') throw new Error(`not imported: ${planned.title}`);
    ids.push(outcome.article.id);
    const blocks = (await call<{ blocks: never }>(app, 'getArticle', { id: outcome.article.id })).blocks;
    const canonical = canonicalText(blocks);
    for (const highlight of planned.highlights) {
      const start = canonical.indexOf(highlight.phrase);
      if (start < 0) throw new Error(`phrase not in the text: ${highlight.phrase}`);
      await call<AnchoredAnnotation>(app, 'addAnnotation', { articleId: outcome.article.id, start, end: start + highlight.phrase.length, color: highlight.color, note: highlight.note, tags: highlight.tags });
    }
  }
  const levant = await call<Collection>(app, 'createCollection', { name: 'بلاد الشام' });
  const syria = await call<Collection>(app, 'createCollection', { name: 'سوريا', parentId: levant.id });
  const lebanon = await call<Collection>(app, 'createCollection', { name: 'لبنان', parentId: levant.id });
  const egypt = await call<Collection>(app, 'createCollection', { name: 'مصر' });
  const add = (collection: Collection, articles: number[]) =>
    call(app, 'bulkUpdate', { ids: articles.map((index) => ids[index]), action: { kind: 'addToCollection', collectionId: collection.id } });
  await add(levant, [0]);
  await add(syria, [1, 2]);
  await add(egypt, [2, 3]);
  await add(lebanon, [5]);
  await call(app, 'trashArticle', { id: ids[5] });
  return { app, dataDir, ids, titles: ARTICLES.map((article) => article.title), levant, syria, lebanon, egypt };
}
