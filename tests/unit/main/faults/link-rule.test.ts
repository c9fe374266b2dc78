/**
 * The one link rule on every path into the archive (issue 13): Markdown front
 * matter, a web page's canonical link, JSONL and CSV records, import-json (an
 * edited Qirtas export), Word and PDF bodies with script links, the draft gate
 * every import ends in, and metadata editing. Each hostile link is dropped (or,
 * when edited, refused with BAD_ARGS); the import says so with a warning that
 * never repeats the link; nothing with the scheme is stored anywhere.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFileResult, ImportJsonReport } from '../../../../common/api.js';
import type { WireResponse } from '../../../../common/api.js';
import { LINK_DROPPED_WARNING } from '../../../../common/url-rule.js';
import { articleFromDraft } from '../../../../main/import/text-import.js';
import { openArchiveApp, type ArchiveApp } from '../../../../main/service/archive-app.js';
import { HOSTILE_LINKS } from '../../../support/hostile-links.js';
import { makeCsv, makeDocx, makeHtmlPage, makeJsonl, makeMarkdown, seedArticle, seedRecords } from '../../../support/make-import-fixtures.js';
import { ASSETS_DIR } from '../../../support/seed.js';

const work = mkdtempSync(join(tmpdir(), 'qirtas-links-'));
let app: ArchiveApp;
let counter = 0;
const article = seedArticle();

beforeAll(async () => {
  app = await openArchiveApp({ dataDir: join(work, 'data'), assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
});
afterAll(async () => {
  await app.close();
  rmSync(work, { recursive: true, force: true });
});

async function call<T>(operation: string, args: unknown): Promise<T> {
  const response = (await app.dispatch(operation, args)) as WireResponse;
  if (!response.ok) throw new Error(`${operation}: ${response.error.code} ${response.error.message}`);
  return response.value as T;
}

/** A variant of the seed with a unique line, so no import is a duplicate of another. */
function uniqueArticle() {
  counter += 1;
  return { title: `${article.title} ${counter}`, blocks: [...article.blocks, { kind: 'paragraph' as const, text: `نسخة رقم ${counter}` }] };
}

function uniqueRecord(url: string) {
  const record = seedRecords()[0]!;
  counter += 1;
  return { ...record, title: `سجل ${counter}`, body: `${record.body}\n\nسطر رقم ${counter}`, url };
}

async function importFile(name: string, bytes: Uint8Array | string): Promise<Extract<ImportFileResult, { status: 'done' }>> {
  const data = Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes) : bytes).toString('base64');
  const result = await call<ImportFileResult>('importFile', { name, data });
  if (result.status !== 'done') throw new Error(`${name}: ${result.status}`);
  return result;
}

/** No stored file of the archive holds a dangerous scheme. */
function expectNothingStored(): void {
  const dataDir = join(work, 'data');
  const files = [join(dataDir, 'library.json'), ...readdirSync(join(dataDir, 'articles')).map((name) => join(dataDir, 'articles', name))];
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/javascript:|vbscript:|data:text|file:\/\/\//i);
}

async function urlOf(id: string): Promise<string> {
  return (await call<{ meta: { url: string } }>('getArticle', { id })).meta.url;
}

