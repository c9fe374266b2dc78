/**
 * Renders an article's blocks as text (never HTML): headings, paragraphs, quotes
 * and lists, each block with its own direction so mixed Arabic/English lines read
 * right. Consecutive list items share one list.
 */
import type { ReactNode } from 'react';
import type { Block } from '../../common/types/article.js';

function groupListItems(blocks: readonly Block[]): Array<Block | Block[]> {
  const groups: Array<Block | Block[]> = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (block.kind === 'list-item' && Array.isArray(last)) last.push(block);
    else groups.push(block.kind === 'list-item' ? [block] : block);
  }
  return groups;
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case 'heading':
      return (
        <h2 key={key} dir="auto">
          {block.text}
        </h2>
      );
    case 'quote':
      return (
        <blockquote key={key} dir="auto">
          {block.text}
        </blockquote>
      );
    default:
      return (
        <p key={key} dir="auto">
          {block.text}
        </p>
      );
  }
}

export function ArticleBody({ blocks }: { blocks: readonly Block[] }) {
  return (
    <article className="reader-text" dir="rtl" lang="ar">
      {groupListItems(blocks).map((group, index) =>
        Array.isArray(group) ? (
          <ul key={index}>
            {group.map((item, itemIndex) => (
              <li key={itemIndex} dir="auto">
                {item.text}
              </li>
            ))}
          </ul>
        ) : (
          renderBlock(group, index)
        ),
      )}
    </article>
  );
}
