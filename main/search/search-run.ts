/**
 * One search, start to finish (issue 9): the strict all-words match over the
 * words that have candidates, re-ranked by proximity; when it finds nothing, a
 * retry that also reads real words as typos (الدين for الذين); when it finds
 * little, partial matches ranked by how many (and how rare) query words each
 * article holds. Words that match nothing at all (a cut-off fragment, an emoji,
 * a Latin word with no Arabic reading) never empty the result: they are listed
 * as missing. Results carry "partial: n of m" information and the response
 * names the Arabic words Latin query words were read as.
 */
import { surfaceForm } from './did-you-mean.js';
import type { DocTable } from './doc-table.js';
import { MASK_WORDS, runPartial } from './partial-exec.js';
import { phraseScreen } from './phrase.js';
import type { Postings } from './postings.js';
import { exactShare, proximityBonus, wordMasks } from './proximity.js';
import { type QueryExecutor } from './query-exec.js';
import { type PlannedWord, planQuery, type QueryPlan } from './query-plan.js';
import { RankedMatches } from './ranking.js';
import { hitTermsOf, presentMatch } from './result-builder.js';
import type { TermDictionary } from './term-dictionary.js';
import type { TextStore } from './text-store.js';
import type { PartialInfo, SearchedForms, SearchOptions, SearchResult } from './types.js';
import { idfOf } from './query-exec.js';
import { mayContain } from './word-sequence.js';

/** Documents screened for quoted phrases on their word sequences (a few microseconds each). */
const MAX_SCREENED = 50_000;
/** Phrase and exact-mode confirmations re-tokenize stored text; stop after this many. */
const MAX_VERIFIED = 1_000;
/** Best-scored matches re-ranked by proximity (at least the page asked for). */
const RERANK = 60;
/** "Very little": fewer strict matches than this add partial ones below them. */
const FEW = 3;
/** Below real all-words matches, at most this many partial ones (each costs a re-tokenized article). */
const PARTIAL_BELOW_STRICT = 5;
/** Weight of holding every query word in the form typed. */
const EXACT_BONUS = 0.5;

export interface SearchParts {
  dict: TermDictionary;
  postings: Postings;
  docs: DocTable;
  texts: TextStore;
}

export interface RunResult {
  results: SearchResult[];
  plan: QueryPlan;
  searched?: SearchedForms[];
}

const hasCandidates = (w: PlannedWord): boolean => w.candidates.length > 0 || w.extended !== undefined;

/** The strict pass: documents holding every word that has candidates, best first, proximity-reranked. */
function strictPass(parts: SearchParts, executor: QueryExecutor, plan: QueryPlan, options: SearchOptions, limit: number, filter: ((doc: number) => boolean) | null): { results: SearchResult[]; docs: Set<number> } {
  const active = plan.words.filter(hasCandidates);
  if (active.length === 0) return { results: [], docs: new Set() };
  const matches = executor.run(parts, active);
  const kept: number[] = [];
  for (let i = 0; i < matches.docs.length; i += 1) if (!filter || filter(matches.docs[i]!)) kept.push(i);
  const all = new Set<number>();
  for (const i of kept) all.add(matches.docs[i]!);
  const ranked = new RankedMatches(matches.scores, matches.approximate, Int32Array.from(kept));
  const screens = plan.phrases.map((phrase) => phraseScreen(phrase, options.exact === true));
  // Pull the best few, screened for phrases, and re-rank them by proximity.
  const masks = wordMasks(plan.words);
  const pool: Array<{ i: number; score: number }> = [];
  let screened = 0;
  while (pool.length < Math.max(RERANK, limit) && screened < MAX_SCREENED) {
    const i = ranked.next();
    if (i < 0) break;
    screened += 1;
    const doc = matches.docs[i]!;
    const [bytes, from, to] = parts.texts.sequence(doc);
    if (screens.length > 0 && !screens.every((accept) => mayContain(bytes, from, to, accept))) continue;
    const bonus = proximityBonus(bytes, from, to, masks, plan.words.length) + EXACT_BONUS * exactShare(bytes, from, to, masks, plan.words.length);
    pool.push({ i, score: matches.scores[i]! * (1 + bonus) });
  }
  pool.sort((a, b) => matches.approximate[a.i]! - matches.approximate[b.i]! || b.score - a.score);
  const hitWord = hitTermsOf(plan);
  const verify = plan.phrases.length > 0 || options.exact === true;
  const results: SearchResult[] = [];
  let verified = 0;
  const present = (i: number, score: number): void => {
    if (verify) verified += 1;
    const result = presentMatch(parts, matches.docs[i]!, score, matches.approximate[i] === 1, plan, hitWord, verify, masks);
    if (result) results.push(result);
  };
  for (const { i, score } of pool) {
    if (results.length >= limit || verified >= MAX_VERIFIED) break;
    present(i, score);
  }
  // Verification dropped some: continue in score order.
  while (results.length < limit && verified < MAX_VERIFIED && screened < MAX_SCREENED) {
    const i = ranked.next();
    if (i < 0) break;
    screened += 1;
    const [bytes, from, to] = parts.texts.sequence(matches.docs[i]!);
    if (screens.length > 0 && !screens.every((accept) => mayContain(bytes, from, to, accept))) continue;
    present(i, matches.scores[i]!);
  }
  return { results, docs: all };
}

