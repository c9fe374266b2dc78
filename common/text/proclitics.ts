/**
 * Query-side proclitic analysis (issue 9 item 1): every legal way to read the
 * front of a normalized query word as attached particles — a conjunction و/ف,
 * then a preposition ب/ل/ك, then the article ال (ل + ال is written لل) — and the
 * base left behind. The expander looks each base up in the term dictionary, so
 * «وحمص» reaches حمص whether or not «وحمص» itself was ever written. Pure string
 * work over NORMALIZED spelling.
 */
import { ARTICLE_EXCEPTIONS } from './affixes.js';

const CONJUNCTIONS = ['', 'و', 'ف'] as const;
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'] as const;

/** Bases must keep at least this many letters (issue 9: «a base must be at least two letters»). */
export const MIN_BASE = 2;

export interface ProcliticSplit {
  /** The particles read off the front, as written (e.g. «وبال»). */
  prefix: string;
  /** What is left: the word the reader meant. */
  base: string;
  /** The chain includes a conjunction or a preposition (a single letter that a word may also begin with). */
  letter: boolean;
  /** The chain includes the article. */
  article: boolean;
}

/**
 * Every split of `q` into a legal proclitic chain and a base of ≥ 2 letters,
 * longest chain first. For ل + ال the written form is لل: «للحكومه» gives الحكومه
 * (the article kept) and حكومه, and «للاجءين» (ل + اللاجءين) gives اللاجءين and لاجءين.
 */
export function procliticSplits(q: string): ProcliticSplit[] {
  const out: ProcliticSplit[] = [];
  const seen = new Set<string>();
  const push = (prefix: string, base: string, letter: boolean, article: boolean): void => {
    if (base.length < MIN_BASE || prefix === '' || seen.has(base)) return;
    seen.add(base);
    out.push({ prefix, base, letter, article });
  };
  for (const c of CONJUNCTIONS) {
    if (!q.startsWith(c)) continue;
    for (const p of PREPOSITIONS) {
      const head = c + p;
      if (!q.startsWith(head)) continue;
      const rest = q.slice(head.length);
      const letter = head.length > 0;
      if (p === 'ل' && rest.startsWith('ل') && !ARTICLE_EXCEPTIONS.has(`ا${rest}`)) {
        // ل + ال → لل: the rest after the first ل is "ل…" with the article's alef dropped.
        const afterLam = rest.slice(1);
        push(`${head}ل`, afterLam, true, true); // للحكومه → حكومه
        push(`${head}ل`, `ال${afterLam}`, true, false); // للحكومه → الحكومه
        push(head, `ال${rest}`, true, false); // للاجءين → اللاجءين
      }
      // الله, الذي, الان…: their ال is not the article.
      if (rest.startsWith('ال') && !ARTICLE_EXCEPTIONS.has(rest)) push(`${head}ال`, rest.slice(2), letter, true);
      if (p === 'ل' && ARTICLE_EXCEPTIONS.has(`ا${rest}`)) {
        push(head, `ا${rest}`, true, false); // لله → الله, never ل + له
        continue;
      }
      push(head, rest, letter, false);
    }
  }
  // Longest chain first: the reading that explains the most particles.
  return out.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** Every legal proclitic chain (normalized spelling), for property tests and the benchmark. */
export function procliticChains(): string[] {
  const chains: string[] = [];
  for (const c of CONJUNCTIONS) {
    for (const p of PREPOSITIONS) {
      if (c + p !== '') chains.push(c + p);
      chains.push(p === 'ل' ? `${c}لل` : `${c}${p}ال`);
    }
  }
  return [...new Set(chains)];
}
