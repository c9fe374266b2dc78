/**
 * UI text of the research library (issue 10): columns, filter and facets, the
 * collections sidebar, multi-selection and bulk actions, reading status, themes.
 * Counts go through `plural` (Intl.PluralRules), so Arabic says «3 مقالات»,
 * «11 مقالًا», «مقالان» — never «3 مقال».
 */
import type { Locale } from '../../common/types/article.js';

const ar = {
  colTitle: 'العنوان',
  colSource: 'المصدر',
  colAuthor: 'الكاتب',
  colPublished: 'تاريخ النشر',
  colAdded: 'تاريخ الإضافة',
  colWords: 'الكلمات',
  colHighlights: 'الإبرازات',
  colLastRead: 'آخر قراءة',
  colStatus: 'حالة القراءة',
  statusUnread: 'لم يُقرأ',
  statusReading: 'قيد القراءة',
  statusRead: 'مقروء',
  progressLabel: 'قُرئ {percent}',
  neverRead: '—',
  noDate: '—',
  columnsMenu: 'الأعمدة',
  columnsHint: 'اختر الأعمدة الظاهرة',
  sortedAscending: 'مرتّب تصاعديًا',
  sortedDescending: 'مرتّب تنازليًا',
  filterLabel: 'تصفية المكتبة',
  filterPlaceholder: 'صفِّ بالعنوان أو المصدر أو الكاتب أو الوسم…',
  clearFilters: 'مسح عوامل التصفية',
  facetTags: 'الوسوم',
  facetSources: 'المصادر',
  facetAuthors: 'الكتّاب',
  facetYears: 'سنة النشر',
  facetStatus: 'حالة القراءة',
  facetHighlights: 'الإبرازات',
  withHighlights: 'فيها إبرازات',
  withoutHighlights: 'بلا إبرازات',
  undated: 'بلا تاريخ',
  showMore: 'المزيد',
  showLess: 'أقل',
  facetsTitle: 'تضييق النتائج',
  allArticles: 'كل المقالات',
  collectionsTitle: 'المجموعات',
  savedSearchesTitle: 'عمليات البحث المحفوظة',
  newCollection: 'مجموعة جديدة',
  newSubcollection: 'مجموعة فرعية',
  collectionName: 'اسم المجموعة',
  rename: 'إعادة التسمية',
  deleteCollection: 'حذف المجموعة',
  deleteSavedSearch: 'حذف البحث المحفوظ',
  confirmDeleteCollection: 'حذف المجموعة «{name}»؟ لن تُحذف مقالاتها من المكتبة.',
  confirmDeleteSavedSearch: 'حذف البحث المحفوظ «{name}»؟',
  collectionCreated: 'أُنشئت المجموعة «{name}».',
  noCollections: 'لا مجموعات بعد. أنشئ واحدة ثم اسحب إليها المقالات.',
  noSavedSearches: 'احفظ بحثًا من لوحة البحث ليظهر هنا ويتحدّث تلقائيًا.',
  collectionActions: 'إجراءات المجموعة',
  dropHint: 'أفلت لإضافة المقالات إلى «{name}»',
  expand: 'توسيع',
  collapse: 'طيّ',
  selectRow: 'تحديد المقال',
  selectionBar: 'إجراءات على المحدَّد',
  clearSelection: 'إلغاء التحديد',
  selectAll: 'تحديد الكل',
  addTag: 'إضافة وسم',
  removeTag: 'إزالة وسم',
  tagPrompt: 'الوسم',
  addToCollection: 'إضافة إلى مجموعة',
  removeFromCollection: 'إزالة من هذه المجموعة',
  chooseCollection: 'اختر مجموعة',
  setStatus: 'حالة القراءة',
  exportSelection: 'تصدير المحدَّد',
  trashSelection: 'نقل إلى السلة',
  apply: 'تطبيق',
  saveSearch: 'احفظ كمجموعة ذكية',
  saveSearchName: 'اسم البحث المحفوظ',
  searchSaved: 'حُفظ البحث «{name}».',
  markRead: 'تعليم كمقروء',
  markUnread: 'تعليم كغير مقروء',
  readingStatusLabel: 'حالة القراءة',
  themeLabel: 'المظهر',
  themeSystem: 'حسب النظام',
  libraryGrid: 'مقالات المكتبة',
  emptyFilter: 'لا مقالات تطابق التصفية.',
  emptyCollection: 'هذه المجموعة فارغة. اسحب إليها مقالات أو استخدم «إضافة إلى مجموعة».',
  emptySavedSearch: 'لا مقالات تطابق هذا البحث الآن.',
  ofTotal: 'من',
  libraryKeysHint: 'الأسهم للتنقل، المسافة للتحديد، Shift للتوسيع، Ctrl+A للكل، Enter للفتح.',
} as const;

type LibraryStrings = Record<keyof typeof ar, string>;

