/**
 * A growable buffer of normalized UTF-16 units with, for each unit, the original
 * span it came from (arabic-search.md §4.2, the dense map). Typed arrays instead
 * of string concatenation: normalization runs over every article of the archive.
 */

export interface Normalized {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

// Chunked so that `apply` never receives more arguments than the engine's stack allows.
const CHUNK = 8192;

/**
 * Builds a string from `units[from, to)`. Copying into a plain array before
 * `String.fromCharCode.apply` measured faster than passing the typed array.
 */
export function unitsToString(units: Uint16Array, from: number, to: number): string {
  let result = '';
  for (let i = from; i < to; i += CHUNK) {
    const stop = Math.min(to, i + CHUNK);
    const codes = new Array<number>(stop - i);
    for (let k = i; k < stop; k += 1) codes[k - i] = units[k];
    result += String.fromCharCode.apply(null, codes);
  }
  return result;
}

/** Above this capacity a builder gives its scratch memory back after use (one huge paste must not pin it). */
const KEEP_CAPACITY = 1 << 20;

/**
 * Meant to be reused as a module-level scratch buffer (`reset`, fill, `finish`):
 * allocating three typed arrays per article cost more than normalizing it.
 */
export class OffsetBuilder {
  units: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.units = new Uint16Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
  }

  private allocate(size: number): void {
    this.units = new Uint16Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
  }

  /** Empties the builder and makes room for about `capacity` units. */
  reset(capacity: number): void {
    this.length = 0;
    if (this.units.length < capacity || this.units.length > Math.max(KEEP_CAPACITY, capacity * 2)) {
      this.allocate(Math.max(16, capacity));
    }
  }

  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow();
    const i = this.length;
    this.units[i] = unit;
    this.start[i] = start;
    this.end[i] = end;
    this.length = i + 1;
  }

  /** The last unit pushed, or -1. */
  last(): number {
    return this.length === 0 ? -1 : this.units[this.length - 1];
  }

  /**
   * Extends the highlight of the last emitted source character to `end`: every
   * trailing unit that came from that same character (an expansion such as ﻻ → لا)
   * so that a glyph never loses its marks, whichever of its units is matched.
   */
  attachToLast(end: number): void {
    let j = this.length - 1;
    const source = this.start[j];
    while (j >= 0 && this.start[j] === source && this.units[j] !== 0x20) {
      this.end[j] = end;
      j -= 1;
    }
  }

  /** The result, copied out of the scratch arrays. */
  finish(): Normalized {
    const n = this.length;
    return { text: unitsToString(this.units, 0, n), start: this.start.slice(0, n), end: this.end.slice(0, n) };
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    units.set(this.units);
    const start = new Int32Array(size);
    start.set(this.start);
    const end = new Int32Array(size);
    end.set(this.end);
    this.units = units;
    this.start = start;
    this.end = end;
  }
}
