/**
 * The search normalizer's character rules (arabic-search.md §2): the §7.5 unit
 * assertions, one row per table entry of §2.2, and what must NOT be folded.
 */
import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, normalize, normalizeForSearch } from '../../../../common/text/arabic.js';
import { SEED_ARTICLE } from './helpers.js';

const n = (s: string): string => normalizeForSearch(s);

describe('§7.5 normalizer assertions', () => {
  it.each([
    ['آجن', 'اجن'],
    ['بنى', 'بني'],
    ['فاطمة', 'فاطمه'],
    ['روبرـــــت', 'روبرت'],
    ['ولداً', 'ولدا'],
    ['\uFDFA', 'صلي الله عليه وسلم'],
    ['\uFE70', ''],
    ['على', 'على'],
    ['إلى', 'الى'],
    ['علىٰ', 'على'],
  ])('%s → %s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('§2.2 A: marks are deleted', () => {
  it.each([
    ['harakat U+064B–U+0652', 'كَتَبَ كِتَابًا مُّسْتَقِلًّا', 'كتب كتابا مستقلا'],
    ['dagger alef U+0670', 'هٰذا', 'هذا'],
    ['small marks U+0656–U+065F', 'ب\u0656\u065Fت', 'بت'],
    ['honorific signs U+0610–U+061A', 'محمد\u0610', 'محمد'],
    ['Quranic marks U+06D6–U+06ED', 'قال\u06D6 ربك\u06DA\u06DF\u06E2\u06E5\u06E6\u06E7\u06E8\u06EA\u06ED', 'قال ربك'],
    ['Extended-A combining marks (generic \\p{Mn})', 'ب\u08F0\u08D3ت', 'بت'],
    ['tatweel', 'الـــعـربـيـة', 'العربيه'],
    ['isolated harakat forms, never a space', 'ب\uFE70\uFE72\uFE76\uFE7Cت', 'بت'],
    ['shadda ligature forms U+FC5E–U+FC63', 'ب\uFC5E\uFC63ت', 'بت'],
    ['Latin accents after NFKD', 'Café Müller', 'cafe muller'],
    ['combining grapheme joiner', 'ab\u034Fc', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('§2.2 B: invisible characters and separators', () => {
  it.each([
    ['ZWNJ', 'مفا\u200Cوضات'],
    ['ZWJ', 'مفا\u200Dوضات'],
    ['ZWSP', 'مفا\u200Bوضات'],
    ['word joiner', 'مفا\u2060وضات'],
    ['BOM', '\uFEFFمفاوضات'],
    ['soft hyphen', 'مفا\u00ADوضات'],
    ['LRM/RLM', '\u200Eمفاوضات\u200F'],
    ['Arabic letter mark', 'مفا\u061Cوضات'],
    ['embeddings and overrides', '\u202Aمفا\u202B\u202C\u202D\u202Eوضات'],
    ['isolates', '\u2066مفا\u2067\u2068وضات\u2069'],
  ])('%s is deleted without splitting the word', (_name, input) => {
    expect(n(input)).toBe('مفاوضات');
  });

  it.each([
    ['Arabic comma', 'حمص، درعا'],
    ['Arabic semicolon', 'حمص؛ درعا'],
    ['Arabic question mark', 'حمص؟درعا'],
    ['triple dot punctuation', 'حمص؞درعا'],
    ['five pointed star', 'حمص٭درعا'],
    ['Urdu full stop', 'حمص۔درعا'],
    ['guillemets', 'حمص»«درعا'],
    ['no-break space', 'حمص\u00A0درعا'],
    ['narrow no-break space', 'حمص\u202Fدرعا'],
    ['em space', 'حمص\u2003درعا'],
    ['line and paragraph separators', 'حمص\u2028\u2029درعا'],
    ['ideographic space', 'حمص\u3000درعا'],
    ['end of ayah (Cf)', 'حمص\u06DDدرعا'],
    ['number sign (Cf)', 'حمص\u0600درعا'],
    ['rub el hizb ۞ and sajdah ۩', 'حمص ۞ ۩ درعا'],
    ['percent, decimal and thousands separators (C8)', 'حمص٪٫٬درعا'],
    ['newlines and tabs', 'حمص\n\t\r\nدرعا'],
  ])('%s separates words (runs collapse to one space)', (_name, input) => {
    expect(n(input)).toBe('حمص درعا');
  });

  it('does not emit a leading space; a trailing separator run stays one space', () => {
    expect(n('  ، حمص')).toBe('حمص');
    expect(n('«حمص»')).toBe('حمص ');
  });
});

describe('§2.2 C: letter folds', () => {
  it.each([
    ['C1 alef forms', '\u0622 \u0623 \u0625 \u0671 \u0672 \u0673 \u0675', 'ا ا ا ا ا ا ا'],
    ['C2 hamza seats', '\u0624 \u0626 \u0676 \u0678 \u06D3', 'ء ء ء ء ء'],
    ['C3 yeh lookalikes', '\u06CC \u06D0 \u06D2', 'ي ي ي'],
    ['C4 teh marbuta', '\u0629 \u06C3', 'ه ه'],
    ['C5 heh forms', '\u06C1 \u06C2 \u06BE \u06D5 \u06C0', 'ه ه ه ه ه'],
    ['C6 keheh and swash kaf', '\u06A9 \u06AA', 'ك ك'],
    ['C7 Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['C7 Persian digits', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['lowercase', 'COVID Ünïcödé', 'covid unicode'],
    ['full-width Latin through NFKD', 'ＣＯＶＩＤ１９', 'covid19'],
  ])('%s', (_name, input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it('folds ى only outside the no-fold list (§2.5)', () => {
    expect(n('على إلى حتى متى لدى سوى عسى أنى')).toBe('على الى حتى متى لدى سوى عسى انى');
    expect(n('مستشفى مصطفى الذى فى')).toBe('مستشفي مصطفي الذي في');
    // Our extension: the no-fold words keep ى behind the conjunctions و/ف.
    expect(n('وعلى فإلى وحتى')).toBe('وعلى فالى وحتى');
    expect(n('وعلي')).toBe('وعلي');
  });
});

describe('§2.2 D: expansions', () => {
  it.each([
    ['lam-alef ligatures', '\uFEF5 \uFEF7 \uFEF9 \uFEFB \uFEFC', 'لا لا لا لا لا'],
    ['Presentation Forms-B letters', '\uFE8D\uFEFB\uFE97\uFEA4\uFE8E\uFEA9', 'الاتحاد'],
    ['Forms-B hamza seats keep their hamza', '\uFE85 \uFE89 \uFE8B', 'ء ء ء'],
    ['Forms-A keheh and Farsi yeh', '\uFB8E\uFBFC', 'كي'],
    ['Forms-A yeh barree with hamza', '\uFBB0', 'ء'],
    ['ﷲ', '\uFDF2', 'الله'],
    ['ﷻ', '\uFDFB', 'جل جلاله'],
    ['﷼ (Farsi yeh folded)', '\uFDFC', 'ريال'],
    ['﷽ (explicit entry)', '\uFDFD', 'بسم الله الرحمن الرحيم'],
    ['ﬁ ligature', 'ﬁle', 'file'],
  ])('%s', (_name, input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('§2.1 step 3: combining hamza look-back', () => {
  it.each([
    ['ا + hamza above = أ', 'ا\u0654من', 'امن'],
    ['ا + hamza below = إ', 'ا\u0655سلام', 'اسلام'],
    ['ا + madda = آ', 'ا\u0653خر', 'اخر'],
    ['و + hamza = ؤ', 'مسو\u0654ول', 'مسءول'],
    ['ي + hamza = ئ', 'مسي\u0654ول', 'مسءول'],
    ['ى + hamza = ئ', 'شاطى\u0654', 'شاطء'],
    ['a mark between does not hide the letter', 'و\u064E\u0654', 'ء'],
  ])('%s', (_name, input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it('decomposed and precomposed input give the same text', () => {
    const precomposed = 'سأل المسؤول عن شئون إسرائيل وآخر';
    expect(n(precomposed.normalize('NFD'))).toBe(n(precomposed));
  });
});

describe('§2.2 E and F: what is NOT folded', () => {
  it('keeps the transliteration letters ڤ پ چ ژ گ ڨ ڭ (E is query-time only, off)', () => {
    const loose = '\u06A4 \u067E \u0686 \u0698 \u06AF \u06A8 \u06AD';
    expect(n(loose)).toBe(loose);
  });

  it('never drops hamza: ء stays, ؤ/ئ become ء and not و/ي', () => {
    expect(n('جزء سماء')).toBe('جزء سماء');
    expect(n('مسؤول')).not.toBe('مسوول');
    expect(n('رئيس')).toBe('رءيس');
  });

  it('does not merge letters that differ by dots', () => {
    expect(n('بتثنيى')).toBe('بتثنيي');
    expect(n('ح ج خ')).toBe('ح ج خ');
  });
});

describe('normalize()', () => {
  it('normalizeForSearch is normalize(...).text', () => {
    expect(normalizeForSearch(SEED_ARTICLE)).toBe(normalize(SEED_ARTICLE).text);
  });

  it('gives one offset pair per normalized unit', () => {
    const result = normalize(SEED_ARTICLE);
    expect(result.start).toBeInstanceOf(Int32Array);
    expect(result.end).toBeInstanceOf(Int32Array);
    expect(result.start.length).toBe(result.text.length);
    expect(result.end.length).toBe(result.text.length);
  });

  it('normalizes the seed article as expected', () => {
    const text = normalizeForSearch(SEED_ARTICLE);
    expect(text.startsWith('اعلنت المعارضه السوريه المسلحه تقدمها نحو مدينه حمص')).toBe(true);
    expect(text).toContain('المدينه الاستراتيجيه الاخيره');
    expect(text).toContain('ردع العدوان');
    expect(text).not.toMatch(/[\u064B-\u0652\u0640\u0622\u0623\u0625\u0629]/u);
  });

  it('handles the empty string and separator-only text', () => {
    expect(normalize('')).toEqual({ text: '', start: new Int32Array(0), end: new Int32Array(0) });
    expect(n(' ،؛؟ ')).toBe('');
  });

  it('is safe on long texts (chunked string building)', () => {
    const long = Array.from({ length: 40 }, () => SEED_ARTICLE).join('\n');
    const one = normalizeForSearch(SEED_ARTICLE).trim();
    expect(long.length).toBeGreaterThan(50_000);
    expect(normalizeForSearch(long).trim()).toBe(Array.from({ length: 40 }, () => one).join(' '));
  });

  it('normalizes the whole seed article well under 50 ms', () => {
    normalize(SEED_ARTICLE); // first call fills the per-character tables
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t0 = performance.now();
      normalize(SEED_ARTICLE);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(50);
  });

  it('exposes a positive integer analyzer version', () => {
    expect(Number.isInteger(ANALYZER_VERSION)).toBe(true);
    expect(ANALYZER_VERSION).toBeGreaterThan(0);
  });
});
