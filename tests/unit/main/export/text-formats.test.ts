/**
 * The text formats read back: CSV (BOM, parsed with papaparse), Markdown (YAML
 * front matter parsed, body rendered with markdown-it), HTML (parsed with
 * linkedom: lang/dir, CSP, embedded font, print stylesheet, XSS note escaped),
 * BibTeX, RIS and CSL-JSON (parsed by small parsers here) — every highlight and
 * note present, citations with title, source and date. Also the scopes (tag,
 * colour, articles, search) and the grouping, and the text-with-highlights view.
 */
import MarkdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile, ExportPreview, ExportRequest } from '../../../../common/api.js';
import { canonicalText } from '../../../../common/types/article.js';
import { splitTags } from '../../../../main/export/csv.js';
import { obsidianTag } from '../../../../main/export/markdown.js';
import { buildNotesArchive, call, type NotesArchive, SECOND_PHRASE, SEED_HIGHLIGHTS, XSS_NOTE } from './archive-with-notes.js';

let archive: NotesArchive;
const ALL = [...SEED_HIGHLIGHTS, { phrase: SECOND_PHRASE, color: 'yellow' as const, note: 'غرفة عمليات مشتركة في الجنوب.', tags: ['درعا'] }];

beforeAll(async () => {
  archive = await buildNotesArchive();
});
afterAll(async () => {
  await archive.app.close();
});

async function exportText(request: ExportRequest): Promise<{ file: ExportFile; bytes: Buffer; text: string }> {
  const file = await call<ExportFile>(archive.app, 'exportNotes', request);
  const bytes = Buffer.from(file.data, 'base64');
  return { file, bytes, text: bytes.toString('utf8') };
}

/** Without the direction marks and isolates the exports put around numbers and users' strings. */
const squashLtr = (text: string) => text.replace(/[\u200E\u200F\u2066-\u2069]/g, '');
/**
 * The highlights as painted in the text: a highlight that starts or ends inside
 * a word is painted over the whole word (the seed's «قوات سوريا…» is inside «بقوات»).
 */
const PAINTED = SEED_HIGHLIGHTS.map((planned) => (planned.phrase.startsWith('قوات سوريا') ? `ب${planned.phrase}` : planned.phrase));

