/**
 * Each export opened in the programs researchers use (issue 12), on an article
 * with the hard cases: a highlight that ends inside a word, two overlapping
 * highlights, Latin notes that start with "=" and "@", a Latin tag, a note with
 * CRLF and a TAB, an organisation as author (and a personal Latin name, and an
 * agency byline, on two more articles).
 * - bibutils (bib2xml, ris2xml): every author read back as one literal name,
 *   except "John Smith", read as given and family;
 * - markdown-it with markdown-it-footnote: every footnote mark outside a word;
 * - HTML (linkedom): both colours of an overlap, note marks after whole words,
 *   notes isolated, no internal link printed;
 * - DOCX: FSI…PDI around notes and tags, w:tab, striped overlap; LibreOffice
 *   converts it to PDF and pdftotext reads the Latin notes and tag in logical
 *   order (skipped, with the reason printed, without soffice);
 * - jsonld.js in safe mode expands the JSON export with the article text and
 *   metadata present, and each annotation on its own;
 * - Python's csv module reads the tags cell back with the documented separator.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import jsonld from 'jsonld';
import { parseHTML } from 'linkedom';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile, ExportRequest, ImportOutcome } from '../../../../common/api.js';
import { canonicalText } from '../../../../common/types/article.js';
import { COLOR_FILLS } from '../../../../main/export/labels.js';
import { ANNO_CONTEXT_DOCUMENT } from './anno-context.js';
import { buildNotesArchive, call, type NotesArchive } from './archive-with-notes.js';

const which = (tool: string) => spawnSync('which', [tool], { encoding: 'utf8' }).stdout.trim();
const folder = mkdtempSync(join(tmpdir(), 'qirtas-readers-'));

const TEXT = 'قالت المصادر إن المعارضة تقدمت نحو المدينة في الصباح الباكر.\nوأكد المتحدث أن القوات انسحبت من مواقعها بعد اشتباكات عنيفة.';
const EQUALS_NOTE = '=SUM(a) and notes';
const AT_NOTE = '@editor please check';
const CRLF_NOTE = 'سطر أول\r\nسطر ثان\tبعد جدولة';

let archive: NotesArchive;
let hardId = '';
let smithId = '';
let agencyId = '';

async function importArticle(text: string, title: string, author: string): Promise<string> {
  const outcome = await call<ImportOutcome>(archive.app, 'importText', { text, title, source: 'مصدر' });
  if (outcome.status !== 'imported') throw new Error(`${title} not imported`);
  await call(archive.app, 'updateArticle', { id: outcome.article.id, patch: { author } });
  return outcome.article.id;
}

beforeAll(async () => {
  archive = await buildNotesArchive();
  hardId = await importArticle(TEXT, 'مقال الحالات الصعبة', 'فريق الترجمة');
  smithId = await importArticle('نص قصير عن الاقتصاد في المنطقة.', 'مقال ثالث', 'John Smith');
  agencyId = await importArticle('نص قصير آخر عن السياسة.', 'مقال رابع', 'Reuters Staff');
  const text = canonicalText((await call<{ blocks: never }>(archive.app, 'getArticle', { id: hardId })).blocks);
  const add = async (phrase: string, color: string, note: string, tags: string[]) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(phrase);
    await call(archive.app, 'addAnnotation', { articleId: hardId, start, end: start + phrase.length, color, note, tags });
  };
  // Ends inside «المعارضة» (a note marker there would split the word), and lies inside the next one.
  await add('المعارض', 'yellow', EQUALS_NOTE, ['method', 'حمص']);
  await add('إن المعارضة تقدمت', 'green', AT_NOTE, ['Source check']);
  await add('القوات انسحبت', 'blue', CRLF_NOTE, []);
});
afterAll(async () => {
  await archive.app.close();
});

async function exported(request: ExportRequest): Promise<Buffer> {
  return Buffer.from((await call<ExportFile>(archive.app, 'exportNotes', request)).data, 'base64');
}
const hardText = (format: ExportRequest['format']) => exported({ scope: { kind: 'articles', ids: [hardId] }, format, options: { onlyHighlights: false } });
const LETTER = /[\p{L}\p{M}]/u;
const ISOLATES = /[\u2066-\u2069\u200E\u200F]/g;

describe('citations read by bibutils', () => {
  const bibutils = which('bib2xml') && which('ris2xml');
  const reason = bibutils ? '' : 'bibutils (bib2xml, ris2xml) is not installed';
  if (reason) console.warn(`bibutils check skipped: ${reason}`);

  /** MODS names per title: each name's parts as bibutils read them. */
  function namesByTitle(mods: string): Map<string, string[][]> {
    const out = new Map<string, string[][]>();
    for (const [record] of mods.matchAll(/<mods [\s\S]*?<\/mods>/g)) {
      const title = /<title>([\s\S]*?)<\/title>/.exec(record)?.[1]?.trim() ?? '';
      const names = [...record.matchAll(/<name[^>]*>([\s\S]*?)<\/name>/g)].map(([, body]) => [...body!.matchAll(/<namePart[^>]*>([\s\S]*?)<\/namePart>/g)].map((part) => `${/type="(\w+)"/.exec(part[0])?.[1] ?? 'literal'}:${part[1]}`));
      out.set(title, names);
    }
    return out;
  }

  for (const [format, tool] of [['bib', 'bib2xml'], ['ris', 'ris2xml']] as const) {
    it.skipIf(reason !== '')(`${tool} reads an organisation, an Arabic byline and an agency as one name each, John Smith as given and family${reason ? ` — skipped: ${reason}` : ''}`, async () => {
      const path = join(folder, `all.${format}`);
      writeFileSync(path, await exported({ scope: { kind: 'all' }, format }));
      // RIS joins a literal name's words with no-break spaces (what keeps it one name): compared as spaces.
      const names = namesByTitle(execFileSync(tool, [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\u00A0/g, ' '));
      expect(names.get('مقال الحالات الصعبة')).toEqual([['literal:فريق الترجمة']]);
      expect(names.get('المعارضة السورية تتقدم نحو حمص')).toEqual([['literal:مراسل الجزيرة']]);
      expect(names.get('مقال رابع')).toEqual([['literal:Reuters Staff']]);
      expect(names.get('مقال ثالث')).toEqual([['given:John', 'family:Smith']]);
      expect(smithId && agencyId).toBeTruthy();
    });
  }
});

