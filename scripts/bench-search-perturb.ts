/**
 * How the quality benchmark (bench-search-quality.ts) changes a known-item query
 * the way readers type: one category per kind of difference between what is
 * typed and what is written. Each returns the words as the article writes them
 * (which decide the relevant articles) and the query as typed, or null when
 * the article offers no word the change applies to.
 */
import { normalizeForSearch } from '../common/text/arabic.js';
import { tokenize } from '../common/text/tokenize.js';
import type { Vocabulary } from '../common/text/vocabulary.js';
import type { SearchDoc } from '../main/search/types.js';

export const CATEGORIES = [
  'exact', 'diacritics', 'hamza', 'teh-marbuta', 'alef-maksura', 'clitics', 'article', 'typos', 'tatweel', 'digits', 'word-order', 'presentation-forms',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Perturbed {
  /** The words as written in the article (all three must be held by a relevant article). */
  original: string[];
  query: string;
  kind: string;
}

const MARKS = /[\u064B-\u0652\u0670\u0640]/g;
const LETTERS = /^[\u0621-\u064A]+$/;
const KEY_ROWS = ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ءؤرىةوزظ'];
const FUNCTION_WITH_MAKSURA = ['على', 'إلى', 'حتى', 'لدى'];
const FUNCTION_WORDS = ['الذين', 'الذي', 'التي', 'منها', 'هذه', 'ذلك', 'عندما', 'حيث'];

function adjacentKey(ch: string, random: () => number): string | null {
  for (const row of KEY_ROWS) {
    const i = row.indexOf(ch);
    if (i < 0) continue;
    const near = [row[i - 1], row[i + 1]].filter((c): c is string => c !== undefined && c !== 'ة' && c !== 'ى');
    return near.length > 0 ? near[Math.floor(random() * near.length)]! : null;
  }
  return null;
}

/** Every Arabic-letter token of the article as written (harakat kept), with its block's neighbours. */
function articleTokens(article: SearchDoc): { word: string; prev: string; next: string }[] {
  const out: { word: string; prev: string; next: string }[] = [];
  for (const block of article.blocks) {
    const tokens = tokenize(block.text);
    const raw = tokens.map((t) => block.text.slice(t.start, t.end));
    raw.forEach((word, i) => out.push({ word, prev: raw[i - 1] ?? '', next: raw[i + 1] ?? '' }));
  }
  return out;
}

/** The rarest article word satisfying `test` (bare of marks), or null. */
function rarest(article: SearchDoc, vocab: Vocabulary, test: (bare: string) => boolean, exclude: readonly string[]): string | null {
  let best: string | null = null;
  let bestDf = Infinity;
  const excluded = new Set(exclude.map(normalizeForSearch));
  for (const { word } of articleTokens(article)) {
    const bare = word.replace(MARKS, '');
    if (!LETTERS.test(bare) || !test(bare) || excluded.has(normalizeForSearch(word))) continue;
    const df = vocab.docFrequency(normalizeForSearch(word));
    if (df > 0 && df < bestDf) {
      best = bare;
      bestDf = df;
    }
  }
  return best;
}

const PRESENTATION: Record<string, [number, number]> = {
  ء: [0xfe80, 1], آ: [0xfe81, 2], أ: [0xfe83, 2], ؤ: [0xfe85, 2], إ: [0xfe87, 2], ئ: [0xfe89, 4], ا: [0xfe8d, 2], ب: [0xfe8f, 4],
  ة: [0xfe93, 2], ت: [0xfe95, 4], ث: [0xfe99, 4], ج: [0xfe9d, 4], ح: [0xfea1, 4], خ: [0xfea5, 4], د: [0xfea9, 2], ذ: [0xfeab, 2],
  ر: [0xfead, 2], ز: [0xfeaf, 2], س: [0xfeb1, 4], ش: [0xfeb5, 4], ص: [0xfeb9, 4], ض: [0xfebd, 4], ط: [0xfec1, 4], ظ: [0xfec5, 4],
  ع: [0xfec9, 4], غ: [0xfecd, 4], ف: [0xfed1, 4], ق: [0xfed5, 4], ك: [0xfed9, 4], ل: [0xfedd, 4], م: [0xfee1, 4], ن: [0xfee5, 4],
  ه: [0xfee9, 4], و: [0xfeed, 2], ى: [0xfeef, 2], ي: [0xfef1, 4],
};

/** The word as PDF extraction often yields it: contextual Presentation Forms-B glyphs (isolated, final, initial, medial). */
export function toPresentationForms(word: string): string {
  const letters = [...word.replace(MARKS, '')];
  return letters
    .map((ch, i) => {
      const entry = PRESENTATION[ch];
      if (!entry) return ch;
      const [base, forms] = entry;
      const prev = PRESENTATION[letters[i - 1] ?? ''];
      const joinsPrev = prev !== undefined && prev[1] === 4;
      const joinsNext = forms === 4 && PRESENTATION[letters[i + 1] ?? ''] !== undefined;
      const offset = joinsPrev && joinsNext ? 3 : joinsPrev ? 1 : joinsNext ? 2 : 0;
      return String.fromCharCode(base + Math.min(offset, forms - 1));
    })
    .join('');
}

const DEHAMZA: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ؤ: 'و', ئ: 'ي' };

