/**
 * Pure fuzzy quote search (design §4): finds where a stored quote now sits in a
 * text that may have changed, using the stored prefix, suffix and old position to
 * choose between candidates. Follows Hypothesis' match-quote (exact fast path,
 * approx-string-match fallback, weighted scoring) and adds two things an edited
 * local archive needs: a candidate search near the old position, and a rejection
 * threshold so a deleted passage becomes an orphan instead of a wrong highlight.
 */
import approxSearch from 'approx-string-match';
import { CONTEXT_LENGTH } from './selectors.js';

/** Weight of the quote's own similarity in a candidate's score. */
export const QUOTE_WEIGHT = 50;
/** Weight of the text before the candidate matching the stored prefix. */
export const PREFIX_WEIGHT = 20;
/** Weight of the text after the candidate matching the stored suffix. */
export const SUFFIX_WEIGHT = 20;
/** Weight of closeness to the old position: only a tie-breaker between equal candidates. */
export const POSITION_WEIGHT = 2;

/**
 * A candidate whose quote differs from the stored one by more than this share of
 * the quote's length is not the same passage. Edits inside a highlighted passage
 * are usually a word or two. Measured on the seed article: once a passage of 80
 * characters is deleted, the closest text left is at least 46% away from it; for
 * 40 characters usually over 30%. Shorter quotes come closer to unrelated text,
 * which MAX_TOTAL_ERROR_RATE deals with.
 */
export const MAX_QUOTE_ERROR_RATE = 0.3;

/**
 * Quote, prefix and suffix together may differ by at most this share of their
 * combined length. This is what protects short quotes: a deleted "حمص" still has
 * exact copies elsewhere in an article about Homs, but their surroundings differ,
 * so they are rejected; a long quote is distinctive on its own and passes even if
 * its surroundings were rewritten.
 */
export const MAX_TOTAL_ERROR_RATE = 0.35;

export interface QuoteContext {
  /** Text expected immediately before the quote. */
  prefix?: string;
  /** Text expected immediately after the quote. */
  suffix?: string;
  /** Expected start offset of the quote (its old position). */
  hint?: number;
}

