/** UI text of the reader, highlights and the Notes view, in Arabic and English. */
export const READER_STRINGS = {
  ar: {
    notes: 'الملاحظات',
  },
  en: {
    notes: 'Notes',
  },
} as const;