describe('Markdown read by markdown-it (with footnotes)', () => {
  it('puts every footnote mark after a whole word, keeps the notes, the TAB and the # of a Latin tag', async () => {
    const markdown = (await hardText('md')).toString('utf8');
    expect(markdown).not.toContain('\r');
    const html = new MarkdownIt({ html: false }).use(footnote).render(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    const refs = [...document.querySelectorAll('sup.footnote-ref')];
    expect(refs.length).toBe(3);
    for (const ref of refs) {
      // markdown-it has no == highlight syntax: the closing == stays as text before the mark.
      const before = (ref.previousSibling?.textContent ?? '').replace(ISOLATES, '').replace(/=+$/, '');
      const after = (ref.nextSibling?.textContent ?? ' ').replace(ISOLATES, '');
      // A letter before the mark, and no letter right after it: the mark ends a word, never splits one.
      expect(before, `before ${ref.textContent}`).toMatch(/[\p{L}\p{M}]$/u);
      expect(after.length === 0 || !LETTER.test(after[0]!), `after ${ref.textContent}: ${after.slice(0, 10)}`).toBe(true);
    }
    // «المعارضة» is whole: the first highlight ends inside it, its mark comes after it.
    expect(document.body.textContent).toContain('المعارضة');
    const notes = (document.querySelector('.footnotes')?.textContent ?? '').replace(ISOLATES, '');
    for (const note of [EQUALS_NOTE, AT_NOTE, 'سطر ثان\tبعد جدولة']) expect(notes).toContain(note);
    // A Latin tag: a left-to-right mark before its space and "#", so "#" stays at its left.
    expect(markdown).toContain('\u200E #method');
    expect(markdown).toContain('\u200F #حمص');
  });
});

describe('HTML', () => {
  it('shows both colours of an overlap, marks notes after whole words, isolates notes, prints no internal link', async () => {
    const text = (await hardText('html')).toString('utf8');
    const { document } = parseHTML(text);
    const overlap = document.querySelector('.text mark.hl-over');
    expect(overlap?.getAttribute('data-colors')).toBe('green yellow');
    expect(overlap?.getAttribute('style')).toContain(`#${COLOR_FILLS.green}`);
    expect(overlap?.getAttribute('style')).toContain(`#${COLOR_FILLS.yellow}`);
    expect(overlap?.textContent).toBe('المعارضة');
    for (const sup of document.querySelectorAll('.text sup.ref')) {
      const before = sup.previousSibling?.textContent ?? '';
      const after = sup.nextSibling?.textContent ?? ' ';
      expect(before).toMatch(/[\p{L}\p{M}]$/u);
      expect(LETTER.test(after[0] ?? ' ')).toBe(false);
    }
    const notes = [...document.querySelectorAll('bdi.note-text')];
    expect(notes.map((note) => note.getAttribute('dir'))).toEqual(['auto', 'auto', 'auto']);
    expect(notes.map((note) => note.textContent)).toEqual(expect.arrayContaining([EQUALS_NOTE, AT_NOTE, 'سطر أول\nسطر ثان\tبعد جدولة']));
    const css = document.querySelector('style')?.textContent ?? '';
    expect(css).toContain('a[href^="http"]::after');
    expect(css).not.toMatch(/a\[href\]::after/);
  });
});

describe('DOCX', () => {
  it('isolates notes and tags (FSI…PDI), writes a TAB as w:tab and an overlap as stripes of both colours', async () => {
    const xml = strFromU8(unzipSync(new Uint8Array(await hardText('docx')))['word/document.xml'] as Uint8Array);
    expect(xml).toContain(`\u2068${EQUALS_NOTE}\u2069`);
    expect(xml).toContain(`\u2068${AT_NOTE}\u2069`);
    expect(xml).toContain('\u2068#method\u2069');
    expect(xml).toContain('<w:tab/>');
    for (const [, body] of xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)) expect(body).not.toMatch(/[\r\t]/);
    expect(xml).toContain(`<w:shd w:fill="${COLOR_FILLS.yellow}" w:color="${COLOR_FILLS.green}" w:val="diagStripe"/>`);
  });

  const soffice = which('soffice') || which('libreoffice');
  const pdftotext = which('pdftotext');
  const reason = !soffice ? 'LibreOffice (soffice) is not installed' : !pdftotext ? 'pdftotext (poppler-utils) is not installed' : '';
  if (reason) console.warn(`LibreOffice check skipped: ${reason}`);
  it.skipIf(reason !== '')(`LibreOffice's PDF of it reads the Latin notes and tag in logical order${reason ? ` — skipped: ${reason}` : ''}`, async () => {
    const docx = join(folder, 'hard.docx');
    writeFileSync(docx, await hardText('docx'));
    const profile = mkdtempSync(join(tmpdir(), 'qirtas-lo-profile-'));
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, docx], { stdio: 'ignore', timeout: 120_000 });
    const text = execFileSync(pdftotext, [join(folder, 'hard.pdf'), '-'], { encoding: 'utf8' }).replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
    // poppler rebuilds LibreOffice's mixed-direction lines run by run (and drops some Latin letters
    // there): each left-to-right run must read in its own order — "=" and "@" before the word, "#" before the tag.
    expect(text).toContain('=SUM(');
    expect(text).toContain('@editor');
    expect(text).toContain('#method');
    expect(text).toContain('بعد جدولة');
    expect(readFileSync(join(folder, 'hard.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 150_000);
});

describe('JSON read by jsonld.js in safe mode', () => {
  const documentLoader = async (url: string) => {
    if (url !== 'http://www.w3.org/ns/anno.jsonld') throw new Error(`no network in tests: ${url}`);
    return { contextUrl: null, documentUrl: url, document: ANNO_CONTEXT_DOCUMENT };
  };

  it('expands the collection with the article text and metadata, and each annotation on its own', async () => {
    const json = JSON.parse((await exported({ scope: { kind: 'articles', ids: [hardId] }, format: 'json' })).toString('utf8')) as Record<string, unknown>;
    const expanded = await jsonld.expand(json, { safe: true, documentLoader });
    const flat = JSON.stringify(expanded);
    for (const line of TEXT.split('\n')) expect(flat).toContain(line);
    expect(flat).toContain('مقال الحالات الصعبة');
    expect(flat).toContain('فريق الترجمة');
    expect(flat).toContain('https://qirtas.app/ns/annotation#blocks');
    const items = (json.first as { items: Array<Record<string, unknown>> }).items;
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item['@context']).toBeDefined();
      const alone = await jsonld.expand(item, { safe: true, documentLoader });
      expect(JSON.stringify(alone)).toContain('http://www.w3.org/ns/oa#hasTarget');
    }
    const alone = await Promise.all(items.map((item) => jsonld.expand(item, { safe: true, documentLoader })));
    expect(JSON.stringify(alone)).toContain(EQUALS_NOTE);
  });
});

describe("CSV read by Python's csv module", () => {
  const python = which('python3');
  const reason = python ? '' : 'python3 is not installed';
  it.skipIf(reason !== '')(`reads the tags cell back with the documented separator ("|", "\\" escapes)${reason ? ` — skipped: ${reason}` : ''}`, async () => {
    const path = join(folder, 'hard.csv');
    writeFileSync(path, await exported({ scope: { kind: 'articles', ids: [hardId] }, format: 'csv' }));
    const script = `
import csv, json, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
split = lambda cell: [re.sub(r'\\\\(.)', r'\\1', part) for part in re.split(r'(?<!\\\\)\\|', cell)] if cell else []
print(json.dumps([{'note': row['note'], 'tags': split(row['tags'])} for row in rows], ensure_ascii=False))
`;
    const rows = JSON.parse(execFileSync(python, ['-c', script, path], { encoding: 'utf8' })) as Array<{ note: string; tags: string[] }>;
    // In text order; a note a spreadsheet would run as a formula starts with an apostrophe (csv.ts).
    expect(rows).toEqual([
      { note: `'${AT_NOTE}`, tags: ['Source check'] },
      { note: `'${EQUALS_NOTE}`, tags: ['method', 'حمص'] },
      { note: 'سطر أول\nسطر ثان\tبعد جدولة', tags: [] },
    ]);
  });
});
