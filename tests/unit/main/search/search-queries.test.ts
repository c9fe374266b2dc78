/**
 * Query → expected-article cases over an archive of real Arabic text (the seed news
 * article plus articles cut from Debian's Arabic translations): diacritics, alef and
 * hamza forms, ة/ه, ى/ي, ؤ/ئ, attached clitics, typos, tatweel, Arabic-Indic digits,
 * type-ahead, phrases, and words absent from the archive. Expected articles are named
 * by a piece of real text they contain, so the cases survive re-chunking.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../../common/text/arabic.js';
import { expandQueryWord } from '../../../../common/text/query-expansion.js';
import { canonicalText } from '../../../../common/types/article.js';
import { SearchIndex } from '../../../../main/search/search-index.js';
import type { SearchDoc, SearchOptions, SearchResult } from '../../../../main/search/types.js';
import { docContaining, fixtureDocs, tokensOf } from './archive-fixture.js';

interface FindCase {
  /** What the case exercises. */
  kind: string;
  query: string;
  options?: SearchOptions;
  /** Real text inside the expected article ('seed' = the news article). */
  in: string;
  /** The highlighted words must normalize to the query itself (spelling-only differences). */
  sameWord?: boolean;
  /** The expected article must NOT contain the query's own form (a clitic/variant is what matches). */
  onlyVariant?: boolean;
  /** Reached only through a typo: must be flagged approximate. */
  approximate?: boolean;
  /** Must be the first result. */
  first?: boolean;
}

