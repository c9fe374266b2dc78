/**
 * Quoted-phrase verification over a document's tokens (normalized, with offsets in
 * the original text). The index stores no positions, so after the AND query finds
 * documents holding every phrase word, candidates are screened on their stored word
 * sequence (word-sequence.ts) and confirmed here on their re-tokenized text. Tokens
 * compare after Arabic folding; the first token may carry attached proclitics
 * (و ف ب ل ك and the article chains) so «"الحكومة السورية"» also finds
 * «والحكومة السورية».
 */
import type { Token } from '../../common/text/tokenize.js';
import type { Range } from './types.js';
import { acceptTable, wordHash } from './word-sequence.js';

// Proclitic chains a phrase's first word may carry (normalized spelling).
const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل', 'وبال', 'فبال'];

function firstMatches(token: string, word: string, strict: boolean): boolean {
  if (token === word) return true;
  if (strict || !token.endsWith(word)) return false;
  return PROCLITICS.includes(token.slice(0, token.length - word.length));
}

/** Every occurrence of `phrase` (normalized words) in `tokens`, as original-text ranges. */
export function findPhrase(tokens: readonly Token[], phrase: readonly string[], strict = false): Range[] {
  const found: Range[] = [];
  if (phrase.length === 0) return found;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i += 1) {
    if (!firstMatches(tokens[i]!.norm, phrase[0]!, strict)) continue;
    for (let k = 1; k < phrase.length; k += 1) if (tokens[i + k]!.norm !== phrase[k]) continue outer;
    found.push({ start: tokens[i]!.start, end: tokens[i + phrase.length - 1]!.end });
  }
  return found;
}

/** For each phrase word, a table of the word hashes findPhrase would accept there. */
export function phraseScreen(phrase: readonly string[], strict = false): Uint8Array[] {
  return phrase.map((word, k) => acceptTable((k === 0 && !strict ? [word, ...PROCLITICS.map((p) => p + word)] : [word]).map(wordHash)));
}