export function perturb(category: Category, words: string[], article: SearchDoc, random: () => number, vocab: Vocabulary): Perturbed | null {
  const k = Math.floor(random() * words.length);
  const bare = words.map((w) => w.replace(MARKS, ''));
  const withWord = (w: string, typed: string, kind: string): Perturbed => {
    const original = [...words];
    original[k] = w;
    const query = [...words];
    query[k] = typed;
    return { original, query: query.join(' '), kind };
  };
  const others = words.filter((_, i) => i !== k);
  switch (category) {
    case 'exact':
      return { original: words, query: words.join(' '), kind: 'as written' };
    case 'diacritics': {
      if (words[k] !== bare[k]) return withWord(words[k]!, bare[k]!, 'removed');
      const w = bare[k]!;
      return withWord(w, `${w[0]}\u064E${w.slice(1, -1)}${w.slice(-1)}\u064F`, 'added');
    }
    case 'hamza': {
      const w = rarest(article, vocab, (b) => b.length >= 4 && /[أإآؤئ]/.test(b), others);
      if (!w) return null;
      return withWord(w, w.replace(/[أإآؤئ]/, (c) => DEHAMZA[c]!), 'hamza dropped');
    }
    case 'teh-marbuta': {
      const w = rarest(article, vocab, (b) => b.length >= 4 && b.endsWith('ة'), others);
      return w ? withWord(w, `${w.slice(0, -1)}ه`, 'ة typed ه') : null;
    }
    case 'alef-maksura': {
      if (random() < 0.5) {
        // A function word typed with ي, next to the word it governs in the text.
        const pair = articleTokens(article).find((t) => FUNCTION_WITH_MAKSURA.includes(t.word) && LETTERS.test(t.next) && t.next.length >= 4 && vocab.docFrequency(normalizeForSearch(t.next)) < 200);
        if (pair) {
          const typed = `${pair.word.slice(0, -1)}ي`;
          return { original: [pair.word, pair.next, ...others], query: [typed, pair.next, ...others].join(' '), kind: 'function word ى typed ي' };
        }
      }
      const w = rarest(article, vocab, (b) => b.length >= 3 && b.endsWith('ى'), others);
      return w ? withWord(w, `${w.slice(0, -1)}ي`, 'ى typed ي') : null;
    }
    case 'clitics': {
      if (random() < 0.5) {
        const w = bare[k]!;
        if (/^[وفبلك]/.test(w) || w.startsWith('ال')) return null;
        const p = ['و', 'ب', 'ل', 'ف', 'وب', 'ك'][Math.floor(random() * 6)]!;
        return withWord(words[k]!, p + w, `«${p}» added`);
      }
      const w = rarest(article, vocab, (b) => /^[وفبل]/.test(b) && b.length >= 5 && !b.slice(1).startsWith('ال') && vocab.docFrequency(normalizeForSearch(b.slice(1))) > 0, others);
      return w ? withWord(w, w.slice(1), `«${w[0]}» removed`) : null;
    }
    case 'article': {
      const w = bare[k]!;
      if (w.startsWith('ال') && w.length >= 5) return withWord(words[k]!, w.slice(2), 'article removed');
      if (/^[وفبلك]/.test(w)) return null;
      return withWord(words[k]!, `ال${w}`, 'article added');
    }
    case 'typos':
      return typo(words, k, article, random, vocab, withWord, others);
    case 'tatweel': {
      const w = bare[k]!;
      return withWord(words[k]!, `${w.slice(0, 2)}\u0640\u0640${w.slice(2)}`, 'tatweel');
    }
    case 'digits': {
      const number = articleTokens(article).find((t) => /^[0-9]{2,}$/.test(t.word) && vocab.docFrequency(t.word) < 500);
      if (!number) return null;
      const arabicIndic = number.word.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
      return { original: [number.word, ...others], query: [arabicIndic, ...others].join(' '), kind: 'Arabic-Indic digits' };
    }
    case 'word-order':
      return { original: words, query: [...words].reverse().join(' '), kind: 'reversed' };
    case 'presentation-forms':
      return withWord(words[k]!, toPresentationForms(words[k]!), 'Presentation Forms-B');
  }
}

