/**
 * The shared library collation (common/library): keys that ignore diacritics,
 * tatweel, hamza seats and a leading ال (never that of الله / التي), Arabic before
 * Latin and numbers by value; RankTable ranks that always agree with a full
 * collator sort however keys arrive (one by one or in batches); the collection
 * tree order and cycle check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collationKey, compareForLibrary, keyCollator, RankTable, treeOrder, withDescendants, wouldCycle } from '../../../../common/library/index.js';
import type { Collection } from '../../../../common/types/library.js';

describe('collationKey', () => {
  it('folds diacritics, tatweel and hamza seats, and drops the article of the first word', () => {
    expect(collationKey('الْحَرْبُ في سُورِيَا')).toBe('حرب في سوريا');
    expect(collationKey('الحــرب في سوريا')).toBe('حرب في سوريا');
    expect(collationKey('أزمة')).toBe(collationKey('ازمة'));
    expect(collationKey('إصلاح')).toBe('اصلاح');
    expect(collationKey('آفاق')).toBe('افاق');
    // Only the first word loses its article; a short word or an exception keeps it.
    expect(collationKey('المدينة الفاضلة')).toBe('مدينه الفاضله');
    expect(collationKey('الله أكبر')).toBe('الله اكبر');
    expect(collationKey('التي')).toBe('التي');
    expect(collationKey('The Guardian')).toBe('guardian');
    expect(collationKey('«الأيام» الصعبة')).toBe('ايام الصعبه');
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

describe('RankTable', () => {
  const arabicWord = fc.array(fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'), { minLength: 1, maxLength: 5 }).map((letters) => letters.join(''));

  it('ranks agree with a full collator sort, keys added one by one or in batches', () => {
    fc.assert(
      fc.property(fc.array(fc.array(arabicWord, { maxLength: 120 }), { minLength: 1, maxLength: 6 }), (batches) => {
        const table = new RankTable();
        for (const batch of batches) table.ensure(batch);
        const all = [...new Set(batches.flat())];
        const byRank = [...all].sort((a, b) => table.rankOf(a) - table.rankOf(b));
        for (let i = 1; i < byRank.length; i += 1) expect(keyCollator.compare(byRank[i - 1]!, byRank[i]!)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('survives many inserts into the same gap (renumbers when the gap runs out)', () => {
    const table = new RankTable();
    table.ensure(['ا', 'ب']);
    const keys: string[] = [];
    for (let i = 0; i < 80; i += 1) {
      const key = `ا${'ي'.repeat(80 - i)}`;
      keys.push(key);
      table.ensure([key]);
    }
    const sorted = [...keys, 'ا', 'ب'].sort((a, b) => table.rankOf(a) - table.rankOf(b));
    expect(sorted).toEqual([...keys, 'ا', 'ب'].sort(keyCollator.compare));
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