/** Partial matches (documents holding some of the words), best coverage first. */
function partialPass(parts: SearchParts, plan: QueryPlan, limit: number, filter: ((doc: number) => boolean) | null, skip: Set<number>, confidentOnly: boolean): SearchResult[] {
  const index: number[] = [];
  const active: PlannedWord[] = [];
  plan.words.forEach((w, i) => {
    if (w.candidates.length > 0) {
      index.push(i);
      active.push(w);
    }
  });
  if (active.length === 0) return [];
  const n = Math.max(parts.docs.liveCount, 1);
  // A word that matches nothing weighs as the rarest word: missing it costs the most.
  const missingWeight = (plan.words.length - active.length) * idfOf(n, 1);
  const found = runPartial(parts, active, index, missingWeight, skip);
  const order: number[] = [];
  for (let i = 0; i < found.docs.length; i += 1) {
    if ((!filter || filter(found.docs[i]!)) && !(confidentOnly && found.approximate[i] === 1)) order.push(i);
  }
  order.sort((a, b) => found.coverage[b]! - found.coverage[a]! || found.approximate[a]! - found.approximate[b]! || found.scores[b]! - found.scores[a]!);
  const hitWord = hitTermsOf(plan);
  const masks = wordMasks(plan.words);
  const results: SearchResult[] = [];
  for (const i of order) {
    if (results.length >= limit) break;
    const result = presentMatch(parts, found.docs[i]!, found.scores[i]! * found.coverage[i]!, found.approximate[i] === 1, plan, hitWord, false, masks);
    if (!result) continue;
    const mask = found.masks[i]!;
    const held = (w: number): boolean => (w < MASK_WORDS ? (mask & (1 << w)) !== 0 : false);
    result.partial = partialInfo(plan, held);
    results.push(result);
  }
  return results;
}

function partialInfo(plan: QueryPlan, held: (w: number) => boolean): PartialInfo {
  const missing = plan.words.filter((_, w) => !held(w)).map((w) => w.raw);
  return { matched: plan.words.length - missing.length, total: plan.words.length, missing };
}

/** The Arabic words the Latin query words were read as, spelled as the archive writes them. */
function searchedForms(parts: SearchParts, plan: QueryPlan): SearchedForms[] | undefined {
  const out = plan.words.filter((w) => w.translit.length > 0).map((w) => ({ word: w.raw, forms: w.translit.slice(0, 3).map((t) => surfaceForm(parts, t)) }));
  return out.length > 0 ? out : undefined;
}

export function runSearch(parts: SearchParts, executor: QueryExecutor, query: string, options: SearchOptions, limit: number, filter: ((doc: number) => boolean) | null): RunResult {
  let plan = planQuery(query, parts.dict, options);
  if (plan.words.length === 0 || plan.unmatchable || limit === 0) return { results: [], plan };
  let strict = strictPass(parts, executor, plan, options, limit, filter);
  if (strict.results.length === 0 && options.exact !== true) {
    // Nothing at all: perhaps a real word typed for another (الدين for الذين).
    const retry = planQuery(query, parts.dict, { ...options, realWord: true });
    const again = strictPass(parts, executor, retry, options, limit, filter);
    if (again.results.length > 0 && retry.words.filter(hasCandidates).length >= plan.words.filter(hasCandidates).length) {
      plan = retry;
      strict = again;
    }
  }
  const unmatched = plan.words.some((w) => !hasCandidates(w));
  if (unmatched) for (const r of strict.results) r.partial = partialInfo(plan, (w) => hasCandidates(plan.words[w]!));
  let results = strict.results;
  // A quoted phrase or exact mode asks for exactly that: no partial answers.
  const partialAllowed = options.partial !== false && options.exact !== true && plan.phrases.length === 0 && plan.words.length >= 2;
  if (partialAllowed && results.length < Math.min(FEW, limit)) {
    // Below real all-words matches, only partial matches that are not mere typos.
    const room = results.length > 0 ? Math.min(PARTIAL_BELOW_STRICT, limit - results.length) : limit;
    results = [...results, ...partialPass(parts, plan, room, filter, strict.docs, results.length > 0)];
  }
  const searched = searchedForms(parts, plan);
  return searched ? { results, plan, searched } : { results, plan };
}
