// common/anchoring/fold: the mark-insensitive view used when a quote and the text
// differ only in tashkeel, tatweel or invisible joiners, and its way back to raw offsets.
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../../../common/anchoring/anchor.js';
import { fold, foldWithOffsets, rangeToRaw, toFolded } from '../../../../common/anchoring/fold.js';
import { describeRange } from '../../../../common/anchoring/selectors.js';
import { baqara2Uthmani, fatihaPlain, fatihaVocalized, nth, persianZwnj } from './texts.js';

describe('common/anchoring/fold', () => {
  describe('#fold', () => {
    it.each(fatihaVocalized.map((verse, i) => [verse, fatihaPlain[i]!]))('folds «%s» to the printed plain text', (vocalized, plain) => {
      expect(fold(vocalized)).toBe(plain);
    });

    it('drops tatweel, as in a letterhead that stretches its words', () => {
      expect(fold('الجمهـــــورية اليمنيـــــة')).toBe('الجمهورية اليمنية');
    });

    it('drops ZWNJ and Quranic annotation marks', () => {
      expect(fold(persianZwnj)).toBe('من میخواهم بروم');
      expect(fold(baqara2Uthmani)).not.toMatch(/[\u06D6-\u06ED]/);
    });

    it('leaves unmarked text alone', () => {
      expect(fold(fatihaPlain.join(' '))).toBe(fatihaPlain.join(' '));
    });
  });

  describe('#foldWithOffsets', () => {
    const basmala = fatihaVocalized[0]!;
    const folded = foldWithOffsets(basmala);

    it('maps every folded character back to the same character in the raw text', () => {
      expect(folded.toRaw).toHaveLength(folded.text.length + 1);
      for (let i = 0; i < folded.text.length; i += 1) expect(basmala[folded.toRaw[i]!]).toBe(folded.text[i]);
      expect(folded.toRaw[folded.text.length]).toBe(basmala.length);
    });

    it('maps a folded range back to the raw letters, and raw offsets forward', () => {
      const start = nth(folded.text, 'الرحمن');
      const raw = rangeToRaw(folded, start, start + 'الرحمن'.length);
      // The end stops after the last letter; snapping adds its marks.
      expect(basmala.slice(raw.start, raw.end)).toBe('الرَّحْمَٰن');
      expect(toFolded(folded, raw.start)).toBe(start);
      // A raw offset on a mark maps to the next letter.
      expect(toFolded(folded, 1)).toBe(1);
    });
  });

  it('lets a quote saved without tatweel find its stretched re-import', () => {
    const plain = 'الجمهورية اليمنية\n\nوزارة التربية والتعليم';
    const stretched = 'الجمهـــــورية اليمنيـــــة\n\nوزارة التربية والتعليم';
    const selectors = Object.values(describeRange(plain, 0, 'الجمهورية اليمنية'.length));
    const result = anchorSelectors(stretched, selectors);
    expect(result).toEqual({ status: 'anchored', start: 0, end: 'الجمهـــــورية اليمنيـــــة'.length, how: 'quote' });
  });
});
