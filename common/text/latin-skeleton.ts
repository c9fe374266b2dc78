/**
 * Cross-script search (issue 9 item 6, reference/cross-script.md): the Latin
 * consonant skeleton shared by an Arabic word and the ways English, French,
 * ALA-LC and chat writing spell it. «Homs», «7oms», «Hums» and حمص all give
 * "hms"; «Daraa», «Deraa», «Dar'a» and درعا give "dr"; «Dimashq» and دمشق give
 * "dmSk". Vowels, ء/ع, apostrophes, doubled letters and the article are weak
 * evidence and left out; consonants and digraphs are kept. The archive's own
 * vocabulary is keyed by these skeletons (main/search/skeleton-index.ts), so a
 * Latin query only ever reaches Arabic words the archive holds; `closeness`
 * then ranks them by how well the vowels agree too. Pure functions.
 */
import { ARTICLE_EXCEPTIONS } from './affixes.js';

/**
 * Consonant class(es) of each normalized Arabic letter. Several classes where
 * writers disagree (ذ: dh, z, th; ق: q, k, g; ج: j, g). Letters absent here
 * (ا و ي ى ء ع) are vowels or glottal stops: no consonant.
 */
const ARABIC_CLASSES: Readonly<Record<string, readonly string[]>> = {
  ب: ['b'], ت: ['t'], ث: ['t', 's'], ج: ['j', 'g'], ح: ['h'], خ: ['k'], د: ['d'], ذ: ['d', 'z', 't'], ر: ['r'],
  ز: ['z'], س: ['s'], ش: ['S'], ص: ['s'], ض: ['d'], ط: ['t'], ظ: ['z', 'd'], غ: ['g', 'r'], ف: ['f'],
  ق: ['k', 'g'], ك: ['k'], ل: ['l'], م: ['m'], ن: ['n'], ه: ['h'], پ: ['b'], چ: ['S', 'j'], گ: ['g'], ڤ: ['f'],
};
/** Long vowels as written, for `closeness`: ا ى → a, و → u, ي → i. */
const ARABIC_VOWELS: Readonly<Record<string, string>> = { ا: 'a', ى: 'a', و: 'u', ي: 'i' };
/** At most this many skeletons per Arabic word (each ambiguous letter doubles them). */
const MAX_KEYS = 24;
/** Skeletons shorter than this match too much to be useful («Aya», «Ali» alone are left to exact Latin). */
export const MIN_SKELETON = 2;

