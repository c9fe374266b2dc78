/**
 * Posting lists: for each term id, the ascending doc numbers that contain it and a
 * packed per-field term frequency for each (fields.ts). Two layers:
 * - the base: three flat typed arrays (term offsets, doc numbers, frequencies), as
 *   built by compaction or mapped straight from the saved file (no per-term objects);
 * - appended postings per term for documents added since, in growable typed arrays.
 * Doc numbers only ever grow, so base + appended stays sorted, and adding a document
 * is a handful of array appends. Removed documents are skipped at query time until
 * the next compaction drops them.
 */

export interface AppendedList {
  docs: Int32Array;
  tfs: Uint32Array;
  length: number;
}

export interface BaseSegment {
  /** termStart[t] .. termStart[t + 1] is term t's range in docs/tfs; length = term count + 1. */
  termStart: Uint32Array;
  docs: Int32Array;
  tfs: Uint32Array;
}

const EMPTY_BASE: BaseSegment = { termStart: new Uint32Array(1), docs: new Int32Array(0), tfs: new Uint32Array(0) };

export class Postings {
  base: BaseSegment;
  private baseTermCount: number;
  private appended: (AppendedList | undefined)[] = [];
  private appendedCount = 0;

  constructor(base: BaseSegment = EMPTY_BASE) {
    this.base = base;
    this.baseTermCount = base.termStart.length - 1;
  }

  /** Postings in the base segment for `term`: [from, to) into base.docs / base.tfs. */
  baseFrom(term: number): number {
    return term < this.baseTermCount ? this.base.termStart[term]! : 0;
  }

  baseTo(term: number): number {
    return term < this.baseTermCount ? this.base.termStart[term + 1]! : 0;
  }

  appendedOf(term: number): AppendedList | undefined {
    return this.appended[term];
  }

  /** Number of postings of `term`, removed documents included. */
  count(term: number): number {
    return this.baseTo(term) - this.baseFrom(term) + (this.appended[term]?.length ?? 0);
  }

  /** Total postings held outside the base segment. */
  get appendedTotal(): number {
    return this.appendedCount;
  }

  get baseTotal(): number {
    return this.base.docs.length;
  }

  append(term: number, doc: number, packed: number): void {
    let list = this.appended[term];
    if (!list) {
      list = { docs: new Int32Array(4), tfs: new Uint32Array(4), length: 0 };
      this.appended[term] = list;
    } else if (list.length === list.docs.length) {
      const docs = new Int32Array(list.length * 2);
      docs.set(list.docs);
      const tfs = new Uint32Array(list.length * 2);
      tfs.set(list.tfs);
      list.docs = docs;
      list.tfs = tfs;
    }
    list.docs[list.length] = doc;
    list.tfs[list.length] = packed;
    list.length += 1;
    this.appendedCount += 1;
  }

  /**
   * A new base holding every posting of live documents, with documents and terms
   * renumbered: `docMap[old]` is the new doc number or −1 (removed); `termOrder`
   * lists old term ids in their new order. Both maps must preserve doc order.
   * Consumes this instance: appended lists are released as they are copied, so the
   * old and new postings are never both fully in memory.
   */
  compacted(docMap: Int32Array, termOrder: readonly number[]): Postings {
    const termStart = new Uint32Array(termOrder.length + 1);
    let total = 0;
    for (let t = 0; t < termOrder.length; t += 1) {
      termStart[t] = total;
      total += this.liveCount(termOrder[t]!, docMap);
    }
    termStart[termOrder.length] = total;
    const docs = new Int32Array(total);
    const tfs = new Uint32Array(total);
    let p = 0;
    for (const old of termOrder) {
      for (let i = this.baseFrom(old), end = this.baseTo(old); i < end; i += 1) {
        const mapped = docMap[this.base.docs[i]!]!;
        if (mapped >= 0) {
          docs[p] = mapped;
          tfs[p++] = this.base.tfs[i]!;
        }
      }
      const list = this.appended[old];
      if (list) {
        for (let i = 0; i < list.length; i += 1) {
          const mapped = docMap[list.docs[i]!]!;
          if (mapped >= 0) {
            docs[p] = mapped;
            tfs[p++] = list.tfs[i]!;
          }
        }
        this.appended[old] = undefined;
      }
    }
    return new Postings({ termStart, docs, tfs });
  }

  private liveCount(term: number, docMap: Int32Array): number {
    let n = 0;
    for (let i = this.baseFrom(term), end = this.baseTo(term); i < end; i += 1) if (docMap[this.base.docs[i]!]! >= 0) n += 1;
    const list = this.appended[term];
    if (list) for (let i = 0; i < list.length; i += 1) if (docMap[list.docs[i]!]! >= 0) n += 1;
    return n;
  }
}
