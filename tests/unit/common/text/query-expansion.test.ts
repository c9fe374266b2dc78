/**
 * Query expansion beyond the §7 match/no-match cases: tier weights, exact mode,
 * stop words, the frequency checks, the fuzzy budget, type-ahead and speed.
 */
import { describe, expect, it } from 'vitest';
import { expandQueryWord, TIER_WEIGHTS, type Candidate, type Vocabulary } from '../../../../common/text/query-expansion.js';
import { SimpleVocabulary } from '../../../../common/text/simple-vocabulary.js';
import { tokenize } from '../../../../common/text/tokenize.js';
import { BACKGROUND_DF, SEED_ARTICLE } from './helpers.js';

const vocab = (entries: Array<[string, number]>): SimpleVocabulary => new SimpleVocabulary(new Map(entries));
const terms = (candidates: Candidate[]): string[] => candidates.map((c) => c.term);
const seedVocabulary = SimpleVocabulary.fromTexts(SEED_ARTICLE.split('\n'));

describe('expandQueryWord: tiers and weights', () => {
  const v = vocab([
    ['حكومه', 50], ['الحكومه', 80], ['والحكومه', 20], ['حكومتها', 5], ['حكومات', 9], ['الحكومات', 7], ['حكومي', 4],
    ['حكومتين', 2], ['حكوميه', 3], ['حكوكه', 1],
  ]);

  it('puts the exact term first with weight 1, then clitic, inflection and typo tiers', () => {
    const result = expandQueryWord('حكومة', v);
    expect(result[0]).toEqual({ term: 'حكومه', tier: 'exact', weight: 1 });
    const tierOf = new Map(result.map((c) => [c.term, c.tier]));
    expect(tierOf.get('الحكومه')).toBe('clitic');
    expect(tierOf.get('والحكومه')).toBe('clitic');
    expect(tierOf.get('حكومتها')).toBe('clitic');
    expect(tierOf.get('حكومات')).toBe('inflection');
    expect(tierOf.get('الحكومات')).toBe('inflection');
    expect(tierOf.get('حكومتين')).toBe('inflection');
    expect(tierOf.get('حكومي')).toBe('inflection');
    expect(tierOf.get('حكوكه')).toBe('typo');
    for (let i = 1; i < result.length; i += 1) expect(result[i].weight).toBeLessThanOrEqual(result[i - 1].weight);
  });

  it('uses the §3.3 weights', () => {
    const weightOf = new Map(expandQueryWord('حكومة', v).map((c) => [c.term, c.weight]));
    expect(weightOf.get('الحكومه')).toBe(TIER_WEIGHTS.clitic);
    expect(weightOf.get('حكومات')).toBe(TIER_WEIGHTS.inflection);
    // م → ك is a neighbouring key on the Arabic keyboard: a likely slip, weighted above other edits.
    expect(weightOf.get('حكوكه')).toBe(TIER_WEIGHTS.typoSlip);
    expect(TIER_WEIGHTS).toMatchObject({ exact: 1, variant: 0.9, clitic: 0.8, translit: 0.7, inflection: 0.6, typoSlip: 0.45, typo1: 0.4, typo2: 0.25, prefix: 0.375 });
  });

  it('weights a two-edit typo 0.25', () => {
    const result = expandQueryWord('الاقتصاض', vocab([['الاقتصاد', 3], ['الاقتصدد', 1]]));
    // ض → د: same sound group, a likely slip (0.45); two edits: 0.25.
    expect(result).toContainEqual({ term: 'الاقتصاد', tier: 'typo', weight: 0.45 });
    expect(result).toContainEqual({ term: 'الاقتصدد', tier: 'typo', weight: 0.25 });
  });

  it('returns only terms of the vocabulary, each once, with weights in (0, 1]', () => {
    for (const word of ['قوات', 'المعارضة', 'سيطرة', 'مدينة', 'الدفاع', 'حمص', 'العمليات']) {
      const result = expandQueryWord(word, seedVocabulary, { prefix: true });
      expect(new Set(terms(result)).size).toBe(result.length);
      for (const c of result) {
        expect(seedVocabulary.docFrequency(c.term)).toBeGreaterThan(0);
        expect(c.weight).toBeGreaterThan(0);
        expect(c.weight).toBeLessThanOrEqual(1);
      }
    }
  });

  it('returns nothing for a word absent from the vocabulary with no candidate within budget', () => {
    expect(expandQueryWord('برتقال', seedVocabulary)).toEqual([]);
    expect(expandQueryWord('', seedVocabulary)).toEqual([]);
    expect(expandQueryWord('،', seedVocabulary)).toEqual([]);
  });

  it('normalizes the raw word (marks, hamza, presentation forms) before looking it up', () => {
    expect(terms(expandQueryWord('حِمْصَ', seedVocabulary))).toContain('حمص');
    expect(terms(expandQueryWord('\uFEA3\uFEE4\uFEBA', seedVocabulary))).toContain('حمص');
  });

  it('expands only the first token of a word that normalization splits', () => {
    expect(terms(expandQueryWord('COVID-19', vocab([['covid', 1], ['19', 1]])))).toEqual(['covid']);
  });
});

