/**
 * Reduces a (sanitised) HTML tree to article blocks: h1–h6 → heading, p →
 * paragraph, blockquote → quote, li → list-item, other containers → paragraphs
 * of their loose text. Only text nodes are read; elements whose content is not
 * prose (script, style, textarea, iframe, svg, …) are skipped outright, so even
 * markup that survived as text inside them never reaches an article.
 */
import type { Block, BlockKind } from '../../../common/types/article.js';
import { cleanText } from './blocks.js';

export interface ReducedBlock extends Block {
  /** 1–6 for headings from h1–h6. */
  level?: number;
}

// Plain numbers: the Node global `Node` does not exist outside a DOM.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article text. */
export const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'button', 'input',
  'form', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'svg', 'math', 'canvas', 'audio', 'video',
  'source', 'track', 'img', 'picture', 'map', 'area', 'head', 'title', 'meta', 'link', 'base', 'xmp', 'noembed', 'noframes',
  'plaintext', 'dialog', 'menu', 'slot',
]);

/** Elements that start a new block (everything else is inline and flows into the current one). */
const BLOCK_ELEMENTS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'legend', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  localName?: string | null;
  data?: string;
}

class Reducer {
  readonly blocks: ReducedBlock[] = [];
  private buffer = '';

  flush(kind: BlockKind, level?: number): void {
    const text = cleanText(this.buffer);
    this.buffer = '';
    if (!text) return;
    this.blocks.push(level === undefined ? { kind, text } : { kind, text, level });
  }

  walk(node: DomNode, kind: BlockKind, level?: number): void {
    for (let i = 0; i < node.childNodes.length; i += 1) {
      const child = node.childNodes[i]!;
      if (child.nodeType === TEXT_NODE) {
        this.buffer += child.data ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child.localName ?? '').toLowerCase();
      if (SKIPPED_ELEMENTS.has(tag)) continue;
      if (tag === 'br') {
        // A line break inside a paragraph is, in saved pages, almost always a paragraph break.
        this.flush(kind, level);
        continue;
      }
      if (!BLOCK_ELEMENTS.has(tag)) {
        this.walk(child, kind, level);
        continue;
      }
      this.flush(kind, level);
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) {
        const headingLevel = Number(heading[1]);
        this.walk(child, 'heading', headingLevel);
        this.flush('heading', headingLevel);
      } else if (tag === 'blockquote') {
        this.walk(child, 'quote');
        this.flush('quote');
      } else if (tag === 'li') {
        this.walk(child, 'list-item');
        this.flush('list-item');
      } else {
        this.walk(child, kind, level);
        this.flush(kind, level);
      }
    }
  }
}

/** The blocks of a DOM subtree; `context` is the kind loose text gets (paragraph, or quote inside a quote). */
export function blocksFromDom(root: DomNode, context: BlockKind = 'paragraph'): ReducedBlock[] {
  const reducer = new Reducer();
  reducer.walk(root, context);
  reducer.flush(context);
  return reducer.blocks;
}

/** Plain blocks (heading levels dropped). */
export function plainBlocks(blocks: readonly ReducedBlock[]): Block[] {
  return blocks.map(({ kind, text }) => ({ kind, text }));
}

/**
 * Takes an opening h1 (a document title, as docx "Title"/"Heading 1" and
 * markdown "# …" give it) off the blocks.
 */
export function takeOpeningTitle(blocks: readonly ReducedBlock[]): { title: string; blocks: ReducedBlock[] } {
  const first = blocks[0];
  if (first && first.kind === 'heading' && first.level === 1) return { title: first.text, blocks: blocks.slice(1) };
  return { title: '', blocks: [...blocks] };
}
