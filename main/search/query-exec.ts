/**
 * Query execution over the postings: AND across query words, OR across each word's
 * expansion candidates, BM25F scores (per-field weights and length normalisation)
 * multiplied by the candidate's tier weight. A word's score in a document is its
 * best candidate's; a document's score is the sum over words. A document is
 * "approximate" when some word reached it only through typo candidates.
 *
 * Words run rarest-first so the surviving set shrinks early; a frequent term is then
 * probed by binary search for each survivor instead of being scanned end to end.
 * Scratch arrays are dense (one slot per doc number) and reused across queries, with
 * epoch stamps instead of clearing.
 */
import type { DocTable } from './doc-table.js';
import { FIELD_COUNT, FIELD_WEIGHT, fieldTf } from './fields.js';
import type { Postings } from './postings.js';
import type { TermDictionary } from './term-dictionary.js';

/** BM25 term-frequency saturation. */
const K1 = 1.2;
/** Probe by binary search when survivors × this < postings to scan. */
const PROBE_FACTOR = 16;
/** Binary searches allowed for a word's probe-only candidates (survivors × candidates). */
const PROBE_BUDGET = 300_000;

export interface TermCandidate {
  term: number;
  weight: number;
  typo: boolean;
  /** Scored as the rarest term whatever its frequency: a number in a citation (آل عمران ٥٦). */
  rare?: boolean;
}

/** BM25 inverse document frequency of a term held by `df` of `n` documents. */
export function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export interface WordPlan {
  candidates: TermCandidate[];
  /**
   * More candidates (type-ahead completions) that are only probed against the
   * documents matching every other word, never scanned: such a word runs last.
   */
  extended?: TermCandidate[];
}

export interface Matches {
  docs: Int32Array;
  scores: Float64Array;
  approximate: Uint8Array;
}

export interface IndexParts {
  postings: Postings;
  docs: DocTable;
  dict: TermDictionary;
}

export class QueryExecutor {
  private epoch = 0;
  private stamp = new Int32Array(0);
  private wordStamp = new Int32Array(0);
  private wordScore = new Float64Array(0);
  private wordConf = new Uint8Array(0);
  private total = new Float64Array(0);
  private conf = new Uint8Array(0);

