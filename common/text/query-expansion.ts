/**
 * Query-time expansion of one query word into weighted candidate index terms
 * (arabic-search.md §3.3): exact, clitic variants, inflectional variants, typos
 * and, while typing, prefix completions. The index holds surface forms only; the
 * engine ORs a word's candidates (boosted by weight) and ANDs the words. Every
 * candidate returned exists in the vocabulary.
 */
import { CONJUNCTIONS, LETTER_PROCLITICS, ARTICLE_CHAINS } from './affixes.js';
import { maksuraVariant } from './alef-maksura.js';
import { normalize } from './arabic.js';
import { maxEdits } from './edit-distance.js';
import { closeness, isLatinWord, latinReadings } from './latin-skeleton.js';
import {
  addCliticCores,
  addInflectionCores,
  CoreForms,
  TIER_CLITIC,
  withArticle,
  withoutArticle,
} from './morphology.js';
import { procliticSplits } from './proclitics.js';
import { isStopWord } from './stop-words.js';
import { isLikelySlip, typoCandidates } from './typo.js';
import type { Vocabulary } from './vocabulary.js';

export type { Vocabulary } from './vocabulary.js';
export { parseQuery } from './query-parse.js';

/**
 * exact: the word itself; variant: a function word's other ي/ى spelling; clitic:
 * particles read off or added; inflection: number, gender, nisba…; translit: an
 * Arabic word a Latin query spells; typo: one or two edits away (approximate).
 */
export type Tier = 'exact' | 'variant' | 'clitic' | 'inflection' | 'translit' | 'typo' | 'prefix';

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
  /**
   * Real-word typos (issue 9 item 3): also offer typo neighbours of a word the
   * archive does contain, function words and 3-letter words included. Asked for
   * only when the whole query otherwise finds nothing (الدين typed for الذين).
   */
  realWord?: boolean;
}

/** Tier weights of §3.3 (the prefix weight is MiniSearch's own, 0.375). */
export const TIER_WEIGHTS = {
  exact: 1,
  variant: 0.9,
  /** The base read off a glued word that the archive never writes glued (وحمص → حمص). */
  reading: 0.9,
  clitic: 0.8,
  /** A one-letter particle read off a word that is itself written in the archive, leaving a rarer base (لبنان → بنان). */
  doubtfulClitic: 0.5,
  translit: 0.7,
  inflection: 0.6,
  typo1: 0.4,
  /** One edit that is a likely slip: a neighbouring key or a letter of the same sound (س/ص, ت/ط, ه/ح…). */
  typoSlip: 0.45,
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

  /**
   * Offers a term known to be in the vocabulary; a function word is only an
   * exact match unless `functionWordOk` (a particle read off it, its ي/ى
   * spelling, a typo inside it).
   */
  offer(term: string, tier: Tier, weight: number, functionWordOk = false): void {
    if (tier !== 'exact' && !functionWordOk && isStopWord(term)) return;
    const known = this.best.get(term);
    if (known === undefined || known.weight < weight) this.best.set(term, { term, tier, weight });
  }

  has(term: string): boolean {
    return this.best.has(term);
  }

  /** Whether some candidate other than a typo or a completion was found. */
  confident(): boolean {
    for (const c of this.best.values()) if (c.tier !== 'typo' && c.tier !== 'prefix') return true;
    return false;
  }

  result(): Candidate[] {
    return [...this.best.values()].sort(
      (a, b) => b.weight - a.weight || this.df(b.term) - this.df(a.term) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
    );
  }
}

/**
 * Issue 9 item 1: every legal proclitic chain read off q (و ف, then ب ل ك, then
 * ال), whether or not q itself was ever written; each base present in the
 * vocabulary is a clitic candidate (function words included: وكان → كان, وعلي →
 * على). When q does occur and the reading removes only a one-letter particle to
 * leave a rarer word (لبنان → بنان), that reading is kept but weighted as
 * doubtful, so the glued form always ranks first. Returns the bases from which
 * inflections may be derived: article-less forms, and the stripped forms of a
 * word that never occurs as typed.
 */
function addProcliticReadings(q: string, c: Collector): { bases: string[]; withoutArticle: string[] } {
  const dfq = c.df(q);
  const articleless = withoutArticle(q).filter((b) => !isStopWord(b));
  const bases = [q, ...articleless];
  const functionWord = isStopWord(q);
  for (const split of procliticSplits(q)) {
    const base = split.base;
    // كان is not ك + ان, nor بان ب + ان: a function word only sheds a conjunction (وكان → كان),
    // and a word the archive holds never sheds a preposition to leave a function word.
    if (functionWord && !CONJUNCTIONS.includes(split.prefix)) continue;
    // The article never stands before a function word: الإذن is not ال + إذن.
    if (split.article && isStopWord(base)) continue;
    if (dfq > 0 && isStopWord(base) && !CONJUNCTIONS.includes(split.prefix)) continue;
    const dfBase = c.df(base);
    if (dfBase > 0) {
      const doubtful = dfq > 0 && split.letter && !split.article && dfBase < dfq;
      // When the glued form was never written, the base is simply the word the reader meant.
      const weight = doubtful ? TIER_WEIGHTS.doubtfulClitic : dfq === 0 ? TIER_WEIGHTS.reading : TIER_WEIGHTS.clitic;
      c.offer(base, 'clitic', weight, true);
      const variant = maksuraVariant(base);
      if (variant !== null && c.df(variant) > 0) c.offer(variant, 'clitic', TIER_WEIGHTS.clitic * TIER_WEIGHTS.variant, true);
    } else {
      const variant = maksuraVariant(base);
      if (variant !== null && c.df(variant) > 0) c.offer(variant, 'clitic', TIER_WEIGHTS.clitic * TIER_WEIGHTS.variant, true);
    }
    if (isStopWord(base) || bases.includes(base)) continue;
    // Inflections of the base: always for a base the archive holds; for an unseen
    // base only when the glued form is unseen too and the base is a real stem.
    if (dfBase > 0 ? !(dfq > 0 && split.letter && !split.article && dfBase < dfq) : dfq === 0 && base.length >= 3) bases.push(base);
  }
  return { bases, withoutArticle: articleless };
}