describe('CSV', () => {
  it('starts with the UTF-8 BOM and parses back, one row per highlight, with the same quotes and notes', async () => {
    const { bytes, text, file } = await exportText({ scope: { kind: 'all' }, format: 'csv', options: { onlyHighlights: true } });
    expect(file.mimeType).toContain('text/csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(ALL.length);
    const byQuote = new Map(parsed.data.map((row) => [row.quote, row]));
    for (const planned of ALL) {
      const row = byQuote.get(planned.phrase);
      expect(row, planned.phrase).toBeDefined();
      expect(row?.color).toBe(planned.color);
      expect(row?.note).toBe(planned.note ?? '');
      expect(row?.tags).toBe((planned.tags ?? []).join('|'));
      expect(splitTags(row?.tags ?? '')).toEqual(planned.tags ?? []);
      expect(Number(row?.end) - Number(row?.start)).toBe(planned.phrase.length);
      expect(row?.status).toBe('anchored');
    }
    expect(byQuote.get(SEED_HIGHLIGHTS[0]!.phrase)).toMatchObject({ article_title: 'المعارضة السورية تتقدم نحو حمص', source: 'الجزيرة نت', published: '2024-12-07', paragraph: '1', start: '0' });
  });
});

describe('Markdown', () => {
  const render = (markdown: string) => new MarkdownIt({ html: false }).render(markdown);

  it('has YAML front matter for Obsidian and every highlight as a quote with its note and #tags', async () => {
    const { text } = await exportText({ scope: { kind: 'all' }, format: 'md', options: { onlyHighlights: true, groupBy: 'article' } });
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(match).not.toBeNull();
    const front = parseYaml(match![1] as string) as Record<string, unknown>;
    expect(front).toMatchObject({ generator: 'Qirtas', lang: 'ar', dir: 'rtl', articles: 2, highlights: ALL.length });
    expect(front.tags).toEqual(expect.arrayContaining(['تقدم_المعارضة', 'سؤال_مفتوح', 'درعا']));
    const body = text.slice(match![0].length);
    const html = render(body);
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    const quotes = [...document.querySelectorAll('blockquote')].map((node) => node.textContent?.trim());
    for (const planned of ALL) {
      expect(quotes).toContain(planned.phrase);
      if (planned.note) expect(squashLtr(document.body.textContent ?? '').replace(/\s+/g, ' ')).toContain(planned.note.replace(/\s+/g, ' '));
      for (const tag of planned.tags ?? []) expect(body).toContain(`#${obsidianTag(tag)}`);
    }
    // The XSS note is text: escaped in the Markdown, no element in the rendered HTML.
    expect(body).toContain('\\<img src\\=x');
    expect(document.querySelectorAll('img, script').length).toBe(0);
    expect(document.body.textContent).toContain(XSS_NOTE);
    // Citation and position travel with each highlight.
    expect(squashLtr(body)).toContain('المعارضة السورية تتقدم نحو حمص، الجزيرة نت، مراسل الجزيرة، 2024-12-07 · الفقرة 1، الموضع 0-51');
  });

  it('marks the highlights in the article text with == and puts the notes in footnotes', async () => {
    const { text } = await exportText({ scope: { kind: 'articles', ids: [archive.seedId] }, format: 'md' });
    for (const painted of PAINTED) expect(text).toContain(`==${painted}==`);
    expect(squashLtr(text)).toContain('[^1-1]: الادعاء الرئيسي للمقال');
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1] as string) as Record<string, unknown>;
    expect(front).toMatchObject({ title: 'المعارضة السورية تتقدم نحو حمص', source: 'الجزيرة نت', published: '2024-12-07', url: 'https://www.aljazeera.net/news/2024/12/7/syria' });
  });

  it('turns Arabic tags with spaces into Obsidian tags', () => {
    expect(obsidianTag('تقدم المعارضة')).toBe('تقدم_المعارضة');
    expect(obsidianTag('  سؤال  مفتوح ')).toBe('سؤال_مفتوح');
    expect(obsidianTag('2024')).toBe('_2024');
    expect(obsidianTag('a#b,c')).toBe('abc');
  });
});

describe('HTML', () => {
  it('is self-contained, right-to-left, printable, with every highlight and note escaped', async () => {
    const { text, file } = await exportText({ scope: { kind: 'all' }, format: 'html', options: { onlyHighlights: true } });
    expect(file.mimeType).toContain('text/html');
    const { document } = parseHTML(text);
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    const css = document.querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/@font-face\s*{[^}]*font-family: 'Qirtas Naskh'[^}]*src: url\(data:font\/ttf;base64,/);
    expect(css).toContain('@media print');
    expect(document.querySelectorAll('script, img, iframe, object').length).toBe(0);
    // No external resource at all: only data: URLs and the article links.
    expect(text).not.toMatch(/src=["']?https?:/);
    const quotes = [...document.querySelectorAll('.quote')].map((node) => node.textContent);
    const notes = [...document.querySelectorAll('.note-text')].map((node) => node.textContent ?? '');
    for (const planned of ALL) {
      expect(quotes).toContain(planned.phrase);
      if (planned.note) expect(notes.some((note) => note.includes(planned.note!))).toBe(true);
    }
    expect(text).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(text).not.toContain('<img src=x');
    expect(document.querySelector('a[href]')?.getAttribute('href')).toBe('https://www.aljazeera.net/news/2024/12/7/syria');
  });

  it('marks the highlights in the text in their colours, with note references', async () => {
    const { text } = await exportText({ scope: { kind: 'articles', ids: [archive.seedId] }, format: 'html' });
    const { document } = parseHTML(text);
    const marks = [...document.querySelectorAll('.text mark')].map((node) => [node.getAttribute('class'), node.textContent]);
    expect(marks).toEqual(SEED_HIGHLIGHTS.map((planned, index) => [`hl-${planned.color}`, PAINTED[index]]));
    expect(document.querySelectorAll('.text sup.ref a').length).toBe(SEED_HIGHLIGHTS.length);
    expect(document.querySelector('#n1-1')?.textContent).toContain(SEED_HIGHLIGHTS[0]!.note);
  });
});

/** A small BibTeX reader: @type{key, name = {value} | bare, …}. */
function parseBibtex(text: string): Array<{ type: string; key: string; fields: Record<string, string> }> {
  const entries: Array<{ type: string; key: string; fields: Record<string, string> }> = [];
  const header = /@(\w+)\{([^,\s]+),/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const fields: Record<string, string> = {};
    let at = header.lastIndex;
    for (;;) {
      const field = /\s*(\w+)\s*=\s*/y;
      field.lastIndex = at;
      const name = field.exec(text);
      if (!name) break;
      at = field.lastIndex;
      let value: string;
      if (text[at] === '{') {
        let depth = 0;
        let end = at;
        for (; end < text.length; end += 1) {
          if (text[end] === '\\') {
            end += 1;
            continue;
          }
          if (text[end] === '{') depth += 1;
          if (text[end] === '}' && --depth === 0) break;
        }
        value = text.slice(at + 1, end);
        at = end + 1;
      } else {
        const bare = /[^,}\s]+/y;
        bare.lastIndex = at;
        value = bare.exec(text)?.[0] ?? '';
        at = bare.lastIndex;
      }
      fields[name[1]!.toLowerCase()] = value;
      const comma = /\s*,/y;
      comma.lastIndex = at;
      if (!comma.exec(text)) break;
      at = comma.lastIndex;
    }
    expect(text.slice(at).trimStart().startsWith('}')).toBe(true);
    entries.push({ type: match[1]!.toLowerCase(), key: match[2]!, fields });
    header.lastIndex = at;
  }
  return entries;
}

