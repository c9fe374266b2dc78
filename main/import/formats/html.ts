/**
 * Saved web pages (.html, .htm): jsdom parses (no scripts run, nothing loads),
 * the page's metadata is read, Readability finds the main content, DOMPurify
 * sanitises it, and it is reduced to plain-text blocks.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { importWarning } from '../../../common/import-warnings.js';
import { withoutTitleHeading } from './blocks.js';
import { decodeHtml } from './html-charset.js';
import { plainBlocks, type ReducedBlock } from './html-blocks.js';
import { pageMetadata } from './html-metadata.js';
import { metaText } from './meta-fields.js';
import { article, ImportError, type Reader } from './parsed-article.js';
import { htmlToBlocks } from './sanitize.js';

/** Readability gives up on pages with less text than this; short pages fall back to the whole body. */
const CHAR_THRESHOLD = 200;

function parsePage(html: string): Document {
  // No url: relative links stay unresolved, and about:blank gives the page no origin to reach.
  return new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() }).window.document;
}

/** The main content as blocks: Readability's article, or the whole body when Readability finds none. */
function contentBlocks(doc: Document): { blocks: ReducedBlock[]; title?: string; byline?: string; siteName?: string } {
  const fallbackHtml = doc.body?.innerHTML ?? '';
  const result = new Readability(doc, { charThreshold: CHAR_THRESHOLD }).parse();
  const blocks = result?.content ? htmlToBlocks(result.content) : [];
  if (blocks.length > 0) {
    return { blocks, title: metaText(result?.title), byline: metaText(result?.byline), siteName: metaText(result?.siteName) };
  }
  return { blocks: htmlToBlocks(fallbackHtml), title: metaText(result?.title) };
}

export const readHtml: Reader = async (bytes, fileName, options) => {
  const { text, warnings } = decodeHtml(bytes, fileName, options.encoding);
  if (!text.trim()) throw new ImportError(fileName, 'there is no text in this file (it is blank)', { reason: 'no-text' });
  const doc = parsePage(text);
  const meta = pageMetadata(doc);
  const pageTitle = metaText(doc.title);
  const content = contentBlocks(doc);
  const title = meta.title ?? content.title ?? pageTitle ?? '';
  const blocks = withoutTitleHeading(plainBlocks(content.blocks), title);
  if (blocks.length === 0) throw new ImportError(fileName, 'no article text was found in this page', { reason: 'no-text' });
  if (meta.droppedLink) warnings.push(importWarning.linkDropped());
  return [
    article({
      title,
      blocks,
      author: meta.author ?? content.byline,
      source: meta.source ?? content.siteName,
      url: meta.url,
      published: meta.published,
      tags: meta.tags,
      warnings,
    }),
  ];
};