describe('expandQueryWord: exact mode', () => {
  it('returns just the exact term, no expansion', () => {
    const v = vocab([['امن', 5], ['الامن', 9], ['امنه', 2]]);
    expect(expandQueryWord('أمن', v, { exact: true })).toEqual([{ term: 'امن', tier: 'exact', weight: 1 }]);
    expect(expandQueryWord('أمن', v, { exact: true, prefix: true })).toEqual([{ term: 'امن', tier: 'exact', weight: 1 }]);
    expect(expandQueryWord('الأمن', vocab([['امن', 5]]), { exact: true })).toEqual([]);
  });
});

describe('expandQueryWord: stop words', () => {
  const v = vocab([
    ['ان', 900], ['كان', 400], ['لان', 100], ['الان', 50], ['انه', 300], ['في', 990], ['فيه', 200], ['وفي', 300],
    ['الذي', 500], ['الذين', 300], ['على', 900], ['عليه', 200], ['وعلى', 100], ['من', 990], ['منه', 100], ['ومن', 200],
  ]);

  it.each(['ان', 'الذين', 'إن', 'أن'])('%s is expanded to itself only', (word) => {
    const result = expandQueryWord(word, v);
    expect(result.map((c) => c.tier)).toEqual(['exact']);
  });

  it.each([
    ['في', 'وفي'],
    ['من', 'ومن'],
    ['على', 'وعلى'],
  ])('%s also reaches its form with a conjunction (%s), never a pronoun or other suffix', (word, withConjunction) => {
    const result = expandQueryWord(word, v);
    expect(result[0]).toMatchObject({ tier: 'exact' });
    expect(result.slice(1).map((c) => [c.term, c.tier])).toEqual([[withConjunction, 'clitic']]);
  });

  it('كان is not read as ك + ان, nor بان as ب + ان', () => {
    expect(terms(expandQueryWord('كان', v))).not.toContain('ان');
    expect(terms(expandQueryWord('بان', vocab([['بان', 9], ['ان', 900]])))).not.toContain('ان');
  });

  it('never offers a function word as a candidate for another word', () => {
    const w = vocab([['الذيب', 3], ['الذي', 500], ['فيهم', 20], ['فيلم', 30]]);
    expect(terms(expandQueryWord('الذيب', w))).toEqual(['الذيب']);
    expect(terms(expandQueryWord('فيلم', w))).toEqual(['فيلم']);
  });
});

