// PDF text geometry and order, on hand-made pieces of seed text: reading right to left by position,
// numbers and brackets inside Arabic lines, raised diacritics, paragraphs by line gaps, visual order.
import { describe, expect, it } from 'vitest';
import { foldPresentationForms } from '../../../../main/import/formats/arabic-forms.js';
import { linesToBlocks, lineText, pageLines, type TextLine, type TextPiece } from '../../../../main/import/formats/pdf-lines.js';
import { detectTextOrder, repairVisualLine } from '../../../../main/import/formats/pdf-visual-order.js';
import { seedLines, seedText } from '../../../support/make-import-fixtures.js';

/** Lays words out right to left from x = 500, as a PDF of an Arabic line does, then shuffles the pieces. */
function rtlPieces(words: string[], y = 700, size = 10): TextPiece[] {
  const pieces: TextPiece[] = [];
  let right = 500;
  words.forEach((word, index) => {
    const width = word.length * size * 0.5;
    pieces.push({ text: word, x: right - width, y, width, size });
    right -= width;
    if (index < words.length - 1) {
      pieces.push({ text: ' ', x: right - size * 0.3, y, width: size * 0.3, size });
      right -= size * 0.3;
    }
  });
  return pieces.reverse(); // stream order: left to right
}

describe('PDF line assembly', () => {
  const line = seedLines()[2]!; // "و أكدت المعارضة المسلحة ... جنوبا."

  it('reads an Arabic line right to left by the pieces’ positions', () => {
    expect(lineText(rtlPieces(line.split(' ')), true)).toBe(line);
  });

  it('keeps numbers left to right and puts trailing punctuation where it is read', () => {
    // As drawn, "عام 2018." shows the full stop left of the number: one left-to-right piece ".2018".
    const words = seedLines().at(-1)!.split(' ');
    const index = words.indexOf('2018.');
    const pieces = rtlPieces([...words.slice(0, index), '.2018']);
    expect(lineText(pieces, true)).toBe(words.join(' '));
  });

  it('mirrors brackets drawn as separate pieces', () => {
    const words = ['(', 'قسد', ')'];
    // Drawn right to left, the opening bracket at the right shows as ")" (mirrored glyph).
    const pieces = rtlPieces([')', 'قسد', '(']).filter((piece) => piece.text.trim());
    expect(lineText(pieces, true).replace(/\s/g, '')).toBe(words.join(''));
  });

  it('keeps a raised diacritic with its letter on the same line', () => {
    const word = 'تعدّان';
    const bare = word.replace('\u0651', '');
    const pieces = rtlPieces([bare]);
    const dal = pieces[0]!;
    // The shadda sits over the dal (third letter from the right), 2 units above the baseline.
    const letter = dal.width / bare.length;
    pieces.push({ text: '\u0651', x: dal.x + dal.width - 3 * letter, y: dal.y + 2, width: letter, size: dal.size });
    const lines = pageLines(pieces);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text.replace('\u0651', '')).toBe(bare);
    expect(lines[0]!.text).toContain('\u0651');
  });

  it('folds presentation forms only', () => {
    expect(foldPresentationForms('\uFEDF\uFEE4\uFEAA\uFEF3\uFEE8\uFE94 ١٢ ﬁ')).toBe('لمدينة ١٢ ﬁ');
  });
});

describe('PDF paragraphs', () => {
  const line = (text: string, y: number, size = 10, width = 400): TextLine => ({ text, y, size, left: 500 - width, right: 500, rtl: true });

  it('splits paragraphs at wider gaps, joins wrapped lines, and marks larger text as headings', () => {
    const [p1, heading, p2] = [seedLines()[0]!, seedLines()[1]!, seedLines()[3]!];
    const wrap = (text: string) => {
      const cut = text.lastIndexOf(' ', Math.floor(text.length / 2));
      return [text.slice(0, cut), text.slice(cut + 1)];
    };
    const [a1, a2] = wrap(p1);
    const [b1, b2] = wrap(p2);
    const lines = [
      line(a1!, 700),
      line(a2!, 686, 10, 200),
      line(heading, 650, 14, 150),
      line(b1!, 620),
      line(b2!, 606, 10, 250),
    ];
    expect(linesToBlocks([lines])).toEqual([
      { kind: 'paragraph', text: p1 },
      { kind: 'heading', text: heading, level: 2 },
      { kind: 'paragraph', text: p2 },
    ]);
  });

  it('ends a paragraph after a short line that ends a sentence, even without a wider gap', () => {
    const [full, short, next] = [seedLines()[0]!, seedLines()[2]!, seedLines()[3]!];
    // A full-width line ending in "." may just wrap; a short one ending a sentence ends its paragraph.
    expect(linesToBlocks([[line(full, 700), line(short, 686, 10, 200), line(next, 672)]])).toEqual([
      { kind: 'paragraph', text: `${full} ${short}` },
      { kind: 'paragraph', text: next },
    ]);
  });

  it('continues a paragraph across a page break unless the page ended a sentence', () => {
    const words = seedLines()[3]!.split(' ');
    const first = words.slice(0, 10).join(' ');
    const rest = words.slice(10).join(' ');
    expect(linesToBlocks([[line(first, 100)], [line(rest, 750)]])).toEqual([{ kind: 'paragraph', text: `${first} ${rest}` }]);
    expect(linesToBlocks([[line(`${first}.`, 100)], [line(rest, 750)]])).toHaveLength(2);
  });
});

describe('visual-order detection', () => {
  it('finds the seed in logical order', () => {
    expect(detectTextOrder(seedText())).toBe('logical');
  });

  it('finds the seed reversed line by line in visual order, and repairs it exactly', () => {
    const visual = seedLines().map(repairVisualLine);
    expect(detectTextOrder(visual.join('\n'))).toBe('visual');
    expect(visual.map(repairVisualLine)).toEqual(seedLines());
  });

  it('keeps numbers and Latin words readable through a repair', () => {
    const line = seedLines().find((text) => text.includes('12 كيلومترا'))!;
    const visual = repairVisualLine(line);
    expect(visual).toContain('12');
    expect(repairVisualLine(visual)).toBe(line);
  });
});
