// common/anchoring/anchor: anchoring stored selectors in a text that may have
// changed (edits, re-imports), on the seed article and on vocalized Quranic text.
import { describe, expect, it } from 'vitest';
import { anchorSelectors, reanchorAll, type AnchorResult } from '../../../../common/anchoring/anchor.js';
import { describeRange, type Selector } from '../../../../common/anchoring/selectors.js';
import type { Annotation } from '../../../../common/types/article.js';
import { canonical, fatihaPlain, fatihaVocalized, nth, seedParagraphs, seedText, splice } from './texts.js';

/** Both selectors for the n-th occurrence of `passage` in `text`. */
function selectorsFor(text: string, passage: string, occurrence = 0): Selector[] {
  const start = nth(text, passage, occurrence);
  const { quote, position } = describeRange(text, start, start + passage.length);
  return [quote, position];
}

/** The text an anchor result points at, or null for an orphan. */
function anchoredText(text: string, result: AnchorResult): string | null {
  return result.status === 'anchored' ? text.slice(result.start, result.end) : null;
}

// A passage in the middle of paragraph 4; it occurs once.
const PASSAGE = 'وبثت صورا للحظة دخول قواتها إلى مدينتي الرستن وتلبيسة';
const passageStart = nth(seedText, PASSAGE);
const passageEnd = passageStart + PASSAGE.length;

