/**
 * Never empty-handed (issue 9 item 4): when the strict all-words match finds
 * nothing or very little, documents are ranked by how many query words they
 * hold, each word weighted by its rarity (the best idf among its candidates), so
 * a stray fragment, an emoji or a common word cannot empty the result or
 * dominate it. Returns, per document, the words it holds (a bit mask) for the
 * "partial: n of m words" line. Scans the postings of every candidate once.
 */
import { FIELD_COUNT, FIELD_WEIGHT, fieldTf } from './fields.js';
import { idfOf, type IndexParts, scan, type WordPlan } from './query-exec.js';

const K1 = 1.2;
/** Words tracked in the mask (a pasted passage longer than this counts its tail in coverage only). */
export const MASK_WORDS = 32;

export interface PartialMatches {
  docs: Int32Array;
  /** Rarity-weighted share of the query's words the document holds, in (0, 1]. */
  coverage: Float64Array;
  scores: Float64Array;
  approximate: Uint8Array;
  /** Bit w set: the document holds query word w (w < MASK_WORDS). */
  masks: Uint32Array;
}

/**
 * Documents holding at least one of `words` (those with candidates), except those
 * in `skip`. `missingWeight` is the rarity weight of the query's words that match
 * nothing at all (they count against every document's coverage).
 */
export function runPartial(parts: IndexParts, words: readonly WordPlan[], wordIndex: readonly number[], missingWeight: number, skip: ReadonlySet<number>): PartialMatches {
  const { postings, docs, dict } = parts;
  const n = Math.max(docs.liveCount, 1);
  const norms = docs.lengthNorms();
  const rarity = words.map((w) => Math.max(0, ...w.candidates.map((c) => idfOf(n, c.rare ? 1 : Math.max(1, dict.dfOf(c.term))))));
  const totalRarity = rarity.reduce((a, b) => a + b, 0) + missingWeight;
  const perDoc = new Map<number, { covered: number; score: number; mask: number; confident: number; held: number }>();
  words.forEach((word, w) => {
    const seen = new Map<number, number>();
    const confident = new Set<number>();
    for (const candidate of word.candidates) {
      const df = dict.dfOf(candidate.term);
      if (df <= 0) continue;
      const factor = candidate.weight * idfOf(n, candidate.rare ? 1 : df) * (K1 + 1);
      scan(postings, candidate.term, (doc, packed) => {
        if (!docs.alive[doc] || skip.has(doc)) return;
        let tfw = 0;
        for (let f = 0; f < FIELD_COUNT; f += 1) {
          const tf = fieldTf(packed, f);
          if (tf) tfw += FIELD_WEIGHT[f]! * tf * norms[doc * FIELD_COUNT + f]!;
        }
        const s = (factor * tfw) / (tfw + K1);
        if (s > (seen.get(doc) ?? -1)) seen.set(doc, s);
        if (!candidate.typo) confident.add(doc);
      });
    }
    const bit = wordIndex[w]! < MASK_WORDS ? 1 << wordIndex[w]! : 0;
    for (const [doc, s] of seen) {
      let entry = perDoc.get(doc);
      if (!entry) perDoc.set(doc, (entry = { covered: 0, score: 0, mask: 0, confident: 0, held: 0 }));
      entry.covered += rarity[w]!;
      entry.score += s;
      entry.mask |= bit;
      entry.held += 1;
      if (confident.has(doc)) entry.confident += 1;
    }
  });
  const size = perDoc.size;
  const out: PartialMatches = {
    docs: new Int32Array(size),
    coverage: new Float64Array(size),
    scores: new Float64Array(size),
    approximate: new Uint8Array(size),
    masks: new Uint32Array(size),
  };
  let i = 0;
  for (const [doc, entry] of perDoc) {
    out.docs[i] = doc;
    out.coverage[i] = totalRarity > 0 ? entry.covered / totalRarity : 0;
    out.scores[i] = entry.score;
    out.approximate[i] = entry.confident < entry.held ? 1 : 0;
    out.masks[i] = entry.mask >>> 0;
    i += 1;
  }
  return out;
}
