/**
 * Renders an article's blocks as text (never HTML): headings, paragraphs, quotes
 * and lists, each block with its own direction so mixed Arabic/English lines read
 * right. Consecutive list items share one list.
 *
 * Every block element carries data-block=<index> and holds exactly ONE text node
 * (its display text, see text-map.ts): highlights are painted over it with the CSS
 * Custom Highlight API, so no element is ever inserted into a word.
 */
import { forwardRef, memo, type ReactNode } from 'react';
import type { Block } from '../../common/types/article.js';
import type { TextMap } from './text-map.js';

function groupListItems(blocks: readonly Block[]): Array<number | number[]> {
  const groups: Array<number | number[]> = [];
  blocks.forEach((block, index) => {
    const last = groups[groups.length - 1];
    if (block.kind === 'list-item' && Array.isArray(last)) last.push(index);
    else groups.push(block.kind === 'list-item' ? [index] : index);
  });
  return groups;
}

function renderBlock(block: Block, index: number, text: string): ReactNode {
  // elementtiming on the first block: the Element Timing API then reports when the
  // text (and the highlights painted with it, in the same frame) reached the screen.
  const props = { dir: 'auto' as const, 'data-block': index, tabIndex: -1, ...(index === 0 ? { elementtiming: 'qirtas-article-text' } : {}) };
  switch (block.kind) {
    case 'heading':
      return <h2 key={index} {...props}>{text}</h2>;
    case 'quote':
      return <blockquote key={index} {...props}>{text}</blockquote>;
    case 'list-item':
      return <li key={index} {...props}>{text}</li>;
    default:
      return <p key={index} {...props}>{text}</p>;
  }
}

export const ArticleBody = memo(
  forwardRef<HTMLElement, { blocks: readonly Block[]; map: TextMap }>(function ArticleBody({ blocks, map }, ref) {
    return (
      <article ref={ref} className="reader-text" dir="rtl" lang="ar">
        {groupListItems(blocks).map((group) =>
          Array.isArray(group) ? (
            <ul key={`list-${group[0]}`}>{group.map((index) => renderBlock(blocks[index] as Block, index, map.display(index)))}</ul>
          ) : (
            renderBlock(blocks[group] as Block, group, map.display(group))
          ),
        )}
      </article>
    );
  }),
);
