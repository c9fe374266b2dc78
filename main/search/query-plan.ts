/**
 * From the query string to what the executor runs: split into words and quoted
 * phrases, expand each word into tiered candidates (query-expansion.ts) against the
 * index vocabulary, keep those present in the index, and note the words that only
 * typo candidates reach (they make results approximate and feed "did you mean").
 *
 * Tier weights are sharpened (weight^1.5) before scoring: BM25 saturates term
 * frequency, so without it an article using a clitic variant five times outranks
 * the one holding the very word the user typed.
 *
 * Type-ahead: the word being typed gets the analyzer's completions (the most
 * frequent ones), and, when other words narrow the results, every completion in the
 * dictionary as a probe-only extension, so a rare word is found after a few letters.
 */
import { tokenize } from '../../common/text/tokenize.js';
import { expandQueryWord, parseQuery, TIER_WEIGHTS } from '../../common/text/query-expansion.js';
import { type ExactForm, exactForm } from './exact-match.js';
import type { TermCandidate, WordPlan } from './query-exec.js';
import type { TermDictionary } from './term-dictionary.js';

/** query-expansion.ts completes a prefix from three letters on. */
const MIN_TYPED_LETTERS = 3;
/** The probe-only completions start earlier, since other words narrow them. */
const MIN_EXTENDED_LETTERS = 2;
const MAX_EXTENDED = 2000;
const SHARPEN = 1.5;

export interface PlannedWord extends WordPlan {
  /** The word as typed. */
  raw: string;
  /** Candidate term → its tier weight (as the analyzer gave it). */
  terms: Map<string, number>;
  /** The candidates that are typo candidates. */
  typoTerms: Set<string>;
  /** Set in exact mode: the spelling results must contain. */
  exact: ExactForm | null;
  /** Best typo correction when no exact, clitic or inflected form exists. */
  correction: string | null;
  /** The Arabic words a Latin query word was read as (cross-script), best first. */
  translit: string[];
}

export interface QueryPlan {
  words: PlannedWord[];
  /** Each phrase as normalized words. */
  phrases: string[][];
  /** No word has any candidate: nothing can match. (A single empty word only makes results partial.) */
  unmatchable: boolean;
  /** The words as typed, in order (for "did you mean"). */
  typed: string[];
  /** The quoted phrases as typed. */
  rawPhrases: string[];
}

interface WordRequest {
  raw: string;
  /** Being typed: complete it. */
  prefix: boolean;
  /** Other words narrow the results: completions may be probed exhaustively. */
  narrowed: boolean;
}

const DIGITS = /^[0-9]+$/;

function planWord({ raw, prefix, narrowed }: WordRequest, dict: TermDictionary, exact: boolean, realWord: boolean): PlannedWord {
  const candidates: TermCandidate[] = [];
  const terms = new Map<string, number>();
  const typoTerms = new Set<string>();
  let confident = false;
  let correction: string | null = null;
  let correctionRank = 0;
  const translit: string[] = [];
  for (const c of expandQueryWord(raw, dict, { prefix, exact, realWord })) {
    const term = dict.idOf(c.term);
    const df = term < 0 ? 0 : dict.dfOf(term);
    if (df <= 0 || terms.has(c.term)) continue;
    const typo = c.tier === 'typo';
    terms.set(c.term, c.weight);
    if (typo) typoTerms.add(c.term);
    candidates.push({ term, weight: c.weight ** SHARPEN, typo, ...(DIGITS.test(c.term) ? { rare: true } : {}) });
    if (c.tier === 'translit') translit.push(c.term);
    if (!typo) confident = true;
    else if (c.weight * 1e9 + df > correctionRank) {
      // Fewest edits (highest weight) first, then the most common term.
      correction = c.term;
      correctionRank = c.weight * 1e9 + df;
    }
  }
  const word: PlannedWord = { raw, candidates, terms, typoTerms, exact: exact ? exactForm(raw) : null, correction: confident ? null : correction, translit };
  if (prefix && narrowed && !exact) addCompletions(word, dict);
  return word;
}