const FIND: FindCase[] = [
  // Diacritics: voweled text, plain query — and the reverse.
  { kind: 'harakat in text', query: 'البتر', in: 'البَتْرُ', sameWord: true, first: true },
  { kind: 'harakat in query', query: 'البَتْرُ', in: 'البَتْرُ', sameWord: true, first: true },
  { kind: 'shadda in text', query: 'تعذر', in: 'تعذّر', sameWord: true },
  { kind: 'shadda+fatha in query', query: 'تعذَّر', in: 'تعذّر', sameWord: true },
  { kind: 'damma in text', query: 'يعثر', in: 'يُعثر', sameWord: true },
  { kind: 'fatha in text', query: 'الدفق', in: 'الدَفق', sameWord: true },
  { kind: 'tanween in text', query: 'جدا', in: 'جدًا', sameWord: true },
  { kind: 'shadda in text (2)', query: 'المجلد', in: 'المجلّد', sameWord: true },
  { kind: 'damma in text (2)', query: 'يستحسن', in: 'يُستحسن', sameWord: true },
  { kind: 'fully voweled query', query: 'إِعَادَة', in: 'إعادة', sameWord: true },
  // Alef and hamza forms mixed.
  { kind: 'أ in text, bare query', query: 'اعلنت', in: 'أعلنت المعارضة', sameWord: true, first: true },
  { kind: 'إ in text, bare query', query: 'انشاء', in: 'إنشاء', sameWord: true },
  { kind: 'آ in text, bare query', query: 'الان', in: 'الآن', sameWord: true },
  { kind: 'إ in query, bare text', query: 'إيجاد', in: 'قبل ايجاد', sameWord: true },
  { kind: 'إ inside the word', query: 'الاستراتيجية', in: 'الإستراتيجية', sameWord: true, first: true },
  { kind: 'أ + ى together', query: 'اخري', in: 'أخرى', sameWord: true },
  { kind: 'أ in text (2)', query: 'اسلوب', in: 'أسلوب', sameWord: true },
  // ة / ه.
  { kind: 'ة in text, ه in query', query: 'الطابعه', in: 'الطابعة', sameWord: true },
  { kind: 'ة/ه in the news article', query: 'مدينه', in: 'مدينة حمص', sameWord: true, first: true },
  { kind: 'ة/ه (2)', query: 'ذاكره', in: 'ذاكرة', sameWord: true },
  { kind: 'ة/ه (3)', query: 'القائمه', in: 'القائمة', sameWord: true },
  // ى / ي.
  { kind: 'ى in text, ي in query', query: 'المستوي', in: 'المستوى', sameWord: true },
  { kind: 'ى + أ', query: 'الادني', in: 'الأدنى', sameWord: true },
  { kind: 'ى in a verb', query: 'انتهي', in: 'انتهى', sameWord: true },
  { kind: 'ى + أ (2)', query: 'الاقصي', in: 'الأقصى', sameWord: true },
  // ؤ / ئ (hamza seats; the same rule as مسؤول/مسئول).
  { kind: 'ؤ in text, ئ in query', query: 'مئشر', in: 'مؤشر', sameWord: true },
  { kind: 'إنشاؤه / إنشائه', query: 'إنشائه', in: 'إنشاؤه', sameWord: true },
  { kind: 'ؤ/ئ with article', query: 'المئقت', in: 'المؤقت', sameWord: true },
  // Attached clitics و ف ب ل ك ال (the expected article has only the attached form).
  { kind: 'ال attached in text', query: 'طيران', in: 'الطيران الروسي', onlyVariant: true, first: true },
  { kind: 'ال in query, bare in text', query: 'الفصائل', in: 'فصائل محلية', onlyVariant: true, first: true },
  { kind: 'بال attached', query: 'ارهابيين', in: 'بالإرهابيين', onlyVariant: true, first: true },
  { kind: 'لل attached', query: 'الانشقاق', in: 'للانشقاق', onlyVariant: true, first: true },
  { kind: 'و attached', query: 'قالت', in: 'وقالت فصائل', first: true },
  { kind: 'ف attached', query: 'سيكون', in: 'فسيكون', onlyVariant: true },
  { kind: 'ك attached', query: 'عدد', in: 'كعدد منطقي' },
  { kind: 'ب attached', query: 'قوات', in: 'بقوات' },
  { kind: 'enclitic ها', query: 'سيطرة', in: 'وسيطرتها', first: true },
  // Typos: found, but flagged approximate.
  { kind: 'typo: adjacent key', query: 'الطابغة', in: 'الطابعة', approximate: true },
  { kind: 'typo: swapped letters', query: 'الطاعبة', in: 'الطابعة', approximate: true },
  { kind: 'typo: ض/ظ', query: 'المعارظة', in: 'أعلنت المعارضة', approximate: true, first: true },
  { kind: 'typo: dropped ي', query: 'الاستراتجية', in: 'الإستراتيجية', approximate: true, first: true },
  { kind: 'typo: ث/ت', query: 'يعتر', in: 'يُعثر', approximate: true },
  // Tatweel.
  { kind: 'tatweel in query', query: 'الطابعــة', in: 'الطابعة', sameWord: true },
  { kind: 'tatweel in query (2)', query: 'حمـــص', in: 'مدينة حمص', sameWord: true, first: true },
  // Digits.
  { kind: 'Arabic-Indic query, ASCII text', query: '١٢', in: 'وتبعدان 12', sameWord: true, first: true },
  { kind: 'Arabic-Indic query (2)', query: '٥٠', in: 'ونحو 50 قرية', sameWord: true, first: true },
  { kind: 'ASCII query, Arabic-Indic text', query: '104', in: 'عام ١٠٤', sameWord: true },
  // Type-ahead prefixes.
  { kind: 'prefix of one word', query: 'المعار', options: { prefix: true }, in: 'أعلنت المعارضة', first: true },
  { kind: 'prefix completes with ال', query: 'طاب', options: { prefix: true }, in: 'الطابعة' },
  { kind: 'prefix after a full word', query: 'مدينة حم', options: { prefix: true }, in: 'مدينة حمص', first: true },
  { kind: 'long prefix', query: 'الاستراتي', options: { prefix: true }, in: 'الإستراتيجية', first: true },
  // Phrases.
  { kind: 'phrase', query: '"ردع العدوان"', in: 'ردع العدوان', first: true },
  { kind: 'phrase with a clitic on its first word', query: '"الطيران الروسي"', in: 'الطيران الروسي', first: true },
  { kind: 'phrase in guillemets, spelling folded', query: '«المعارضه السوريه»', in: 'المعارضة السورية', first: true },
  { kind: 'phrase plus a word', query: '"وزارة الدفاع" حمص', in: 'وزارة الدفاع', first: true },
];