const en: LibraryStrings = {
  colTitle: 'Title',
  colSource: 'Source',
  colAuthor: 'Author',
  colPublished: 'Published',
  colAdded: 'Added',
  colWords: 'Words',
  colHighlights: 'Highlights',
  colLastRead: 'Last read',
  colStatus: 'Reading status',
  statusUnread: 'Unread',
  statusReading: 'Reading',
  statusRead: 'Read',
  progressLabel: '{percent} read',
  neverRead: '—',
  noDate: '—',
  columnsMenu: 'Columns',
  columnsHint: 'Choose the columns to show',
  sortedAscending: 'sorted ascending',
  sortedDescending: 'sorted descending',
  filterLabel: 'Filter the library',
  filterPlaceholder: 'Filter by title, source, author or tag…',
  clearFilters: 'Clear filters',
  facetTags: 'Tags',
  facetSources: 'Sources',
  facetAuthors: 'Authors',
  facetYears: 'Year published',
  facetStatus: 'Reading status',
  facetHighlights: 'Highlights',
  withHighlights: 'With highlights',
  withoutHighlights: 'Without highlights',
  undated: 'Undated',
  showMore: 'More',
  showLess: 'Less',
  facetsTitle: 'Narrow down',
  allArticles: 'All articles',
  collectionsTitle: 'Collections',
  savedSearchesTitle: 'Saved searches',
  newCollection: 'New collection',
  newSubcollection: 'Sub-collection',
  collectionName: 'Collection name',
  rename: 'Rename',
  deleteCollection: 'Delete collection',
  deleteSavedSearch: 'Delete saved search',
  confirmDeleteCollection: 'Delete the collection “{name}”? Its articles stay in the library.',
  confirmDeleteSavedSearch: 'Delete the saved search “{name}”?',
  collectionCreated: 'Collection “{name}” created.',
  noCollections: 'No collections yet. Create one, then drag articles onto it.',
  noSavedSearches: 'Save a search from the search palette to keep it here, always up to date.',
  collectionActions: 'Collection actions',
  dropHint: 'Drop to add the articles to “{name}”',
  expand: 'Expand',
  collapse: 'Collapse',
  selectRow: 'Select article',
  selectionBar: 'Actions on the selection',
  clearSelection: 'Clear selection',
  selectAll: 'Select all',
  addTag: 'Add tag',
  removeTag: 'Remove tag',
  tagPrompt: 'Tag',
  addToCollection: 'Add to collection',
  removeFromCollection: 'Remove from this collection',
  chooseCollection: 'Choose a collection',
  setStatus: 'Reading status',
  exportSelection: 'Export selection',
  trashSelection: 'Move to trash',
  apply: 'Apply',
  saveSearch: 'Save as smart collection',
  saveSearchName: 'Saved search name',
  searchSaved: 'Search “{name}” saved.',
  markRead: 'Mark as read',
  markUnread: 'Mark as unread',
  readingStatusLabel: 'Reading status',
  themeLabel: 'Theme',
  themeSystem: 'System',
  libraryGrid: 'Library articles',
  emptyFilter: 'No articles match the filter.',
  emptyCollection: 'This collection is empty. Drag articles onto it or use “Add to collection”.',
  emptySavedSearch: 'No articles match this search right now.',
  ofTotal: 'of',
  libraryKeysHint: 'Arrows move, Space selects, Shift extends, Ctrl+A selects all, Enter opens.',
};

export const LIBRARY_STRINGS = { ar, en };

/** Plural forms of one counted noun; `{n}` stands for the number. Arabic uses all six categories. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Counted nouns of the library, by locale. */
export const COUNTS = {
  articles: {
    ar: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '{n} مقالات', many: '{n} مقالًا', other: '{n} مقال' },
    en: { one: '{n} article', other: '{n} articles' },
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
  highlights: {
    ar: { zero: 'لا إبرازات', one: 'إبراز واحد', two: 'إبرازان', few: '{n} إبرازات', many: '{n} إبرازًا', other: '{n} إبراز' },
    en: { one: '{n} highlight', other: '{n} highlights' },
  },
} satisfies Record<string, Record<Locale, PluralForms>>;

export type CountedNoun = keyof typeof COUNTS;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A number in the UI's digits (Latin digits in Arabic too, as the rest of the app shows them). */
export function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en');
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * "3 مقالات": the plural form Intl.PluralRules picks for `count`, with the number
 * bidi-isolated (FSI…PDI) so it never runs into the words around it.
 */
export function plural(noun: CountedNoun, count: number, locale: Locale): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const forms: PluralForms = COUNTS[noun][locale];
  const category = count === 0 && forms.zero !== undefined ? 'zero' : rules.select(count);
  const template = forms[category] ?? forms.other;
  return template.replace('{n}', `\u2068${formatNumber(count, locale)}\u2069`);
}

/** Fills `{name}`-style slots, isolating each value so an Arabic name inside an English sentence (or the reverse) keeps its order. */
export function fillSlots(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? `\u2068${String(values[key])}\u2069` : whole));
}
