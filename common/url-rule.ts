/**
 * The one rule for links that enter the archive (issue 13): an article's
 * source link is kept only when it is an absolute http:// or https:// URL with
 * a host; everything else — javascript:, data:, vbscript:, file:, mailto:,
 * relative paths, scheme-relative "//host", links hiding a scheme behind
 * control characters, whitespace or entities — is dropped, and the caller says
 * so with LINK_DROPPED_WARNING (which never repeats the link: it may be a
 * script). Every import path (text, Markdown, HTML, Word, PDF, JSONL, CSV,
 * import-json) and metadata editing go through it. Pure: no URL class, so it
 * runs the same in every runtime.
 */

/** The warning for a dropped link; it never repeats the link itself. */
export const LINK_DROPPED_WARNING = 'a link that is not an absolute http(s) URL was ignored';

const MAX_LINK_LENGTH = 2000;
// Browsers strip leading/trailing C0 controls and spaces and delete tabs and newlines anywhere
// ("java\tscript:" is javascript:); a link holding any of them, or other invisible characters, is refused.
const INVISIBLE = new Set([0xad, 0x61c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x3000, 0x3164, 0xfeff, 0xffa0]);
function hasControlOrInvisible(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code <= 0x20 || (code >= 0x7f && code <= 0xa0) || INVISIBLE.has(code)) return true;
    // General punctuation spaces, zero-width and bidi marks, line/paragraph separators, invisible operators.
    if ((code >= 0x2000 && code <= 0x200f) || (code >= 0x2028 && code <= 0x202f) || (code >= 0x205f && code <= 0x206f) || (code >= 0xfff9 && code <= 0xfffb)) return true;
  }
  return false;
}
const HTTP_LINK = /^(https?):\/\/([^/?#\\]+)([/?#][^\\]*)?$/i;
// user:pass@host[:port]; the host is a name (any script: IDNs are fine), an IPv4 or a bracketed IPv6 address.
const AUTHORITY = /^(?:[^@]*@)?(\[[0-9a-f:.]+\]|[^\s:@[\]]+)(?::(\d{1,5}))?$/i;

/**
 * The link as stored (scheme lower-cased, surrounding spaces trimmed), or
 * undefined when it is not an absolute http(s) URL with a host.
 */
export function safeLink(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_LINK_LENGTH || hasControlOrInvisible(trimmed)) return undefined;
  const match = HTTP_LINK.exec(trimmed);
  if (!match) return undefined;
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string | undefined];
  const host = AUTHORITY.exec(authority);
  if (!host) return undefined;
  const port = host[2];
  if (port !== undefined && Number(port) > 65535) return undefined;
  const name = host[1] as string;
  if (!name.startsWith('[') && (name.startsWith('.') || name.includes('..') || /^[.-]|%/.test(name))) return undefined;
  return `${scheme.toLowerCase()}://${authority}${rest ?? ''}`;
}

/** True for '' (no link) or a link the rule keeps: for validating edited metadata. */
export function isAcceptableLink(value: string): boolean {
  return value === '' || safeLink(value) !== undefined;
}

/**
 * The link to store for an imported value: the safe link, or '' when there was
 * none; a value that was dropped adds LINK_DROPPED_WARNING to `warnings` once.
 */
export function keepSafeLink(value: unknown, warnings?: string[]): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return '';
  const link = safeLink(value);
  if (link === undefined && warnings && !warnings.includes(LINK_DROPPED_WARNING)) warnings.push(LINK_DROPPED_WARNING);
  return link ?? '';
}