export interface QuoteMatch {
  /** Start offset of the match in the text (UTF-16). */
  start: number;
  /** End offset of the match in the text (UTF-16, exclusive). */
  end: number;
  /** 0–1; 1 means quote, prefix, suffix and position all agree exactly. */
  score: number;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** A candidate with the points it can be sure of before its context is compared. */
interface Ranked extends Candidate {
  points: number;
}

// Extra characters of text the context comparison may look at, so that a few
// characters inserted between the context and the quote cost only those characters.
const CONTEXT_SLACK = 8;

/** Every exact occurrence of `quote` in `text`. */
function exactMatches(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * Edits needed to turn `context` into text touching the candidate: with direction 1
 * the text starting at `from` (a suffix), with direction -1 the text ending at
 * `from` (a prefix). The far end is free, so the context is compared with the
 * nearest stretch of text rather than a fixed-width window. Returns `limit + 1` as
 * soon as the answer is known to exceed `limit`, which is what keeps short quotes
 * with thousands of exact occurrences cheap.
 */
function contextErrors(context: string, text: string, from: number, direction: 1 | -1, limit: number): number {
  const m = context.length;
  if (m === 0) return 0;
  const exact = direction === 1 ? text.startsWith(context, from) : from >= m && text.startsWith(context, from - m);
  if (exact) return 0;
  if (limit <= 0) return limit + 1;
  const n = Math.min(m + CONTEXT_SLACK, direction === 1 ? text.length - from : from);
  let previous = new Uint32Array(n + 1);
  let current = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= m; i += 1) {
    // Prefixes are compared backwards from the candidate's start.
    const c = context.charCodeAt(direction === 1 ? i - 1 : m - i);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j += 1) {
      const t = text.charCodeAt(direction === 1 ? from + j - 1 : from - j);
      const value = Math.min(previous[j - 1] + (c === t ? 0 : 1), previous[j] + 1, current[j - 1] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Row minima never decrease, so once one is over the limit the answer is too.
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  let best = m;
  for (let j = 0; j <= n; j += 1) best = Math.min(best, previous[j]);
  return best;
}

/**
 * Where the boundary after the first `boundary` code units of `pattern` falls in
 * text[from, to) when `pattern` is aligned there by edit distance (free ends).
 *
 * Used to place the edges of a fuzzy match. approx-string-match reports the
 * cheapest range for the quote alone, and after an edit near an edge that range
 * can take or leave a few characters arbitrarily. Aligning the quote's edge
 * together with the stored prefix or suffix puts the edge where the context says.
 *
 * Text inserted exactly at the boundary is never pulled into the quote: for a
 * quote start (`side` 'after') the boundary goes after such text, for a quote end
 * ('before') it stays before it.
 */
function alignBoundary(
  pattern: string,
  boundary: number,
  text: string,
  from: number,
  to: number,
  side: 'before' | 'after',
): number {
  const m = pattern.length;
  const n = to - from;
  const width = n + 1;
  // Full matrix, because the boundary is read off the traceback. Both sides stay
  // small: a context (≤ CONTEXT_LENGTH), one edge of the quote and some slack.
  const cost = new Uint32Array((m + 1) * width);
  const step = (i: number, j: number) =>
    cost[(i - 1) * width + j - 1] + (pattern.charCodeAt(i - 1) === text.charCodeAt(from + j - 1) ? 0 : 1);
  for (let i = 1; i <= m; i += 1) {
    cost[i * width] = i;
    for (let j = 1; j <= n; j += 1) {
      cost[i * width + j] = Math.min(step(i, j), cost[(i - 1) * width + j] + 1, cost[i * width + j - 1] + 1);
    }
  }
  let j = 0;
  for (let k = 1; k <= n; k += 1) if (cost[m * width + k] < cost[m * width + j]) j = k;

  // Walk the cheapest path back to row `boundary`; it arrives there at the column
  // after any text inserted at the boundary.
  let i = m;
  while (i > boundary) {
    const here = cost[i * width + j];
    if (j > 0 && here === step(i, j)) {
      i -= 1;
      j -= 1;
    } else if (here === cost[(i - 1) * width + j] + 1) {
      i -= 1;
    } else {
      j -= 1;
    }
  }
  if (side === 'after') return from + j;
  // Walk along the row over that inserted text, as far as the path allows.
  while (i > 0 && j > 0 && cost[i * width + j] === cost[i * width + j - 1] + 1) j -= 1;
  return from + j;
}

/**
 * Edit distance between `a` and `b`, or `limit + 1` if it is larger. Only the band
 * of width 2·limit+1 around the diagonal is computed, so checking a long quote costs
 * O(length · limit) rather than O(length²).
 */
function boundedEditDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  let previous = new Uint32Array(b.length + 1).fill(over);
  let current = new Uint32Array(b.length + 1).fill(over);
  for (let j = 0; j <= Math.min(b.length, limit); j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // Only the band is computed; the cells on either side of it, which the next row
    // reads, are set to "too far" so stale values from two rows back never leak in.
    current[from - 1] = from === 1 && i <= limit ? i : over;
    if (to < b.length) current[to + 1] = over;
    let rowMin = current[from - 1];
    const c = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j += 1) {
      const value = Math.min(previous[j - 1] + (c === b.charCodeAt(j - 1) ? 0 : 1), previous[j] + 1, current[j - 1] + 1, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], over);
}

// How much of the quote's edge is aligned together with the context when placing
// a fuzzy match's edges: enough to see past an edit at the edge, small enough to
// keep alignEdges cheap for long quotes.
const EDGE_LENGTH = 32;

/** Re-places the edges of a fuzzy candidate by aligning them with the stored context. */
function alignEdges(
  text: string,
  quote: string,
  context: { prefix: string; suffix: string },
  found: Candidate,
  maxQuoteErrors: number,
): Candidate {
  const { prefix, suffix } = context;
  const slack = found.errors + CONTEXT_SLACK;
  const head = quote.slice(0, EDGE_LENGTH);
  const tail = quote.slice(Math.max(0, quote.length - EDGE_LENGTH));
  const start = alignBoundary(
    prefix + head,
    prefix.length,
    text,
    Math.max(0, found.start - prefix.length - slack),
    Math.min(text.length, found.start + head.length + slack),
    'after',
  );
  const end = alignBoundary(
    tail + suffix,
    tail.length,
    text,
    Math.max(0, found.end - tail.length - slack),
    Math.min(text.length, found.end + suffix.length + slack),
    'before',
  );
  if (start >= end) return found;
  // The context can pull each edge somewhere plausible on its own; the range
  // between them must still be the quote, within the allowed errors.
  const errors = boundedEditDistance(text.slice(start, end), quote, maxQuoteErrors);
  return errors <= maxQuoteErrors ? { start, end, errors } : found;
}

/**
 * Finds the best match for `quote` in `text`, or null when no candidate is close
 * enough to be trusted (see MAX_QUOTE_ERROR_RATE and MAX_TOTAL_ERROR_RATE).
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;

  // Hypothesis' bound. The search costs O((maxErrors / 32) · text.length) and
  // approx-string-match only reports the lowest-error matches, so a generous bound
  // costs little and the real cut is made by the thresholds below.
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const candidates = exactMatches(text, quote);
  if (candidates.length === 0) candidates.push(...approxSearch(text, quote, maxErrors));

  // The global search reports only the best matches in the whole text, so an
  // exact copy of a repeated phrase elsewhere would hide the edited original.
  // A second search around the old position keeps the original in the running;
  // its prefix and suffix then decide. The window reaches as far as edits within
  // the quote's own context could have moved it.
  const hint = context.hint === undefined ? undefined : Math.min(Math.max(0, Math.round(context.hint)), text.length);
  if (hint !== undefined) {
    const reach = quote.length + 2 * (CONTEXT_LENGTH + CONTEXT_SLACK);
    const windowStart = Math.max(0, hint - reach);
    const windowEnd = Math.min(text.length, hint + quote.length + reach);
    for (const local of approxSearch(text.slice(windowStart, windowEnd), quote, maxErrors)) {
      candidates.push({ start: local.start + windowStart, end: local.end + windowStart, errors: local.errors });
    }
  }

  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const maxQuoteErrors = Math.floor(quote.length * MAX_QUOTE_ERROR_RATE);
  const maxTotalErrors = Math.floor((quote.length + prefix.length + suffix.length) * MAX_TOTAL_ERROR_RATE);

  // Points from the quote and the position are cheap to know; the context costs a
  // small alignment each, and a fuzzy candidate also an edge alignment. Visiting
  // candidates by their cheap points lets the loop below stop as soon as no
  // remaining candidate could win even with a perfect context.
  const quotePoints = (errors: number) => QUOTE_WEIGHT * (1 - errors / quote.length);
  const positionPoints = (start: number) =>
    POSITION_WEIGHT * (hint === undefined ? 1 : 1 - Math.abs(start - hint) / text.length);
  const ranked: Ranked[] = [];
  for (const { start, end, errors } of candidates) {
    if (errors <= maxQuoteErrors) ranked.push({ start, end, errors, points: quotePoints(errors) + positionPoints(start) });
  }
  ranked.sort((a, b) => b.points - a.points || a.start - b.start || a.end - b.end);

  // Points a context of `length` loses for `errors` errors, and the errors it can
  // afford before losing more than `points`.
  const loss = (errors: number, length: number, weight: number) => (length === 0 ? 0 : (errors / length) * weight);
  const affordable = (points: number, length: number, weight: number) =>
    length === 0 || points === Infinity ? Infinity : Math.floor((points * length) / weight + 1e-9);

  // Numeric keys: a Set of strings is measurably slow with thousands of candidates.
  const seen = new Set<number>();
  const key = (start: number, end: number) => start * (text.length + 1) + end;
  let best: Ranked | null = null;
  for (const found of ranked) {
    if (best !== null && found.points + PREFIX_WEIGHT + SUFFIX_WEIGHT < best.points) break;
    if (seen.has(key(found.start, found.end))) continue;
    seen.add(key(found.start, found.end));
    // Placing a fuzzy candidate's edges cannot bring its errors below the fewest the
    // search found in that stretch of text, so the ranking above stays an upper bound
    // (up to the few characters an edge moves, worth a negligible sliver of position).
    const { start, end, errors } = found.errors === 0 ? found : alignEdges(text, quote, { prefix, suffix }, found, maxQuoteErrors);
    if (start !== found.start || end !== found.end) {
      if (seen.has(key(start, end))) continue;
      seen.add(key(start, end));
    }
    const ceiling = quotePoints(errors) + positionPoints(start) + PREFIX_WEIGHT + SUFFIX_WEIGHT;
    if (best !== null && ceiling < best.points) continue;
    const spare = best === null ? Infinity : ceiling - best.points;
    const budget = maxTotalErrors - errors;

    const prefixLimit = Math.min(budget, affordable(spare, prefix.length, PREFIX_WEIGHT));
    const prefixErrors = contextErrors(prefix, text, start, -1, prefixLimit);
    if (prefixErrors > prefixLimit) continue;
    const prefixLoss = loss(prefixErrors, prefix.length, PREFIX_WEIGHT);

    const suffixLimit = Math.min(budget - prefixErrors, affordable(spare - prefixLoss, suffix.length, SUFFIX_WEIGHT));
    const suffixErrors = contextErrors(suffix, text, end, 1, suffixLimit);
    if (suffixErrors > suffixLimit) continue;

    const points = ceiling - prefixLoss - loss(suffixErrors, suffix.length, SUFFIX_WEIGHT);
    // On equal points the candidate earlier in the text wins.
    if (best === null || points > best.points || (points === best.points && start < best.start)) {
      best = { start, end, errors, points };
    }
  }
  if (best === null) return null;
  const maxPoints = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
  return { start: best.start, end: best.end, score: best.points / maxPoints };
}
