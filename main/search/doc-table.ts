/**
 * Per-document bookkeeping, indexed by internal doc number: the metadata results and
 * filters need, the per-field token counts BM25 normalises by, and which numbers are
 * live. A document that is updated gets a new number (its old one is marked dead),
 * so doc numbers only grow until compaction renumbers them densely.
 */
import { normalizeForSearch } from '../../common/text/arabic.js';
import { FIELD_B, FIELD_COUNT } from './fields.js';

export interface DocMeta {
  id: string;
  externalId?: string;
  title: string;
  tags: string[];
  source: string;
  published: string | null;
  /** Colours of the document's highlights (one entry per highlight). */
  colors: string[];
}

/** Folded tag/source keys, so filters ignore harakat, hamza and ة/ه differences. */
export function filterKey(value: string): string {
  return normalizeForSearch(value).trim();
}

export class DocTable {
  metas: (DocMeta | null)[] = [];
  private tagKeys: (string[] | null)[] = [];
  private sourceKeys: (string | null)[] = [];
  alive = new Uint8Array(1024);
  lengths = new Uint32Array(1024 * FIELD_COUNT);
  private readonly lengthSums = new Float64Array(FIELD_COUNT);
  private readonly byId = new Map<string, number>();
  private live = 0;
  /** Per-field BM25 length factor per doc, rebuilt lazily when averages change. */
  private norms: Float32Array | null = null;

  get count(): number {
    return this.metas.length;
  }

  get liveCount(): number {
    return this.live;
  }

  numberOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  add(meta: DocMeta, lengths: ArrayLike<number>): number {
    const doc = this.metas.length;
    this.ensureCapacity(doc + 1);
    this.metas.push(meta);
    // Folded keys are computed on the first filter that needs them (keeps loading fast).
    this.tagKeys.push(null);
    this.sourceKeys.push(null);
    this.alive[doc] = 1;
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      this.lengths[doc * FIELD_COUNT + f] = lengths[f]!;
      this.lengthSums[f]! += lengths[f]!;
    }
    this.byId.set(meta.id, doc);
    this.live += 1;
    this.norms = null;
    return doc;
  }

  remove(doc: number): void {
    if (!this.alive[doc]) return;
    this.alive[doc] = 0;
    for (let f = 0; f < FIELD_COUNT; f += 1) this.lengthSums[f]! -= this.lengths[doc * FIELD_COUNT + f]!;
    const meta = this.metas[doc]!;
    if (this.byId.get(meta.id) === doc) this.byId.delete(meta.id);
    this.metas[doc] = null;
    this.tagKeys[doc] = null;
    this.sourceKeys[doc] = null;
    this.live -= 1;
    this.norms = null;
  }

  /** 1 / (1 − b + b·len/avg) for every (doc, field): BM25's length normalisation. */
  lengthNorms(): Float32Array {
    if (this.norms) return this.norms;
    const norms = new Float32Array(this.metas.length * FIELD_COUNT);
    const avg = new Float64Array(FIELD_COUNT);
    for (let f = 0; f < FIELD_COUNT; f += 1) avg[f] = this.live > 0 ? Math.max(this.lengthSums[f]! / this.live, 1) : 1;
    for (let doc = 0; doc < this.metas.length; doc += 1) {
      for (let f = 0; f < FIELD_COUNT; f += 1) {
        const b = FIELD_B[f]!;
        norms[doc * FIELD_COUNT + f] = 1 / (1 - b + (b * this.lengths[doc * FIELD_COUNT + f]!) / avg[f]!);
      }
    }
    this.norms = norms;
    return norms;
  }

  hasTag(doc: number, key: string): boolean {
    const meta = this.metas[doc];
    if (!meta) return false;
    const keys = (this.tagKeys[doc] ??= meta.tags.map(filterKey));
    return keys.includes(key);
  }

  sourceIs(doc: number, key: string): boolean {
    const meta = this.metas[doc];
    if (!meta) return false;
    return (this.sourceKeys[doc] ??= filterKey(meta.source)) === key;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.alive.length) return;
    const size = Math.max(n, this.alive.length * 2);
    const alive = new Uint8Array(size);
    alive.set(this.alive);
    this.alive = alive;
    const lengths = new Uint32Array(size * FIELD_COUNT);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}
