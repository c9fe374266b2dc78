/**
 * Canonical text ↔ what the reader shows ↔ DOM positions.
 *
 * The canonical text is the blocks joined by "\n\n" (design §4); every stored
 * offset points into it. Each block element of the reader holds exactly one text
 * node with that block's *display* text: the block's text itself, or — when the
 * reader hides diacritics — the text with its marks left out. Leaving marks out
 * never changes how letters join (marks are transparent to Arabic joining), and
 * the offsets still map both ways, so highlights, selections and find results
 * always speak canonical offsets.
 */
import { BLOCK_SEPARATOR, type Block } from '../../common/types/article.js';

/** Harakat, shadda, sukun, dagger alef, Quranic signs and annotation marks: what "hide diacritics" leaves out. */
const HIDDEN_MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/;

export function hasMarks(text: string): boolean {
  return HIDDEN_MARK.test(text);
}

const HIDDEN_MARKS = new RegExp(HIDDEN_MARK.source, 'g');
/** The text as the reader shows it with diacritics hidden (titles and other text outside the body). */
export function withoutMarks(text: string): string {
  return text.replace(HIDDEN_MARKS, '');
}

interface DisplayBlock {
  text: string;
  /** canonical (block-local) offset of each display boundary; null when display = canonical. */
  canonAt: Int32Array | null;
}

function displayOf(text: string, hideMarks: boolean): DisplayBlock {
  if (!hideMarks || !HIDDEN_MARK.test(text)) return { text, canonAt: null };
  const canonAt = new Int32Array(text.length + 1);
  let shown = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (HIDDEN_MARK.test(ch)) continue;
    canonAt[shown.length] = i;
    shown += ch;
  }
  canonAt[shown.length] = text.length;
  return { text: shown, canonAt: canonAt.slice(0, shown.length + 1) };
}

export class TextMap {
  /** Canonical offset where each block starts. */
  readonly starts: number[];
  readonly lengths: number[];
  readonly text: string;
  private readonly shown: DisplayBlock[];

  constructor(blocks: readonly Block[], hideMarks: boolean) {
    this.starts = [];
    this.lengths = [];
    let at = 0;
    for (const block of blocks) {
      this.starts.push(at);
      this.lengths.push(block.text.length);
      at += block.text.length + BLOCK_SEPARATOR.length;
    }
    this.text = blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
    this.shown = blocks.map((block) => displayOf(block.text, hideMarks));
  }

  get blockCount(): number {
    return this.starts.length;
  }

  display(index: number): string {
    return this.shown[index]?.text ?? '';
  }

  blockEnd(index: number): number {
    return (this.starts[index] ?? 0) + (this.lengths[index] ?? 0);
  }

