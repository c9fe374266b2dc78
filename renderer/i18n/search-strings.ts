/** UI text of search (the Ctrl+K palette and results), in Arabic and English. */
export const SEARCH_STRINGS = {
  ar: {
    search: 'بحث',
  },
  en: {
    search: 'Search',
  },
} as const;
