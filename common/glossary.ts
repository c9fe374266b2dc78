/**
 * One glossary of the app's nouns (issue 10), used by every screen and every
 * export: a highlight is «إبراز» everywhere (not «تظليل»), a note «ملاحظة» (not
 * «تعليق»), a tag «وسم». The words to avoid are listed beside each term so a test
 * can hold every string table to it.
 */
import type { Locale } from './types/article.js';

export const GLOSSARY = {
  ar: {
    highlight: 'إبراز',
    highlights: 'الإبرازات',
    note: 'ملاحظة',
    notes: 'الملاحظات',
    tag: 'وسم',
    tags: 'الوسوم',
    collection: 'مجموعة',
    collections: 'المجموعات',
    savedSearch: 'بحث محفوظ',
    article: 'مقال',
    articles: 'المقالات',
    source: 'المصدر',
    author: 'الكاتب',
    published: 'تاريخ النشر',
    added: 'تاريخ الإضافة',
    trash: 'سلة المحذوفات',
    backup: 'نسخة احتياطية',
  },
  en: {
    highlight: 'highlight',
    highlights: 'Highlights',
    note: 'note',
    notes: 'Notes',
    tag: 'tag',
    tags: 'Tags',
    collection: 'collection',
    collections: 'Collections',
    savedSearch: 'saved search',
    article: 'article',
    articles: 'Articles',
    source: 'Source',
    author: 'Author',
    published: 'Published',
    added: 'Added',
    trash: 'Trash',
    backup: 'backup',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Synonyms that must not stand for a glossary term in UI or export text, with the term to use instead. */
export const GLOSSARY_AVOID: Record<Locale, ReadonlyArray<{ avoid: RegExp; use: string }>> = {
  ar: [
    { avoid: /تظليل/u, use: GLOSSARY.ar.highlight },
    { avoid: /(?:^|[\s«(،])(?:ال)?تعليق(?:ات|ان)?(?=$|[\s».،:)])/u, use: GLOSSARY.ar.note },
  ],
  en: [
    { avoid: /\bcomments?\b/iu, use: GLOSSARY.en.note },
    { avoid: /\bmarks?\b(?!\s+(?:as|read|unread))/iu, use: GLOSSARY.en.highlight },
  ],
};
