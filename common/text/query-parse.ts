/**
 * Splits what the user typed into words and quoted phrases. Words are cut
 * exactly where the analyzer cuts tokens (so "COVID-19" is two words and a
 * diacritic never splits one); phrases keep their raw text for the engine to
 * verify by scanning (arabic-search.md §3.3 step 4).
 */
import { tokenize } from './tokenize.js';

// “…” and "…" are interchangeable (keyboards and RTL editors mix them up);
// «…» are the Arabic quotation marks, accepted in either orientation.
const CURLY_FAMILY = '"\u201C\u201D\u201E';
const GUILLEMETS: Readonly<Record<string, string>> = { '\u00AB': '\u00BB', '\u00BB': '\u00AB' };

function closingIndex(raw: string, open: string, from: number): number {
  if (CURLY_FAMILY.includes(open)) {
    for (let j = from; j < raw.length; j += 1) if (CURLY_FAMILY.includes(raw[j])) return j;
    return -1;
  }
  return raw.indexOf(GUILLEMETS[open], from);
}

function isQuote(ch: string): boolean {
  return CURLY_FAMILY.includes(ch) || ch in GUILLEMETS;
}

/**
 * Splits a raw query into words and quoted phrases (both “…” and "…", and «…»).
 * Words are raw substrings, one analyzer token each; phrases are the raw text
 * between the quotes. An unmatched quote is ignored.
 */
export function parseQuery(raw: string): { words: string[]; phrases: string[] } {
  const phrases: string[] = [];
  const outside: string[] = [];
  let segmentStart = 0;
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i];
    if (!isQuote(ch)) {
      i += 1;
      continue;
    }
    const close = closingIndex(raw, ch, i + 1);
    outside.push(raw.slice(segmentStart, i));
    if (close < 0) {
      // Unmatched: drop the quote character, keep the rest as words.
      segmentStart = i + 1;
      i += 1;
      continue;
    }
    const phrase = raw.slice(i + 1, close).trim();
    if (tokenize(phrase).length > 0) phrases.push(phrase);
    segmentStart = close + 1;
    i = close + 1;
  }
  outside.push(raw.slice(segmentStart));
  const words: string[] = [];
  for (const segment of outside) {
    let previousStart = -1;
    for (const token of tokenize(segment)) {
      // One glyph can expand to several tokens (ﷺ); it is still one raw word.
      if (token.start === previousStart) continue;
      previousStart = token.start;
      words.push(segment.slice(token.start, token.end));
    }
  }
  return { words, phrases };
}
