// Property tests for anchoring as a whole: whatever happens to the text around a
// highlight, the highlight follows its passage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../../../common/anchoring/anchor.js';
import { CONTEXT_LENGTH, describeRange } from '../../../../common/anchoring/selectors.js';
import { snapToGraphemes } from '../../../../common/anchoring/snap.js';
import { mixedText, seedText, splice } from './texts.js';

// Inserted material is real text too: words of the seed article and vocalized words.
const words = [...new Set(mixedText.split(/\s+/).filter((word) => word.length > 0))];
const insertion = fc
  .array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 })
  .map((chosen) => chosen.join(' ') + ' ');

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number };
// `at` is a fraction of the room left once the quote and its context are set aside.
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: insertion }),
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 60 }) }),
);

/** True when `a` and `b` have a run of `n` characters in common. */
function sharesRun(a: string, b: string, n = 3): boolean {
  for (let i = 0; i + n <= a.length; i += 1) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}

/** A snapped, non-empty range of `text`. */
const range = (text: string, maxLength: number) =>
  fc
    .tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: maxLength }))
    .map(([from, length]) => snapToGraphemes(text, from, Math.min(text.length, from + length)));

describe('anchoring properties', () => {
  it('re-anchors to the same quote after random edits away from it and its context', () => {
    fc.assert(
      fc.property(range(mixedText, 150), fc.array(edit, { maxLength: 6 }), (quoteRange, edits) => {
        const selectors = Object.values(describeRange(mixedText, quoteRange.start, quoteRange.end));
        let text = mixedText;
        let { start, end } = quoteRange;
        for (const e of edits) {
          // Map the edit into the text before or after the protected zone.
          const before = Math.max(0, start - CONTEXT_LENGTH);
          const after = Math.min(text.length, end + CONTEXT_LENGTH);
          const room = before + (text.length - after);
          if (room === 0) continue;
          let at = Math.floor(e.at * room);
          const inFront = at < before;
          if (!inFront) at = after + (at - before);
          if (e.kind === 'insert') {
            text = splice(text, at, at, e.text);
            if (inFront) [start, end] = [start + e.text.length, end + e.text.length];
          } else {
            const length = Math.min(e.length, (inFront ? before : text.length) - at);
            if (length <= 0) continue;
            text = splice(text, at, at + length);
            if (inFront) [start, end] = [start - length, end - length];
          }
        }
        const result = anchorSelectors(text, selectors);
        expect(result).toMatchObject({ status: 'anchored', start, end });
        expect(text.slice(start, end)).toBe(mixedText.slice(quoteRange.start, quoteRange.end));
      }),
      { numRuns: 1000 },
    );
  });

  it('follows a long passage through a small edit well inside it', () => {
    fc.assert(
      fc.property(
        // Away from the ends of the text, so the quote has its full prefix and suffix:
        // at the very start an inserted copy of the quote's first word is as good a
        // start as the real one, and nothing says otherwise.
        range(seedText, 200).filter((r) => r.end - r.start >= 40 && r.start >= CONTEXT_LENGTH && r.end <= seedText.length - CONTEXT_LENGTH),
        fraction,
        // One word in, or up to four characters out: small next to a 40+ character quote.
        fc.oneof(
          fc.constantFrom(...words.filter((word) => word.length <= 10)).map((word) => ({ text: word + ' ', length: 0 })),
          fc.integer({ min: 1, max: 4 }).map((length) => ({ text: '', length })),
        ),
        (quoteRange, where, change) => {
          // An inserted word that repeats part of the quote makes the edit ambiguous
          // (a copy of the quote's first word inside it is as good a start as the
          // original), so such words are left out.
          fc.pre(!sharesRun(change.text, seedText.slice(quoteRange.start, quoteRange.end)));
          const selectors = Object.values(describeRange(seedText, quoteRange.start, quoteRange.end));
          // Keep the edit 8 characters clear of both edges, where "inside" is unambiguous.
          const span = quoteRange.end - quoteRange.start - 16 - change.length;
          const at = quoteRange.start + 8 + Math.floor(where * span);
          const text = splice(seedText, at, at + change.length, change.text);
          const end = quoteRange.end - change.length + change.text.length;
          expect(anchorSelectors(text, selectors)).toMatchObject({ status: 'anchored', how: 'quote', start: quoteRange.start, end });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
