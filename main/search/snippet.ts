/**
 * Result snippets (reference §4.4): the passage of about 30 words of the canonical
 * text that covers the most distinct query words, then the most hits; highlight
 * offsets are relative to the snippet text and cover exactly the original characters
 * of each matched token (harakat included, thanks to the tokenizer's offset map).
 */
import type { Token } from '../../common/text/tokenize.js';
import type { Range, Snippet } from './types.js';

export const SNIPPET_WORDS = 30;
/** Words of context kept before the first hit when the window has room. */
const LEAD_WORDS = 4;
const ELLIPSIS = '… ';
const TRAILING_ELLIPSIS = ' …';

export interface Hit {
  /** Index into the token array. */
  token: number;
  /** Which query word (or phrase) it matched. */
  word: number;
  /** The matched candidate's tier weight: exact forms make the better passage. */
  weight: number;
}

/** Chooses the window [from, to) of tokens to show. */
export function chooseWindow(hits: readonly Hit[], tokenCount: number, wordCount: number): [number, number] {
  if (hits.length === 0) return [0, Math.min(SNIPPET_WORDS, tokenCount)];
  const inWindow = new Int32Array(Math.max(wordCount, 1));
  const exactInWindow = new Int32Array(Math.max(wordCount, 1));
  let distinct = 0;
  let distinctExact = 0;
  let bestFirst = 0;
  let bestLast = 0;
  let bestKey = -1;
  let weight = 0;
  let j = 0;
  // Two pointers over hits: hits[i..j) all fall within SNIPPET_WORDS tokens of hits[i].
  // Best: most distinct query words, then most words shown as typed, then the most
  // (tier-weighted) hits.
  for (let i = 0; i < hits.length; i += 1) {
    while (j < hits.length && hits[j]!.token < hits[i]!.token + SNIPPET_WORDS) {
      const hit = hits[j]!;
      if (inWindow[hit.word]++ === 0) distinct += 1;
      if (hit.weight >= 1 && exactInWindow[hit.word]++ === 0) distinctExact += 1;
      weight += hit.weight;
      j += 1;
    }
    const key = distinct * 1_000_000 + distinctExact * 1_000 + weight;
    if (key > bestKey) {
      bestKey = key;
      bestFirst = i;
      bestLast = j - 1;
    }
    const hit = hits[i]!;
    weight -= hit.weight;
    if (--inWindow[hit.word] === 0) distinct -= 1;
    if (hit.weight >= 1 && --exactInWindow[hit.word] === 0) distinctExact -= 1;
  }
  const first = hits[bestFirst]!.token;
  const last = hits[bestLast]!.token;
  const slack = SNIPPET_WORDS - (last - first + 1);
  let from = first - Math.min(LEAD_WORDS, slack);
  from = Math.max(0, Math.min(from, tokenCount - SNIPPET_WORDS));
  return [from, Math.min(tokenCount, from + SNIPPET_WORDS)];
}

/** Builds the snippet of `original` around `hits` (sorted by token index). */
export function buildSnippet(original: string, tokens: readonly Token[], hits: readonly Hit[], wordCount: number): Snippet {
  return placeSnippet(original, tokens, hits, wordCount).snippet;
}

export interface PlacedSnippet {
  snippet: Snippet;
  /** The first highlighted token of the snippet, in `original`: where the reader should scroll. */
  focus: Range | null;
  /** Distinct query words highlighted in the snippet. */
  words: number;
  /** Sum over those words of their best candidate weight (exact forms count most). */
  strength: number;
}

/** The snippet, and where in the original its first highlight lies (Enter opens the passage shown, issue 10). */
export function placeSnippet(original: string, tokens: readonly Token[], hits: readonly Hit[], wordCount: number, more?: { before: boolean; after: boolean }): PlacedSnippet {
  if (tokens.length === 0) return { snippet: { text: '', highlights: [] }, focus: null, words: 0, strength: 0 };
  const [from, to] = chooseWindow(hits, tokens.length, wordCount);
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  // `more`: the tokens are a slice of the text, which goes on before and/or after them.
  const lead = from > 0 || more?.before ? ELLIPSIS : '';
  // Newlines become spaces one for one, so offsets are unchanged.
  const text = lead + original.slice(start, end).replace(/[\n\r]/g, ' ') + (to < tokens.length || more?.after ? TRAILING_ELLIPSIS : '');
  const highlights: Range[] = [];
  let focus: Range | null = null;
  const words = new Map<number, number>();
  for (const hit of hits) {
    if (hit.token < from || hit.token >= to) continue;
    const token = tokens[hit.token]!;
    focus ??= { start: token.start, end: token.end };
    words.set(hit.word, Math.max(words.get(hit.word) ?? 0, hit.weight));
    highlights.push({ start: token.start - start + lead.length, end: token.end - start + lead.length });
  }
  let strength = 0;
  for (const w of words.values()) strength += w;
  return { snippet: { text, highlights }, focus, words: words.size, strength };
}