describe('every import path drops links that are not http(s), with a warning', () => {
  const formats: Array<[string, (link: string) => Uint8Array | string]> = [
    ['article.md', (link) => makeMarkdown(uniqueArticle(), { frontMatter: { url: link } })],
    ['page.html', (link) => makeHtmlPage(uniqueArticle(), { url: link })],
    ['records.jsonl', (link) => makeJsonl([uniqueRecord(link)])],
    ['records.csv', (link) => makeCsv([uniqueRecord(link)])],
  ];
  for (const [name, make] of formats) {
    it(name, async () => {
      // A NUL byte makes any of these files binary (refused whole), so those links cannot reach a reader.
      for (const link of HOSTILE_LINKS.filter((candidate) => !candidate.includes('\u0000'))) {
        const result = await importFile(name, make(link));
        const outcome = result.outcomes[0];
        expect(outcome?.status, `${name} ${JSON.stringify(link)}`).toBe('imported');
        if (outcome?.status !== 'imported') continue;
        expect(outcome.article.url, JSON.stringify(link)).toBe('');
        expect(result.warnings, JSON.stringify(link)).toContain(LINK_DROPPED_WARNING);
        expect(result.warnings.join(' ')).not.toContain(link.trim());
      }
      // A real link still comes through.
      const kept = await importFile(name, make('https://www.example.com/news/درعا'));
      const outcome = kept.outcomes[0];
      expect(outcome?.status === 'imported' && outcome.article.url).toMatch(/^https:\/\/www\.example\.com\/news\//);
      expectNothingStored();
    });
  }

  it('a Word document (its body links are reduced to text): nothing with a script scheme is stored and the article has no link', async () => {
    const docx = await makeDocx(uniqueArticle());
    const result = await importFile('doc.docx', docx);
    const outcome = result.outcomes[0];
    expect(outcome?.status).toBe('imported');
    if (outcome?.status === 'imported') expect(await urlOf(outcome.article.id)).toBe('');
    expectNothingStored();
  });

  it('the draft gate every import ends in (plain text and PDF have no link field; any future reader) keeps only http(s)', () => {
    for (const link of HOSTILE_LINKS) {
      expect(articleFromDraft({ blocks: article.blocks, url: link }, 'gate').meta.url, JSON.stringify(link)).toBe('');
    }
    expect(articleFromDraft({ blocks: article.blocks, url: 'https://example.com/a' }, 'gate').meta.url).toBe('https://example.com/a');
  });

  it('import-json: an edited export with script source links adds the articles without them, with a warning', async () => {
    const imported = await importFile('for-export.md', makeMarkdown(uniqueArticle(), { frontMatter: { url: 'https://example.com/original' } }));
    const first = imported.outcomes[0];
    if (first?.status !== 'imported') throw new Error('not imported');
    const exported = await call<{ data: string }>('exportNotes', { scope: { kind: 'articles', ids: [first.article.id] }, format: 'json' });
    const json = JSON.parse(Buffer.from(exported.data, 'base64').toString('utf8')) as { 'qirtas:articles': Array<{ 'qirtas:meta': { url: string } }> };
    const target = await openArchiveApp({ dataDir: join(work, 'fresh'), assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
    try {
      for (const link of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example/x']) {
        const entry = json['qirtas:articles'][0]!;
        entry['qirtas:meta'].url = link;
        // A different text each round, so each is a new article (not a merge into the first).
        (entry as unknown as { 'qirtas:blocks': Array<{ text: string }> })['qirtas:blocks'].push({ kind: 'paragraph', text: `سطر مضاف ${link.length}` } as never);
        const data = Buffer.from(JSON.stringify(json)).toString('base64');
        const response = (await target.dispatch('importAnnotationsJson', { name: 'edited.json', data })) as WireResponse;
        expect(response.ok, link).toBe(true);
        const report = (response as { value: ImportJsonReport }).value;
        expect(report.articlesAdded, link).toBe(1);
        expect(report.warnings).toEqual([LINK_DROPPED_WARNING]);
      }
      const urls = target.store.listMeta().map((meta) => meta.url);
      expect(urls).toEqual(urls.map(() => ''));
      expect(readFileSync(join(work, 'fresh', 'library.json'), 'utf8')).not.toMatch(/javascript:|vbscript:|data:text|file:\/\/|evil\.example/);
    } finally {
      await target.close();
    }
  });

  it('editing metadata refuses a link that is not http(s) (BAD_ARGS) and keeps the stored one', async () => {
    const imported = await importFile('edit.md', makeMarkdown(uniqueArticle(), { frontMatter: { url: 'https://example.com/kept' } }));
    const outcome = imported.outcomes[0];
    if (outcome?.status !== 'imported') throw new Error('not imported');
    for (const link of HOSTILE_LINKS) {
      const response = (await app.dispatch('updateArticle', { id: outcome.article.id, patch: { url: link } })) as WireResponse;
      expect(response.ok, JSON.stringify(link)).toBe(false);
      if (!response.ok) expect(response.error.code).toBe('BAD_ARGS');
    }
    expect(await urlOf(outcome.article.id)).toBe('https://example.com/kept');
    await call('updateArticle', { id: outcome.article.id, patch: { url: '' } });
    expect(await urlOf(outcome.article.id)).toBe('');
    expectNothingStored();
  });
});
