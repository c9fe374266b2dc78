// The one link rule (common/url-rule.ts): http(s) with a host is kept, every other scheme and every disguise is dropped.
import { describe, expect, it } from 'vitest';
import { isAcceptableLink, keepSafeLink, LINK_DROPPED_WARNING, safeLink } from '../../../common/url-rule.js';
import { HOSTILE_LINKS } from '../../support/hostile-links.js';

describe('safeLink', () => {
  it('keeps absolute http and https links with a host, Arabic paths and IDNs included', () => {
    for (const link of ['https://www.aljazeera.net/news/2024/12/8/درعا', 'http://example.com', 'https://user@example.com:8443/a?b=c#d', 'https://موقع.مثال/مقال', 'https://[::1]:3000/', 'HTTPS://Example.com/X']) {
      expect(safeLink(link), link).toBe(link.replace(/^HTTPS/, 'https'));
    }
    expect(safeLink('  https://example.com/a  ')).toBe('https://example.com/a');
  });

  it('drops every other scheme and every disguise', () => {
    for (const link of HOSTILE_LINKS) expect(safeLink(link), JSON.stringify(link)).toBeUndefined();
    for (const value of [undefined, null, 42, {}, ['https://example.com'], '', 'x'.repeat(3000)]) expect(safeLink(value)).toBeUndefined();
  });

  it('accepts an empty link when editing, warns once when importing, and never repeats the link in the warning', () => {
    expect(isAcceptableLink('')).toBe(true);
    expect(isAcceptableLink('javascript:alert(1)')).toBe(false);
    const warnings: string[] = [];
    expect(keepSafeLink('javascript:alert(1)', warnings)).toBe('');
    expect(keepSafeLink('data:text/html,x', warnings)).toBe('');
    expect(keepSafeLink('', warnings)).toBe('');
    expect(keepSafeLink('https://example.com/', warnings)).toBe('https://example.com/');
    expect(warnings).toEqual([LINK_DROPPED_WARNING]);
    expect(LINK_DROPPED_WARNING).not.toMatch(/javascript|data:/);
  });
});
