/** Plain-text parsing of the real seed article: sub-headings found, every paragraph intact, a sensible title. */
import { describe, expect, it } from 'vitest';
import { cutAtWord, parsePlainText, suggestTitle } from '../../../common/text/plain-text.js';
import { countWords, fingerprintText } from '../../../common/text/fingerprint.js';
import { SEED_LINES, SEED_TEXT } from '../../support/seed.js';

describe('parsePlainText on the seed article', () => {
  const blocks = parsePlainText(SEED_TEXT);

  it('finds exactly the two sub-headings', () => {
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['سيطرة المعارضة على درعا', 'عمليات الجنوب']);
  });

  it('keeps every paragraph intact and in order', () => {
    expect(blocks.map((block) => block.text)).toEqual(SEED_LINES);
    expect(blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(SEED_LINES.length - 2);
  });

  it('titles it with the first sentence, cut at a word boundary', () => {
    const title = suggestTitle(blocks);
    expect(title.startsWith('أعلنت المعارضة السورية المسلحة تقدمها نحو مدينة حمص')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(91);
    expect(SEED_LINES[0]?.startsWith(title.slice(0, -1))).toBe(true);
  });
});

describe('parsePlainText rules', () => {
  it('takes an opening short line as the title heading', () => {
    const blocks = parsePlainText(`سيطرة المعارضة على درعا\n${SEED_LINES[0]}`);
    expect(blocks[0]).toEqual({ kind: 'heading', text: 'سيطرة المعارضة على درعا' });
    expect(suggestTitle(blocks)).toBe('سيطرة المعارضة على درعا');
  });

  it('does not make a heading of a short line that ends a sentence, nor of the last line', () => {
    const blocks = parsePlainText(`و أكدت المعارضة المسلحة سيطرة قواتها على كامل مدينة درعا جنوبا.\n${SEED_LINES[3]}\nعمليات الجنوب`);
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('handles Windows line endings, a BOM and blank lines between paragraphs', () => {
    const blocks = parsePlainText(`\uFEFF${SEED_LINES[0]}\r\n\r\n${SEED_LINES[2]}\r\n`);
    expect(blocks.map((block) => block.text)).toEqual([SEED_LINES[0], SEED_LINES[2]]);
  });

  it('recognises list items and quotes', () => {
    const blocks = parsePlainText(`- ${SEED_LINES[2]}\n> ${SEED_LINES[3]}`);
    expect(blocks.map((block) => block.kind)).toEqual(['list-item', 'quote']);
    expect(blocks[0]?.text).toBe(SEED_LINES[2]);
  });

  it('cuts long titles at a word boundary', () => {
    expect(cutAtWord('كلمة '.repeat(40).trim(), 30)).toMatch(/^(كلمة ){5}كلمة…$/);
  });
});

describe('fingerprint and word count', () => {
  it('folds diacritics, tatweel, spacing and presentation forms so re-imports match', () => {
    expect(fingerprintText('تَعَزَّزَ  الجـيـش\n')).toBe(fingerprintText('تعزز الجيش'));
    expect(fingerprintText('\uFEFB')).toBe('لا');
  });

  it('counts Arabic words with marks inside them as one word each', () => {
    expect(countWords('تَعَزَّزَ الجيش، في حمص (سانا) 12 كيلومترا')).toBe(7);
    expect(countWords(SEED_TEXT)).toBe(401);
  });
});
