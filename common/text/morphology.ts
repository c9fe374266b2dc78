/**
 * Light morphology for query expansion (arabic-search.md §3.3 step 1–2): the
 * bases of a query word (minus an article, minus a one-letter proclitic) and the
 * proclitic-free "core" forms that the clitic tier (T1) and the inflection tier
 * (T2) derive from them. Pure string work: which forms survive is decided in
 * query-expansion.ts against the vocabulary. Index terms are surface forms, so
 * nothing here ever needs a re-index.
 */
import {
  ARTICLE_CHAINS,
  ARTICLE_EXCEPTIONS,
  ENCLITICS,
  FEMININE_HEH,
  FEMININE_INFLECTIONS,
  FEMININE_PLURAL,
  INFLECTIONS,
  LETTER_PROCLITICS,
  LIGHT10_SUFFIXES,
  TEH,
} from './affixes.js';

export const TIER_CLITIC = 1;
export const TIER_INFLECTION = 2;
export type CoreTier = typeof TIER_CLITIC | typeof TIER_INFLECTION;

/** A proclitic-free form and how it was derived. */
export interface CoreForm {
  tier: CoreTier;
  /**
   * True when every derivation of the form ends in a pronoun suffix. The article
   * never combines with one (no الكتابهم), so such forms take no article chain.
   */
  enclitic: boolean;
}

/** Core forms keyed by text; adding a form twice keeps the better tier. */
export class CoreForms {
  readonly forms = new Map<string, CoreForm>();

  add(text: string, tier: CoreTier, enclitic: boolean): void {
    if (text.length < 2) return;
    const known = this.forms.get(text);
    if (known === undefined) {
      this.forms.set(text, { tier, enclitic });
      return;
    }
    if (tier < known.tier) known.tier = tier;
    known.enclitic &&= enclitic;
  }
}

// Suffix stripping must leave a real stem: two letters for the feminine ه
// (سنه → سن, for سنتين), three for the others — light10's two letters turned
// علي into عل and لبنان into لب.
const MIN_STEM_AFTER_HEH = 2;
const MIN_STEM = 3;

/** Whether the article may be stripped from `word` (the exceptions protect الله, الذي, …). */
function articleIsStrippable(word: string): boolean {
  if (ARTICLE_EXCEPTIONS.has(word)) return false;
  // والله, بالله: a conjunction or preposition in front of an exception.
  for (const p of LETTER_PROCLITICS) {
    if (word.startsWith(p) && ARTICLE_EXCEPTIONS.has(word.slice(p.length))) return false;
  }
  return true;
}

/** b1: the query word minus an article chain (at least 2 letters left; exceptions excluded). */
export function withoutArticle(q: string): string[] {
  if (!articleIsStrippable(q)) return [];
  const bases: string[] = [];
  for (const chain of ARTICLE_CHAINS) {
    if (q.length - chain.length >= 2 && q.startsWith(chain)) bases.push(q.slice(chain.length));
  }
  return bases;
}

/** b2 before its frequency check: the query word minus a one-letter proclitic (at least 3 letters left). */
export function withoutLetterProclitic(q: string): string[] {
  const bases: string[] = [];
  for (const p of LETTER_PROCLITICS) {
    if (q.length - p.length >= 3 && q.startsWith(p)) bases.push(q.slice(p.length));
  }
  return bases;
}

/** Prefixes an article chain, writing ل + ال + لاجئ as للاجئ (the article's alef and one lam merge). */
export function withArticle(chain: string, core: string): string {
  return chain.endsWith('لل') && core.startsWith('ل') ? chain.slice(0, -1) + core : chain + core;
}

/** T1 cores of a base: the base, base + enclitic, and with ة → ت before an enclitic (حكومه → حكومتها). */
export function addCliticCores(base: string, out: CoreForms): void {
  out.add(base, TIER_CLITIC, false);
  for (const e of ENCLITICS) out.add(base + e, TIER_CLITIC, true);
  if (base.endsWith(FEMININE_HEH) && base.length > MIN_STEM_AFTER_HEH) {
    const stem = base.slice(0, -1);
    for (const e of ENCLITICS) out.add(stem + TEH + e, TIER_CLITIC, true);
  }
}

/** The general inflections of a stem: number, gender, nisba, tanween alef; the feminine plural keeps enclitics. */
function addInflections(stem: string, out: CoreForms): void {
  for (const x of INFLECTIONS) out.add(stem + x, TIER_INFLECTION, false);
  for (const e of ENCLITICS) out.add(stem + FEMININE_PLURAL + e, TIER_INFLECTION, true);
}

/** The paradigm of a feminine stem (ة removed): حكوم → حكومه, حكومات, حكومتين, حكومتها, حكوماتنا, حكومي. */
function addFeminineInflections(stem: string, out: CoreForms): void {
  for (const x of FEMININE_INFLECTIONS) out.add(stem + x, TIER_INFLECTION, false);
  for (const e of ENCLITICS) {
    out.add(stem + TEH + e, TIER_INFLECTION, true);
    out.add(stem + FEMININE_PLURAL + e, TIER_INFLECTION, true);
  }
}

/**
 * Light10's suffix loop (each suffix tried once, in order, several may go), with
 * every intermediate stem and the suffix that produced it.
 */
export function suffixStems(base: string): Array<{ stem: string; suffix: string }> {
  const stems: Array<{ stem: string; suffix: string }> = [];
  let current = base;
  for (const suffix of LIGHT10_SUFFIXES) {
    const min = suffix === FEMININE_HEH ? MIN_STEM_AFTER_HEH : MIN_STEM;
    if (current.length - suffix.length >= min && current.endsWith(suffix)) {
      current = current.slice(0, -suffix.length);
      stems.push({ stem: current, suffix });
    }
  }
  return stems;
}

/**
 * T2 cores of a base: its own inflections, then those of each light10 stem,
 * re-adding the feminine ending where the stripped suffix implies one
 * (حكومات → حكوم → حكومه). `feminine` says the user typed ة, so a final ه is
 * surely the feminine ending and not the pronoun: جامعة must not reach جامع.
 */
export function addInflectionCores(base: string, feminine: boolean, out: CoreForms): void {
  if (!(feminine && base.endsWith(FEMININE_HEH))) addInflections(base, out);
  for (const { stem, suffix } of suffixStems(base)) {
    const surelyFeminine = feminine && suffix === FEMININE_HEH && stem + suffix === base;
    if (suffix === FEMININE_HEH || suffix === FEMININE_PLURAL) addFeminineInflections(stem, out);
    if (surelyFeminine) continue;
    out.add(stem, TIER_INFLECTION, false);
    addInflections(stem, out);
  }
}
