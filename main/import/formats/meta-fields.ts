/**
 * Cleaning of metadata values that come from files (front matter, HTML meta
 * tags, JSON-LD, dataset columns): links are kept only when they are absolute
 * http(s) URLs, tags are split and de-duplicated, strings are trimmed.
 */
import { safeLink } from '../../../common/url-rule.js';
import { cleanText } from './blocks.js';

/** An absolute http(s) URL (the one rule, common/url-rule.ts), normalised; undefined for anything else (javascript:, data:, file:, relative). */
export function safeHttpUrl(value: unknown): string | undefined {
  const link = safeLink(value);
  if (link === undefined) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A trimmed single-line string, or undefined when empty or not a string/number. */
export function metaText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  return cleanText(value) || undefined;
}

/** Tags from an array or a "a, b; c" / "أ، ب" string, trimmed and de-duplicated in order. */
export function splitTags(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.flatMap((item) => (typeof item === 'string' || typeof item === 'number' ? [String(item)] : [])) : typeof value === 'string' ? value.split(/[,;،؛]/) : [];
  return [...new Set(parts.map((part) => cleanText(part)).filter(Boolean))];
}

/**
 * A byline's lead-in before the name: «بقلم:», «كتب», «إعداد», "By", "Written by",
 * "Par", "Von", "Por" — a word a page prints before the author, never part of a
 * name. Followed by a colon, a dash or a space; only at the start.
 */
const BYLINE_LEAD = /^(?:بقلم|كتب(?:ه|ها|ت)?|إعداد|اعداد|تحرير|written\s+by|by|par|von|por)(?:\s*[:：\-–—]\s*|\s+)(?=\S)/iu;

/** An author as a name: the byline's lead-in removed (a page's «بقلم: فلان» is the author «فلان»). */
export function authorName(value: string): string {
  const trimmed = value.trim();
  return trimmed.replace(BYLINE_LEAD, '').trim() || trimmed;
}