describe('common/anchoring/anchor', () => {
  describe('#anchorSelectors', () => {
    it('uses the stored position when its text and context are unchanged', () => {
      expect(anchorSelectors(seedText, selectorsFor(seedText, PASSAGE))).toEqual({
        status: 'anchored',
        start: passageStart,
        end: passageEnd,
        how: 'position',
      });
    });

    it('uses the stored position when an edit leaves the passage and its context in place', () => {
      const edited = splice(seedText, passageEnd + 100, passageEnd + 110, 'نص جديد');
      expect(anchorSelectors(edited, selectorsFor(seedText, PASSAGE))).toMatchObject({ how: 'position', start: passageStart });
    });

    // [edit, new text, where the passage is expected afterwards]
    const edits: Array<[string, string, string]> = [
      ['an insertion before it', splice(seedText, 10, 10, 'خبر عاجل: '), PASSAGE],
      ['a deletion before it', seedText.replace('سيطرة المعارضة على درعا\n\n', ''), PASSAGE],
      ['a paragraph inserted before it', seedText.replace('وفي طريقها', 'فقرة جديدة أضيفت للتحديث.\n\nوفي طريقها'), PASSAGE],
      ['an insertion right before it', splice(seedText, passageStart, passageStart, 'كما '), PASSAGE],
      ['an insertion right after it', seedText.replace('وتلبيسة اللتين', 'وتلبيسة الواقعتين شمالا، اللتين'), PASSAGE],
      ['a deletion after it', seedText.replace(' اللتين تعدّان بوابتي حمص الشماليتين', ''), PASSAGE],
      ['an insertion inside it', seedText.replace(PASSAGE, 'وبثت صورا للحظة دخول قواتها الأولى إلى مدينتي الرستن وتلبيسة'), 'وبثت صورا للحظة دخول قواتها الأولى إلى مدينتي الرستن وتلبيسة'],
      ['a deletion inside it', seedText.replace(PASSAGE, 'وبثت صورا لدخول قواتها إلى مدينتي الرستن وتلبيسة'), 'وبثت صورا لدخول قواتها إلى مدينتي الرستن وتلبيسة'],
      ['a word replaced inside it', seedText.replace(PASSAGE, 'وبثت صورا للحظة وصول قواتها إلى مدينتي الرستن وتلبيسة'), 'وبثت صورا للحظة وصول قواتها إلى مدينتي الرستن وتلبيسة'],
      ['edits before, inside and after it', splice(seedText, 0, 6).replace('دخول قواتها', 'دخول القوات').replace('كيلومترا', 'كم'), 'وبثت صورا للحظة دخول القوات إلى مدينتي الرستن وتلبيسة'],
    ];
    it.each(edits)('re-anchors the passage after %s', (_name, edited, expected) => {
      const result = anchorSelectors(edited, selectorsFor(seedText, PASSAGE));
      expect(result).toMatchObject({ status: 'anchored', how: 'quote' });
      expect(anchoredText(edited, result)).toBe(expected);
      expect(result).toMatchObject({ start: nth(edited, expected) });
    });

    it('re-anchors a quote that crosses a paragraph break', () => {
      const passage = 'بالإرهابيين.\n\nسيطرة المعارضة على درعا';
      const edited = splice(seedText, 0, 0, 'تحديث: ').replace('على درعا\n\n', 'على مدينة درعا\n\n');
      expect(anchoredText(edited, anchorSelectors(edited, selectorsFor(seedText, passage)))).toBe(
        'بالإرهابيين.\n\nسيطرة المعارضة على مدينة درعا',
      );
      // Paragraphs merged: the break is gone, and with it two of the quote's characters.
      const merged = seedText.replace('بالإرهابيين.\n\nسيطرة', 'بالإرهابيين. سيطرة');
      expect(anchoredText(merged, anchorSelectors(merged, selectorsFor(seedText, passage)))).toBe(
        'بالإرهابيين. سيطرة المعارضة على درعا',
      );
    });

    it('re-anchors a partial-word quote to the same characters', () => {
      const passage = 'يطرتها على آخر قرية على تخو';
      const edited = splice(seedText, 0, 0, 'عاجل. ');
      for (const occurrence of [0, 1]) {
        const result = anchorSelectors(edited, selectorsFor(seedText, passage, occurrence));
        expect(result).toMatchObject({ status: 'anchored', start: nth(edited, passage, occurrence), end: nth(edited, passage, occurrence) + passage.length });
      }
    });

    it('tells repeated passages apart by prefix and suffix after the text moved', () => {
      // "من وصفتهم بالإرهابيين" occurs three times; shift everything and re-anchor each.
      const edited = splice(seedText, 0, 0, 'مقدمة قصيرة للخبر.\n\n');
      for (const occurrence of [0, 1, 2]) {
        const result = anchorSelectors(edited, selectorsFor(seedText, 'من وصفتهم بالإرهابيين', occurrence));
        expect(result).toMatchObject({ status: 'anchored', how: 'quote', start: nth(edited, 'من وصفتهم بالإرهابيين', occurrence) });
      }
    });

    it('tells identical repeated paragraphs apart by position', () => {
      // A scraped page that repeats a paragraph: quote and context are the same in both
      // copies, so only the old position can tell which one was highlighted.
      const doubled = canonical([...seedParagraphs.slice(0, 7), seedParagraphs[6]!, ...seedParagraphs.slice(7)]);
      const passage = 'مشفى ميدانيا';
      for (const occurrence of [0, 1]) {
        const selectors = selectorsFor(doubled, passage, occurrence);
        const edited = splice(doubled, 0, 0, 'تنويه. ');
        expect(anchorSelectors(edited, selectors)).toMatchObject({ status: 'anchored', start: nth(edited, passage, occurrence) });
      }
    });

    it('does not trust a position whose text matches by coincidence', () => {
      // After an insertion of exactly the right length, the old offsets hold another "حمص".
      const selectors = selectorsFor(seedText, 'حمص', 1);
      const first = nth(seedText, 'حمص', 0);
      const second = nth(seedText, 'حمص', 1);
      const shifted = splice(seedText, 0, 0, 'x'.repeat(second - first));
      expect(shifted.slice(second, second + 3)).toBe('حمص');
      expect(anchorSelectors(shifted, selectors)).toMatchObject({ status: 'anchored', how: 'quote', start: second + second - first });
    });

    it('orphans a passage whose paragraph was deleted', () => {
      const without = canonical(seedParagraphs.filter((_, i) => i !== 4));
      for (const passage of [PASSAGE, 'بوابتي حمص الشماليتين', 'حمص للانشقاق', 'الرستن', '12 كيلومترا']) {
        expect(anchorSelectors(without, selectorsFor(seedText, passage)), passage).toEqual({ status: 'orphan' });
      }
    });

    it('orphans a passage that was deleted while its surroundings stayed', () => {
      const edited = seedText.replace(' ' + PASSAGE, '');
      expect(anchorSelectors(edited, selectorsFor(seedText, PASSAGE))).toEqual({ status: 'orphan' });
    });

    it('orphans a passage that was rewritten beyond recognition', () => {
      const edited = seedText.replace(PASSAGE, 'ونشرت مقاطع مصورة لاقتحام عناصرها مدينتي الرستن');
      expect(anchorSelectors(edited, selectorsFor(seedText, PASSAGE))).toEqual({ status: 'orphan' });
    });

    it('orphans selectors it cannot use', () => {
      expect(anchorSelectors(seedText, [])).toEqual({ status: 'orphan' });
      expect(anchorSelectors('نص قصير', selectorsFor(seedText, PASSAGE).slice(1))).toEqual({ status: 'orphan' });
      expect(anchorSelectors(seedText, [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }])).toEqual({ status: 'orphan' });
    });

    it('takes a position with no quote to check it against as it is', () => {
      expect(anchorSelectors(seedText, [{ type: 'TextPositionSelector', start: 5, end: 9 }])).toEqual({
        status: 'anchored',
        start: 5,
        end: 9,
        how: 'position',
      });
    });

    describe('with and without diacritics', () => {
      const vocalized = canonical([...fatihaVocalized, ...seedParagraphs.slice(0, 3)]);
      const plain = canonical([...fatihaPlain, ...seedParagraphs.slice(0, 3)]);

      it('the plain text is the vocalized text without its marks', () => {
        expect(vocalized.replace(/[\u064B-\u065F\u0670]/g, '')).toBe(plain);
      });

      it('re-anchors a vocalized quote in a plain re-import, keeping repeated verses apart', () => {
        // "الرَّحْمَٰنِ الرَّحِيمِ" is in the basmala and is all of verse 3.
        for (const occurrence of [0, 1]) {
          const result = anchorSelectors(plain, selectorsFor(vocalized, 'الرَّحْمَٰنِ الرَّحِيمِ', occurrence));
          expect(result).toMatchObject({ status: 'anchored', how: 'quote', start: nth(plain, 'الرحمن الرحيم', occurrence) });
          expect(anchoredText(plain, result)).toBe('الرحمن الرحيم');
        }
      });

      it('re-anchors a plain quote in a vocalized re-import, marks included', () => {
        const result = anchorSelectors(vocalized, selectorsFor(plain, 'إياك نعبد وإياك نستعين'));
        expect(anchoredText(vocalized, result)).toBe('إِيَّاكَ نَعْبُدُ وَإِيَّاكَ نَسْتَعِينُ');
        // A quote that ends mid-word still ends after the marks of its last letter.
        const partial = anchorSelectors(vocalized, selectorsFor(plain, 'غير المغضوب عليهم ولا الض'));
        expect(anchoredText(vocalized, partial)).toBe('غَيْرِ الْمَغْضُوبِ عَلَيْهِمْ وَلَا الضَّ');
      });

      it('re-anchors across an added or removed shadda in the seed article', () => {
        const passage = 'اللتين تعدّان بوابتي حمص';
        const withoutShadda = seedText.replace('تعدّان', 'تعدان');
        expect(anchoredText(withoutShadda, anchorSelectors(withoutShadda, selectorsFor(seedText, passage)))).toBe('اللتين تعدان بوابتي حمص');
        expect(anchoredText(seedText, anchorSelectors(seedText, selectorsFor(withoutShadda, 'اللتين تعدان بوابتي حمص')))).toBe(passage);
      });

      it('orphans a vocalized quote whose verse is gone from the plain text', () => {
        const withoutVerse5 = canonical([...fatihaPlain.filter((_, i) => i !== 4), ...seedParagraphs.slice(0, 3)]);
        expect(anchorSelectors(withoutVerse5, selectorsFor(vocalized, 'إِيَّاكَ نَعْبُدُ وَإِيَّاكَ نَسْتَعِينُ'))).toEqual({ status: 'orphan' });
      });
    });
  });

  describe('#reanchorAll', () => {
    const annotation = (id: string, selector: Selector[]): Annotation => ({
      id,
      target: { selector },
      color: 'yellow',
      note: 'ملاحظة',
      tags: [],
      created: '2024-12-08T10:00:00.000Z',
      modified: '2024-12-08T10:00:00.000Z',
    });

    it('moves anchored annotations, refreshes their selectors and keeps orphans untouched', () => {
      const moved = annotation('moved', selectorsFor(seedText, PASSAGE));
      const gone = annotation('gone', selectorsFor(seedText, 'مشفى ميدانيا'));
      const unchanged = annotation('unchanged', selectorsFor(seedText, 'أعلنت المعارضة السورية'));
      const before = structuredClone([moved, gone, unchanged]);
      const edited = seedText.replace('مشفى ميدانيا ومجموعة مسلحة', 'مجموعة مسلحة').replace('نحو العاصمة دمشق', 'نحو دمشق');

      const results = reanchorAll(edited, [moved, gone, unchanged]);

      expect(results.map((r) => r.result.status)).toEqual(['anchored', 'orphan', 'anchored']);
      const [first, second, third] = results;
      const start = nth(edited, PASSAGE);
      expect(first!.annotation).toEqual({ ...moved, target: { selector: Object.values(describeRange(edited, start, start + PASSAGE.length)) } });
      expect(first!.annotation.note).toBe('ملاحظة');
      // The refreshed selectors take the fast path next time.
      expect(anchorSelectors(edited, first!.annotation.target.selector)).toMatchObject({ how: 'position', start });
      expect(second!.annotation).toBe(gone);
      expect(third!.result).toMatchObject({ how: 'position' });
      // Inputs are not mutated.
      expect([moved, gone, unchanged]).toEqual(before);
    });
  });
});
