/**
 * Citations of the exported articles for reference managers: CSL-JSON (Zotero,
 * Pandoc, citeproc), BibTeX (biblatex and BibTeX) and RIS (EndNote, Mendeley,
 * Zotero). One record per article: title, source (the newspaper or site),
 * author, date, link, language, tags as keywords. Arabic stays as UTF-8.
 */
import type { ArticleMeta } from '../../common/types/article.js';
import { safeUrl } from './common.js';

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
      ...(meta.author ? { author: [{ literal: meta.author }] } : {}),
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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function renderBibtex(articles: readonly ArticleMeta[]): string {
  const entries = articles.map((meta) => {
    const fields: Array<[string, string]> = [['title', `{${escapeBibtex(meta.title)}}`]];
    if (meta.author) fields.push(['author', `{${escapeBibtex(meta.author)}}`]);
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
    if (meta.author) lines.push(`AU  - ${single(meta.author)}`);
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
