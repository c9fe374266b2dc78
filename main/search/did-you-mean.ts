/**
 * "Did you mean": when a query word reaches the archive only through typo
 * candidates, offer the query with that word replaced by its best correction,
 * spelled the way the archive writes it (الطابعه is how the index stores it; the
 * reader expects الطابعة).
 */
import { tokenize } from '../../common/text/tokenize.js';
import type { DocTable } from './doc-table.js';
import type { Postings } from './postings.js';
import type { QueryPlan } from './query-plan.js';
import type { TermDictionary } from './term-dictionary.js';
import type { TextStore } from './text-store.js';

// Harakat, Quranic marks, dagger alef, tatweel: left out of suggestions.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

export interface SpellingSource {
  dict: TermDictionary;
  postings: Postings;
  docs: DocTable;
  texts: TextStore;
}

/** A live document containing the term, or −1. */
function someDocWith(source: SpellingSource, term: number): number {
  const { postings, docs } = source;
  for (let i = postings.baseFrom(term), end = postings.baseTo(term); i < end; i += 1) if (docs.alive[postings.base.docs[i]!]) return postings.base.docs[i]!;
  const list = postings.appendedOf(term);
  if (list) for (let i = 0; i < list.length; i += 1) if (docs.alive[list.docs[i]!]) return list.docs[i]!;
  return -1;
}

/** How a normalized term is written in the archive, from a document containing it, without harakat. */
export function surfaceForm(source: SpellingSource, term: string): string {
  const id = source.dict.idOf(term);
  const doc = id < 0 ? -1 : someDocWith(source, id);
  if (doc < 0) return term;
  for (const text of [source.texts.canonical(doc), source.texts.extra(doc)]) {
    const token = tokenize(text).find((t) => t.norm === term);
    if (token) return text.slice(token.start, token.end).replace(MARKS, '');
  }
  return term;
}

export function didYouMean(source: SpellingSource, plan: QueryPlan): string | undefined {
  if (!plan.words.some((w) => w.correction !== null)) return undefined;
  const corrected = plan.typed.map((raw) => {
    const correction = plan.words.find((w) => w.raw === raw)?.correction;
    return correction ? surfaceForm(source, correction) : raw;
  });
  return [...corrected, ...plan.rawPhrases.map((p) => `"${p}"`)].join(' ');
}
