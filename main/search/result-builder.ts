/**
 * Turning a matching document into a search result: re-tokenizes its stored
 * canonical text to find the matched tokens (original offsets), applies the checks
 * the postings cannot make (quoted phrases, exact spelling), and builds the snippet
 * and the first-match offsets the reader scrolls to.
 */
import { type Token, tokenize } from '../../common/text/tokenize.js';
import type { DocTable } from './doc-table.js';
import { matchesExactly } from './exact-match.js';
import { findPhrase } from './phrase.js';
import type { WordMasks } from './proximity.js';
import type { QueryPlan } from './query-plan.js';
import { windowTokens } from './window-tokens.js';
import { buildSnippet, type Hit, placeSnippet, SNIPPET_WORDS } from './snippet.js';
import type { TextStore } from './text-store.js';
import type { Range, SearchResult } from './types.js';

export interface ResultSource {
  docs: DocTable;
  texts: TextStore;
}

export interface HitTerm {
  /** The query word the term stands for. */
  word: number;
  /** Its candidate weight (exact = 1). */
  weight: number;
  typo: boolean;
}

/** Every candidate term of the plan → which word it matches (first word wins). */
export function hitTermsOf(plan: QueryPlan): Map<string, HitTerm> {
  const hitWord = new Map<string, HitTerm>();
  plan.words.forEach((word, w) => {
    for (const [term, weight] of word.terms) if (!hitWord.has(term)) hitWord.set(term, { word: w, weight, typo: word.typoTerms.has(term) });
  });
  return hitWord;
}

function resultOf(source: ResultSource, doc: number, fields: Pick<SearchResult, 'score' | 'approximate' | 'snippet' | 'firstMatch' | 'snippetField'>): SearchResult {
  const meta = source.docs.metas[doc]!;
  return {
    id: meta.id,
    ...(meta.externalId === undefined ? {} : { externalId: meta.externalId }),
    title: meta.title,
    ...fields,
  };
}

/** The matched tokens; typo neighbours only for words the article has no better form of. */
function findHits(canonical: string, tokens: readonly Token[], plan: QueryPlan, hitWord: Map<string, HitTerm>): Hit[] {
  const hits: Hit[] = [];
  const typo: boolean[] = [];
  const confident = new Uint8Array(plan.words.length);
  for (let t = 0; t < tokens.length; t += 1) {
    const hit = hitWord.get(tokens[t]!.norm);
    if (hit === undefined) continue;
    const exact = plan.words[hit.word]!.exact;
    if (exact && !matchesExactly(canonical.slice(tokens[t]!.start, tokens[t]!.end), exact)) continue;
    hits.push({ token: t, word: hit.word, weight: hit.weight });
    typo.push(hit.typo);
    if (!hit.typo) confident[hit.word] = 1;
  }
  return typo.includes(true) ? hits.filter((hit, i) => !typo[i] || confident[hit.word] === 0) : hits;
}

/**
 * Exact words and phrases may also be satisfied by the title, tags, highlights or
 * notes. Returns the phrase occurrences in the canonical text, or null when the
 * document fails a check.
 */
function verify(source: ResultSource, doc: number, tokens: readonly Token[], hits: readonly Hit[], plan: QueryPlan): Range[] | null {
  let extraText: string | null = null;
  let extraTokens: Token[] | null = null;
  const extra = (): Token[] => (extraTokens ??= tokenize((extraText ??= source.texts.extra(doc))));
  for (let w = 0; w < plan.words.length; w += 1) {
    const { exact, terms } = plan.words[w]!;
    if (!exact || hits.some((h) => h.word === w)) continue;
    if (!extra().some((t) => terms.has(t.norm) && matchesExactly(extraText!.slice(t.start, t.end), exact))) return null;
  }
  const strict = plan.words.some((w) => w.exact !== null);
  const ranges: Range[] = [];
  for (const phrase of plan.phrases) {
    const found = findPhrase(tokens, phrase, strict);
    if (found.length === 0 && findPhrase(extra(), phrase, strict).length === 0) return null;
    ranges.push(...found);
  }
  return ranges;
}

