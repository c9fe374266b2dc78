/**
 * Query-time expansion of one query word into weighted candidate index terms
 * (arabic-search.md §3.3): exact, clitic variants, inflectional variants, typos
 * and, while typing, prefix completions. The index holds surface forms only; the
 * engine ORs a word's candidates (boosted by weight) and ANDs the words. Every
 * candidate returned exists in the vocabulary.
 */
import { CONJUNCTIONS, LETTER_PROCLITICS, ARTICLE_CHAINS } from './affixes.js';
import { normalize } from './arabic.js';
import {
  addCliticCores,
  addInflectionCores,
  CoreForms,
  TIER_CLITIC,
  withArticle,
  withoutArticle,
  withoutLetterProclitic,
} from './morphology.js';
import { isStopWord } from './stop-words.js';
import { typoCandidates } from './typo.js';
import type { Vocabulary } from './vocabulary.js';

export type { Vocabulary } from './vocabulary.js';
export { parseQuery } from './query-parse.js';

export type Tier = 'exact' | 'clitic' | 'inflection' | 'typo' | 'prefix';

/** A normalized index term to look up, its tier and its weight in (0, 1] (exact = 1). */
export interface Candidate {
  term: string;
  tier: Tier;
  weight: number;
}

export interface ExpandOptions {
  /** The last word while typing: add prefix completions (T4). */
  prefix?: boolean;
  /** Exact mode: no expansion at all; the engine verifies marks and hamza with normalizeExact. */
  exact?: boolean;
}

/** Tier weights of §3.3 (the prefix weight is MiniSearch's own, 0.375). */
export const TIER_WEIGHTS = {
  exact: 1,
  clitic: 0.8,
  inflection: 0.6,
  typo1: 0.4,
  typo2: 0.25,
  prefix: 0.375,
} as const;

/** Most typo candidates kept (fewest edits first, then most frequent). */
const MAX_TYPOS = 24;
/** Prefix completions asked of the vocabulary per prefix, and kept (most frequent first). */
const PREFIX_SCAN = 256;
const MAX_PREFIXES = 48;
/** Type-ahead starts at three letters (§3.3 T4). */
const MIN_PREFIX_LETTERS = 3;
/** Without evidence that the base occurs, a conjunction is trusted only on a base this long (see below). */
const MIN_UNSEEN_BASE = 4;

const TEH_MARBUTA_FORMS = new Set([0x0629, 0x06c3, 0xfe93, 0xfe94]);

function isArabicLetters(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    const arabic = (c >= 0x0620 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff);
    if (!arabic) return false;
  }
  return true;
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

class Collector {
  private readonly best = new Map<string, Candidate>();
  private readonly frequencies = new Map<string, number>();

  constructor(private readonly vocab: Vocabulary) {}

  /** Document frequency, memoized for the duration of one expansion. */
  df(term: string): number {
    let f = this.frequencies.get(term);
    if (f === undefined) {
      f = this.vocab.docFrequency(term);
      this.frequencies.set(term, f);
    }
    return f;
  }

  /** Offers a term known to be in the vocabulary; a function word is only ever an exact match. */
  offer(term: string, tier: Tier, weight: number): void {
    if (tier !== 'exact' && isStopWord(term)) return;
    const known = this.best.get(term);
    if (known === undefined || known.weight < weight) this.best.set(term, { term, tier, weight });
  }

  has(term: string): boolean {
    return this.best.has(term);
  }

  result(): Candidate[] {
    return [...this.best.values()].sort(
      (a, b) => b.weight - a.weight || this.df(b.term) - this.df(a.term) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
    );
  }
}

/**
 * The bases of §3.3 step 1: b0 = q; b1 = q minus an article chain; b2 = q minus a
 * one-letter proclitic, only when q itself occurs and the remainder is more
 * common (so q is probably clitic + word: never وزير → زير or لبنان → بنان).
 */
function basesOf(q: string, c: Collector): { bases: string[]; withoutArticle: string[] } {
  const articleless = withoutArticle(q).filter((b) => !isStopWord(b));
  const bases = [q, ...articleless];
  const dfq = c.df(q);
  if (dfq > 0) {
    for (const b of withoutLetterProclitic(q)) {
      if (!isStopWord(b) && c.df(b) > dfq) bases.push(b);
    }
  }
  return { bases, withoutArticle: articleless };
}

