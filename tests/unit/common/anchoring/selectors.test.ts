// common/anchoring/selectors: building the stored selector pair from a range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../../../common/anchoring/anchor.js';
import {
  CONTEXT_LENGTH,
  describeRange,
  findPositionSelector,
  findQuoteSelector,
} from '../../../../common/anchoring/selectors.js';
import { snapToGraphemes } from '../../../../common/anchoring/snap.js';
import { Annotation } from '../../../../common/types/article.js';
import { emojiFamily, mixedText, nth, seedText } from './texts.js';

describe('common/anchoring/selectors', () => {
  describe('#describeRange', () => {
    it('stores the quote with 32 characters of context on each side', () => {
      const start = nth(seedText, 'مشفى ميدانيا');
      const end = start + 'مشفى ميدانيا'.length;
      const { quote, position } = describeRange(seedText, start, end);
      expect(CONTEXT_LENGTH).toBe(32);
      expect(quote).toEqual({
        type: 'TextQuoteSelector',
        exact: 'مشفى ميدانيا',
        prefix: seedText.slice(start - 32, start),
        suffix: seedText.slice(end, end + 32),
      });
      expect(quote.prefix).toBe('ية إن الجيش قصف بقذائف المدفعية ');
      expect(quote.suffix).toBe(' ومجموعة مسلحة في مدينة تلبيسة ب');
      expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    });

    it('shortens the context at the edges of the text', () => {
      const first = describeRange(seedText, 0, 'أعلنت'.length);
      expect(first.quote.prefix).toBe('');
      expect(first.quote.exact).toBe('أعلنت');
      const last = describeRange(seedText, seedText.length - 5, seedText.length);
      expect(last.quote.suffix).toBe('');
      expect(last.quote.exact).toBe('2018.');
    });

    it('keeps context that crosses paragraph breaks, as the canonical text has them', () => {
      const start = nth(seedText, 'سيطرة المعارضة على درعا');
      const { quote } = describeRange(seedText, start, start + 5);
      expect(quote.prefix.endsWith('بالإرهابيين.\n\n')).toBe(true);
    });

    it('never cuts a surrogate pair at the outer edge of the context', () => {
      // Place the range so that 32 characters back lands inside 👨 (two code units).
      const emoji = nth(emojiFamily, '👨');
      const text = emojiFamily + ' ' + 'ا'.repeat(40);
      const start = emoji + 1 + CONTEXT_LENGTH;
      const { quote } = describeRange(text, start, start + 2);
      expect(quote.prefix.length).toBe(CONTEXT_LENGTH - 1);
      expect(quote.prefix.charCodeAt(0)).not.toBe(0xdc68);
    });

    it('produces selectors the Annotation schema accepts', () => {
      const { quote, position } = describeRange(seedText, 10, 40);
      const parsed = Annotation.parse({
        id: 'a1',
        target: { selector: [quote, position] },
        color: 'yellow',
        created: '2024-12-06T00:00:00.000Z',
        modified: '2024-12-06T00:00:00.000Z',
      });
      expect(findQuoteSelector(parsed.target.selector)).toEqual(quote);
      expect(findPositionSelector(parsed.target.selector)).toEqual(position);
    });

    it.each([
      [-1, 3],
      [5, 4],
      [0, seedText.length + 1],
      [1.5, 3],
    ])('rejects the invalid range [%d, %d)', (start, end) => {
      expect(() => describeRange(seedText, start, end)).toThrow(RangeError);
    });
  });

  describe('describe → anchor round trip', () => {
    const cases: Array<[string, string, number]> = [
      ['a word', 'حمص', 4],
      ['a partial word', 'طرتها على آخر قرية على تخ', 1],
      ['a cross-paragraph passage', 'بالإرهابيين.\n\nسيطرة المعارضة', 0],
      ['a word with a shadda', 'تعدّان', 0],
      ['a whole paragraph', 'عمليات الجنوب', 0],
    ];
    it.each(cases)('returns the same range for %s', (_name, passage, occurrence) => {
      const start = nth(seedText, passage, occurrence);
      const { quote, position } = describeRange(seedText, start, start + passage.length);
      expect(anchorSelectors(seedText, [quote, position])).toEqual({
        status: 'anchored',
        start,
        end: start + passage.length,
        how: 'position',
      });
      // The quote alone (a selector list from elsewhere, no position) finds it too.
      expect(anchorSelectors(seedText, [quote])).toMatchObject({ status: 'anchored', start, end: start + passage.length });
    });

    it('returns the same range for any snapped range of the unchanged text (property)', () => {
      fc.assert(
        fc.property(fc.nat(mixedText.length - 1), fc.integer({ min: 1, max: 200 }), (from, length) => {
          const { start, end } = snapToGraphemes(mixedText, from, Math.min(mixedText.length, from + length));
          const { quote, position } = describeRange(mixedText, start, end);
          expect(anchorSelectors(mixedText, [quote, position])).toEqual({ status: 'anchored', start, end, how: 'position' });
          // Without the position the quote and its context still single it out,
          // unless quote and context occur twice, when the first copy wins.
          const byQuote = anchorSelectors(mixedText, [quote]);
          expect(byQuote.status).toBe('anchored');
          if (byQuote.status !== 'anchored') return;
          expect(mixedText.slice(byQuote.start, byQuote.end)).toBe(quote.exact);
          const whole = quote.prefix + quote.exact + quote.suffix;
          if (mixedText.indexOf(whole) === mixedText.lastIndexOf(whole)) expect(byQuote.start).toBe(start);
        }),
        { numRuns: 300 },
      );
    });
  });
});