describe('expandQueryWord: the frequency checks of §3.3', () => {
  it('keeps a one-letter proclitic form only when it is rarer than its base', () => {
    expect(terms(expandQueryWord('وزير', vocab([['وزير', 800], ['ووزير', 40]])))).toContain('ووزير');
    expect(terms(expandQueryWord('تاب', vocab([['تاب', 2], ['كتاب', 300]])))).not.toContain('كتاب');
    expect(terms(expandQueryWord('سائل', vocab([['ساءل', 3], ['وساءل', 300]])))).not.toContain('وساءل');
  });

  it('trusts a conjunction on an unseen base of four letters or more; other additions only as approximate typos', () => {
    expect(terms(expandQueryWord('فلسطين', vocab([['وفلسطين', 1]])))).toEqual(['وفلسطين']);
    // Issue 9: a deleted first letter is a typo when nothing else matches — approximate, never confident.
    expect(expandQueryWord('بنان', vocab([['لبنان', 1]])).map((c) => c.tier)).toEqual(['typo']);
    expect(expandQueryWord('زير', vocab([['وزير', 1]])).map((c) => c.tier)).toEqual(['typo']);
  });

  it('reads particles off a query word whether or not the glued form occurs; the glued form ranks first', () => {
    expect(terms(expandQueryWord('وفلسطين', vocab([['وفلسطين', 2], ['فلسطين', 90]])))).toEqual(['وفلسطين', 'فلسطين']);
    // The glued form was never written: the base alone answers (issue 9 item 1).
    expect(expandQueryWord('بدمشق', vocab([['دمشق', 3]]))).toEqual([{ term: 'دمشق', tier: 'clitic', weight: TIER_WEIGHTS.reading }]);
    expect(terms(expandQueryWord('وبالحكومة', vocab([['حكومه', 3], ['الحكومه', 5]])))).toEqual(['الحكومه', 'حكومه']);
    // لبنان is written: بنان is only a doubtful reading, weighted well below the word itself.
    const lebanon = expandQueryWord('لبنان', vocab([['لبنان', 500], ['بنان', 1]]));
    expect(lebanon[0]).toEqual({ term: 'لبنان', tier: 'exact', weight: 1 });
    expect(lebanon.find((c) => c.term === 'بنان')?.weight).toBe(TIER_WEIGHTS.doubtfulClitic);
    expect(terms(expandQueryWord('لبنان', vocab([['بنان', 1]])))).toEqual(['بنان']);
  });

  it('reads a function word typed with ي after a particle (وعلي → وعلى, على)', () => {
    const result = expandQueryWord('وعلي', vocab([['على', 90], ['وعلى', 9]]));
    expect(terms(result)).toEqual(['وعلى', 'على']);
    expect(result.every((c) => c.tier !== 'typo')).toBe(true);
  });

  it('never strips the article from the exception words', () => {
    expect(terms(expandQueryWord('الله', vocab([['الله', 90], ['له', 500], ['لله', 30]])))).toEqual(['الله']);
    expect(terms(expandQueryWord('والله', vocab([['والله', 5], ['له', 500]])))).not.toContain('له');
  });

  it('writes ل + ال + ل… as لل… (للاجئين)', () => {
    expect(terms(expandQueryWord('لاجئ', vocab([['للاجءين', 4]])))).toContain('للاجءين');
  });

  it('does not reach the masculine noun from a feminine query typed with ة', () => {
    expect(terms(expandQueryWord('جامعة', vocab([['جامع', 60], ['جامعه', 200]])))).toEqual(['جامعه']);
    expect(terms(expandQueryWord('مدرسة', vocab([['مدرس', 60], ['المدرس', 60], ['مدرسه', 9]])))).toEqual(['مدرسه']);
  });
});

