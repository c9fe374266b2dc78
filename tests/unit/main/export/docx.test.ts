/**
 * DOCX read back: word/document.xml unzipped (fflate) — every paragraph with
 * Arabic text carries w:bidi, every run with Arabic text w:rtl, the document's
 * default run style the Arabic font for complex script and the ar-SA language; every highlight is there, shaded in its colour, and
 * every note. When LibreOffice is installed, the file is converted to PDF and the
 * Arabic text checked with pdftotext; otherwise that check is skipped with the
 * reason printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../../common/api.js';
import mammoth from 'mammoth';
import type { ExportView } from '../../../../common/api.js';
import { renderDocx } from '../../../../main/export/docx.js';
import { COLOR_FILLS } from '../../../../main/export/labels.js';
import { buildNotesArchive, call, type NotesArchive, SECOND_PHRASE, SEED_HIGHLIGHTS, XSS_NOTE } from './archive-with-notes.js';

const ARABIC = /[\u0600-\u06FF]/;
const which = (tool: string) => spawnSync('which', [tool], { encoding: 'utf8' }).stdout.trim();

let archive: NotesArchive;
const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  archive = await buildNotesArchive();
  for (const onlyHighlights of [true, false]) {
    const file = await call<ExportFile>(archive.app, 'exportNotes', { scope: { kind: 'all' }, format: 'docx', options: { onlyHighlights } });
    expect(file.fileName).toMatch(/\.docx$/);
    files[onlyHighlights ? 'highlights' : 'text'] = Buffer.from(file.data, 'base64');
  }
});
afterAll(async () => {
  await archive.app.close();
});

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

interface Run {
  xml: string;
  text: string;
}
interface Para {
  xml: string;
  runs: Run[];
  text: string;
}

function paragraphsOf(docx: Uint8Array): Para[] {
  const entries = unzipSync(docx);
  expect(Object.keys(entries)).toContain('word/document.xml');
  const xml = strFromU8(entries['word/document.xml'] as Uint8Array);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) => {
    const runs = [...paragraph.matchAll(/<w:r>[\s\S]*?<\/w:r>|<w:r [\s\S]*?<\/w:r>/g)].map(([run]) => ({
      xml: run,
      text: decodeXml([...run.matchAll(/<w:t[^>]*>([\s\S]*?)<\/w:t>/g)].map((match) => match[1]).join('')),
    }));
    return { xml: paragraph, runs, text: runs.map((run) => run.text).join('') };
  });
}

describe('DOCX export', () => {
  for (const mode of ['highlights', 'text'] as const) {
    it(`marks every Arabic paragraph bidi and every Arabic run rtl (${mode})`, () => {
      const paragraphs = paragraphsOf(files[mode] as Uint8Array);
      const arabic = paragraphs.filter((paragraph) => ARABIC.test(paragraph.text));
      expect(arabic.length).toBeGreaterThan(10);
      for (const paragraph of arabic) expect(paragraph.xml, paragraph.text).toContain('<w:bidi/>');
      const arabicRuns = arabic.flatMap((paragraph) => paragraph.runs).filter((run) => ARABIC.test(run.text));
      for (const run of arabicRuns) expect(run.xml, run.text).toContain('<w:rtl/>');
      // The Arabic font (for complex script too), size and language come from the default run style.
      const styles = strFromU8(unzipSync(files[mode] as Uint8Array)['word/styles.xml'] as Uint8Array);
      const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
      expect(defaults).toMatch(/w:cs="Noto Naskh Arabic"/);
      expect(defaults).toContain('<w:rtl/>');
      expect(defaults).toMatch(/w:bidi="ar-SA"/);
    });

    it(`holds every highlight, shaded in its colour, and every note (${mode})`, () => {
      const paragraphs = paragraphsOf(files[mode] as Uint8Array);
      const runs = paragraphs.flatMap((paragraph) => paragraph.runs);
      const planned = [...SEED_HIGHLIGHTS, { phrase: SECOND_PHRASE, color: 'yellow' as const, note: 'غرفة عمليات مشتركة في الجنوب.' }];
      for (const highlight of planned) {
        const shaded = runs.filter((run) => run.xml.includes(`w:fill="${COLOR_FILLS[highlight.color]}"`)).map((run) => run.text).join('|');
        expect(shaded, highlight.phrase).toContain(highlight.phrase);
        if (highlight.note) {
          // Each note line is isolated (FSI…PDI) and lines are separate runs around a w:br.
          const all = paragraphs.map((paragraph) => paragraph.runs.map((run) => run.text).join('\n')).join('\n');
          expect(all.replace(/[\u2066-\u2069]/g, '').replace(/\n+/g, '\n')).toContain(highlight.note);
        }
      }
      // The XSS note is text in Word, escaped in the XML.
      const xml = strFromU8(unzipSync(files[mode] as Uint8Array)['word/document.xml'] as Uint8Array);
      expect(xml).not.toContain('<script>');
      expect(paragraphs.some((paragraph) => paragraph.text.includes(XSS_NOTE))).toBe(true);
    });
  }

  it('is a document a DOCX reader (mammoth) opens, with every highlight and note', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(files.highlights as Uint8Array) });
    for (const highlight of SEED_HIGHLIGHTS) {
      expect(value).toContain(highlight.phrase);
      if (highlight.note) expect(value).toContain(highlight.note.split('\n')[0]);
    }
  });

  it('joins a large export laid out in several chunks into one document, links and all', async () => {
    const count = 2500; // about 7,500 paragraphs: three chunks
    const entries = Array.from({ length: count }, (_, index) => ({
      id: `h${index}`,
      articleId: 'a1',
      color: (['yellow', 'green', 'blue'] as const)[index % 3],
      colorLabel: 'ادعاء',
      quote: `${SEED_HIGHLIGHTS[index % SEED_HIGHLIGHTS.length]!.phrase} ${index}`,
      note: index % 2 ? `تعليق رقم ${index}` : '',
      tags: [],
      position: { start: index, end: index + 10, paragraph: 1 },
      citation: { title: 'عنوان', source: 'مصدر', author: '', url: `https://example.org/${index}`, published: '2024-12-07' },
      noteNumber: 0,
    }));
    const view: ExportView = { title: 'كبير', generated: new Date().toISOString(), locale: 'ar', onlyHighlights: true, articleCount: 1, highlightCount: count, truncated: false, sections: [{ kind: 'color', title: 'ادعاء', entries }] };
    const docx = await renderDocx(view);
    const parts = unzipSync(docx);
    const xml = strFromU8(parts['word/document.xml'] as Uint8Array);
    const rels = strFromU8(parts['word/_rels/document.xml.rels'] as Uint8Array);
    expect(xml.match(/<w:body>/g)).toHaveLength(1);
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(1);
    const linkIds = [...xml.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((match) => match[1]);
    expect(linkIds).toHaveLength(count);
    for (const id of linkIds) expect(rels).toContain(`Id="${id}"`);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    expect(value).toContain(`${SEED_HIGHLIGHTS[0]!.phrase} 0`);
    expect(value).toContain(`تعليق رقم ${count - 1}`);
  }, 60_000);

  const soffice = which('soffice') || which('libreoffice');
  const pdftotext = which('pdftotext');
  const reason = !soffice ? 'LibreOffice (soffice) is not installed' : !pdftotext ? 'pdftotext (poppler-utils) is not installed' : '';
  if (reason) console.warn(`DOCX → PDF check skipped: ${reason}.`);
  it.skipIf(reason !== '')(`converts to PDF with LibreOffice and keeps the Arabic text${reason ? ` — skipped: ${reason}` : ''}`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'qirtas-docx-'));
    writeFileSync(join(folder, 'notes.docx'), files.highlights as Uint8Array);
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', folder, join(folder, 'notes.docx')], { timeout: 120_000 });
    const text = execFileSync(pdftotext, [join(folder, 'notes.pdf'), '-'], { encoding: 'utf8' });
    const squash = (value: string) => value.replace(/[\s\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
    for (const highlight of SEED_HIGHLIGHTS) expect(squash(text)).toContain(squash(highlight.phrase));
    expect(readFileSync(join(folder, 'notes.pdf')).subarray(0, 4).toString()).toBe('%PDF');
  });
});
