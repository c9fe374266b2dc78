/**
 * Small helpers every reader uses to turn extracted strings into clean
 * plain-text blocks: one whitespace policy (collapse, trim, NFC — §5.2 step 8)
 * and one rule for an opening heading that merely repeats the title.
 */
import type { Block, BlockKind } from '../../../common/types/article.js';

// C0/C1 controls other than whitespace: never legitimate inside an article's text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

/** Collapses whitespace (including no-break spaces and line separators) and NFC-normalises. */
export function cleanText(text: string): string {
  return text.replace(CONTROLS, '').replace(/\s+/gu, ' ').trim().normalize('NFC');
}

/** Appends a block unless its cleaned text is empty. */
export function pushBlock(blocks: Block[], kind: BlockKind, text: string): void {
  const clean = cleanText(text);
  if (clean) blocks.push({ kind, text: clean });
}

/** Paragraphs of a plain body: separated by blank lines, single newlines inside a paragraph become spaces. */
export function paragraphsOf(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n[ \t\u00A0]*\n/)) pushBlock(blocks, 'paragraph', chunk);
  return blocks;
}

/** Removes an opening heading that only repeats the title (the title is shown on its own). */
export function withoutTitleHeading(blocks: Block[], title: string): Block[] {
  const first = blocks[0];
  if (first && first.kind === 'heading' && cleanText(title) !== '' && first.text === cleanText(title)) return blocks.slice(1);
  return blocks;
}
