/**
 * In-article find (reference §4.6): every occurrence of the query in a text, with the
 * same folding as search, as ranges of the ORIGINAL text (harakat after a matched
 * letter included, invisible controls excluded). A match may start inside a word, so
 * «مفاوضات» is found inside «والمفاوضات».
 */
import { normalize, normalizeExact, normalizeForSearch, type Normalized, toOriginalRange } from '../../common/text/arabic.js';
import type { Range } from './types.js';

const MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/;
const MARKS = new RegExp(MARK.source, 'g');

/** Removes marks from an exact normalization, attaching each to the letter before it. */
function withoutMarks(n: Normalized): Normalized {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < n.text.length; i += 1) {
    if (MARK.test(n.text[i]!)) {
      if (end.length > 0) end[end.length - 1] = n.end[i]!;
      continue;
    }
    text += n.text[i];
    start.push(n.start[i]!);
    end.push(n.end[i]!);
  }
  return { text, start: Int32Array.from(start), end: Int32Array.from(end) };
}

/**
 * Exact mode keeps hamza seats, ى/ي and ة/ه as typed; harakat count only when the
 * query has some (an unvoweled query still finds voweled text).
 */
export function findInText(text: string, query: string, exact = false): Range[] {
  let haystack: Normalized;
  let needle: string;
  if (exact) {
    needle = normalizeExact(query).text.trim();
    haystack = normalizeExact(text);
    if (needle.replace(MARKS, '') === needle) haystack = withoutMarks(haystack);
  } else {
    needle = normalizeForSearch(query).trim();
    haystack = normalize(text);
  }
  const ranges: Range[] = [];
  if (!needle) return ranges;
  for (let at = haystack.text.indexOf(needle); at >= 0; at = haystack.text.indexOf(needle, at + needle.length)) {
    ranges.push(toOriginalRange(haystack, at, at + needle.length));
  }
  return ranges;
}