function parseRis(text: string): Array<Record<string, string[]>> {
  const records: Array<Record<string, string[]>> = [];
  let current: Record<string, string[]> | null = null;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, tag, value] = match!;
    if (tag === 'TY') current = {};
    expect(current).not.toBeNull();
    (current![tag!] ??= []).push(value!);
    if (tag === 'ER') {
      records.push(current!);
      current = null;
    }
  }
  expect(current).toBeNull();
  return records;
}

describe('citations', () => {
  const request = (format: 'bib' | 'ris' | 'csl'): ExportRequest => ({ scope: { kind: 'all' }, format });

  it('BibTeX parses and carries title, source and date', async () => {
    const entries = parseBibtex((await exportText(request('bib'))).text);
    expect(entries).toHaveLength(2);
    const seed = entries.find((entry) => entry.fields.title === 'المعارضة السورية تتقدم نحو حمص');
    expect(seed).toMatchObject({ type: 'article', fields: { journal: 'الجزيرة نت', author: '{مراسل الجزيرة}', date: '2024-12-07', year: '2024', month: 'dec', url: 'https://www.aljazeera.net/news/2024/12/7/syria' } });
    expect(entries.find((entry) => entry.fields.title === 'عمليات الجنوب')?.fields.journal).toBe('مصدر ثان');
  });

  it('RIS parses and carries title, source and date', async () => {
    const { text } = await exportText(request('ris'));
    const records = parseRis(text);
    expect(records).toHaveLength(2);
    const seed = records.find((record) => record.TI?.[0] === 'المعارضة السورية تتقدم نحو حمص');
    expect(seed).toMatchObject({ TY: ['NEWS'], T2: ['الجزيرة نت'], AU: ['مراسل\u00A0الجزيرة'], PY: ['2024'], DA: ['2024/12/07'], UR: ['https://www.aljazeera.net/news/2024/12/7/syria'], KW: ['سوريا', 'حمص'] });
  });

  it('CSL-JSON parses and carries title, container (source) and issued date', async () => {
    const { text, file } = await exportText(request('csl'));
    expect(file.fileName).toMatch(/\.csl\.json$/);
    const items = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(2);
    const seed = items.find((item) => item.title === 'المعارضة السورية تتقدم نحو حمص');
    expect(seed).toMatchObject({ type: 'article-newspaper', 'container-title': 'الجزيرة نت', author: [{ literal: 'مراسل الجزيرة' }], issued: { 'date-parts': [[2024, 12, 7]] }, URL: 'https://www.aljazeera.net/news/2024/12/7/syria', language: 'ar' });
  });
});

