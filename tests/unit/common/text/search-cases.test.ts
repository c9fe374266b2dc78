/**
 * arabic-search.md §7.1–7.4: the N, M, T and X cases, each as "does the query
 * match a document containing this text". A document matches when every query
 * word has an expansion candidate among the document's tokens (the engine's
 * AND-of-ORs). Each case runs twice: with a vocabulary of the document alone
 * (a tiny archive) and with the document inside a background archive whose
 * document frequencies the §3.3 frequency checks are about.
 */
import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../../common/text/arabic.js';
import { tokenize } from '../../../../common/text/tokenize.js';
import { matches, matchingCandidates } from './helpers.js';

interface Case {
  id: string;
  query: string;
  doc: string;
  match: boolean;
  rule: string;
  typeAhead?: boolean;
}

const N: Case[] = [
  { id: 'N1', query: 'محمد', doc: 'قال مُحَمَّدٌ إن', match: true, rule: 'harakat, shadda, tanween' },
  { id: 'N2', query: 'مُحَمَّد', doc: 'محمد', match: true, rule: 'the query is normalized too' },
  { id: 'N3', query: 'مدرسة', doc: 'مدرســـــة', match: true, rule: 'tatweel' },
  { id: 'N4', query: 'احمد', doc: 'أحمد', match: true, rule: 'C1 أ' },
  { id: 'N5', query: 'أحمد', doc: 'احمد', match: true, rule: 'symmetric' },
  { id: 'N6', query: 'اسلام', doc: 'الإسلام', match: true, rule: 'C1 إ + article (T1)' },
  { id: 'N7', query: 'القران', doc: 'القرآن', match: true, rule: 'C1 آ' },
  { id: 'N8', query: 'الرحمن', doc: 'ٱلرَّحْمَٰنِ', match: true, rule: 'ٱ U+0671, U+0670, shadda' },
  { id: 'N9', query: 'مستشفى', doc: 'مستشفي', match: true, rule: 'C3 ى' },
  { id: 'N10', query: 'مصطفي', doc: 'مصطفى', match: true, rule: 'C3, symmetric' },
  { id: 'N11', query: 'مدرسه', doc: 'مدرسة', match: true, rule: 'C4 ة' },
  { id: 'N12', query: 'مسؤول', doc: 'مسئول', match: true, rule: 'C2 seat unification' },
  { id: 'N13', query: 'شئون', doc: 'شؤون', match: true, rule: 'C2' },
  { id: 'N14', query: 'كتاب', doc: '\u06A9تاب', match: true, rule: 'C6 keheh' },
  { id: 'N15', query: 'يمني', doc: '\u06CCمن\u06CC', match: true, rule: 'C3 Farsi yeh' },
  { id: 'N16', query: 'سلام', doc: '\uFEB3\uFEFC\uFEE1', match: true, rule: 'D presentation forms + lam-alef' },
  { id: 'N17', query: 'الاتحاد', doc: '\uFE8D\uFEFB\uFE97\uFEA4\uFE8E\uFEA9', match: true, rule: 'D (PDF-extracted text)' },
  { id: 'N18', query: 'الله', doc: '\uFDF2', match: true, rule: 'D 1→4 expansion' },
  { id: 'N19', query: 'بسم', doc: '\uFDFD', match: true, rule: 'D explicit entry' },
  { id: 'N20', query: '2024', doc: 'عام ٢٠٢٤', match: true, rule: 'C7' },
  { id: 'N21', query: '١٤٠٣', doc: '\u06F1\u06F4\u06F0\u06F3', match: true, rule: 'C7 both digit sets' },
  { id: 'N22', query: 'مفاوضات', doc: 'مفا\u200Cوضات', match: true, rule: 'B ZWNJ' },
  { id: 'N23', query: 'غزة', doc: '\u200Fغزة\u200F', match: true, rule: 'B bidi' },
  { id: 'N24', query: 'أمن', doc: 'ا\u0654من', match: true, rule: '2.1 step 3, alef' },
  { id: 'N25', query: 'مسئول', doc: 'مسو\u0654ول', match: true, rule: '2.1 step 3 → ء' },
  { id: 'N26', query: 'covid', doc: 'فيروس COVID-19', match: true, rule: 'lowercase + separators' },
  { id: 'N27', query: 'رئيس', doc: 'انتخب رئيساً للبلاد', match: true, rule: 'tanween alef (T2 suffix ا)' },
];

