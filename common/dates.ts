/**
 * Published dates as Arabic sources write them — ٢٠٢٤/١٢/٠٧, 7 كانون الأول 2024,
 * 7 ديسمبر 2024, ISO, and Hijri (5 جمادى الآخرة 1446 هـ) — parsed to a Gregorian
 * YYYY-MM-DD, and rendered back in both calendars. Hijri conversion uses the
 * Umm al-Qura calendar through Intl, so it agrees with what the UI shows.
 */

const DAY_MS = 86_400_000;

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits → ASCII. */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Folds the spellings month names come in: marks, tatweel, hamza forms, ى/ي, ة/ه, case. */
function foldKey(text: string): string {
  return toWesternDigits(text)
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/\u060D/g, '/')
    .replace(/\s+/g, ' ');
}

type Calendar = 'gregorian' | 'hijri';

// Every spelling → month number; folded with foldKey when the table is built.
const GREGORIAN_MONTHS: Record<string, number> = {
  // Levant and Iraq (Syriac names)
  'كانون الثاني': 1, 'شباط': 2, 'آذار': 3, 'نيسان': 4, 'أيار': 5, 'حزيران': 6,
  'تموز': 7, 'آب': 8, 'أيلول': 9, 'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
  // Egypt and the Gulf (transliterated)
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'أبريل': 4, 'ابريل': 4, 'إبريل': 4, 'مايو': 5, 'يونيو': 6, 'يونيه': 6,
  'يوليو': 7, 'يوليه': 7, 'أغسطس': 8, 'سبتمبر': 9, 'أكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
  // The Maghreb (French-derived)
  'جانفي': 1, 'فيفري': 2, 'أفريل': 4, 'ماي': 5, 'جوان': 6, 'جويلية': 7, 'جويليه': 7, 'أوت': 8,
  // English
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const HIJRI_MONTHS: Record<string, number> = {
  'محرم': 1, 'المحرم': 1, 'صفر': 2, 'ربيع الأول': 3, 'ربيع الأولى': 3, 'ربيع الآخر': 4, 'ربيع الثاني': 4, 'ربيع الآخرة': 4,
  'جمادى الأولى': 5, 'جمادى الأول': 5, 'جمادى الآخرة': 6, 'جمادى الآخر': 6, 'جمادى الثانية': 6, 'جمادى الثاني': 6,
  'رجب': 7, 'شعبان': 8, 'رمضان': 9, 'شوال': 10, 'ذو القعدة': 11, 'ذي القعدة': 11, 'ذو الحجة': 12, 'ذي الحجة': 12,
};

interface MonthName {
  key: string;
  month: number;
  calendar: Calendar;
}

const MONTH_NAMES: MonthName[] = [
  ...Object.entries(GREGORIAN_MONTHS).map(([name, month]) => ({ key: foldKey(name), month, calendar: 'gregorian' as const })),
  ...Object.entries(HIJRI_MONTHS).map(([name, month]) => ({ key: foldKey(name), month, calendar: 'hijri' as const })),
].sort((a, b) => b.key.length - a.key.length); // longest first: "كانون الاول" before "كانون"

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MONTH_ALTERNATION = MONTH_NAMES.map((name) => escapeRegExp(name.key)).join('|');
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\d])';
// "هـ"/"ه" after a year marks it Hijri (folding has dropped the tatweel); "م" marks it Gregorian.
const ERA_SUFFIX = '\\s*(ه|هجري|هجريه|ah|م|ميلادي|ميلاديه|ad|ce)?';
const isHijriSuffix = (suffix: string | undefined) => !!suffix && /^(ه|هجري|هجريه|ah)$/.test(suffix);

// 7 ديسمبر 2024 · 7 من كانون الأول/ديسمبر، 2024 · 5 جمادى الآخرة 1446 هـ · 7 December 2024
const DAY_MONTH_YEAR = new RegExp(
  `${NOT_LETTER_BEFORE}(\\d{1,2})\\s*(?:من\\s+)?(${MONTH_ALTERNATION})(?:\\s*[/(]\\s*(?:${MONTH_ALTERNATION})\\s*\\)?)?\\s*[،,]?\\s*(?:سنه\\s+|عام\\s+)?(\\d{3,4})(?!\\d)${ERA_SUFFIX}${NOT_LETTER_AFTER}`,
  'u',
);
// December 7, 2024
const MONTH_DAY_YEAR = new RegExp(`${NOT_LETTER_BEFORE}(${MONTH_ALTERNATION})\\s+(\\d{1,2}),?\\s+(\\d{4})${NOT_LETTER_AFTER}`, 'u');
// 2024-12-07, 2024/12/07, ٢٠٢٤/١٢/٠٧, 2024-12-07T10:00:00Z (the date as written: no time-zone shift)
const YEAR_FIRST = new RegExp(
  `${NOT_LETTER_BEFORE}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)(?:(?=t\\d)|${ERA_SUFFIX}${NOT_LETTER_AFTER})`,
  'u',
);
// 07/12/2024 — Arabic sources write day first
const DAY_FIRST = new RegExp(`${NOT_LETTER_BEFORE}(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})(?!\\d)${ERA_SUFFIX}${NOT_LETTER_AFTER}`, 'u');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM-DD for a real Gregorian date (31 February is not one), else null. */
export function gregorianIso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const umalquraParts = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Umm al-Qura date of a UTC day. */
export function hijriOf(time: number): { year: number; month: number; day: number } {
  const parts = umalquraParts.formatToParts(new Date(time));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: part('year'), month: part('month'), day: part('day') };
}

