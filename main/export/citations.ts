/**
 * Citations of the exported articles for reference managers: CSL-JSON (Zotero,
 * Pandoc, citeproc), BibTeX (biblatex and BibTeX) and RIS (EndNote, Mendeley,
 * Zotero). One record per article: title, source (the newspaper or site),
 * author, date, link, language, tags as keywords. Arabic stays as UTF-8.
 *
 * Names (issue 12): an author is split into given and family names only when
 * it is clearly a personal name written "Given Family" or "Family, Given" in
 * Latin letters; anything else — an organisation («فريق الترجمة», «Reuters
 * Staff»), an Arabic name (whose parts a citation style cannot guess:
 * «أبو بكر», «ابن خلدون»), a byline — is one literal name: CSL-JSON
 * `literal`, BibTeX a brace-protected {name}, RIS the words joined by no-break
 * spaces (the only form bibutils and EndNote keep as one name). Several
 * authors are separated by ";" or " and ".
 */
import type { ArticleMeta } from '../../common/types/article.js';
import { normalizeExportText, safeUrl } from './common.js';

export type CitationName = { literal: string } | { family: string; given: string };

const LATIN_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’-]*\\.?";
const GIVEN_FAMILY = new RegExp(`^(?:${LATIN_WORD}\\s+){1,3}${LATIN_WORD}$`, 'u');
const FAMILY_COMMA_GIVEN = new RegExp(`^(${LATIN_WORD}(?:\\s+${LATIN_WORD})*)\\s*,\\s*((?:${LATIN_WORD}\\s*){1,3})$`, 'u');
/** Words that make a "Given Family"-shaped author an organisation. */
const ORGANISATION = /\b(staff|team|desk|editors?|editorial|agency|press|news|times|post|reuters|associated|committee|ministry|council|institute|university|college|school|centre|center|office|association|foundation|network|group|company|corporation|inc|ltd|bureau|service|department|unit|society|union|organi[sz]ation|watch|monitor|observatory|board|commission|correspondent|reporters?)\b/i;

/** The authors of an article as citation names (see the header for the rule). */
export function citationNames(author: string): CitationName[] {
  return normalizeExportText(author)
    .split(/\s*;\s*|\s+and\s+/)
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => name !== '')
    .map((name): CitationName => {
      if (ORGANISATION.test(name)) return { literal: name };
      const comma = FAMILY_COMMA_GIVEN.exec(name);
      if (comma) return { family: comma[1] as string, given: (comma[2] as string).trim() };
      if (GIVEN_FAMILY.test(name)) {
        const words = name.split(' ');
        return { family: words.pop() as string, given: words.join(' ') };
      }
      return { literal: name };
    });
}

function dateParts(published: string | null): number[] | null {
  if (!published) return null;
  const [year, month, day] = published.split('-').map(Number);
  return [year as number, month as number, day as number];
}

/** A short ASCII key: qirtas + year + the id's first characters (ids are unique). */
export function citationKey(meta: ArticleMeta): string {
  const year = meta.published?.slice(0, 4) ?? 'nd';
  return `qirtas${year}_${meta.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}`;
}

export function renderCslJson(articles: readonly ArticleMeta[]): string {
  const items = articles.map((meta) => {
    const issued = dateParts(meta.published);
    const url = safeUrl(meta.url);
    return {
      id: citationKey(meta),
      type: 'article-newspaper',
      title: meta.title,
      ...(meta.source ? { 'container-title': meta.source } : {}),
      ...(citationNames(meta.author).length > 0 ? { author: citationNames(meta.author) } : {}),
      ...(issued ? { issued: { 'date-parts': [issued] } } : {}),
      ...(url ? { URL: url } : {}),
      accessed: { 'date-parts': [dateParts(meta.importedAt.slice(0, 10)) as number[]] },
      language: meta.language || 'ar',
      ...(meta.tags.length > 0 ? { keyword: meta.tags.join(', ') } : {}),
      note: `qirtas:${meta.id}`,
    };
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** BibTeX special characters; braces are escaped so a title cannot close its field. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}%&$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Family, Given", or a literal name in its own braces (BibTeX then never splits it). */
function bibtexName(name: CitationName): string {
  return 'literal' in name ? `{${escapeBibtex(name.literal)}}` : `${escapeBibtex(name.family)}, ${escapeBibtex(name.given)}`;
}

/** "Family, Given", or a literal name with no-break spaces (bibutils and EndNote then read one name). */
function risName(name: CitationName): string {
  return 'literal' in name ? name.literal.replace(/ /g, '\u00A0') : `${name.family}, ${name.given}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function renderBibtex(articles: readonly ArticleMeta[]): string {
  const entries = articles.map((meta) => {
    const fields: Array<[string, string]> = [['title', `{${escapeBibtex(meta.title)}}`]];
    const names = citationNames(meta.author);
    if (names.length > 0) fields.push(['author', `{${names.map(bibtexName).join(' and ')}}`]);
    if (meta.source) fields.push(['journal', `{${escapeBibtex(meta.source)}}`], ['journaltitle', `{${escapeBibtex(meta.source)}}`]);
    if (meta.published) {
      fields.push(['date', `{${meta.published}}`], ['year', `{${meta.published.slice(0, 4)}}`]);
      fields.push(['month', MONTHS[Number(meta.published.slice(5, 7)) - 1] ?? `{${meta.published.slice(5, 7)}}`]);
    }
    const url = safeUrl(meta.url);
    if (url) fields.push(['url', `{${url.replace(/[{}\\]/g, encodeURIComponent)}}`], ['urldate', `{${meta.importedAt.slice(0, 10)}}`]);
    fields.push(['language', '{arabic}'], ['langid', '{arabic}']);
    if (meta.tags.length > 0) fields.push(['keywords', `{${escapeBibtex(meta.tags.join(', '))}}`]);
    fields.push(['note', `{qirtas:${meta.id}}`]);
    const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
    return `@article{${citationKey(meta)},\n${body}\n}`;
  });
  return `${entries.join('\n\n')}\n`;
}

/** RIS: one "TAG  - value" per line, CRLF, a record per article ending in "ER  - ". */
export function renderRis(articles: readonly ArticleMeta[]): string {
  const single = (text: string) => text.replace(/\s+/g, ' ').trim();
  const records = articles.map((meta) => {
    const lines: string[] = ['TY  - NEWS', `ID  - ${citationKey(meta)}`, `TI  - ${single(meta.title)}`];
    for (const name of citationNames(meta.author)) lines.push(`AU  - ${risName(name)}`);
    if (meta.source) lines.push(`T2  - ${single(meta.source)}`, `JF  - ${single(meta.source)}`);
    if (meta.published) lines.push(`PY  - ${meta.published.slice(0, 4)}`, `DA  - ${meta.published.replace(/-/g, '/')}`);
    const url = safeUrl(meta.url);
    if (url) lines.push(`UR  - ${url}`, `Y2  - ${meta.importedAt.slice(0, 10).replace(/-/g, '/')}`);
    lines.push(`LA  - ${meta.language || 'ar'}`);
    for (const tag of meta.tags) lines.push(`KW  - ${single(tag)}`);
    lines.push(`N1  - qirtas:${meta.id}`, 'ER  - ');
    return lines.join('\r\n');
  });
  return `${records.join('\r\n\r\n')}\r\n`;
}