describe('expandQueryWord: fuzzy budget (§3.5)', () => {
  it.each([
    ['≤ 3 letters: no typos when the word itself occurs', 'قال', [['قال', 9], ['مال', 9]]],
    ['4–7 letters: one edit', 'فلسطين', [['فلسطبنن', 9]]],
    ['≥ 8 letters: two edits, not three', 'الاقتصاد', [['الاقتبلم', 9]]],
    ['numbers are never typos', '2024', [['2025', 9]]],
  ] as Array<[string, string, Array<[string, number]>]>)('%s', (_name, word, entries) => {
    expect(expandQueryWord(word, vocab(entries)).filter((c) => c.tier === 'typo')).toEqual([]);
  });

  it('gives a three-letter word one edit when nothing else matches (حمس → حمص), as a typo', () => {
    expect(expandQueryWord('حمس', vocab([['حمص', 9], ['حم', 9]]))).toEqual([{ term: 'حمص', tier: 'typo', weight: TIER_WEIGHTS.typoSlip }]);
  });

  it('reaches a function word through a typo inside it (الذبن → الذين)', () => {
    expect(expandQueryWord('الذبن', vocab([['الذين', 90]]))).toEqual([{ term: 'الذين', tier: 'typo', weight: TIER_WEIGHTS.typoSlip }]);
  });

  it('offers real-word typos only when asked (الدين typed for الذين)', () => {
    const v = vocab([['الدين', 5], ['الذين', 90]]);
    expect(terms(expandQueryWord('الدين', v))).not.toContain('الذين');
    expect(expandQueryWord('الدين', v, { realWord: true }).find((c) => c.term === 'الذين')?.tier).toBe('typo');
  });

  it('prefers the clitic reading to a typo (بحمص → حمص before بحمد)', () => {
    const result = expandQueryWord('بحمص', vocab([['حمص', 3], ['بحمد', 50]]));
    expect(result[0]).toEqual({ term: 'حمص', tier: 'clitic', weight: TIER_WEIGHTS.reading });
    expect(result.find((c) => c.term === 'بحمد')?.tier ?? 'typo').toBe('typo');
  });

  it('allows one edit at 4–7 letters and two at 8 or more', () => {
    expect(terms(expandQueryWord('فلسطين', vocab([['فلسطبن', 9]])))).toEqual(['فلسطبن']);
    expect(terms(expandQueryWord('الاقتصاد', vocab([['الاقتراح', 9]])))).toEqual(['الاقتراح']);
    expect(expandQueryWord('الاقتصاد', vocab([['الاقتراح', 9]]))[0]?.weight).toBe(0.25);
  });

  it('counts an adjacent transposition as one edit even if the vocabulary only does Levenshtein', () => {
    const levenshteinOnly: Vocabulary = {
      docFrequency: (t) => (t === 'مستشفي' ? 7 : 0),
      termsWithPrefix: () => [],
      termsWithin: () => [],
    };
    expect(expandQueryWord('مسشتفى', levenshteinOnly)).toEqual([{ term: 'مستشفي', tier: 'typo', weight: 0.4 }]);
  });

  it('drops typo candidates that only add or remove a leading و ف ب ل ك ا once a confident reading exists', () => {
    const v = vocab([['لبنان', 9], ['اسلام', 9], ['زير', 9], ['بنان', 2], ['سلام', 2]]);
    expect(terms(expandQueryWord('بنان', v))).toEqual(['بنان']);
    expect(terms(expandQueryWord('سلام', v))).toEqual(['سلام']);
  });

  it('keeps a deleted or added first letter as an approximate typo when nothing else matches', () => {
    const v = vocab([['لبنان', 9], ['اسلام', 9]]);
    expect(expandQueryWord('بنان', v)).toEqual([{ term: 'لبنان', tier: 'typo', weight: TIER_WEIGHTS.typo1 }]);
    expect(expandQueryWord('سلام', v)).toEqual([{ term: 'اسلام', tier: 'typo', weight: TIER_WEIGHTS.typo1 }]);
  });
});

describe('expandQueryWord: type-ahead (prefix tier)', () => {
  const v = vocab([['مفاوضات', 30], ['المفاوضات', 40], ['مفاوضين', 5], ['والمفاوضات', 3], ['مفتاح', 9]]);

  it('completes b0 and ال + b0, only when asked', () => {
    const result = expandQueryWord('مفاو', v, { prefix: true });
    expect(new Set(terms(result))).toEqual(new Set(['مفاوضات', 'المفاوضات', 'مفاوضين']));
    for (const c of result) expect(c).toMatchObject({ tier: 'prefix', weight: 0.375 });
    expect(expandQueryWord('مفاو', v)).toEqual([]);
  });

  it('needs at least three letters', () => {
    expect(expandQueryWord('مف', v, { prefix: true })).toEqual([]);
    expect(terms(expandQueryWord('مفا', v, { prefix: true }))).toContain('مفاوضات');
  });

  it('ranks completions by document frequency', () => {
    expect(terms(expandQueryWord('مفاو', v, { prefix: true }))).toEqual(['المفاوضات', 'مفاوضات', 'مفاوضين']);
  });
});

describe('expandQueryWord: speed', () => {
  it('takes well under 1 ms per word over a map-backed vocabulary', () => {
    const df = new Map<string, number>([...BACKGROUND_DF]);
    for (const t of tokenize(SEED_ARTICLE)) df.set(t.norm, (df.get(t.norm) ?? 0) + 1);
    const indexLike: Vocabulary = {
      docFrequency: (t) => df.get(t) ?? 0,
      termsWithPrefix: () => [],
      termsWithin: () => [],
    };
    const words = tokenize(SEED_ARTICLE).slice(0, 200).map((t) => t.norm);
    for (const w of words) expandQueryWord(w, indexLike); // warm up
    const t0 = performance.now();
    for (const w of words) expandQueryWord(w, indexLike, { prefix: true });
    const perWord = (performance.now() - t0) / words.length;
    expect(perWord).toBeLessThan(1);
  });
});
