/**
 * The library filter box with punctuation (issue 10): what the user types and
 * what the titles, sources, authors and tags hold are folded the same way, so
 * punctuation on either side — brackets, Arabic comma, semicolon and question
 * mark, quotes and guillemets, dashes, slashes, dots — never stops a match, and
 * the search folding of Arabic spelling (diacritics, hamza seats, ة/ه) still
 * applies. Through the dispatcher on a real archive.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome, ListLibraryResult } from '../../../../common/api.js';
import { SEED_LINES } from '../../../support/seed.js';
import { callOk, makeLibrary, type LibraryFixture } from './library-fixture.js';

let lib: LibraryFixture;
const ADDED = [
  { title: 'تقرير الحلقة (101) من البرنامج', source: 'قناة «الميادين»', tags: ['حلقات'] },
  { title: 'البيان رقم 101، الصادر عن اللجنة', source: 'وكالة الأنباء', tags: [] },
  { title: 'هل انتهت الحرب؟ قراءة في المشهد', source: 'مركز الدراسات — عمّان', tags: ['تحليل/سياسة'] },
  { title: '"Syria: 2011–2024" — a timeline', source: 'O’Reilly Media', tags: ['U.S.A.'] },
  { title: 'حوار مع د. أحمد؛ عن الاقتصاد', source: '[أرشيف]', tags: ['حوارات'] },
  { title: 'تقرير UNESCO السنوي عن e-learning', source: 'اليونسكو', tags: [] },
];

beforeAll(async () => {
  lib = await makeLibrary();
  for (const [index, article] of ADDED.entries()) {
    const outcome = await callOk<ImportOutcome>(lib.app, 'importText', { text: `${SEED_LINES[(index + 3) % SEED_LINES.length]}\nنص رقم ${index}`, ...article });
    if (outcome.status !== 'imported') throw new Error(`article ${index} was a duplicate`);
  }
});
afterAll(async () => {
  await lib.app.close();
  rmSync(lib.dataDir, { recursive: true, force: true });
});

const titlesFor = async (text: string) =>
  (await lib.call<ListLibraryResult>('listLibrary', { limit: 100, sort: { field: 'title', direction: 'asc' }, filters: { text } })).rows.map((row) => row.title).sort();

describe('the filter box ignores punctuation on both sides', () => {
  it('brackets and the Arabic comma, typed or in the title', async () => {
    const both = [ADDED[0]!.title, ADDED[1]!.title].sort();
    for (const typed of ['(101)', '101', '101،', '(101', '101)', '«101»', '[101]', 'رقم 101،', '،101']) expect(await titlesFor(typed), typed).toEqual(typed.includes('رقم') ? [ADDED[1]!.title] : both);
    expect(await titlesFor('الحلقة (101)')).toEqual([ADDED[0]!.title]);
    expect(await titlesFor('(101) من')).toEqual([ADDED[0]!.title]);
  });

  it('the Arabic question mark and semicolon, quotes, guillemets, dashes, slashes and dots', async () => {
    expect(await titlesFor('انتهت؟')).toEqual([ADDED[2]!.title]);
    expect(await titlesFor('انتهت الحرب؟ قراءة')).toEqual([ADDED[2]!.title]);
    expect(await titlesFor('أحمد؛')).toEqual([ADDED[4]!.title]);
    expect(await titlesFor('د. أحمد؛ عن')).toEqual([ADDED[4]!.title]);
    expect(await titlesFor('"Syria:')).toEqual([ADDED[3]!.title]);
    expect(await titlesFor('2011-2024')).toEqual([ADDED[3]!.title]);
    expect(await titlesFor('2011–2024')).toEqual([ADDED[3]!.title]);
    expect(await titlesFor('«الميادين»')).toEqual([ADDED[0]!.title]);
    expect(await titlesFor('"الميادين"')).toEqual([ADDED[0]!.title]);
    expect(await titlesFor('الدراسات - عمان')).toEqual([ADDED[2]!.title]);
    expect(await titlesFor("O'Reilly")).toEqual([ADDED[3]!.title]);
    expect(await titlesFor('تحليل/سياسة')).toEqual([ADDED[2]!.title]);
    expect(await titlesFor('U.S.A.')).toEqual([ADDED[3]!.title]);
    expect(await titlesFor('[أرشيف]')).toEqual([ADDED[4]!.title]);
  });

  it('a word with punctuation inside finds it written without, and the other way round; its letters alone do not match everywhere', async () => {
    expect(await titlesFor('USA')).toEqual([ADDED[3]!.title]);
    expect(await titlesFor('OReilly')).toEqual([ADDED[3]!.title]);
    expect(await titlesFor('U.N.E.S.C.O.')).toEqual([ADDED[5]!.title]);
    expect(await titlesFor('elearning')).toEqual([ADDED[5]!.title]);
    expect(await titlesFor('e-learning')).toEqual([ADDED[5]!.title]);
    expect(await titlesFor('(e-learning)')).toEqual([ADDED[5]!.title]);
    expect(await titlesFor('20112024')).toEqual([ADDED[3]!.title]);
    expect(await titlesFor('الحلقة-101')).toEqual([ADDED[0]!.title]);
  });

  it('the folding of Arabic spelling still applies alongside (hamza seats, ة/ه, diacritics)', async () => {
    expect(await titlesFor('(الحلقه)')).toEqual([ADDED[0]!.title]);
    expect(await titlesFor('احمد؛')).toEqual([ADDED[4]!.title]);
    expect(await titlesFor('عَمّان،')).toEqual([ADDED[2]!.title]);
  });

  it('punctuation alone filters nothing out; a word that is not there still finds nothing', async () => {
    const all = (await lib.call<ListLibraryResult>('listLibrary', { limit: 1, filters: {} })).total;
    expect((await lib.call<ListLibraryResult>('listLibrary', { limit: 1, filters: { text: '()،؟' } })).total).toBe(all);
    expect(await titlesFor('(102)')).toEqual([]);
    expect(await titlesFor('101؟ كلمة_غائبة')).toEqual([]);
  });
});
