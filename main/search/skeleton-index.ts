/**
 * Latin consonant skeleton → Arabic terms of the archive (issue 9 item 6), built
 * lazily on the first Latin query and extended incrementally as the term
 * dictionary grows (terms are only ever appended; compaction makes a new
 * dictionary, hence a new index). Dead terms are filtered by the caller (df).
 */
import { arabicSkeletons } from '../../common/text/latin-skeleton.js';

export class SkeletonIndex {
  private readonly byKey = new Map<string, number[]>();
  private indexedUpTo = 0;

  constructor(
    private readonly termOf: (id: number) => string,
    private readonly termCount: () => number,
  ) {}

  /** Term ids whose skeleton is `key`. */
  lookup(key: string): readonly number[] {
    this.catchUp();
    return this.byKey.get(key) ?? [];
  }

  private catchUp(): void {
    const count = this.termCount();
    for (let id = this.indexedUpTo; id < count; id += 1) {
      for (const key of arabicSkeletons(this.termOf(id))) {
        const list = this.byKey.get(key);
        if (list) list.push(id);
        else this.byKey.set(key, [id]);
      }
    }
    this.indexedUpTo = count;
  }
}
