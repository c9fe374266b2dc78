/**
 * How library titles, sources and authors are ordered (issue 10): Arabic
 * alphabetical order that ignores diacritics, tatweel, hamza seats and a leading
 * definite article (ال, and English the/a/an), with numbers in numeric order.
 * Keys are folded with the same normalisation as search, so the list, the filter
 * box and search agree on what "the same word" is. Pure: shared by the core, the
 * renderer and the CLI.
 */
import { ARTICLE_EXCEPTIONS } from '../text/affixes.js';
import { normalizeForSearch } from '../text/arabic.js';

const LATIN_ARTICLES = new Set(['the', 'a', 'an']);

/** Folded text: diacritics, tatweel, alef/hamza forms, ة/ه, ى/ي, case, punctuation and digit shapes ignored. */
export function foldText(text: string): string {
  return normalizeForSearch(text).trim();
}

/** Drops a leading ال from a folded word (never from الله, التي… nor leaving fewer than two letters). */
export function stripArticle(word: string): string {
  if (word.length >= 4 && word.startsWith('ال') && !ARTICLE_EXCEPTIONS.has(word)) return word.slice(2);
  return word;
}

/** The key a title (or a source, an author) sorts by: folded, its first word without its article. */
export function collationKey(text: string): string {
  const folded = foldText(text);
  const space = folded.indexOf(' ');
  const first = space < 0 ? folded : folded.slice(0, space);
  if (space > 0 && LATIN_ARTICLES.has(first)) return folded.slice(space + 1);
  const stripped = stripArticle(first);
  return stripped === first ? folded : stripped + folded.slice(first.length);
}

/** Arabic collation (Arabic script before Latin, as CLDR orders it for ar), numbers by value. */
export const keyCollator = new Intl.Collator('ar', { sensitivity: 'base', numeric: true });

/** Compares two texts as the library sorts them (for small lists; large ones use RankTable). */
export function compareForLibrary(a: string, b: string): number {
  return keyCollator.compare(collationKey(a), collationKey(b));
}
