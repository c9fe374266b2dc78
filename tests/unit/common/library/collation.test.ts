/**
 * The shared library collation (common/library): keys that ignore diacritics,
 * tatweel, hamza seats and a leading ال (never that of الله / التي), Arabic before
 * Latin and numbers by value, in the same order as Intl.Collator for Arabic words;
 * a cached order updated by merging changed entries equals a full sort (property
 * test over every sort field); the collection tree order and cycle check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collationKey, compareForLibrary, EntryCache, keyCollator, OrderCache, sortEntries, treeOrder, withDescendants, wouldCycle } from '../../../../common/library/index.js';
import type { ArticleMeta } from '../../../../common/types/article.js';
import { type Collection, LIBRARY_SORT_FIELDS } from '../../../../common/types/library.js';

describe('collationKey', () => {
  const same = (a: string, b: string) => expect(collationKey(a)).toBe(collationKey(b));
  it('folds diacritics, tatweel and hamza seats, and drops the article of the first word', () => {
    same('الْحَرْبُ في سُورِيَا', 'حرب في سوريا');
    same('الحــرب في سوريا', 'حرب في سوريا');
    same('أزمة', 'ازمه');
    same('إصلاح', 'اصلاح');
    same('آفاق', 'افاق');
    // Only the first word loses its article; a short word or an exception keeps it.
    same('المدينة الفاضلة', 'مدينة الفاضلة');
    expect(collationKey('المدينة الفاضلة')).not.toBe(collationKey('مدينة فاضلة'));
    expect(collationKey('الله أكبر')).not.toBe(collationKey('له أكبر'));
    expect(collationKey('التي')).not.toBe(collationKey('تي'));
    same('The Guardian', 'guardian');
    same('«الأيام» الصعبة', 'أيام الصعبة');
  });

  it('orders real titles as an Arabic reader expects', () => {
    const titles = ['The Arab Spring', 'مدينة القدس', 'الْحَرْبُ في سوريا', 'بيروت', 'آفاق السلام', 'الاقتصاد', 'أزمة المياه', 'إصلاح التعليم', 'ثورة يناير', 'تُونس'];
    expect([...titles].sort(compareForLibrary)).toEqual([
      'أزمة المياه',
      'إصلاح التعليم',
      'آفاق السلام',
      'الاقتصاد',
      'بيروت',
      'تُونس',
      'ثورة يناير',
      'الْحَرْبُ في سوريا',
      'مدينة القدس',
      'The Arab Spring',
    ]);
    expect(['الفصل 10', 'الفصل 2', 'الفصل ١'].sort(compareForLibrary)).toEqual(['الفصل ١', 'الفصل 2', 'الفصل 10']);
  });
});

describe('library order', () => {
  const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
  const arabicWord = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }).map((chosen) => chosen.join(''));
  // A first word starting with ال is sorted without its article (by design, tested above), which
  // Intl.Collator does not do: such phrases are left out of this comparison (e.g. «القا» vs «ط»).
  const phrase = fc
    .array(arabicWord, { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' '))
    .filter((text) => !text.startsWith('ال'));

  it('agrees with Intl.Collator for Arabic words (keys compared as plain strings)', () => {
    fc.assert(
      fc.property(phrase, phrase, (a, b) => {
        expect(Math.sign(compareForLibrary(a, b))).toBe(Math.sign(keyCollator.compare(a, b)));
      }),
      { numRuns: 500 },
    );
  });

  const meta = (id: number, title: string, wordCount: number): ArticleMeta => ({
    id: `a${id}`,
    title,
    source: '',
    author: '',
    url: '',
    published: null,
    tags: [],
    language: 'ar',
    importedAt: new Date(1_700_000_000_000 + (id % 7) * 1000).toISOString(),
    updatedAt: '',
    contentHash: '',
    wordCount,
    trashedAt: null,
  });

  it('a cached order kept up to date by merging changed entries equals a full sort', () => {
    const change = fc.record({ at: fc.nat(), title: phrase, words: fc.nat({ max: 5 }), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 60 }), fc.array(fc.array(change, { maxLength: 4 }), { maxLength: 5 }), fc.constantFrom(...LIBRARY_SORT_FIELDS), fc.boolean(), (titles, rounds, field, desc) => {
        const sort = { field, direction: desc ? 'desc' : 'asc' } as const;
        const cache = new EntryCache();
        const orders = new OrderCache();
        let metas = titles.map((title, i) => meta(i, title, i % 4));
        let next = metas.length;
        orders.ordered(metas.map((m) => cache.entryOf(m)), sort);
        for (const changes of rounds) {
          for (const { at, title, words, remove } of changes) {
            if (metas.length === 0) break;
            const index = at % metas.length;
            if (remove) metas = metas.filter((_, i) => i !== index);
            else if (words === 5) metas = [...metas, meta(next++, title, words)];
            else metas = metas.map((m, i) => (i === index ? { ...m, title, wordCount: words } : m));
          }
          const universe = metas.map((m) => cache.entryOf(m));
          expect(orders.ordered(universe, sort)).toEqual(sortEntries(universe, sort));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('collection tree', () => {
  const c = (id: string, name: string, parentId: string | null): Collection => ({ id, name, parentId, created: '', modified: '' });
  const all = [c('3', 'سوريا', '1'), c('1', 'بلاد الشام', null), c('2', 'أرشيف', null), c('4', 'حلب', '3'), c('5', 'لبنان', '1')];

  it('lists parents before children, siblings in Arabic order, with depths', () => {
    expect(treeOrder(all).map(({ collection, depth }) => `${depth}:${collection.name}`)).toEqual(['0:أرشيف', '0:بلاد الشام', '1:سوريا', '2:حلب', '1:لبنان']);
  });

  it('finds descendants and refuses cycles', () => {
    expect(withDescendants(all, '1')).toEqual(new Set(['1', '3', '4', '5']));
    expect(wouldCycle(all, '1', '4')).toBe(true);
    expect(wouldCycle(all, '1', '1')).toBe(true);
    expect(wouldCycle(all, '3', '2')).toBe(false);
    expect(wouldCycle(all, '3', null)).toBe(false);
  });
});