/** The conjunction forms of a function word (كان → وكان, فكان): a dropped و is common in pasted quotes. */
function addConjunctionForms(q: string, c: Collector): void {
  for (const conj of CONJUNCTIONS) {
    const term = conj + q;
    if (c.df(term) > 0) c.offer(term, 'clitic', TIER_WEIGHTS.clitic, true);
  }
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

/**
 * Typo candidates (issue 9 item 3). Words of four letters or more always get
 * them; a three-letter word gets one edit only when nothing else matched (حمس →
 * حمص). Before any confident reading exists, a candidate may differ by its first
 * letter (a deleted or added first letter) and may be a function word (a typo
 * inside الذين); with `realWord`, a word the archive holds gets neighbours too.
 */
function addTypos(q: string, bases: readonly string[], vocab: Vocabulary, c: Collector, realWord: boolean): void {
  const confident = c.confident();
  const open = !confident || realWord;
  const shortBudget = open && q.length === 3 ? 1 : 0;
  const typos = [...typoCandidates(bases, vocab, { shortBudget, leadingLetter: open })]
    .filter(([term]) => !c.has(term) && (open || !isStopWord(term)))
    .map(([term, edits]) => ({ term, weight: edits > 1 ? TIER_WEIGHTS.typo2 : isLikelySlip(q, term) ? TIER_WEIGHTS.typoSlip : TIER_WEIGHTS.typo1 }))
    .sort((a, b) => b.weight - a.weight || c.df(b.term) - c.df(a.term))
    .slice(0, MAX_TYPOS);
  for (const { term, weight } of typos) c.offer(term, 'typo', weight, open);
}

/** Most Arabic words a Latin query word may stand for. */
const MAX_TRANSLIT = 6;
/** Readings further than this (see closeness) are not offered. */
const MAX_TRANSLIT_DISTANCE = 3.5;
/** Only readings this close to the best one are offered (Homs: حمص, not همس as well). */
const TRANSLIT_MARGIN = 0.3;

/**
 * Cross-script (issue 9 item 6): the archive's Arabic words whose consonant
 * skeleton the Latin word spells, closest first (then most frequent). A Latin
 * word the archive holds as Latin is already the exact candidate, so it ranks first.
 */
function addTransliterations(raw: string, vocab: Vocabulary, c: Collector): void {
  if (!vocab.termsWithSkeleton) return;
  const found = new Map<string, number>();
  for (const reading of latinReadings(raw)) {
    for (const term of vocab.termsWithSkeleton(reading.skeleton)) {
      if (c.df(term) <= 0) continue;
      const distance = closeness(reading, term);
      if (distance > MAX_TRANSLIT_DISTANCE + reading.skeleton.length * 0.3) continue;
      const known = found.get(term);
      if (known === undefined || distance < known) found.set(term, distance);
    }
  }
  const ranked = [...found].sort((a, b) => a[1] - b[1] || c.df(b[0]) - c.df(a[0]));
  const best = ranked[0]?.[1] ?? 0;
  for (const [term, distance] of ranked.filter(([, d]) => d <= best + TRANSLIT_MARGIN).slice(0, MAX_TRANSLIT)) {
    c.offer(term, 'translit', TIER_WEIGHTS.translit * (1 - Math.min(0.5, distance * 0.1)), true);
  }
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

  // A function word typed with ي for ى (علي for على), or the reverse: both spellings.
  const variant = maksuraVariant(q);
  if (variant !== null && c.df(variant) > 0) c.offer(variant, 'variant', TIER_WEIGHTS.variant, true);

  const arabic = isArabicLetters(q);
  let typoBases = [q];
  if (arabic) {
    const { bases, withoutArticle: articleless } = addProcliticReadings(q, c);
    if (isStopWord(q)) {
      addConjunctionForms(q, c);
    } else {
      // n.text begins with q, so q's last unit is n.text[q.length - 1].
      const feminine = TEH_MARBUTA_FORMS.has(rawWord.charCodeAt(n.start[q.length - 1]));
      addMorphologicalVariants(q, bases, feminine, c);
    }
    typoBases = [q, ...articleless];
  } else if (isLatinWord(rawWord)) {
    addTransliterations(rawWord, vocab, c);
  }
  // A different number is never a typo (2024 vs 2025); a Latin word's typos are its skeleton's business.
  const typoWorthy = !isDigits(q) && (arabic || !c.confident());
  if (typoWorthy && (!isStopWord(q) || options.realWord)) addTypos(q, typoBases, vocab, c, options.realWord === true);
  if (options.prefix && q.length >= MIN_PREFIX_LETTERS) addPrefixCompletions(q, arabic, vocab, c);
  return c.result();
}

/** Whether a typo budget applies at all to a word of this many letters (for callers deciding on real-word retries). */
export function hasTypoBudget(letters: number): boolean {
  return maxEdits(letters) > 0 || letters === 3;
}
