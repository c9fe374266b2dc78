// Real Arabic texts for the anchoring tests: the seed article (unvocalized news
// prose, with two shadda-marked words) and vocalized Quranic text as published.
import { readFileSync } from 'node:fs';

/** The seed article's paragraphs: one per non-empty line of assets/samples/seed-article.txt. */
export const seedParagraphs: string[] = readFileSync(new URL('../../../../assets/samples/seed-article.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

/** Canonical text (design §4): paragraphs joined by a blank line. */
export function canonical(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

export const seedText = canonical(seedParagraphs);

/** Al-Fatiha, vocalized (the common "simple" orthography used by Quran apps and sites). */
export const fatihaVocalized = [
  'بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ',
  'الْحَمْدُ لِلَّهِ رَبِّ الْعَالَمِينَ',
  'الرَّحْمَٰنِ الرَّحِيمِ',
  'مَالِكِ يَوْمِ الدِّينِ',
  'إِيَّاكَ نَعْبُدُ وَإِيَّاكَ نَسْتَعِينُ',
  'اهْدِنَا الصِّرَاطَ الْمُسْتَقِيمَ',
  'صِرَاطَ الَّذِينَ أَنْعَمْتَ عَلَيْهِمْ غَيْرِ الْمَغْضُوبِ عَلَيْهِمْ وَلَا الضَّالِّينَ',
];

/** Al-Fatiha as it is usually printed without tashkeel. */
export const fatihaPlain = [
  'بسم الله الرحمن الرحيم',
  'الحمد لله رب العالمين',
  'الرحمن الرحيم',
  'مالك يوم الدين',
  'إياك نعبد وإياك نستعين',
  'اهدنا الصراط المستقيم',
  'صراط الذين أنعمت عليهم غير المغضوب عليهم ولا الضالين',
];

/**
 * Uthmani-script verses with Quranic annotation marks (U+06D6–U+06ED): Al-Baqarah 2:2
 * with the waqf sign ۛ (U+06DB, written after a space) and the small low meem ۭ
 * (U+06ED); Al-Ikhlas 112:4 with the small waw ۥ (U+06E5) and small high meem ۢ (U+06E2).
 */
export const baqara2Uthmani = 'ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًۭى لِّلْمُتَّقِينَ';
export const ikhlas4Uthmani = 'وَلَمْ يَكُن لَّهُۥ كُفُوًا أَحَدٌۢ';

/** Real text with join controls: a Persian verb with ZWNJ, and an emoji ZWJ sequence. */
export const persianZwnj = 'من می‌خواهم بروم';
export const emojiFamily = 'العائلة 👨‍👩‍👧 في البيت';

/** All the texts above in one document, for properties over every kind of character. */
export const mixedText = canonical([...seedParagraphs, ...fatihaVocalized, baqara2Uthmani, ikhlas4Uthmani, persianZwnj, emojiFamily]);

/** Start of the n-th (0-based) occurrence of `needle` in `text`; throws if there is none. */
export function nth(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i += 1) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`occurrence ${n} of «${needle}» not found`);
  }
  return at;
}

/** Replaces [start, end) of `text` with `insert`. */
export function splice(text: string, start: number, end: number, insert = ''): string {
  return text.slice(0, start) + insert + text.slice(end);
}
