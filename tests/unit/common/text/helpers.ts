/**
 * Shared fixtures for the analyzer tests: the seed article, and the "does this
 * query match this document" check of arabic-search.md §7, done the way the
 * engine does it (AND across words, OR across each word's candidates) against a
 * SimpleVocabulary built from the document's tokens.
 */
import { readFileSync } from 'node:fs';
import { expandQueryWord, parseQuery, type Candidate } from '../../../../common/text/query-expansion.js';
import { SimpleVocabulary } from '../../../../common/text/simple-vocabulary.js';
import { tokenize } from '../../../../common/text/tokenize.js';

export const SEED_ARTICLE = readFileSync(new URL('../../../../assets/samples/seed-article.txt', import.meta.url), 'utf8');

/**
 * Assumed document frequencies of a mid-sized news archive (about 10,000
 * articles). The frequency checks of §3.3 are about how common a word is in
 * the archive, which a one-document vocabulary cannot express, so every
 * match/no-match case also runs with the document added to this background.
 */
export const BACKGROUND_DF: ReadonlyMap<string, number> = new Map([
  ['وزير', 800], ['الوزير', 900], ['ووزير', 40], ['زير', 2], ['وزاره', 700],
  ['فلسطين', 900], ['وفلسطين', 60], ['الفلسطيني', 300], ['لبنان', 500], ['ولبنان', 50], ['بنان', 1],
  ['كتاب', 300], ['الكتاب', 280], ['تاب', 2], ['كلام', 150], ['لام', 3],
  ['سلام', 200], ['السلام', 600], ['اسلام', 60], ['الاسلام', 400],
  ['علي', 120], ['على', 9000], ['قال', 5000], ['مال', 300], ['حال', 400],
  ['مصر', 700], ['مصري', 300], ['مصرف', 80], ['علم', 200], ['عالم', 300], ['العالم', 1200],
  ['كتب', 150], ['مكتب', 250], ['سفير', 100], ['سفاره', 120], ['امن', 600], ['ايمان', 40],
  ['حكومه', 700], ['الحكومه', 1500], ['حكومات', 90], ['جامعه', 200], ['جامع', 60], ['مدرسه', 150], ['مدرس', 50],
  ['الخارجيه', 600], ['الداخليه', 500], ['مفاوضات', 300], ['المفاوضات', 350],
  ['في', 9900], ['من', 9900], ['ان', 9000], ['كان', 4000], ['الذي', 5000], ['الذين', 2000], ['فيه', 1500],
]);

function termCounts(doc: string, background: boolean): Map<string, number> {
  const counts = new Map<string, number>(background ? BACKGROUND_DF : []);
  for (const term of new Set(tokenize(doc).map((t) => t.norm))) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** A vocabulary of the document alone, or of the document inside the background archive. */
export function vocabularyOf(doc: string, background = false): SimpleVocabulary {
  return new SimpleVocabulary(termCounts(doc, background));
}

export interface MatchOptions {
  background?: boolean;
  /** The last word is still being typed (prefix tier on). */
  typeAhead?: boolean;
  /** Count only non-typo candidates (a confident, not approximate, match). */
  confidentOnly?: boolean;
}

/** The candidates of every query word that are tokens of the document. */
export function matchingCandidates(query: string, doc: string, options: MatchOptions = {}): Candidate[][] {
  const vocab = vocabularyOf(doc, options.background);
  const docTerms = new Set(tokenize(doc).map((t) => t.norm));
  const { words } = parseQuery(query);
  return words.map((word, index) =>
    expandQueryWord(word, vocab, { prefix: options.typeAhead === true && index === words.length - 1 }).filter(
      (c) => docTerms.has(c.term) && !(options.confidentOnly && c.tier === 'typo'),
    ),
  );
}

/** Whether the document is a result: every query word has a candidate among its tokens. */
export function matches(query: string, doc: string, options: MatchOptions = {}): boolean {
  const perWord = matchingCandidates(query, doc, options);
  return perWord.length > 0 && perWord.every((candidates) => candidates.length > 0);
}
