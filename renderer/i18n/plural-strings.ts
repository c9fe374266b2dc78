/**
 * Counts in words, per plural category (see format-numbers.ts): one table of every
 * counted noun the UI shows. Arabic needs six forms — zero, one, two, few (3–10),
 * many (11–99) and other (100, 1000…); English two. `{n}` is the number.
 */
import type { Locale } from '../../common/types/article.js';
import type { PluralForms } from './format-numbers.js';

export const COUNTS = {
  notes: {
    ar: { zero: 'لا ملاحظات', one: 'ملاحظة واحدة', two: 'ملاحظتان', few: '{n} ملاحظات', many: '{n} ملاحظة', other: '{n} ملاحظة' },
    en: { one: '{n} note', other: '{n} notes' },
  },
  highlights: {
    ar: { zero: 'لا إبرازات', one: 'إبراز واحد', two: 'إبرازان', few: '{n} إبرازات', many: '{n} إبرازًا', other: '{n} إبراز' },
    en: { one: '{n} highlight', other: '{n} highlights' },
  },
  articles: {
    ar: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '{n} مقالات', many: '{n} مقالًا', other: '{n} مقال' },
    en: { one: '{n} article', other: '{n} articles' },
  },
  results: {
    ar: { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{n} نتائج', many: '{n} نتيجة', other: '{n} نتيجة' },
    en: { one: '{n} result', other: '{n} results' },
  },
  words: {
    ar: { zero: 'لا كلمات', one: 'كلمة واحدة', two: 'كلمتان', few: '{n} كلمات', many: '{n} كلمة', other: '{n} كلمة' },
    en: { one: '{n} word', other: '{n} words' },
  },
  /** Import warnings (warning-strings.ts). */
  bytes: {
    ar: { zero: 'لا بايتات', one: 'بايت واحد', two: 'بايتان', few: '{n} بايتات', many: '{n} بايتًا', other: '{n} بايت' },
    en: { one: '{n} byte', other: '{n} bytes' },
  },
  records: {
    ar: { zero: 'لا سجلات', one: 'سجل واحد', two: 'سجلان', few: '{n} سجلات', many: '{n} سجلًا', other: '{n} سجل' },
    en: { one: '{n} record', other: '{n} records' },
  },

  selected: {
    ar: { zero: 'لا شيء محدد', one: 'مقال واحد محدد', two: 'مقالان محددان', few: '{n} مقالات محددة', many: '{n} مقالًا محددًا', other: '{n} مقال محدد' },
    en: { one: '{n} article selected', other: '{n} articles selected' },
  },
  tagged: {
    ar: { zero: 'لم يتغير أي مقال.', one: 'وُسم مقال واحد.', two: 'وُسم مقالان.', few: 'وُسمت {n} مقالات.', many: 'وُسم {n} مقالًا.', other: 'وُسم {n} مقال.' },
    en: { one: '{n} article tagged.', other: '{n} articles tagged.' },
  },
  changed: {
    ar: { zero: 'لم يتغير أي مقال.', one: 'تغيّر مقال واحد.', two: 'تغيّر مقالان.', few: 'تغيّرت {n} مقالات.', many: 'تغيّر {n} مقالًا.', other: 'تغيّر {n} مقال.' },
    en: { one: '{n} article changed.', other: '{n} articles changed.' },
  },
  trashed: {
    ar: { zero: 'لم يُنقل أي مقال.', one: 'نُقل مقال واحد إلى السلة.', two: 'نُقل مقالان إلى السلة.', few: 'نُقلت {n} مقالات إلى السلة.', many: 'نُقل {n} مقالًا إلى السلة.', other: 'نُقل {n} مقال إلى السلة.' },
    en: { one: '{n} article moved to the trash.', other: '{n} articles moved to the trash.' },
  },
} satisfies Record<string, Record<Locale, PluralForms>>;

export type CountedNoun = keyof typeof COUNTS;