function typo(
  words: string[],
  k: number,
  article: SearchDoc,
  random: () => number,
  vocab: Vocabulary,
  withWord: (w: string, typed: string, kind: string) => Perturbed,
  others: string[],
): Perturbed | null {
  const isWord = (s: string): boolean => vocab.docFrequency(normalizeForSearch(s)) > 0;
  const roll = random();
  if (roll < 0.15) {
    const w = rarest(article, vocab, (b) => b.length === 3, others);
    if (!w) return null;
    const at = Math.floor(random() * 3);
    const near = adjacentKey(w[at]!, random);
    const typed = near ? w.slice(0, at) + near + w.slice(at + 1) : null;
    return typed && !isWord(typed) ? withWord(w, typed, 'three-letter word, neighbouring key') : null;
  }
  if (roll < 0.3) {
    const w = words[k]!.replace(MARKS, '');
    if (w.length < 5) return null;
    const typed = w.slice(1);
    return isWord(typed) ? null : withWord(words[k]!, typed, 'first letter deleted');
  }
  if (roll < 0.42) {
    const fw = articleTokens(article).find((t) => FUNCTION_WORDS.includes(t.word));
    if (!fw) return null;
    const at = 1 + Math.floor(random() * (fw.word.length - 1));
    const near = adjacentKey(fw.word[at]!, random);
    const typed = near ? fw.word.slice(0, at) + near + fw.word.slice(at + 1) : null;
    if (!typed || isWord(typed)) return null;
    return { original: [fw.word, ...words], query: [typed, ...words].join(' '), kind: 'typo inside a function word' };
  }
  const w = words[k]!.replace(MARKS, '');
  if (w.length < 5) return null;
  const at = 1 + Math.floor(random() * (w.length - 2));
  let typed: string;
  let kind: string;
  if (roll < 0.65) {
    const near = adjacentKey(w[at]!, random);
    if (!near) return null;
    typed = w.slice(0, at) + near + w.slice(at + 1);
    kind = 'neighbouring key';
  } else if (roll < 0.85) {
    typed = w.slice(0, at) + w.slice(at + 1);
    kind = 'dropped letter';
  } else {
    typed = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
    kind = 'swapped letters';
  }
  // A slip that spells another word of the archive is a different query, not a typo test.
  return typed === w || isWord(typed) ? null : withWord(words[k]!, typed, kind);
}
