/**
 * The export's own words ("Note", "Source"…) in Arabic and English, the default
 * meaning of each highlight colour (as the reader names them), and the colours
 * themselves as every format paints them.
 */
import { GLOSSARY } from '../../common/glossary.js';
import type { HighlightColor, Locale } from '../../common/types/article.js';

export const EXPORT_LABELS = {
  ar: {
    title: 'ملاحظات قرطاس',
    generated: 'صُدِّر في',
    articles: GLOSSARY.ar.articles,
    highlights: GLOSSARY.ar.highlights,
    note: GLOSSARY.ar.note,
    notes: GLOSSARY.ar.notes,
    tags: GLOSSARY.ar.tags,
    source: GLOSSARY.ar.source,
    author: GLOSSARY.ar.author,
    published: GLOSSARY.ar.published,
    link: 'الرابط',
    paragraph: 'الفقرة',
    position: 'الموضع',
    orphan: 'لم يُعثر على هذا المقطع في النص الحالي',
    noTag: 'بلا وسم',
    noHighlights: 'لا إبرازات في هذا المقال.',
    undated: 'بلا تاريخ',
    scopeAll: 'الأرشيف كله',
    scopeArticles: 'مقالات مختارة',
    scopeTag: 'الوسم',
    scopeColor: 'اللون',
    scopeQuery: 'نتائج البحث عن',
  },
  en: {
    title: 'Qirtas notes',
    generated: 'Exported on',
    articles: GLOSSARY.en.articles,
    highlights: GLOSSARY.en.highlights,
    note: 'Note',
    notes: GLOSSARY.en.notes,
    tags: GLOSSARY.en.tags,
    source: GLOSSARY.en.source,
    author: GLOSSARY.en.author,
    published: GLOSSARY.en.published,
    link: 'Link',
    paragraph: 'Paragraph',
    position: 'Position',
    orphan: 'This passage was not found in the current text',
    noTag: 'No tag',
    noHighlights: 'No highlights in this article.',
    undated: 'n.d.',
    scopeAll: 'The whole archive',
    scopeArticles: 'Selected articles',
    scopeTag: 'Tag',
    scopeColor: 'Colour',
    scopeQuery: 'Search results for',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ExportLabels = (typeof EXPORT_LABELS)[Locale];

/** What each colour means unless the user renamed it (settings.colorLabels); the reader's defaults. */
export const DEFAULT_COLOR_LABELS: Record<Locale, Record<HighlightColor, string>> = {
  ar: { yellow: 'ادعاء', green: 'دليل', blue: 'فاعل', pink: 'مكان', purple: 'سؤال' },
  en: { yellow: 'Claim', green: 'Evidence', blue: 'Actor', pink: 'Place', purple: 'Question' },
};

export const COLOR_NAMES: Record<Locale, Record<HighlightColor, string>> = {
  ar: { yellow: 'أصفر', green: 'أخضر', blue: 'أزرق', pink: 'وردي', purple: 'بنفسجي' },
  en: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' },
};

/** Light tints that keep black text readable on screen, in print and in Word (hex, no #). */
export const COLOR_FILLS: Record<HighlightColor, string> = {
  yellow: 'FFE680',
  green: 'B7E4C2',
  blue: 'BCD8FB',
  pink: 'F9C4DC',
  purple: 'DCCCF8',
};

/** The stronger swatch colour (borders, bars). */
export const COLOR_SWATCHES: Record<HighlightColor, string> = {
  yellow: 'E0B000',
  green: '3FAE5E',
  blue: '3D8FF0',
  pink: 'EC5A9C',
  purple: '8E63E6',
};
