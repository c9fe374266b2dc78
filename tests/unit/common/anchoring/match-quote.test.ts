// common/anchoring/match-quote: the pure fuzzy search, on the seed article.
import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../../../common/anchoring/match-quote.js';
import { describeRange } from '../../../../common/anchoring/selectors.js';
import { canonical, nth, seedParagraphs, seedText, splice } from './texts.js';

/** Quote selector fields for the n-th occurrence of `passage` in the seed text. */
function quoteAt(passage: string, occurrence = 0) {
  const start = nth(seedText, passage, occurrence);
  return { start, end: start + passage.length, ...describeRange(seedText, start, start + passage.length).quote };
}

describe('common/anchoring/match-quote', () => {
  describe('#matchQuote', () => {
    it('finds an exact quote with a perfect score', () => {
      const q = quoteAt('مشفى ميدانيا');
      expect(matchQuote(seedText, q.exact, { prefix: q.prefix, suffix: q.suffix, hint: q.start })).toEqual({
        start: q.start,
        end: q.end,
        score: 1,
      });
    });

    it('returns null for an empty quote, an empty text, or a quote with nothing like it', () => {
      expect(matchQuote(seedText, '', {})).toBeNull();
      expect(matchQuote('', 'حمص', {})).toBeNull();
      expect(matchQuote(seedText, 'الحمد لله رب العالمين', {})).toBeNull();
    });

    // "من وصفتهم بالإرهابيين" occurs three times; each occurrence's own context picks it.
    it.each([0, 1, 2])('tells occurrence %d of a repeated phrase apart by its prefix and suffix', (occurrence) => {
      const q = quoteAt('من وصفتهم بالإرهابيين', occurrence);
      expect(matchQuote(seedText, q.exact, { prefix: q.prefix, suffix: q.suffix })).toMatchObject({ start: q.start, end: q.end });
      expect(matchQuote(seedText, q.exact, { prefix: q.prefix })).toMatchObject({ start: q.start });
      expect(matchQuote(seedText, q.exact, { suffix: q.suffix })).toMatchObject({ start: q.start });
    });

    it.each([0, 1, 2])('without context, picks occurrence %d by the position hint', (occurrence) => {
      const q = quoteAt('من وصفتهم بالإرهابيين', occurrence);
      expect(matchQuote(seedText, q.exact, { hint: q.start + 15 })).toMatchObject({ start: q.start });
    });

    it('without context or hint, picks the first occurrence', () => {
      expect(matchQuote(seedText, 'من وصفتهم بالإرهابيين', {})).toMatchObject({ start: nth(seedText, 'من وصفتهم بالإرهابيين') });
    });

    it('finds an edited occurrence near the hint even when exact copies exist elsewhere', () => {
      // The second occurrence loses its hamza (a common spelling variant); the first and
      // third still match the quote exactly, but the context and the hint point at the second.
      const q = quoteAt('من وصفتهم بالإرهابيين', 1);
      const edited = splice(seedText, q.start, q.end, 'من وصفتهم بالارهابيين');
      expect(matchQuote(edited, q.exact, { prefix: q.prefix, suffix: q.suffix, hint: q.start })).toMatchObject({
        start: q.start,
        end: q.end,
      });
    });

    it('ranks candidates by similarity: exact beats one edit beats two edits', () => {
      const q = quoteAt('قصف بقذائف المدفعية مشفى ميدانيا');
      const context = { prefix: q.prefix, suffix: q.suffix, hint: q.start };
      // Two common spelling variants: ئ written as ي, and a final ة written as ه.
      const oneEdit = seedText.replace('قصف بقذائف', 'قصف بقذايف');
      const twoEdits = oneEdit.replace('المدفعية مشفى', 'المدفعيه مشفى');
      const scores = [seedText, oneEdit, twoEdits].map((text) => matchQuote(text, q.exact, context)?.score ?? 0);
      expect(scores[0]).toBe(1);
      expect(scores[1]).toBeLessThan(scores[0]!);
      expect(scores[2]).toBeLessThan(scores[1]!);
    });

    it('places the edges of a fuzzy match where the context says', () => {
      // A word inserted right inside the end of the quote, and one right before its start.
      const q = quoteAt('وسائل إعلام رسمية إن الجيش قصف');
      let text = splice(seedText, q.end - 3, q.end - 3, 'ثم ');
      text = splice(text, q.start, q.start, 'عدة ');
      const match = matchQuote(text, q.exact, { prefix: q.prefix, suffix: q.suffix, hint: q.start });
      expect(match && text.slice(match.start, match.end)).toBe('وسائل إعلام رسمية إن الجيش ثم قصف');
    });

    it('rejects a quote whose passage was deleted, even if a similar sentence remains', () => {
      // Paragraph 5 repeats most of paragraph 0's "وسيطرتها على آخر قرية على تخوم المدينة".
      const q = quoteAt('وسيطرتها على آخر قرية على تخوم المدينة الإستراتيجية الأخيرة');
      const without = canonical(seedParagraphs.slice(1));
      expect(matchQuote(without, q.exact, { prefix: q.prefix, suffix: q.suffix, hint: q.start })).toBeNull();
    });

    it('rejects a short quote whose copies elsewhere have different surroundings', () => {
      // Paragraph 6 ends in "حمص"; the word is in ten other places, all in other sentences.
      const start = nth(seedText, 'بريف حمص.') + 'بريف '.length;
      const q = { start, ...describeRange(seedText, start, start + 3).quote };
      expect(seedParagraphs[6]!.endsWith('بريف حمص.')).toBe(true);
      const without = canonical(seedParagraphs.filter((_, i) => i !== 6));
      expect(without.split('حمص').length - 1).toBe(10);
      expect(matchQuote(without, q.exact, { prefix: q.prefix, suffix: q.suffix, hint: q.start })).toBeNull();
      // Without context there is nothing to tell the copies apart, so one is taken.
      expect(matchQuote(without, q.exact, { hint: q.start })).not.toBeNull();
    });
  });
});