const M: Case[] = [
  { id: 'M1', query: 'حكومة', doc: 'والحكومة', match: true, rule: 'T1 وال' },
  { id: 'M2', query: 'حكومة', doc: 'بالحكومة', match: true, rule: 'T1 بال' },
  { id: 'M3', query: 'حكومة', doc: 'للحكومة', match: true, rule: 'T1 لل' },
  { id: 'M4', query: 'حكومة', doc: 'وبالحكومة', match: true, rule: 'T1 وبال' },
  { id: 'M5', query: 'حكومة', doc: 'حكومتها', match: true, rule: 'ة→ت + ها' },
  { id: 'M6', query: 'حكومة', doc: 'حكومات', match: true, rule: 'T2 ه→ات' },
  { id: 'M7', query: 'حكومة', doc: 'الحكومتين', match: true, rule: 'T2 feminine dual + article' },
  { id: 'M8', query: 'وزير', doc: 'الوزير', match: true, rule: 'T1' },
  { id: 'M9', query: 'وزير', doc: 'ووزير الخارجية', match: true, rule: 'T1 و + stem-initial و' },
  { id: 'M10', query: 'الوزير', doc: 'وزير', match: true, rule: 'b1 = the query minus the article' },
  { id: 'M11', query: 'مفاوضات', doc: 'بالمفاوضات', match: true, rule: 'T1' },
  { id: 'M12', query: 'لاجئ', doc: 'اللاجئين', match: true, rule: 'C2 + T1 + T2 ين' },
  { id: 'M13', query: 'مهندس', doc: 'المهندسون', match: true, rule: 'T2 ون' },
  { id: 'M14', query: 'مصر', doc: 'المصريين', match: true, rule: 'T2 nisba يين' },
  { id: 'M15', query: 'كتاب', doc: 'كتابهم', match: true, rule: 'T1 enclitic' },
  { id: 'M16', query: 'انتخاب', doc: 'الانتخابات', match: true, rule: 'T1 + T2' },
  { id: 'M17', query: 'التزام', doc: 'الالتزام', match: true, rule: 'T1 on b0 (stem-initial ال)' },
  { id: 'M18', query: 'الالتزام', doc: 'التزام', match: true, rule: 'b1' },
  { id: 'M19', query: 'فلسطين', doc: 'وفلسطين', match: true, rule: 'T1 single-letter proclitic' },
  { id: 'M20', query: 'جامعة', doc: 'جامعاتنا', match: true, rule: 'T2 ات + enclitic نا' },
];

const T: Case[] = [
  { id: 'T1', query: 'مفاوضت', doc: 'مفاوضات', match: true, rule: '6 letters → 1 edit' },
  { id: 'T2', query: 'فلسطبن', doc: 'فلسطين', match: true, rule: 'adjacent-key substitution' },
  { id: 'T3', query: 'الاقتصاض', doc: 'الاقتصاد', match: true, rule: '8 letters → up to 2 edits' },
  { id: 'T4', query: 'استراتجيه', doc: 'استراتيجية', match: true, rule: 'missing ي + ة/ه' },
  { id: 'T5', query: 'الديمقارطية', doc: 'الديمقراطية', match: true, rule: 'transposition' },
  { id: 'T6', query: 'مسشتفى', doc: 'مستشفى', match: true, rule: 'explicit adjacent transposition' },
  { id: 'T7', query: 'مفاوض', doc: 'المفاوضات', match: true, rule: 'T4 prefix (type-ahead)', typeAhead: true },
  { id: 'T8', query: 'سوال', doc: 'سؤال', match: true, rule: 'hamza dropped: 1 edit' },
];

const X: Case[] = [
  { id: 'X1', query: 'تاب', doc: 'كتاب', match: false, rule: 'no bare ك stripping; df check' },
  { id: 'X2', query: 'بنان', doc: 'لبنان', match: false, rule: 'df check blocks ل+بنان' },
  { id: 'X3', query: 'لبنان', doc: 'بنان', match: true, rule: 'issue 9: a particle is read off whether or not the glued form occurs; ranked below it' },
  { id: 'X4', query: 'سلام', doc: 'إسلام', match: false, rule: 'ا is not a proclitic' },
  { id: 'X5', query: 'علم', doc: 'عالم', match: false, rule: 'no root or pattern conflation' },
  { id: 'X6', query: 'كتب', doc: 'مكتب', match: false, rule: 'no root stemming' },
  { id: 'X7', query: 'وزير', doc: 'زير', match: true, rule: 'issue 9: clitic reading, weighted as doubtful when وزير is written' },
  { id: 'X8', query: 'علي', doc: 'على', match: true, rule: 'issue 9: ي typed for the function word\'s ى' },
  { id: 'X9', query: 'قال', doc: 'مال', match: false, rule: '≤ 3 letters → 0 edits' },
  { id: 'X10', query: 'مصر', doc: 'مصرف', match: false, rule: 'prefix only in type-ahead' },
  { id: 'X11', query: 'امن', doc: 'ايمان', match: false, rule: '3 letters, no fuzzy' },
  { id: 'X12', query: 'وزير الخارجية', doc: 'وزير الداخلية', match: false, rule: 'AND across words' },
  { id: 'X13', query: 'سفير', doc: 'سفارة', match: false, rule: 'no derivational stemming' },
  { id: 'X14', query: 'لام', doc: 'كلام', match: false, rule: 'df check blocks ك+لام' },
];

