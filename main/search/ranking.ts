/**
 * Result order: confident matches before approximate (typo-only) ones, then by score.
 * A binary heap yields matches best-first in O(n + k log n), so taking the top 20 of
 * 50,000 matches — or verifying phrases one by one until 20 pass — never sorts
 * everything.
 */

export class RankedMatches {
  private readonly heap: Int32Array;
  private size: number;

  /** `order` lists the match indices to rank (already filtered). */
  constructor(
    private readonly scores: Float64Array,
    private readonly approximate: Uint8Array,
    order: Int32Array,
  ) {
    this.heap = order;
    this.size = order.length;
    for (let i = (this.size >> 1) - 1; i >= 0; i -= 1) this.siftDown(i);
  }

  /** The next best match index, or −1 when exhausted. */
  next(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.size -= 1;
    if (this.size > 0) {
      this.heap[0] = this.heap[this.size]!;
      this.siftDown(0);
    }
    return top;
  }

  private better(a: number, b: number): boolean {
    const aa = this.approximate[a]!;
    const ab = this.approximate[b]!;
    if (aa !== ab) return aa < ab;
    return this.scores[a]! > this.scores[b]!;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      let best = left;
      const right = left + 1;
      if (right < this.size && this.better(heap[right]!, heap[left]!)) best = right;
      if (!this.better(heap[best]!, heap[i]!)) return;
      const tmp = heap[i]!;
      heap[i] = heap[best]!;
      heap[best] = tmp;
      i = best;
    }
  }
}
