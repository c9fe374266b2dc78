/**
 * Numbers in the UI language: counts with their plural forms (Intl.PluralRules:
 * Arabic has six — «لا ملاحظات»، «ملاحظة واحدة»، «ملاحظتان»، «٣ ملاحظات»،
 * «١١ ملاحظة»، «١٠٠ ملاحظة» —, never «3 ملاحظة»; the number isolated), and sizes with Arabic unit names
 * («11.5 كيلوبايت», not «11.5 KB»). Digits stay Latin, as in the app's dates.
 */
import type { Locale } from '../../common/types/article.js';
import { isolate } from './fill.js';
import { COUNTS, type CountedNoun } from './plural-strings.js';

const LOCALE_TAG: Record<Locale, string> = { ar: 'ar-u-nu-latn', en: 'en' };

/** A count's phrase in each plural category the locale uses; `{n}` is the number. Missing categories fall back to `other`. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}/${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAG[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/**
 * «3 ملاحظات», «11 ملاحظة», "1 note", "3 notes": the phrase of the count's plural
 * category, the number bidi-isolated so it never runs into the words around it.
 */
export function formatCount(count: number, locale: Locale, forms: PluralForms): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE_TAG[locale]);
    pluralRules.set(locale, rules);
  }
  const template = forms[rules.select(count)] ?? forms.other;
  return template.replace('{n}', isolate(formatNumber(count, locale)));
}

/** A counted noun of the UI (plural-strings.ts) for `count`. */
export function plural(noun: CountedNoun, count: number, locale: Locale): string {
  return formatCount(count, locale, COUNTS[noun][locale]);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size in bytes with the locale's unit names, one decimal above a kilobyte; `exact` gives every byte. */
export function formatBytes(bytes: number, locale: Locale, exact = false): string {
  let value = bytes;
  let unit = 0;
  while (!exact && value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Arabic short unit names («م.ب») are little known; the long ones read naturally.
  const options: Intl.NumberFormatOptions = { style: 'unit', unit: UNITS[unit], unitDisplay: locale === 'ar' ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 };
  return numberFormat(locale, options).format(value);
}