/** Whether a raw query word is written in Latin letters (with chat digits, apostrophes and hyphens). */
export function isLatinWord(raw: string): boolean {
  return /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/.test(raw) && /^[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF'’ʿʾ`-]+$/.test(raw);
}

function collapse(s: string): string {
  let out = '';
  for (const ch of s) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

/** The Arabic article, if the normalized word starts with one that may be stripped. */
function stripArabicArticle(term: string): { bare: string; article: boolean } {
  if (term.length > 3 && term.startsWith('ال') && !ARTICLE_EXCEPTIONS.has(term)) return { bare: term.slice(2), article: true };
  return { bare: term, article: false };
}

/**
 * The skeleton keys of a normalized Arabic term (article left out). A final ه
 * (ة once normalized) may be read h, t or nothing (Hama, Hamah, Hamat). Empty
 * for words that are not Arabic letters.
 */
export function arabicSkeletons(term: string): string[] {
  const { bare } = stripArabicArticle(term);
  let keys = [''];
  for (let i = 0; i < bare.length; i += 1) {
    const ch = bare[i]!;
    // A word-initial و/ي is a consonant (Wadi, Yarmouk); elsewhere a long vowel or glide.
    if (i === 0 && (ch === 'و' || ch === 'ي')) {
      keys = keys.map((k) => k + (ch === 'و' ? 'W' : 'Y'));
      continue;
    }
    if (ARABIC_VOWELS[ch] !== undefined || ch === 'ء' || ch === 'ع') continue;
    let classes = ARABIC_CLASSES[ch];
    if (classes === undefined) return [];
    if (ch === 'ه' && i === bare.length - 1 && i > 0) classes = ['h', '', 't'];
    const next: string[] = [];
    for (const key of keys) for (const c of classes) if (next.length < MAX_KEYS) next.push(key + c);
    keys = next;
  }
  return [...new Set(keys.map(collapse))].filter((k) => k.length >= MIN_SKELETON);
}

/** A Latin query word read as Arabic would be: skeleton, vowelled form, whether it carried the article. */
export interface LatinReading {
  skeleton: string;
  /** Consonant classes with vowels a/i/u (for closeness). */
  vowelled: string;
  article: boolean;
}

// Arabizi digits, then digraphs, then single letters; vowels map to a/i/u.
const LATIN_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/3'|3’/g, 'g'], [/7'|7’/g, 'k'], [/2|3/g, ''], [/5/g, 'k'], [/7/g, 'h'], [/9/g, 's'], [/6/g, 't'], [/8/g, 'k'],
  [/sch|sh|ch/g, 'S'], [/kh/g, 'k'], [/gh/g, 'g'], [/dh/g, 'd'], [/th/g, 't'], [/dj|dsch/g, 'j'], [/ph/g, 'f'],
  [/ck|q|c/g, 'k'], [/x/g, 'ks'], [/p/g, 'b'], [/v/g, 'f'], [/ee|ie|ey|ay|ai|ei|y|e/g, 'i'], [/ou|oo|ow|aw|w|o/g, 'u'],
];
/** al-, el-, il-, ul- and the assimilated forms (ad-Dawla, ar-Rastan, ash-Sham, az-Zawr, an-Nabk). */
const LATIN_ARTICLE = /^(?:al|el|il|ul|[ae](?:sh|th|dh|[tdrzsln]))[-‐'’]?/;

function latinVowelled(word: string): string {
  // A word-initial w/y is a consonant, as an initial و/ي is.
  let s = word.replace(/^w/, 'W').replace(/^y/, 'Y');
  for (const [pattern, replacement] of LATIN_RULES) s = s.replace(pattern, replacement);
  return collapse(s.replace(/[^a-zA-Z]/g, ''));
}

/**
 * The readings of a Latin word: as written, and (when it starts like the
 * article) without the article. «al-Assad» → {sd, article}; «Homs» → {hms}.
 */
export function latinReadings(raw: string): LatinReading[] {
  const lower = raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[ʿʾ`’']/g, "'");
  const readings: LatinReading[] = [];
  const add = (text: string, article: boolean): void => {
    const vowelled = latinVowelled(text.replace(/'/g, ''));
    const skeleton = collapse(vowelled.replace(/[aiu]/g, ''));
    if (skeleton.length >= MIN_SKELETON && !readings.some((r) => r.skeleton === skeleton && r.article === article)) {
      readings.push({ skeleton, vowelled, article });
    }
  };
  const found = LATIN_ARTICLE.exec(lower);
  const separated = found !== null && /[-‐'’]$/.test(found[0]);
  // With a hyphen the article is certain; glued (alassad) only al/el are read as one, as a second reading.
  const article = found && (separated || /^[ae]l/.test(found[0])) ? found[0] : null;
  if (article && lower.length - article.length >= 2) add(lower.slice(article.length), true);
  if (!separated) add(lower, false);
  return readings;
}

/** A normalized Arabic term as a vowelled Latin-class string (first reading of each letter). */
function arabicVowelled(bare: string): string {
  let s = '';
  for (let i = 0; i < bare.length; i += 1) {
    const ch = bare[i]!;
    if (i === 0 && (ch === 'و' || ch === 'ي')) s += ch === 'و' ? 'W' : 'Y';
    else if (ARABIC_VOWELS[ch] !== undefined) s += ARABIC_VOWELS[ch];
    else if (ch === 'ه' && i === bare.length - 1 && i > 0) s += 'a';
    else s += ARABIC_CLASSES[ch]?.[0] ?? '';
  }
  return collapse(s);
}

/**
 * How far a Latin reading is from an Arabic term with the same skeleton: a Latin
 * vowel Arabic does not write costs 0.3 (short vowels are unwritten), a long
 * vowel Arabic writes but the Latin lacks 0.6, a vowel for another vowel 0.5,
 * anything else 1; an article present on one side only adds 0.5. Lower is closer.
 */
export function closeness(reading: LatinReading, term: string): number {
  const { bare, article } = stripArabicArticle(term);
  const a = reading.vowelled;
  const b = arabicVowelled(bare);
  const isVowel = (c: string): boolean => c === 'a' || c === 'i' || c === 'u';
  let prev = new Float64Array(b.length + 1);
  let cur = new Float64Array(b.length + 1);
  for (let j = 1; j <= b.length; j += 1) prev[j] = prev[j - 1]! + (isVowel(b[j - 1]!) ? 0.6 : 1);
  for (let i = 1; i <= a.length; i += 1) {
    const ca = a[i - 1]!;
    cur[0] = prev[0]! + (isVowel(ca) ? 0.3 : 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cb = b[j - 1]!;
      const sub = ca === cb ? 0 : isVowel(ca) && isVowel(cb) ? 0.5 : 1;
      cur[j] = Math.min(prev[j - 1]! + sub, prev[j]! + (isVowel(ca) ? 0.3 : 1), cur[j - 1]! + (isVowel(cb) ? 0.6 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]! + (article === reading.article ? 0 : 0.5);
}