/** One result, or null when the document fails phrase or exact-mode verification. */
export function presentMatch(
  source: ResultSource,
  doc: number,
  score: number,
  approximate: boolean,
  plan: QueryPlan,
  hitWord: Map<string, HitTerm>,
  needsVerification: boolean,
  masks?: WordMasks,
): SearchResult | null {
  const canonical = source.texts.canonical(doc);
  // Fast path: tokenize only the passage the word sequence points at (no phrase or exact checks to make).
  let window = null;
  if (masks && !needsVerification) {
    const [bytes, from, to] = source.texts.sequence(doc);
    window = windowTokens(canonical, bytes, from, to, masks, plan.words.length);
  }
  let tokens = window?.tokens ?? tokenize(canonical);
  let hits = findHits(canonical, tokens, plan, hitWord);
  if (window && hits.length === 0) {
    // A hash collision chose the passage: take the whole text after all.
    window = null;
    tokens = tokenize(canonical);
    hits = findHits(canonical, tokens, plan, hitWord);
  }
  const phraseRanges = needsVerification ? verify(source, doc, tokens, hits, plan) : [];
  if (phraseRanges === null) return null;
  const placed = placeSnippet(canonical, tokens, hits, plan.words.length, window ?? undefined);
  // The passage to open is the one the snippet shows (a phrase inside it first).
  let firstMatch: Range | null = placed.focus;
  if (phraseRanges.length > 0) {
    const shown = placed.focus ? phraseRanges.filter((r) => r.start >= placed.focus!.start) : phraseRanges;
    firstMatch = (shown.length > 0 ? shown : phraseRanges).reduce((a, b) => (b.start < a.start ? b : a));
  }
  const title = titleSnippet(source.docs.metas[doc]!.title, plan, hitWord);
  if (title && (title.words > placed.words || (title.words === placed.words && title.strength > placed.strength + 1e-9))) {
    // The title holds more of the query than any passage: show it, not stray body words; opening starts at the top.
    return resultOf(source, doc, { score, approximate, snippet: title.snippet, snippetField: 'title', firstMatch: phraseRanges.length > 0 ? firstMatch : null });
  }
  return resultOf(source, doc, { score, approximate, snippet: placed.snippet, snippetField: 'body', firstMatch });
}

/** The title as a snippet with its matched words highlighted, or null when it matches no query word. */
function titleSnippet(title: string, plan: QueryPlan, hitWord: Map<string, HitTerm>): { snippet: { text: string; highlights: Range[] }; words: number; strength: number } | null {
  const tokens = tokenize(title);
  const hits = findHits(title, tokens, plan, hitWord);
  if (hits.length === 0) return null;
  const best = new Map<number, number>();
  for (const h of hits) best.set(h.word, Math.max(best.get(h.word) ?? 0, h.weight));
  let strength = 0;
  for (const w of best.values()) strength += w;
  return { snippet: { text: title, highlights: hits.map((h) => ({ start: tokens[h.token]!.start, end: tokens[h.token]!.end })) }, words: best.size, strength };
}

/** A query of filters only: the matching articles, newest first, each with its opening words. */
export function listFiltered(source: ResultSource, filter: (doc: number) => boolean, limit: number): SearchResult[] {
  const { docs } = source;
  const found: number[] = [];
  for (let doc = 0; doc < docs.count; doc += 1) if (docs.alive[doc] && filter(doc)) found.push(doc);
  const published = (doc: number) => docs.metas[doc]!.published ?? '';
  found.sort((a, b) => published(b).localeCompare(published(a)));
  return found.slice(0, limit).map((doc) => {
    const canonical = source.texts.canonical(doc);
    const snippet = buildSnippet(canonical, tokenize(canonical).slice(0, SNIPPET_WORDS + 1), [], 0);
    return resultOf(source, doc, { score: 0, approximate: false, snippet, firstMatch: null });
  });
}
