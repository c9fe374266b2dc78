/**
 * The affix inventory of query expansion (arabic-search.md §3.2), written in
 * NORMALIZED spelling: ة is already ه, ى is ي, أ/إ/آ are ا, ؤ/ئ are ء. These are
 * query-time data: changing them needs no re-index.
 */

/** Definite-article chains (strong proclitics): stripped from query words and prefixed to candidates without a frequency check. */
export const ARTICLE_CHAINS: readonly string[] = [
  'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل', 'وبال', 'فبال', 'وكال', 'فكال',
];

/**
 * Conjunctions and prepositions written as one letter (and their two-letter
 * combinations). Only used under the document-frequency check of §3.3, because
 * a word can begin with these letters (وزير, لبنان, كتاب).
 */
export const LETTER_PROCLITICS: readonly string[] = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل'];

/** The conjunctions: the only proclitics trusted when the base word itself never occurs (see query-expansion.ts). */
export const CONJUNCTIONS: readonly string[] = ['و', 'ف'];

/** Words that begin with ال but must never lose it (fixes light10's الله → له). */
export const ARTICLE_EXCEPTIONS: ReadonlySet<string> = new Set([
  'الله', 'اله', 'الا', 'الى', 'الان', 'التي', 'الذي', 'الذين', 'اللذان', 'اللتان', 'اللاتي', 'اللواتي',
]);

/** Pronoun suffixes. */
export const ENCLITICS: readonly string[] = ['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'كن', 'ي', 'ني', 'نا'];

/** Light10's suffix list in its order (ية is يه and ة is ه once normalized, so they merge). */
export const LIGHT10_SUFFIXES: readonly string[] = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/**
 * Inflectional suffixes added to a stem: feminine ه, plurals, duals, nisba
 * forms, the feminine dual and the tanween alef (رئيساً → رءيسا).
 */
export const INFLECTIONS: readonly string[] = [
  'ه', 'ات', 'ون', 'ين', 'ان', 'ي', 'يه', 'يون', 'يين', 'يات', 'تان', 'تين', 'ا',
];

/**
 * What a feminine stem (its ة stripped: حكوم from حكومه) takes: plural, duals and
 * nisba. Its ت-before-enclitic forms are added separately (ة ↔ ت rule).
 */
export const FEMININE_INFLECTIONS: readonly string[] = ['ه', 'ات', 'تان', 'تين', 'ي', 'يه', 'يين', 'يون', 'يات'];

/** The feminine plural, which keeps its enclitics (جامعاتنا). */
export const FEMININE_PLURAL = 'ات';

/** ة written ت before an enclitic or a dual ending (حكومتها, حكومتين). */
export const TEH = 'ت';

/** Feminine ending once normalized (ة → ه). */
export const FEMININE_HEH = 'ه';
