/**
 * Pure fuzzy quote search (design §4): finds where a stored quote now sits in a
 * text that may have changed, using the stored prefix, suffix and old position to
 * choose between candidates. Follows Hypothesis' match-quote (exact fast path,
 * approx-string-match fallback, weighted scoring) and adds two things an edited
 * local archive needs: a candidate search near the old position, and a rejection
 * threshold so a deleted passage becomes an orphan instead of a wrong highlight.
 */
import approxSearch from 'approx-string-match';

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
 * are usually a word or two; unrelated Arabic prose of the same length is rarely
 * under ~40% apart, so 30% keeps genuine edits and rejects look-alikes.
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
 * Edits needed to turn `context` into text that touches the candidate: with
 * direction 1 the text starting at `from` (suffix), with direction -1 the text ending
 * at `from` (prefix). The far end is free, so it compares the context with the
 * nearest stretch of text rather than a fixed-width window. Plain O(m·n) dynamic
 * programming: m is at most CONTEXT_LENGTH for stored selectors.
 */
function contextErrors(context: string, text: string, from: number, direction: 1 | -1): number {
  const m = context.length;
  const n = Math.min(m + CONTEXT_SLACK, direction === 1 ? text.length - from : from);
  const contextAt = direction === 1 ? (i: number) => context.charCodeAt(i) : (i: number) => context.charCodeAt(m - 1 - i);
  const textAt = direction === 1 ? (j: number) => text.charCodeAt(from + j) : (j: number) => text.charCodeAt(from - 1 - j);
  let previous = new Uint32Array(n + 1);
  let current = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= m; i += 1) {
    current[0] = i;
    const c = contextAt(i - 1);
    for (let j = 1; j <= n; j += 1) {
      const substitution = previous[j - 1] + (c === textAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = m;
  for (let j = 0; j <= n; j += 1) best = Math.min(best, previous[j]);
  return best;
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
  // its prefix and suffix then decide.
  const hint = context.hint === undefined ? undefined : Math.min(Math.max(0, Math.round(context.hint)), text.length);
  if (hint !== undefined) {
    const reach = quote.length + 2 * CONTEXT_SLACK + 64;
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
  const maxScore = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  let best: QuoteMatch | null = null;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const key = `${candidate.start}:${candidate.end}`;
    if (seen.has(key) || candidate.errors > maxQuoteErrors) continue;
    seen.add(key);
    const prefixErrors = prefix ? contextErrors(prefix, text, candidate.start, -1) : 0;
    const suffixErrors = suffix ? contextErrors(suffix, text, candidate.end, 1) : 0;
    if (candidate.errors + prefixErrors + suffixErrors > maxTotalErrors) continue;

    const quoteScore = 1 - candidate.errors / quote.length;
    const prefixScore = prefix ? 1 - prefixErrors / prefix.length : 1;
    const suffixScore = suffix ? 1 - suffixErrors / suffix.length : 1;
    const positionScore = hint === undefined ? 1 : 1 - Math.abs(candidate.start - hint) / text.length;
    const score =
      (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
      maxScore;
    // Candidates are visited in text order, so on equal scores the earlier one wins.
    if (best === null || score > best.score) best = { start: candidate.start, end: candidate.end, score };
  }
  return best;
}
