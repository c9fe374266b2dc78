/**
 * The pure parts of issue 9: proclitic splitting, the ى/ي function-word
 * variants, and the Latin consonant skeletons (reference/cross-script.md),
 * checked on words of the seed news article.
 */
import { describe, expect, it } from 'vitest';
import { maksuraVariant } from '../../../../common/text/alef-maksura.js';
import { normalizeForSearch } from '../../../../common/text/arabic.js';
import { arabicSkeletons, closeness, isLatinWord, latinReadings } from '../../../../common/text/latin-skeleton.js';
import { procliticChains, procliticSplits } from '../../../../common/text/proclitics.js';
import { tokenize } from '../../../../common/text/tokenize.js';
import { SEED_ARTICLE } from './helpers.js';

const n = normalizeForSearch;
const seedWords = new Set(tokenize(SEED_ARTICLE).map((t) => t.norm));

describe('procliticSplits', () => {
  it.each([
    ['وحمص', ['حمص']],
    ['بدمشق', ['دمشق']],
    ['وبالمعارضة', ['معارضه', 'المعارضه']],
    ['للمعارضة', ['معارضه', 'المعارضه']],
    ['فالسويداء', ['سويداء', 'السويداء']],
  ])('%s reaches %j', (word, bases) => {
    const found = procliticSplits(n(word)).map((s) => s.base);
    for (const base of bases) expect(found).toContain(n(base));
    for (const base of bases) expect(seedWords.has(n(base)) || seedWords.has(n(`ال${base}`))).toBe(true);
  });

  it('never leaves a base under two letters, and never strips the ال of الله or الذي', () => {
    for (const word of ['وبه', 'الله', 'والذي', 'لله']) {
      const bases = procliticSplits(n(word)).map((s) => s.base);
      for (const b of bases) expect(b.length).toBeGreaterThanOrEqual(2);
      expect(bases).not.toContain('له');
      expect(bases).not.toContain('ذي');
    }
  });

  it('every legal chain glued to a seed word splits back to that word', () => {
    const words = [...seedWords].filter((w) => /^[\u0621-\u064A]{3,}$/.test(w) && !w.startsWith('ال')).slice(0, 60);
    for (const w of words) for (const chain of procliticChains()) expect(procliticSplits(chain + w).map((s) => s.base)).toContain(w);
  });
});

describe('maksuraVariant', () => {
  it.each([
    ['علي', 'على'],
    ['الي', 'الى'],
    ['حتي', 'حتى'],
    ['لدي', 'لدى'],
    ['اني', 'انى'],
    ['وعلي', 'وعلى'],
    ['على', 'علي'],
  ])('%s ↔ %s', (typed, other) => expect(maksuraVariant(typed)).toBe(other));

  it('leaves every other word alone (المستوي is folded in the index already)', () => {
    expect(maksuraVariant('المستوي')).toBeNull();
    expect(maksuraVariant('مدينتي')).toBeNull();
  });
});

describe('Latin skeletons of the archive\'s own words', () => {
  it.each([
    ['Homs', 'حمص'],
    ['Hums', 'حمص'],
    ['7oms', 'حمص'],
    ['Ḥimṣ', 'حمص'],
    ['Daraa', 'درعا'],
    ['Deraa', 'درعا'],
    ['Dimashq', 'دمشق'],
    ['Hama', 'حماة'],
    ['Hamah', 'حماة'],
    ['al-Assad', 'الأسد'],
    ['ez-Zor', 'الزور'],
    ['Deir', 'دير'],
    ['Rastan', 'الرستن'],
    ['as-Suwayda', 'السويداء'],
  ])('%s spells %s', (latin, arabic) => {
    expect(seedWords.has(n(arabic))).toBe(true);
    const keys = arabicSkeletons(n(arabic));
    expect(latinReadings(latin).some((r) => keys.includes(r.skeleton))).toBe(true);
  });

  it('ranks the closer vowels first: Daraa is درعا before إدارة', () => {
    const [reading] = latinReadings('Daraa');
    expect(closeness(reading!, n('درعا'))).toBeLessThan(closeness(reading!, n('إدارة')));
  });

  it('tells Latin words from Arabic ones and numbers', () => {
    expect(isLatinWord('Homs')).toBe(true);
    expect(isLatinWord('7oms')).toBe(true);
    expect(isLatinWord("Dar'a")).toBe(true);
    expect(isLatinWord('حمص')).toBe(false);
    expect(isLatinWord('2024')).toBe(false);
  });
});