// 1 Muharram 1 AH in the arithmetic calendar: 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian).
const HIJRI_EPOCH = Date.UTC(622, 6, 19);
const MEAN_YEAR = 354.36667;
const MEAN_MONTH = 29.530589;

/**
 * Hijri (Umm al-Qura) → Gregorian YYYY-MM-DD: estimate the day arithmetically,
 * then search nearby days for the one whose Umm al-Qura parts match. Null for a
 * day the month does not have (30 in a 29-day month).
 */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 2000 || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const estimate = HIJRI_EPOCH + Math.round((year - 1) * MEAN_YEAR + (month - 1) * MEAN_MONTH + (day - 1)) * DAY_MS;
  for (let offset = 0; offset <= 15; offset += 1) {
    for (const time of offset === 0 ? [estimate] : [estimate - offset * DAY_MS, estimate + offset * DAY_MS]) {
      const parts = hijriOf(time);
      if (parts.year === year && parts.month === month && parts.day === day) return new Date(time).toISOString().slice(0, 10);
    }
  }
  return null;
}

// A numeric year this small is a Hijri year: no archived article was published before 1700 CE.
const LAST_HIJRI_LOOKING_YEAR = 1699;

function toIso(calendar: Calendar, year: number, month: number, day: number): string | null {
  return calendar === 'hijri' ? hijriToGregorian(year, month, day) : gregorianIso(year, month, day);
}

function numericCalendar(year: number, suffix: string | undefined): Calendar {
  if (suffix) return isHijriSuffix(suffix) ? 'hijri' : 'gregorian';
  return year <= LAST_HIJRI_LOOKING_YEAR ? 'hijri' : 'gregorian';
}

function monthByKey(key: string): MonthName | undefined {
  return MONTH_NAMES.find((name) => name.key === key);
}

export interface FoundDate {
  /** Gregorian YYYY-MM-DD. */
  iso: string;
  calendar: Calendar;
  /** Length of the matched text in the folded string (close to the original's). */
  matchedLength: number;
}

/** Finds the first date written in any of the supported ways inside a text. */
export function findDate(text: string): FoundDate | null {
  const folded = foldKey(text);
  const candidates: Array<FoundDate & { index: number }> = [];
  const add = (match: RegExpExecArray | null, read: (m: RegExpExecArray) => { calendar: Calendar; year: number; month: number; day: number } | null) => {
    if (!match) return;
    const parts = read(match);
    if (!parts) return;
    const iso = toIso(parts.calendar, parts.year, parts.month, parts.day);
    if (iso) candidates.push({ iso, calendar: parts.calendar, matchedLength: match[0].length, index: match.index });
  };
  add(DAY_MONTH_YEAR.exec(folded), (m) => {
    const name = monthByKey(m[2]!);
    if (!name) return null;
    const year = Number(m[3]);
    const calendar: Calendar = name.calendar === 'hijri' || isHijriSuffix(m[4]) ? 'hijri' : 'gregorian';
    return { calendar, year, month: name.month, day: Number(m[1]) };
  });
  add(MONTH_DAY_YEAR.exec(folded), (m) => {
    const name = monthByKey(m[1]!);
    return name ? { calendar: name.calendar, year: Number(m[3]), month: name.month, day: Number(m[2]) } : null;
  });
  add(YEAR_FIRST.exec(folded), (m) => {
    const year = Number(m[1]);
    return { calendar: numericCalendar(year, m[4]), year, month: Number(m[2]), day: Number(m[3]) };
  });
  add(DAY_FIRST.exec(folded), (m) => {
    const year = Number(m[3]);
    return { calendar: numericCalendar(year, m[4]), year, month: Number(m[2]), day: Number(m[1]) };
  });
  candidates.sort((a, b) => a.index - b.index);
  const first = candidates[0];
  return first ? { iso: first.iso, calendar: first.calendar, matchedLength: first.matchedLength } : null;
}

/** Parses a published date written any of the supported ways; null when none is found. */
export function parsePublishedDate(value: string | null | undefined): string | null {
  if (!value) return null;
  return findDate(value)?.iso ?? null;
}

/** Words that may surround a date on a dateline without making it prose. */
const DATELINE_WORDS = /(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|نشر|في|بتاريخ|تاريخ|النشر|اخر|تحديث|الموافق|م|ه)/gu;

/** True when a line is nothing but a date (plus a weekday or "نُشر في"): a dateline, not prose. */
export function isDateline(line: string): boolean {
  if (line.length > 80) return false;
  const found = findDate(line);
  if (!found) return false;
  const rest = foldKey(line)
    .replace(new RegExp(`${DAY_MONTH_YEAR.source}|${YEAR_FIRST.source}|${DAY_FIRST.source}|${MONTH_DAY_YEAR.source}`, 'gu'), ' ')
    .replace(DATELINE_WORDS, ' ')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return rest.length === 0;
}

/**
 * A published date rendered in both calendars for display, e.g. for 'ar':
 * { gregorian: "7 ديسمبر 2024", hijri: "6 جمادى الآخرة 1446 هـ" }.
 */
export function formatDual(isoDate: string, locale: 'ar' | 'en'): { gregorian: string; hijri: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match || !gregorianIso(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`not a date as YYYY-MM-DD: ${isoDate}`);
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', dateStyle: 'long' };
  return {
    gregorian: new Intl.DateTimeFormat(locale, { ...options, calendar: 'gregory' }).format(date),
    hijri: new Intl.DateTimeFormat(locale, { ...options, calendar: 'islamic-umalqura' }).format(date),
  };
}