/** Every dictionary completion of the typed letters (and of ال + them), probe-only. */
function addCompletions(word: PlannedWord, dict: TermDictionary): void {
  const typed = tokenize(word.raw)[0]?.norm ?? '';
  if (typed.length < MIN_EXTENDED_LETTERS) return;
  const prefixes = typed.startsWith('ال') || /^[0-9a-z]/.test(typed) ? [typed] : [typed, `ال${typed}`];
  const weight = TIER_WEIGHTS.prefix ** SHARPEN;
  const extended: TermCandidate[] = [];
  for (const prefix of prefixes) {
    for (const term of dict.termsWithPrefix(prefix, MAX_EXTENDED)) {
      if (word.terms.has(term)) continue;
      word.terms.set(term, TIER_WEIGHTS.prefix);
      extended.push({ term: dict.idOf(term), weight, typo: false });
    }
  }
  if (extended.length > 0) word.extended = extended;
}

/** A Latin article written with a hyphen (al-Assad, ash-Sham, ez-Zor) stays one word with what follows. */
const LATIN_ARTICLE_WORD = /\b((?:al|el|il|ul|[ae](?:sh|th|dh|[tdrzsln]))[-‐])(?=[A-Za-z])/gi;

/** The typed form of a word whose hyphen or apostrophe was replaced by a word joiner. */
function restoreJoins(word: string, query: string): string {
  if (!word.includes('\u2060')) return word;
  const pattern = new RegExp(word.split('\u2060').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.'));
  return pattern.exec(query)?.[0] ?? word.replace(/\u2060/g, '-');
}

export function planQuery(query: string, dict: TermDictionary, options: { prefix?: boolean; exact?: boolean; realWord?: boolean }): QueryPlan {
  // An apostrophe inside a Latin word (Dar'a, Ba'ath) stands for ء/ع: one word, not two.
  const joined = query.replace(LATIN_ARTICLE_WORD, (article: string) => article.slice(0, -1) + '\u2060').replace(/(?<=[A-Za-z])['’ʿʾ](?=[A-Za-z])/g, '\u2060');
  const parsed = parseQuery(joined);
  // The word joiner kept the article and its word together through tokenizing; show them as typed again.
  parsed.words = parsed.words.map((w) => restoreJoins(w, query));
  const typed = parsed.words;
  const phrases: string[][] = [];
  const phraseWords: string[] = [];
  for (const phrase of parsed.phrases) {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) continue;
    phrases.push(tokens.map((t) => t.norm));
    for (const t of tokens) phraseWords.push(phrase.slice(t.start, t.end));
  }
  // Type-ahead completes the word being typed: the last one, unless a phrase closes the query.
  const typingLast = options.prefix === true && typed.length > 0 && !/["”»]\s*$/.test(query);
  const narrowed = typed.length + phraseWords.length > 1;
  const requests: WordRequest[] = [
    ...typed.map((raw, i) => ({ raw, prefix: typingLast && i === typed.length - 1, narrowed })),
    ...phraseWords.map((raw) => ({ raw, prefix: false, narrowed })),
  ];

  const words: PlannedWord[] = [];
  const seen = new Set<string>();
  for (const request of requests) {
    const key = `${request.raw}\u0000${request.prefix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const word = planWord(request, dict, options.exact === true, options.realWord === true);
    const empty = word.candidates.length === 0 && !word.extended;
    // While typing, a last word too short to complete yet must not empty the results.
    if (empty && request.prefix && (tokenize(request.raw)[0]?.norm.length ?? 0) < MIN_TYPED_LETTERS) continue;
    words.push(word);
  }
  const unmatchable = words.length > 0 && words.every((w) => w.candidates.length === 0 && !w.extended);
  return { words, phrases, unmatchable, typed, rawPhrases: parsed.phrases };
}
