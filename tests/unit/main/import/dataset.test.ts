// Datasets (.jsonl, .csv) sent whole (the UI route): one article per record, from sections of the seed
// article; a bad record is skipped and reported by its line, the others import; a file with no usable
// record fails with the first reason. (The streamed file route: dataset-stream.test.ts.)
import { describe, expect, it } from 'vitest';
import { parseFile, type ParsedArticle } from '../../../../main/import/formats/index.js';
import { encodeText, makeCsv, makeJsonl, seedLines, seedRecords, type DatasetRecord } from '../../../support/make-import-fixtures.js';
import { importError } from '../../../support/import-error.js';

const records = seedRecords();

function expected(record: DatasetRecord): ParsedArticle {
  const result: ParsedArticle = { title: record.title, blocks: record.body.split('\n\n').map((text) => ({ kind: 'paragraph', text })) };
  if (record.source) result.source = record.source;
  if (record.author) result.author = record.author;
  if (record.url) result.url = record.url;
  if (record.published) result.published = '2024-12-07';
  if (record.tags) result.tags = record.tags;
  if (record.id) result.externalId = record.id;
  return result;
}

const text = (value: string) => new TextEncoder().encode(value);

describe('.jsonl reader', () => {
  it('gives one article per line, the id as externalId, body paragraphs split at blank lines', async () => {
    expect(await parseFile(makeJsonl(records), 'data.jsonl')).toEqual(records.map(expected));
  });

  it('skips blank lines', async () => {
    const lines = new TextDecoder().decode(makeJsonl(records)).trim().split('\n');
    expect(await parseFile(text(`\n${lines[0]}\n\n${lines[1]}\n\n`), 'data.jsonl')).toHaveLength(2);
  });

  it('skips a line that is not JSON, naming the line, and keeps the others', async () => {
    const lines = new TextDecoder().decode(makeJsonl(records)).trim().split('\n');
    const articles = await parseFile(text(`${lines[0]}\n{"title": "${seedLines()[1]}", \n${lines[1]}\n`), 'data.jsonl');
    expect(articles.map((a) => a.title)).toEqual([records[0]!.title, records[1]!.title]);
    expect(articles[0]!.warnings?.[0]?.message).toMatch(/^line 2 was not imported: not valid JSON/);
    expect(articles[0]!.warnings?.[0]).toMatchObject({ code: 'record-skipped', params: { line: 2 } });
  });

  it('skips records without a body or title, naming the line; a file of bad records fails with the first reason', async () => {
    const bad = [...records, { id: 'x', title: seedLines()[1] }];
    const articles = await parseFile(makeJsonl(bad), 'data.jsonl');
    expect(articles).toHaveLength(2);
    expect(articles[0]!.warnings?.map((w) => w.message)).toContain('line 3 was not imported: "body" is missing or empty');
    expect((await importError(parseFile(makeJsonl([{ body: seedLines()[0] }]), 'data.jsonl'))).reason).toBe('line 1: "title" is missing or empty');
    expect((await importError(parseFile(makeJsonl([[1, 2]]), 'data.jsonl'))).reason).toMatch(/line 1: expected a JSON object/);
    expect((await importError(parseFile(makeJsonl([{ title: 't', body: 'b', tags: 5 }]), 'data.jsonl'))).reason).toMatch(/line 1: "tags"/);
  });

  it('keeps an unparseable date out, with a warning', async () => {
    const [article] = await parseFile(makeJsonl([{ title: seedLines()[1], body: seedLines()[2], published: 'قريبا' }]), 'd.jsonl');
    expect(article!.published).toBeUndefined();
    expect(article!.warnings).toEqual([{ code: 'date-not-understood', params: { value: 'قريبا' }, message: 'the published date was not understood' }]);
  });
});

describe('.csv reader', () => {
  it('gives one article per row, with ";"-separated tags and multi-line quoted bodies', async () => {
    expect(await parseFile(makeCsv(records), 'data.csv')).toEqual(records.map(expected));
  });

  it('accepts ","-separated tags and a Windows-1256 file (Excel’s Arabic export)', async () => {
    const csv = `title,body,tags\n${seedLines()[1]},${seedLines()[2]},"سوريا, حمص"\n`;
    const [article] = await parseFile(encodeText(csv, 'windows-1256'), 'excel.csv');
    expect(article!.tags).toEqual(['سوريا', 'حمص']);
    expect(article!.blocks).toEqual([{ kind: 'paragraph', text: seedLines()[2] }]);
  });

  it('names the line of a bad row, counting the lines of multi-line fields before it', async () => {
    const good = new TextDecoder().decode(makeCsv(records)).replace(/\r\n/g, '\n').trimEnd();
    const goodLines = good.split('\n').length;
    const articles = await parseFile(text(`${good}\nx,${seedLines()[1]},"${seedLines()[2]}\n`), 'data.csv');
    expect(articles).toHaveLength(records.length);
    expect(articles[0]!.warnings?.[0]?.message).toMatch(new RegExp(`^line ${goodLines + 1} was not imported: `));
  });

  it('names the line of a record without a body, after a blank line', async () => {
    const articles = await parseFile(text(`title,body\n${seedLines()[1]},${seedLines()[2]}\n\n${seedLines()[11]},\n`), 'data.csv');
    expect(articles).toHaveLength(1);
    expect(articles[0]!.warnings?.map((w) => w.message)).toEqual(['line 4 was not imported: "body" is missing or empty']);
  });

  it('requires title and body columns', async () => {
    const error = await importError(parseFile(text(`headline,text\n${seedLines()[1]},${seedLines()[2]}\n`), 'data.csv'));
    expect(error.reason).toMatch(/no "title" column/);
  });

  it('refuses a header without rows', async () => {
    expect((await importError(parseFile(text('title,body\n'), 'data.csv'))).reason).toMatch(/no records/);
  });
});