const VOCABULARIES = [
  { name: 'document alone', background: false },
  { name: 'document in a background archive', background: true },
];

describe.each(VOCABULARIES)('§7 search cases, vocabulary: $name', ({ background }) => {
  it.each([...N, ...M, ...T])('$id: $query vs $doc → match=$match ($rule)', (c) => {
    expect(matches(c.query, c.doc, { background, typeAhead: c.typeAhead })).toBe(c.match);
  });
  // Issue 9 lets a word with no other reading reach a neighbour by one edit (short words, first letter):
  // the precision guards now mean "never a confident match", the typo being shown as approximate.
  it.each(X)('$id: $query vs $doc → confident match=$match ($rule)', (c) => {
    expect(matches(c.query, c.doc, { background, typeAhead: c.typeAhead, confidentOnly: true })).toBe(c.match);
  });
});

describe('§7.1 normalization cases match at the exact tier', () => {
  // N6 (article) and N27 (tanween alef) are reached through expansion; all others are pure normalization.
  const pure = N.filter((c) => c.id !== 'N6' && c.id !== 'N27');
  it.each(pure)('$id: normalized query is a token of the normalized document', (c) => {
    const docTerms = tokenize(c.doc).map((t) => t.norm);
    expect(docTerms).toContain(normalizeForSearch(c.query));
    expect(matchingCandidates(c.query, c.doc)[0]?.some((candidate) => candidate.tier === 'exact')).toBe(true);
  });
});

describe('§7 tiers of the expansion that matched', () => {
  const tierOf = (query: string, doc: string, typeAhead = false): string[] =>
    matchingCandidates(query, doc, { background: true, typeAhead })[0]?.map((c) => c.tier) ?? [];

  it.each([
    ['M1', 'حكومة', 'والحكومة', 'clitic'],
    ['M5', 'حكومة', 'حكومتها', 'clitic'],
    ['M6', 'حكومة', 'حكومات', 'inflection'],
    ['M7', 'حكومة', 'الحكومتين', 'inflection'],
    ['M9', 'وزير', 'ووزير الخارجية', 'clitic'],
    ['M10', 'الوزير', 'وزير', 'clitic'],
    ['M14', 'مصر', 'المصريين', 'inflection'],
    ['N27', 'رئيس', 'انتخب رئيساً للبلاد', 'inflection'],
    ['T1', 'مفاوضت', 'مفاوضات', 'typo'],
    ['T6', 'مسشتفى', 'مستشفى', 'typo'],
    ['T8', 'سوال', 'سؤال', 'typo'],
  ])('%s: %s reaches %s at tier %s', (_id, query, doc, tier) => {
    expect(tierOf(query, doc)).toEqual([tier]);
  });

  it('T7: while typing, a word prefix reaches its completions only through the prefix tier', () => {
    // مفاوض itself is a word (negotiator), so المفاوضات is also its plural (T2); مفاو is not a word.
    expect(tierOf('مفاوض', 'المفاوضات', true)).toEqual(['inflection']);
    expect(tierOf('مفاو', 'المفاوضات', true)).toEqual(['prefix']);
    expect(tierOf('مفاو', 'المفاوضات', false)).toEqual([]);
  });

  it('M14: the nisba form ranks below the exact word', () => {
    const [word] = matchingCandidates('مصر', 'مصر المصريين', { background: true });
    const weight = (term: string): number => word?.find((c) => c.term === term)?.weight ?? 0;
    expect(weight('مصر')).toBe(1);
    expect(weight('المصريين')).toBeGreaterThan(0);
    expect(weight('المصريين')).toBeLessThan(weight('مصر'));
  });
});