  /** The last block starting at or before `offset` (for start boundaries). */
  blockAtOrBefore(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Display offset inside block `index` of a block-local canonical offset. */
  toDisplay(index: number, local: number): number {
    const map = this.shown[index]?.canonAt;
    if (!map) return local;
    let low = 0;
    let high = map.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((map[mid] as number) >= local) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** Block-local canonical offset of a display offset inside block `index`. */
  toLocal(index: number, display: number): number {
    const map = this.shown[index]?.canonAt;
    if (!map) return Math.min(display, this.lengths[index] ?? 0);
    return map[Math.max(0, Math.min(display, map.length - 1))] as number;
  }
}

/** The rendered blocks of one reader: element and text node per block index. */
export class DomText {
  constructor(
    readonly map: TextMap,
    readonly root: HTMLElement,
    readonly elements: HTMLElement[],
  ) {}

  static read(map: TextMap, root: HTMLElement): DomText {
    const elements: HTMLElement[] = [];
    for (const element of root.querySelectorAll<HTMLElement>('[data-block]')) elements[Number(element.dataset.block)] = element;
    return new DomText(map, root, elements);
  }

  private boundary(index: number, local: number): [Node, number] {
    const element = this.elements[index] as HTMLElement;
    const node = element.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) return [element, 0];
    return [node, Math.min(this.map.toDisplay(index, local), (node as Text).length)];
  }

  /** A DOM Range over [start, end) of the canonical text, or null when it covers no text. */
  range(start: number, end: number): Range | null {
    const { map } = this;
    if (map.blockCount === 0 || end <= start) return null;
    let first = map.blockAtOrBefore(start);
    let startLocal = start - (map.starts[first] as number);
    if (startLocal > (map.lengths[first] as number)) {
      // Starts in the separator: begin at the next block.
      first += 1;
      startLocal = 0;
      if (first >= map.blockCount) return null;
    }
    let last = map.blockAtOrBefore(Math.max(start, end - 1));
    const endLocal = Math.min(end - (map.starts[last] as number), map.lengths[last] as number);
    if (last < first) last = first;
    if (!this.elements[first] || !this.elements[last]) return null;
    const range = document.createRange();
    range.setStart(...this.boundary(first, startLocal));
    range.setEnd(...this.boundary(last, Math.max(0, endLocal)));
    return range.collapsed ? null : range;
  }

  /** The block index an element or text node belongs to, if it is inside a block. */
  private blockOf(node: Node): number | null {
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    const block = element?.closest<HTMLElement>('[data-block]');
    if (!block || !this.root.contains(block)) return null;
    return Number(block.dataset.block);
  }

  /**
   * The canonical offset of a DOM boundary point. Points between blocks (or
   * outside the article) go to the next block's start ('start') or the previous
   * block's end ('end').
   */
  offsetOf(container: Node, offset: number, bias: 'start' | 'end'): number {
    const { map } = this;
    const index = this.blockOf(container);
    if (index !== null) {
      const element = this.elements[index] as HTMLElement;
      if (container.nodeType === Node.TEXT_NODE && container.parentNode === element) {
        return (map.starts[index] as number) + map.toLocal(index, offset);
      }
      return offset === 0 && container === element ? (map.starts[index] as number) : map.blockEnd(index);
    }
    // Binary search for the first block that begins after the point.
    const point = document.createRange();
    point.setStart(container, offset);
    let low = 0;
    let high = this.elements.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (point.comparePoint(this.elements[mid] as HTMLElement, 0) >= 0) high = mid;
      else low = mid + 1;
    }
    if (bias === 'start') return low < map.blockCount ? (map.starts[low] as number) : map.text.length;
    return low > 0 ? map.blockEnd(low - 1) : 0;
  }

  /** The canonical range a DOM range covers inside the article, whitespace trimmed; null if none. */
  rangeOf(range: Range): { start: number; end: number } | null {
    if (!range.intersectsNode(this.root)) return null;
    let start = this.offsetOf(range.startContainer, range.startOffset, 'start');
    let end = this.offsetOf(range.endContainer, range.endOffset, 'end');
    const text = this.map.text;
    while (start < end && /\s/.test(text[start] as string)) start += 1;
    while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
    return end > start ? { start, end } : null;
  }

  /** The canonical offset under a viewport point, via the caret APIs; null outside the text. */
  offsetAtPoint(x: number, y: number): number | null {
    let node: Node | null = null;
    let offset = 0;
    if (typeof document.caretPositionFromPoint === 'function') {
      const position = document.caretPositionFromPoint(x, y);
      node = position?.offsetNode ?? null;
      offset = position?.offset ?? 0;
    } else if (typeof document.caretRangeFromPoint === 'function') {
      const range = document.caretRangeFromPoint(x, y);
      node = range?.startContainer ?? null;
      offset = range?.startOffset ?? 0;
    }
    if (!node || this.blockOf(node) === null) return null;
    return this.offsetOf(node, offset, 'start');
  }
}

/** True when a viewport point lies inside one of the range's boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number, slop = 1): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - slop && x <= rect.right + slop && y >= rect.top - slop && y <= rect.bottom + slop) return true;
  }
  return false;
}