interface NoneCase {
  kind: string;
  query: string;
  options?: SearchOptions;
}

/** Words and combinations absent from the archive: no result, or only approximate ones. */
const NONE: NoneCase[] = [
  { kind: 'absent word', query: 'كمبيوتر' },
  { kind: 'absent word (2)', query: 'برتقال' },
  { kind: 'absent word (3)', query: 'زلزال' },
  { kind: 'absent name', query: 'فلسطين' },
  { kind: 'absent word (4)', query: 'مفاوضات' },
  { kind: 'absent word (5)', query: 'الحكومة' },
  { kind: 'no bare ك stripping', query: 'تاب' },
  { kind: 'near an existing word', query: 'وزير' },
  { kind: 'AND across words', query: 'حمص الطابعة' },
  { kind: 'phrase in the wrong order', query: '"العدوان ردع"' },
  { kind: 'prefix only while typing', query: 'المعار' },
  { kind: 'absent word, voweled', query: 'بُرْتُقَال' },
];

let docs: SearchDoc[];
let index: SearchIndex;
const byId = new Map<string, SearchDoc>();

beforeAll(() => {
  docs = fixtureDocs();
  for (const doc of docs) byId.set(doc.id, doc);
  index = SearchIndex.build(docs);
});

function expectedId(piece: string): string {
  return docContaining(docs, piece);
}

function highlighted(result: SearchResult): string[] {
  return result.snippet.highlights.map((h) => result.snippet.text.slice(h.start, h.end));
}

describe('search: query → expected article (real Arabic text)', () => {
  it('has at least 60 cases', () => {
    expect(FIND.length + NONE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(FIND)('$kind: «$query»', (c) => {
    const id = expectedId(c.in);
    const { results } = index.search(c.query, { limit: 100, ...c.options });
    const result = results.find((r) => r.id === id);
    expect(result, `expected ${id} among ${results.map((r) => r.id).join(', ')}`).toBeDefined();
    if (c.first) expect(results[0]!.id).toBe(id);
    expect(result!.approximate).toBe(c.approximate === true);

    const queryNorm = normalizeForSearch(c.query.replace(/["«»]/g, '')).trim();
    if (c.onlyVariant) expect(tokensOf(byId.get(id)!)).not.toContain(queryNorm);
    if (c.sameWord) {
      // The highlighted ORIGINAL characters (harakat, hamza, tatweel included) fold to the
      // query itself; other highlights are the query's own clitic or inflected forms.
      const words = highlighted(result!).map((word) => normalizeForSearch(word).trim());
      expect(words).toContain(queryNorm);
      const candidates = new Set(expandQueryWord(c.query, index.vocabulary()).map((candidate) => candidate.term));
      for (const word of words) expect(candidates.has(word), `«${word}» highlighted for «${c.query}»`).toBe(true);
    }
    if (!c.approximate && result!.firstMatch) {
      // firstMatch is the first matched token of the canonical text (any accepted form).
      const canonical = canonicalText(byId.get(id)!.blocks);
      const first = normalizeForSearch(canonical.slice(result!.firstMatch.start, result!.firstMatch.end)).trim();
      expect(first.length).toBeGreaterThan(0);
      if (c.sameWord) expect(expandQueryWord(c.query, index.vocabulary()).map((candidate) => candidate.term)).toContain(first);
    }
  });

  it.each(NONE)('nothing confident for $kind: «$query»', (c) => {
    const { results } = index.search(c.query, { limit: 100, ...c.options });
    // Approximate (typo) or partial (some words missing, shown as such): never a confident all-words match.
    for (const result of results) expect(result.approximate || result.partial !== undefined, `${result.id} matched «${c.query}» confidently`).toBe(true);
  });

  it('an absent word far from every term returns nothing at all', () => {
    for (const query of ['كمبيوتر', 'برتقال', 'زلزال', 'فلسطين', 'مفاوضات']) expect(index.search(query).results).toEqual([]);
  });
});
