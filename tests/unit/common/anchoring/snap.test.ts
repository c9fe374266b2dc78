// common/anchoring/snap: selections never split a letter from its marks, a surrogate
// pair, or a ZWJ/ZWNJ sequence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGraphemeBoundary, snapToGraphemes } from '../../../../common/anchoring/snap.js';
import { baqara2Uthmani, emojiFamily, fatihaVocalized, ikhlas4Uthmani, mixedText, nth, persianZwnj, seedText } from './texts.js';

const basmala = fatihaVocalized[0]!;

// The brief's definition, written independently of common/anchoring/marks.ts:
// harakat, dagger alef, Quranic marks (without the end-of-ayah and rub el hizb
// symbols), the Arabic signs above letters, and any other combining mark.
const MARK = /[\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06ED\u0610-\u061A]|\p{M}/u;
const JOINER = /[\u200C\u200D]/;

/** True when a range edge at `i` would split something the brief says must stay together. */
function splits(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const after = String.fromCodePoint(text.codePointAt(i)!);
  const highLow = /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i]!);
  return highLow || MARK.test(after) || JOINER.test(text[i]!) || JOINER.test(text[i - 1]!);
}

describe('common/anchoring/snap', () => {
  describe('#snapToGraphemes', () => {
    // [text, selected text, where it starts, expected text after snapping]
    const cases: Array<[string, string, string, number, string]> = [
      ['an end between ba and its kasra', basmala, 'ب', 0, 'بِ'],
      ['an end between lam and its fatha + shadda', basmala, 'الل', 0, 'اللَّ'],
      ['a start on the kasra of bismi', basmala, '\u0650سْمِ', 0, 'بِسْمِ'],
      ['a start on the sukun', basmala, '\u0652مِ', 0, 'سْمِ'],
      ['a word cut before its dagger alef', basmala, 'الرَّحْمَ', 0, 'الرَّحْمَٰ'],
      ['a cut inside the shadda of تعدّان (seed article)', seedText, 'تعد', 0, 'تعدّ'],
      ['the small waw ۥ after hu (U+06E5, Lm)', ikhlas4Uthmani, 'لَّهُ', 0, 'لَّهُۥ'],
      ['the small high meem after tanwin (U+06E2)', ikhlas4Uthmani, 'أَحَدٌ', 0, 'أَحَدٌۢ'],
      ['the small low meem in هُدًۭى (U+06ED)', baqara2Uthmani, 'هُدً', 0, 'هُدًۭ'],
      ['a waqf sign written after a space stays with the space', baqara2Uthmani, 'رَيْبَ ', 0, 'رَيْبَ ۛ'],
      ['half of an emoji ZWJ sequence', emojiFamily, '👨', 0, '👨‍👩‍👧'],
      // ZWNJ keeps the letters on both sides; the rest of the word is the user's choice.
      ['a word after a ZWNJ takes the letter before it', persianZwnj, 'خواهم', 0, 'ی\u200Cخواهم'],
      ['a word before a ZWNJ takes the letter after it', persianZwnj, 'می', 0, 'می\u200Cخ'],
    ];
    it.each(cases)('widens %s', (_name, text, selected, occurrence, expected) => {
      const start = nth(text, selected, occurrence);
      const snapped = snapToGraphemes(text, start, start + selected.length);
      expect(text.slice(snapped.start, snapped.end)).toBe(expected);
    });

    it('widens a start that falls inside a surrogate pair', () => {
      const start = nth(emojiFamily, '👨') + 1;
      const snapped = snapToGraphemes(emojiFamily, start, start + 1);
      expect(snapped.start).toBe(nth(emojiFamily, '👨'));
    });

    it('leaves ranges that are already on boundaries alone', () => {
      const start = nth(basmala, 'اللَّهِ');
      expect(snapToGraphemes(basmala, start, start + 'اللَّهِ'.length)).toEqual({ start, end: start + 'اللَّهِ'.length });
      const word = nth(seedText, 'حمص');
      expect(snapToGraphemes(seedText, word, word + 3)).toEqual({ start: word, end: word + 3 });
      expect(snapToGraphemes(seedText, 0, seedText.length)).toEqual({ start: 0, end: seedText.length });
    });

    it('widens a collapsed range inside a cluster to the cluster', () => {
      const at = nth(basmala, 'ب') + 1;
      expect(snapToGraphemes(basmala, at, at)).toEqual({ start: at - 1, end: at + 1 });
      expect(snapToGraphemes(basmala, 0, 0)).toEqual({ start: 0, end: 0 });
    });

    it.each([
      [-1, 2],
      [3, 2],
      [0, basmala.length + 1],
      [0.5, 2],
    ])('rejects the invalid range [%d, %d)', (start, end) => {
      expect(() => snapToGraphemes(basmala, start, end)).toThrow(RangeError);
    });

    it('never starts or ends between a letter and its mark, and contains the original range (property)', () => {
      fc.assert(
        fc.property(fc.nat(mixedText.length), fc.nat(mixedText.length), (a, b) => {
          const start = Math.min(a, b);
          const end = Math.max(a, b);
          const snapped = snapToGraphemes(mixedText, start, end);
          expect(snapped.start).toBeLessThanOrEqual(start);
          expect(snapped.end).toBeGreaterThanOrEqual(end);
          expect(splits(mixedText, snapped.start)).toBe(false);
          expect(splits(mixedText, snapped.end)).toBe(false);
          // Minimal: every offset it skipped over would have split something.
          for (let i = snapped.start + 1; i <= start; i += 1) expect(splits(mixedText, i)).toBe(true);
          for (let i = end; i < snapped.end; i += 1) expect(splits(mixedText, i)).toBe(true);
          // Idempotent.
          expect(snapToGraphemes(mixedText, snapped.start, snapped.end)).toEqual(snapped);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('#isGraphemeBoundary', () => {
    it('agrees with the independent definition at every offset of the mixed text', () => {
      for (let i = 0; i <= mixedText.length; i += 1) {
        expect(isGraphemeBoundary(mixedText, i), `offset ${i}`).toBe(!splits(mixedText, i));
      }
    });
  });
});
