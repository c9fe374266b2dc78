/**
 * The UI language: a context holding the locale and its strings, and the
 * document's lang/dir kept in step (Arabic right-to-left, English left-to-right).
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Locale } from '../../common/types/article.js';
import { STRINGS, type Strings } from './strings.js';

interface I18n {
  locale: Locale;
  t: Strings;
  dir: 'rtl' | 'ltr';
}

const I18nContext = createContext<I18n>({ locale: 'ar', t: STRINGS.ar, dir: 'rtl' });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
  }, [locale, dir]);
  return <I18nContext.Provider value={{ locale, t: STRINGS[locale], dir }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build (the Umm al-Qura one especially): one per locale and calendar. */
function dateFormat(locale: Locale, calendar: 'gregory' | 'islamic-umalqura'): Intl.DateTimeFormat {
  const key = `${locale}/${calendar}`;
  let format = dateFormats.get(key);
  if (!format) {
    const tag = locale === 'ar' ? 'ar' : 'en-GB';
    format = new Intl.DateTimeFormat(`${tag}-u-ca-${calendar}-nu-latn`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** Formats an ISO date for the UI locale, with the Hijri (Umm al-Qura) date beside the Gregorian one. */
export function formatDualDate(iso: string, locale: Locale): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateFormat(locale, 'gregory').format(date)} · ${dateFormat(locale, 'islamic-umalqura').format(date)}`;
}