/**
 * T1 and T2: every proclitic + core form present in the vocabulary. Article
 * chains need no check. A one-letter proclitic p is kept only when
 * df(p + w) ≤ df(w): a clitic form is normally rarer than its base, which
 * rejects كتاب for تاب, لبنان for بنان, كلام for لام. When the base never occurs
 * (df(w) = 0, typical of a small archive), only the conjunctions و/ف are
 * trusted, and only on a base of at least four letters: وفلسطين for فلسطين, but
 * never كتاب for تاب.
 */
function addMorphologicalVariants(q: string, bases: readonly string[], feminine: boolean, c: Collector): void {
  const cores = new CoreForms();
  for (const b of bases) {
    addCliticCores(b, cores);
    addInflectionCores(b, feminine, cores);
  }
  for (const [core, form] of cores.forms) {
    const tier: Tier = form.tier === TIER_CLITIC ? 'clitic' : 'inflection';
    const weight = form.tier === TIER_CLITIC ? TIER_WEIGHTS.clitic : TIER_WEIGHTS.inflection;
    const dfCore = c.df(core);
    if (dfCore > 0 && core !== q) c.offer(core, tier, weight);
    if (!form.enclitic) {
      for (const chain of ARTICLE_CHAINS) {
        const term = withArticle(chain, core);
        if (term !== q && c.df(term) > 0) c.offer(term, tier, weight);
      }
    }
    if (core.length < 3) continue;
    for (const p of LETTER_PROCLITICS) {
      if (dfCore === 0 && !(CONJUNCTIONS.includes(p) && core.length >= MIN_UNSEEN_BASE)) continue;
      const term = p + core;
      if (term === q) continue;
      const dfTerm = c.df(term);
      if (dfTerm > 0 && (dfCore === 0 || dfTerm <= dfCore)) c.offer(term, tier, weight);
    }
  }
}

function addTypos(bases: readonly string[], vocab: Vocabulary, c: Collector): void {
  const typos = [...typoCandidates(bases, vocab)]
    .filter(([term]) => !c.has(term) && !isStopWord(term))
    .sort((a, b) => a[1] - b[1] || c.df(b[0]) - c.df(a[0]))
    .slice(0, MAX_TYPOS);
  for (const [term, edits] of typos) c.offer(term, 'typo', edits === 1 ? TIER_WEIGHTS.typo1 : TIER_WEIGHTS.typo2);
}

/** T4: completions of b0 and of ال + b0 (the article is the commonest thing in front of a word being typed). */
function addPrefixCompletions(q: string, arabic: boolean, vocab: Vocabulary, c: Collector): void {
  const prefixes = arabic && !q.startsWith('ال') ? [q, `ال${q}`] : [q];
  const completions = new Set<string>();
  for (const prefix of prefixes) {
    for (const term of vocab.termsWithPrefix(prefix, PREFIX_SCAN)) {
      if (term !== q && !isStopWord(term)) completions.add(term);
    }
  }
  const ranked = [...completions].sort((a, b) => c.df(b) - c.df(a)).slice(0, MAX_PREFIXES);
  for (const term of ranked) if (c.df(term) > 0) c.offer(term, 'prefix', TIER_WEIGHTS.prefix);
}

/**
 * Expands one raw query word into candidate index terms, best first. A word
 * absent from the vocabulary with no candidate within budget yields []. Expects
 * one word (as parseQuery returns them); if normalization splits it (COVID-19),
 * only its first token is expanded.
 */
export function expandQueryWord(rawWord: string, vocab: Vocabulary, options: ExpandOptions = {}): Candidate[] {
  const n = normalize(rawWord);
  const space = n.text.indexOf(' ');
  const q = space < 0 ? n.text : n.text.slice(0, space);
  if (q === '') return [];
  const c = new Collector(vocab);
  if (c.df(q) > 0) c.offer(q, 'exact', TIER_WEIGHTS.exact);
  if (options.exact) return c.result();

  const arabic = isArabicLetters(q);
  if (!isStopWord(q)) {
    let typoBases = [q];
    if (arabic) {
      // n.text begins with q, so q's last unit is n.text[q.length - 1].
      const feminine = TEH_MARBUTA_FORMS.has(rawWord.charCodeAt(n.start[q.length - 1]));
      const { bases, withoutArticle: articleless } = basesOf(q, c);
      addMorphologicalVariants(q, bases, feminine, c);
      typoBases = [q, ...articleless];
    }
    // A different number is never a typo (2024 vs 2025).
    if (!isDigits(q)) addTypos(typoBases, vocab, c);
  }
  if (options.prefix && q.length >= MIN_PREFIX_LETTERS) addPrefixCompletions(q, arabic, vocab, c);
  return c.result();
}
