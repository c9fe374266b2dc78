/**
 * Counts in words, per plural category (see format-numbers.ts). Arabic needs six
 * forms: zero, one, two, few (3–10), many (11–99) and other (100, 1000…).
 */
import type { Locale } from '../../common/types/article.js';
import type { PluralForms } from './format-numbers.js';

type CountName = 'notes' | 'highlights' | 'articles' | 'results' | 'words';

export const PLURALS: Record<Locale, Record<CountName, PluralForms>> = {
  ar: {
    notes: { zero: 'لا ملاحظات', one: 'ملاحظة واحدة', two: 'ملاحظتان', few: '{n} ملاحظات', many: '{n} ملاحظة', other: '{n} ملاحظة' },
    highlights: { zero: 'لا إبرازات', one: 'إبراز واحد', two: 'إبرازان', few: '{n} إبرازات', many: '{n} إبرازًا', other: '{n} إبراز' },
    articles: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '{n} مقالات', many: '{n} مقالًا', other: '{n} مقال' },
    results: { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{n} نتائج', many: '{n} نتيجة', other: '{n} نتيجة' },
    words: { zero: 'لا كلمات', one: 'كلمة واحدة', two: 'كلمتان', few: '{n} كلمات', many: '{n} كلمة', other: '{n} كلمة' },
  },
  en: {
    notes: { one: '{n} note', other: '{n} notes' },
    highlights: { one: '{n} highlight', other: '{n} highlights' },
    articles: { one: '{n} article', other: '{n} articles' },
    results: { one: '{n} result', other: '{n} results' },
    words: { one: '{n} word', other: '{n} words' },
  },
};
