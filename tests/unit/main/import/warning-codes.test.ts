/**
 * Import warnings through the contract (issue 10): `importFile` answers each
 * warning as a code with parameters (codedWarnings) beside the plain English
 * sentence (warnings, unchanged for older callers). Real files made from the
 * seed article: a Markdown file with a script link and an unreadable date, a
 * JSONL dataset with bad lines and a record whose text another record has, a
 * damaged UTF-8 text file read as UTF-8.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileResult, type WireResponse } from '../../../../common/api.js';
import { LINK_DROPPED_WARNING } from '../../../../common/url-rule.js';
import { openArchiveApp, type ArchiveApp } from '../../../../main/service/archive-app.js';
import { makeJsonl, makeMarkdown, seedArticle, seedLines, seedRecords, seedText } from '../../../support/make-import-fixtures.js';
import { ASSETS_DIR } from '../../../support/seed.js';

const work = mkdtempSync(join(tmpdir(), 'qirtas-warning-codes-'));
let app: ArchiveApp;

beforeAll(async () => {
  app = await openArchiveApp({ dataDir: join(work, 'data'), assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
});
afterAll(async () => {
  await app.close();
  rmSync(work, { recursive: true, force: true });
});

async function importFile(name: string, bytes: Uint8Array | string, encoding?: string): Promise<Extract<ImportFileResult, { status: 'done' }>> {
  const data = Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes) : bytes).toString('base64');
  const response = (await app.dispatch('importFile', { name, data, ...(encoding ? { encoding } : {}) })) as WireResponse;
  if (!response.ok) throw new Error(`${name}: ${response.error.message}`);
  // The answer is what the contract allows (the schema every host checks against).
  const result = ImportFileResult.parse(response.value);
  if (result.status !== 'done') throw new Error(`${name}: ${result.status}`);
  return result;
}

describe('import warnings are codes with parameters, and still English sentences', () => {
  it('a Markdown file: the dropped link and the date not understood, on the article and the file', async () => {
    const article = seedArticle();
    const markdown = makeMarkdown({ ...article, title: `${article.title} (تحذير)` }, { frontMatter: { url: 'javascript:alert(1)', date: 'أوائل الربيع' } });
    const result = await importFile('notes.md', markdown);
    const outcome = result.outcomes[0]!;
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    expect(outcome.codedWarnings?.map((warning) => warning.code).sort()).toEqual(['date-not-understood', 'link-dropped']);
    expect(outcome.codedWarnings?.find((warning) => warning.code === 'date-not-understood')?.params).toEqual({ value: 'أوائل الربيع' });
    // The plain list keeps its old sentences, for the CLI and older callers.
    expect(result.warnings).toContain(LINK_DROPPED_WARNING);
    expect(result.warnings).toContain('the date in the front matter was not understood');
    expect(result.codedWarnings?.map((warning) => warning.message)).toEqual(result.warnings);
    expect(JSON.stringify(result)).not.toContain('javascript:');
  });

  it('a dataset: each skipped record with its line, said once for the file; a twin record names the other', async () => {
    const [first, second] = seedRecords();
    const lines = new TextDecoder().decode(makeJsonl([first!, second!, { ...first!, id: 'twin-of-first' }])).trim().split('\n');
    const text = [lines[0], '{"title": "بلا نهاية', lines[1], JSON.stringify({ id: 'no-body', title: seedLines()[3] }), lines[2]].join('\n');
    const result = await importFile('records.jsonl', `${text}\n`);
    const skipped = result.codedWarnings?.filter((warning) => warning.code === 'record-skipped');
    expect(skipped?.map((warning) => warning.params?.line)).toEqual([2, 4]);
    expect(skipped?.[1]?.message).toBe('line 4 was not imported: "body" is missing or empty');
    const twin = result.outcomes[2]!;
    expect(twin.status).toBe('imported');
    if (twin.status !== 'imported') return;
    expect(twin.codedWarnings).toEqual([
      expect.objectContaining({ code: 'same-text', params: { title: first!.title, twinId: first!.id, id: 'twin-of-first' } }),
    ]);
    expect(twin.warnings?.[0]).toMatch(/same text as «.*» \(id .*\)/);
    // The other records' own lists do not repeat the file's skipped records.
    const plain = result.outcomes[1]!;
    expect(plain.status === 'imported' && (plain.codedWarnings ?? []).some((warning) => warning.code === 'record-skipped')).toBe(false);
  });

  it('a damaged UTF-8 text read as UTF-8: the count of replaced bytes', async () => {
    const good = Buffer.from(seedText(), 'utf8');
    const bytes = new Uint8Array([...good.subarray(0, 120), 0xc0, 0xaf, 0xff, ...good.subarray(120)]);
    const result = await importFile('damaged.txt', bytes, 'utf-8');
    expect(result.codedWarnings).toEqual([expect.objectContaining({ code: 'invalid-bytes-replaced', params: { count: 3 } })]);
    expect(result.warnings).toEqual(['3 invalid UTF-8 byte(s) were replaced with U+FFFD (�)']);
  });
});