  /** Documents matching every word, with scores; `words` must be non-empty. */
  run(parts: IndexParts, words: WordPlan[]): Matches {
    const { postings, docs, dict } = parts;
    this.ensure(docs.count);
    if (this.epoch > 0x3fffffff) {
      // Stamps only need to differ from the last few epochs; reset long before overflow.
      this.epoch = 0;
      this.stamp.fill(0);
      this.wordStamp.fill(0);
    }
    const n = Math.max(docs.liveCount, 1);
    const norms = docs.lengthNorms();
    const alive = docs.alive;
    const cost = (w: WordPlan) => w.candidates.reduce((sum, c) => sum + postings.count(c.term), 0);
    const ordered = [...words].sort((a, b) => (a.extended ? 1 : 0) - (b.extended ? 1 : 0) || cost(a) - cost(b));

    let survivors: Int32Array | null = null;
    let survivorCount = 0;
    for (let round = 0; round < ordered.length; round += 1) {
      const word = ordered[round]!;
      const roundEpoch = this.nextEpoch();
      const prevEpoch = roundEpoch - 1;
      const touched: number[] = [];
      // Probe-only candidates, within budget, most frequent first (the order given).
      const extra = round > 0 && word.extended ? word.extended.slice(0, Math.floor(PROBE_BUDGET / Math.max(1, survivorCount))) : [];
      const probeFrom = word.candidates.length;
      const all = extra.length > 0 ? [...word.candidates, ...extra] : word.candidates;
      for (let c = 0; c < all.length; c += 1) {
        const candidate = all[c]!;
        const df = dict.dfOf(candidate.term);
        if (df <= 0) continue;
        const idf = idfOf(n, candidate.rare ? 1 : df);
        const factor = candidate.weight * idf * (K1 + 1);
        const isConfident = candidate.typo ? 0 : 1;
        const visit = (doc: number, packed: number): void => {
          if (!alive[doc]) return;
          if (round > 0 && this.stamp[doc] !== prevEpoch) return;
          let tfw: number;
          if (packed < 256) {
            // Body only (the common case); the body's field weight is 1.
            tfw = packed * norms[doc * FIELD_COUNT]!;
          } else {
            tfw = 0;
            for (let f = 0; f < FIELD_COUNT; f += 1) {
              const tf = fieldTf(packed, f);
              if (tf) tfw += FIELD_WEIGHT[f]! * tf * norms[doc * FIELD_COUNT + f]!;
            }
          }
          const s = (factor * tfw) / (tfw + K1);
          if (this.wordStamp[doc] !== roundEpoch) {
            this.wordStamp[doc] = roundEpoch;
            this.wordScore[doc] = s;
            this.wordConf[doc] = isConfident;
            touched.push(doc);
          } else {
            if (s > this.wordScore[doc]!) this.wordScore[doc] = s;
            this.wordConf[doc]! |= isConfident;
          }
        };
        if (survivors && (c >= probeFrom || survivorCount * PROBE_FACTOR < postings.count(candidate.term))) {
          probe(postings, candidate.term, survivors, survivorCount, visit);
        } else {
          scan(postings, candidate.term, visit);
        }
      }
      // The docs that matched this word (and all earlier ones) survive to the next round.
      const next = new Int32Array(touched.length);
      for (let i = 0; i < touched.length; i += 1) {
        const doc = touched[i]!;
        next[i] = doc;
        this.stamp[doc] = roundEpoch;
        if (round === 0) {
          this.total[doc] = this.wordScore[doc]!;
          this.conf[doc] = this.wordConf[doc]!;
        } else {
          this.total[doc]! += this.wordScore[doc]!;
          this.conf[doc]! &= this.wordConf[doc]!;
        }
      }
      survivors = next.sort();
      survivorCount = next.length;
      if (survivorCount === 0) break;
    }
    const result = survivors ?? new Int32Array(0);
    const scores = new Float64Array(result.length);
    const approximate = new Uint8Array(result.length);
    for (let i = 0; i < result.length; i += 1) {
      scores[i] = this.total[result[i]!]!;
      approximate[i] = this.conf[result[i]!] ? 0 : 1;
    }
    return { docs: result, scores, approximate };
  }

  private nextEpoch(): number {
    this.epoch += 1;
    return this.epoch;
  }

  private ensure(size: number): void {
    if (this.stamp.length >= size) return;
    const n = Math.max(size, this.stamp.length * 2, 1024);
    this.stamp = new Int32Array(n);
    this.wordStamp = new Int32Array(n);
    this.wordScore = new Float64Array(n);
    this.wordConf = new Uint8Array(n);
    this.total = new Float64Array(n);
    this.conf = new Uint8Array(n);
    this.epoch = 0;
  }
}

export function scan(postings: Postings, term: number, visit: (doc: number, packed: number) => void): void {
  const { docs, tfs } = postings.base;
  for (let i = postings.baseFrom(term), end = postings.baseTo(term); i < end; i += 1) visit(docs[i]!, tfs[i]!);
  const list = postings.appendedOf(term);
  if (list) for (let i = 0; i < list.length; i += 1) visit(list.docs[i]!, list.tfs[i]!);
}

/** Binary-searches each survivor in the term's (sorted) postings. */
function probe(postings: Postings, term: number, survivors: Int32Array, count: number, visit: (doc: number, packed: number) => void): void {
  const { docs, tfs } = postings.base;
  const baseEnd = postings.baseTo(term);
  let lo = postings.baseFrom(term);
  const list = postings.appendedOf(term);
  let listLo = 0;
  // Survivors are sorted, so each search starts where the last one ended.
  for (let k = 0; k < count; k += 1) {
    const doc = survivors[k]!;
    lo = search(docs, lo, baseEnd, doc);
    if (lo < baseEnd && docs[lo] === doc) {
      visit(doc, tfs[lo]!);
      continue;
    }
    if (list) {
      listLo = search(list.docs, listLo, list.length, doc);
      if (listLo < list.length && list.docs[listLo] === doc) visit(doc, list.tfs[listLo]!);
    }
  }
}

function search(docs: Int32Array, from: number, to: number, doc: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
