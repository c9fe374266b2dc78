/**
 * Small helpers shared by the reader and the Notes view: filling {placeholders},
 * the meaning each highlight colour has for this user, and the citation that goes
 * with a copied quote.
 */
import type { ColorLabels, HighlightColor, Locale } from '../../common/types/article.js';
import { formatDualDate } from '../i18n/i18n.js';
import type { Strings } from '../i18n/strings.js';
/** {placeholders} are filled by the one helper of renderer/i18n. */
export { fill } from '../i18n/fill.js';

/** The user's name for a colour, or the default meaning in the UI language. */
export function colorLabel(color: HighlightColor, labels: ColorLabels, t: Strings): string {
  const own = labels[color]?.trim();
  return own || t[`label_${color}`];
}

export interface CitationSource {
  title: string;
  source: string;
  author?: string;
  published: string | null;
  url?: string;
}

/** «quote» — title, source, date: the form a researcher pastes into a draft. */
export function quoteWithCitation(quote: string, article: CitationSource, locale: Locale): string {
  const open = locale === 'ar' ? '«' : '“';
  const close = locale === 'ar' ? '»' : '”';
  const comma = locale === 'ar' ? '، ' : ', ';
  const parts = [article.title, article.author, article.source, article.published ? formatDualDate(article.published, locale) : ''].filter(
    (part): part is string => Boolean(part && part.trim()),
  );
  const citation = `${open}${quote.trim()}${close} — ${parts.join(comma)}`;
  return article.url ? `${citation}${comma}${article.url}` : citation;
}

/** Copies text: the async clipboard API when allowed, else a hidden textarea and execCommand. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through: some hosts refuse the async clipboard outside a trusted gesture.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the clipboard is not available');
}
