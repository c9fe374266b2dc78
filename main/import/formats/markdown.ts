/**
 * Markdown reader (.md, .markdown): YAML front matter → metadata, then the
 * markdown-it token stream → blocks (headings, paragraphs, blockquotes → quote,
 * list items). No HTML is kept: inline and block HTML go through the sanitiser
 * and only their text survives; link targets are dropped, and an autolink whose
 * text is a script URL is dropped whole.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { Block, BlockKind } from '../../../common/types/article.js';
import { cleanText, pushBlock } from './blocks.js';
import { decodeTextFile } from './decode.js';
import { splitFrontMatter } from './front-matter.js';
import { plainBlocks, takeOpeningTitle, type ReducedBlock } from './html-blocks.js';
import { safeHttpUrl } from './meta-fields.js';
import { article, ImportError, type Reader } from './parsed-article.js';
import { htmlToBlocks } from './sanitize.js';

// html: true so raw HTML arrives as html_* tokens we can sanitise, instead of as literal "<script>" text.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
// Every link target is parsed as a link (and then dropped): a refused "javascript:" link would stay as literal text.
md.validateLink = () => true;

/**
 * Text of an inline run as HTML for the sanitiser: "&" is escaped, and so is
 * every "<" that cannot start a tag; a "<" that can is left for the HTML
 * parser, as a browser would, so tag-like text (even what CommonMark calls
 * invalid HTML, or a tag split by a code span) is removed, not kept as text.
 */
const asHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/<(?![A-Za-z/!?])/g, '&lt;');

/** The text of an inline token run; anything tag-like in it is sanitised and reduced to its text. */
function inlineText(children: readonly Token[] | null): string {
  if (!children) return '';
  let out = '';
  let skippingLink = false;
  for (const token of children) {
    if (skippingLink) {
      if (token.type === 'link_close') skippingLink = false;
      continue;
    }
    switch (token.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        out += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      case 'link_open':
        // An autolink's text is its URL: keep it only when it is a real web link.
        if (token.markup === 'autolink' && !safeHttpUrl(token.attrGet('href'))) skippingLink = true;
        break;
      default:
        // Images (alt text dropped), emphasis markers, link_close: no text of their own.
        break;
    }
  }
  if (!out.includes('<')) return cleanText(out);
  return cleanText(htmlToBlocks(asHtml(out)).map((block) => block.text).join(' '));
}

function reduceTokens(tokens: readonly Token[]): ReducedBlock[] {
  const blocks: ReducedBlock[] = [];
  const containers: BlockKind[] = [];
  const context = (): BlockKind => containers[containers.length - 1] ?? 'paragraph';
  let row: string[] | null = null;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'blockquote_open':
        containers.push('quote');
        break;
      case 'list_item_open':
        containers.push('list-item');
        break;
      case 'blockquote_close':
      case 'list_item_close':
        containers.pop();
        break;
      case 'heading_open': {
        const text = inlineText(tokens[i + 1]?.children ?? null);
        if (text) blocks.push({ kind: 'heading', text, level: Number(token.tag.slice(1)) });
        i += 2;
        break;
      }
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row) pushBlock(blocks, 'paragraph', row.filter(Boolean).join(' | '));
        row = null;
        break;
      case 'inline': {
        const text = inlineText(token.children);
        if (row) row.push(text);
        else pushBlock(blocks, context(), text);
        break;
      }
      case 'fence':
      case 'code_block':
        pushBlock(blocks, context(), token.content);
        break;
      case 'html_block':
        blocks.push(...htmlToBlocks(token.content, context()));
        break;
      default:
        break;
    }
  }
  return blocks;
}

export const readMarkdown: Reader = async (bytes, fileName, options) => {
  const { text, warnings } = decodeTextFile(bytes, fileName, options.encoding);
  if (!text.trim()) throw new ImportError(fileName, 'there is no text in this file (it is blank)', { reason: 'no-text' });
  const { meta, body } = splitFrontMatter(text, fileName);
  const reduced = reduceTokens(md.parse(body, {}));
  // Without a title in the front matter, an opening "# …" is the title.
  const opening = meta.title ? { title: meta.title, blocks: reduced } : takeOpeningTitle(reduced);
  const blocks: Block[] = plainBlocks(opening.blocks);
  if (blocks.length === 0) throw new ImportError(fileName, 'there is no article text in this file', { reason: 'no-text' });
  return [
    article({
      title: opening.title,
      blocks,
      source: meta.source,
      author: meta.author,
      url: meta.url,
      published: meta.published,
      tags: meta.tags,
      externalId: meta.externalId,
      warnings: [...warnings, ...meta.warnings],
    }),
  ];
};