describe('scopes, grouping and preview', () => {
  const view = async (request: ExportRequest, maxEntries?: number) => (await call<ExportPreview>(archive.app, 'previewExport', { ...request, ...(maxEntries ? { maxEntries } : {}) })).view;
  const quotes = (sections: Array<{ entries: Array<{ quote: string }> }>) => sections.flatMap((section) => section.entries.map((entry) => entry.quote));

  it('a tag: articles with the tag (all their highlights) and highlights with it elsewhere', async () => {
    const byArticleTag = await view({ scope: { kind: 'tag', tag: 'حمص' }, format: 'md', options: { onlyHighlights: true } });
    expect(quotes(byArticleTag.sections)).toEqual(SEED_HIGHLIGHTS.map((planned) => planned.phrase));
    const byHighlightTag = await view({ scope: { kind: 'tag', tag: 'درعا' }, format: 'md', options: { onlyHighlights: true } });
    expect(quotes(byHighlightTag.sections).sort()).toEqual([SEED_HIGHLIGHTS[2]!.phrase, SECOND_PHRASE].sort());
  });

  it('a colour, chosen articles, and search results', async () => {
    expect(quotes((await view({ scope: { kind: 'color', color: 'blue' }, format: 'md', options: { onlyHighlights: true } })).sections)).toEqual([SEED_HIGHLIGHTS[3]!.phrase, SEED_HIGHLIGHTS[4]!.phrase]);
    expect(quotes((await view({ scope: { kind: 'articles', ids: [archive.secondId] }, format: 'md', options: { onlyHighlights: true } })).sections)).toEqual([SECOND_PHRASE]);
    const found = await view({ scope: { kind: 'query', query: 'سانا' }, format: 'md', options: { onlyHighlights: true } });
    expect(found.articleCount).toBe(1);
    expect(found.sections[0]?.articleId).toBe(archive.seedId);
  });

  it('groups by colour and by tag (untagged last), each entry with its citation', async () => {
    const byColor = await view({ scope: { kind: 'all' }, format: 'md', options: { onlyHighlights: true, groupBy: 'color' } });
    expect(byColor.sections.map((section) => section.color)).toEqual(['yellow', 'green', 'blue', 'pink', 'purple']);
    expect(byColor.sections[0]?.title).toBe('ادعاء (أصفر)');
    expect(byColor.sections[0]?.entries.map((entry) => entry.citation.title)).toEqual(['المعارضة السورية تتقدم نحو حمص', 'عمليات الجنوب']);
    const byTag = await view({ scope: { kind: 'all' }, format: 'md', options: { onlyHighlights: true, groupBy: 'tag', locale: 'en' } });
    expect(byTag.sections.at(-1)?.title).toBe('No tag');
    expect(quotes([byTag.sections.at(-1)!])).toEqual([SEED_HIGHLIGHTS[3]!.phrase, SEED_HIGHLIGHTS[4]!.phrase]);
    expect(byTag.sections.find((section) => section.title === 'درعا')?.entries).toHaveLength(2);
  });

  it('cuts the text into segments that give back the text, highlighted where the highlights are', async () => {
    const full = await view({ scope: { kind: 'articles', ids: [archive.seedId] }, format: 'md' });
    const section = full.sections[0]!;
    const article = await call<{ blocks: never }>(archive.app, 'getArticle', { id: archive.seedId });
    expect(section.blocks!.map((block) => block.segments.map((segment) => segment.text).join('')).join('\n\n')).toBe(canonicalText(article.blocks));
    const marked = section.blocks!.flatMap((block) => block.segments.filter((segment) => segment.color).map((segment) => segment.text));
    expect(marked).toEqual(PAINTED);
    // The entries keep the exact quotes.
    expect(section.entries.map((entry) => entry.quote)).toEqual(SEED_HIGHLIGHTS.map((planned) => planned.phrase));
  });

  it('previews a cut view and the file text (HTML without the font)', async () => {
    const preview = await call<ExportPreview>(archive.app, 'previewExport', { scope: { kind: 'all' }, format: 'html', options: { onlyHighlights: true }, maxEntries: 3 });
    expect(preview.view.truncated).toBe(true);
    expect(quotes(preview.view.sections)).toHaveLength(3);
    expect(preview.text).toContain('<html lang="ar" dir="rtl">');
    expect(preview.text).not.toContain('base64');
    const docx = await call<ExportPreview>(archive.app, 'previewExport', { scope: { kind: 'all' }, format: 'docx' });
    expect(docx.text).toBeNull();
  });
});
