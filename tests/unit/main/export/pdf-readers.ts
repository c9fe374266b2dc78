/**
 * What the real PDF readers get out of a PDF, and how much of a text that is:
 * poppler's pdftotext (a program), pdf.js's text content (the library Firefox
 * and most web viewers use), and Qirtas's own PDF import (pdf.js pieces put in
 * reading order). Also a diacritised Arabic passage (Qur'anic text with its
 * marks — hamzat al-wasl, dagger alef, shadda with a vowel — and modern
 * sentences with the words issue 12 saw broken) and Chromium, to print pages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromiumPdf, pdfUnavailableReason } from '../../../../main/export/pdf.js';

export const DIACRITISED_PASSAGE = [
  'بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ مَٰلِكِ يَوْمِ ٱلدِّينِ',
  'إِيَّاكَ نَعْبُدُ وَإِيَّاكَ نَسْتَعِينُ ٱهْدِنَا ٱلصِّرَٰطَ ٱلْمُسْتَقِيمَ',
  'فَإِنَّ مَعَ ٱلْعُسْرِ يُسْرًا إِنَّ مَعَ ٱلْعُسْرِ يُسْرًا',
  'كتبَ الملّاحُ نصّاً قصيراً أو رسالةً، ثم قال: رجاءً لا تُدخل الماءَ إلى السفينةِ.',
  'قرأَ الطُّلّابُ القصيدةَ بصوتٍ عالٍ، وشرحَ المعلِّمُ معانيَ الكلماتِ الصَّعبةِ واحدةً واحدةً.',
  'وَقُل رَّبِّ زِدْنِى عِلْمًا، فالعِلْمُ نورٌ يُضيءُ دروبَ الحياةِ.',
];

/** The words issue 12 saw broken by PDF import. */
export const ISSUE_WORDS = ['نصّاً', 'تُدخل', 'الملّاح', 'رجاءً'];

const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Presentation forms (a lam-alef ligature stays one in the text layer) folded to letters; NFC. */
export const canonical = (text: string): string =>
  text
    .replace(/[\uFB50-\uFDFF\uFE70-\uFEFE]+/g, (run) => run.normalize('NFKC'))
    .normalize('NFC');
/** Distinct words (letters, marks, digits); direction controls a reader adds separate words. */
export const wordsOf = (text: string): Set<string> => new Set(canonical(text).replace(BIDI_CONTROLS, ' ').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);

export interface Coverage {
  found: number;
  total: number;
  ratio: number;
  missing: string[];
}

/** How many of the distinct words of `source` are words of `extracted`. */
export function wordCoverage(source: string, extracted: string): Coverage {
  const want = wordsOf(source);
  const got = wordsOf(extracted);
  const missing = [...want].filter((word) => !got.has(word));
  return { found: want.size - missing.length, total: want.size, ratio: (want.size - missing.length) / want.size, missing };
}

/**
 * How many of the distinct words of `source` a viewer's find locates in
 * `extracted` (as pdf.js's find does: in the text content joined, not only as
 * whole tokens — a note number drawn beside a word may join it there).
 */
export function findCoverage(source: string, extracted: string): Coverage {
  const want = wordsOf(source);
  const haystack = canonical(extracted).replace(BIDI_CONTROLS, '');
  const missing = [...want].filter((word) => !haystack.includes(word));
  return { found: want.size - missing.length, total: want.size, ratio: (want.size - missing.length) / want.size, missing };
}

/** How many of the letters and marks of `source` (counted with repeats) `extracted` holds. */
export function letterCoverage(source: string, extracted: string): Coverage {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const char of canonical(text).normalize('NFD').replace(/[^\p{L}\p{M}]/gu, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    return counts;
  };
  const want = count(source);
  const got = count(extracted);
  let total = 0;
  let found = 0;
  const missing: string[] = [];
  for (const [char, n] of want) {
    total += n;
    found += Math.min(n, got.get(char) ?? 0);
    if ((got.get(char) ?? 0) < n) missing.push(`${char}×${n - (got.get(char) ?? 0)}`);
  }
  return { found, total, ratio: found / total, missing };
}

export const PDFTOTEXT = spawnSync('which', ['pdftotext'], { encoding: 'utf8' }).stdout.trim();

export function pdftotext(path: string): string {
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** pdf.js's text content, every page, item after item as pdf.js gives them (what a viewer's find searches). */
export async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    let text = '';
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      text += '\n';
    }
    return text;
  } finally {
    await document.destroy();
  }
}

/** Why Chromium cannot print here ('' when it can). */
export async function printUnavailable(): Promise<string> {
  return (await pdfUnavailableReason()) ?? '';
}

/** A right-to-left Arabic page with these paragraphs, printed by Chromium. */
export async function printArabicPage(paragraphs: readonly string[], css = ''): Promise<Uint8Array> {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>نص مشكول</title><style>${css} body { font-size: 17px; line-height: 2; }</style></head><body>${paragraphs.map((line) => `<p>${escape(line)}</p>`).join('\n')}</body></html>`;
  return chromiumPdf(html);
}
