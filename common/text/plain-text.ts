/**
 * Turns plain text (one paragraph per line, as news sites and the seed article
 * give it) into article blocks and a suggested title. Pure: used by the importer
 * in main/ and free to run anywhere.
 */
import type { Block } from '../types/article.js';

/** A heading is short: at most this many characters… */
const HEADING_MAX_CHARS = 80;
/** …and at most this many words. */
const HEADING_MAX_WORDS = 12;
/** Titles longer than this are cut at a word boundary. */
const TITLE_MAX_CHARS = 90;

// Sentence-closing punctuation (Latin and Arabic) and closing quotes/brackets: a line
// ending in one of these is prose, not a heading.
const CLOSING_PUNCTUATION = /[.!?؟…:؛;,،"”»’)\]]$/u;
const LIST_MARKER = /^(?:[-*•▪●]|\d+[.)]|[٠-٩]+[.)])\s+/u;
const QUOTE_MARKER = /^>\s?/;

function looksLikeHeading(line: string): boolean {
  return (
    line.length <= HEADING_MAX_CHARS &&
    line.split(/\s+/).length <= HEADING_MAX_WORDS &&
    !CLOSING_PUNCTUATION.test(line) &&
    !LIST_MARKER.test(line) &&
    !QUOTE_MARKER.test(line)
  );
}

/** Splits text into trimmed non-empty lines, whatever the line endings. */
function contentLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * One block per line. A short line without closing punctuation that is followed
 * by a longer line of prose becomes a heading; "- " lines are list items and "> "
 * lines quotes.
 */
export function parsePlainText(text: string): Block[] {
  const lines = contentLines(text);
  return lines.map((line, index): Block => {
    if (QUOTE_MARKER.test(line)) return { kind: 'quote', text: line.replace(QUOTE_MARKER, '') };
    if (LIST_MARKER.test(line)) return { kind: 'list-item', text: line.replace(LIST_MARKER, '') };
    const next = lines[index + 1];
    if (next !== undefined && looksLikeHeading(line) && !looksLikeHeading(next)) {
      return { kind: 'heading', text: line };
    }
    return { kind: 'paragraph', text: line };
  });
}

/** Cuts text at a word boundary so it fits in `max` characters, marking the cut with "…". */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max);
  const lastSpace = slice.lastIndexOf(' ');
  const cut = lastSpace > max / 2 ? slice.slice(0, lastSpace) : slice;
  return `${cut.replace(/[\s،,؛;:]+$/u, '')}…`;
}

/** The first sentence of a paragraph (up to . ! ? ؟ or the end). */
function firstSentence(text: string): string {
  const match = /^.*?[.!?؟](?=\s|$)/su.exec(text);
  return (match ? match[0] : text).trim();
}

/** The title a reader would expect: the opening heading, else the first sentence, cut to a sensible length. */
export function suggestTitle(blocks: readonly Block[]): string {
  const first = blocks[0];
  if (!first) return '';
  const candidate = first.kind === 'heading' ? first.text : firstSentence(first.text);
  return cutAtWord(candidate.replace(/[.!?؟]$/u, ''), TITLE_MAX_CHARS);
}
