/**
 * SearchIndex behaviour beyond single queries: snippets and highlight offsets on the
 * original characters, first-match offsets, filters, exact mode, "did you mean",
 * incremental updates, and persistence (round trip, stale analyzer version, damage).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, normalizeForSearch } from '../../../../common/text/arabic.js';
import { tokenize } from '../../../../common/text/tokenize.js';
import { canonicalText } from '../../../../common/types/article.js';
import { indexFileName } from '../../../../main/search/persistence.js';
import { SearchIndex } from '../../../../main/search/search-index.js';
import type { SearchDoc, SearchResult } from '../../../../main/search/types.js';
import { corpusSentences, systemSentences } from '../../../support/arabic-corpus.js';
import { docContaining, fixtureDocs, seedDoc } from './archive-fixture.js';

let docs: SearchDoc[];
let index: SearchIndex;
const dirs: string[] = [];

beforeAll(() => {
  docs = fixtureDocs();
  index = SearchIndex.build(docs);
});

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qirtas-search-'));
  dirs.push(dir);
  return dir;
}

function highlighted(result: SearchResult): string[] {
  return result.snippet.highlights.map((h) => result.snippet.text.slice(h.start, h.end));
}

const ids = (results: SearchResult[]) => results.map((r) => r.id);

describe('snippets and offsets', () => {
  it('highlights the whole original word, harakat included', () => {
    const [result] = index.search('البتر').results;
    expect(highlighted(result!)).toContain('البَتْرُ');
  });

  it('firstMatch points at the passage the snippet shows (issue 10), not merely the first occurrence', () => {
    const seed = seedDoc();
    const canonical = canonicalText(seed.blocks);
    for (const query of ['حمص', 'درعا دمشق', 'قوات حمص']) {
      const result = index.search(query).results.find((r) => r.id === 'seed')!;
      const first = result.snippet.highlights[0]!;
      const shown = result.snippet.text.slice(first.start, first.end);
      // The first highlighted word of the snippet is exactly the text at firstMatch.
      expect(canonical.slice(result.firstMatch!.start, result.firstMatch!.end)).toBe(shown);
      // And the snippet's passage surrounds that offset.
      const around = canonical.slice(Math.max(0, result.firstMatch!.start - 80), result.firstMatch!.end + 80).replace(/\n/g, ' ');
      expect(around).toContain(shown);
    }
  });

  it('keeps snippets to about thirty words and every highlight inside the snippet', () => {
    for (const query of ['تعذر', 'الطابعة', 'المعارضة حمص', 'ذاكرة كافية']) {
      for (const result of index.search(query).results) {
        expect(tokenize(result.snippet.text).length).toBeLessThanOrEqual(30);
        for (const h of result.snippet.highlights) {
          expect(h.start).toBeGreaterThanOrEqual(0);
          expect(h.end).toBeLessThanOrEqual(result.snippet.text.length);
          expect(h.end).toBeGreaterThan(h.start);
        }
      }
    }
  });

  it('picks the passage holding all query words', () => {
    const [result] = index.search('وزارة الروسي').results;
    expect(result!.id).toBe('seed');
    const words = highlighted(result!).map((w) => normalizeForSearch(w).trim());
    expect(words).toContain('وزاره');
    expect(words.some((w) => w.endsWith('الروسي'))).toBe(true);
  });

  it('finds stretched (tatweel) and voweled text and highlights it whole', () => {
    const sentence = 'وقالت إدارة العمليات العسكرية إنها سيطرت على الطريق السريع';
    const stretched = sentence.replace('العسكرية', 'العســـكريـة').replace('الطريق', 'الطَّرِيقِ');
    const small = SearchIndex.build([{ ...seedDoc(), id: 'stretched', blocks: [{ kind: 'paragraph', text: stretched }] }]);
    const [a] = small.search('العسكرية').results;
    expect(highlighted(a!)).toEqual(['العســـكريـة']);
    const [b] = small.search('طريق').results;
    expect(highlighted(b!)).toEqual(['الطَّرِيقِ']);
  });
});

describe('ranking and precision', () => {
  it('puts confident matches before approximate ones', () => {
    const { results } = index.search('المستوي', { limit: 100 });
    const firstApproximate = results.findIndex((r) => r.approximate);
    expect(firstApproximate).toBeGreaterThan(0);
    expect(results.slice(firstApproximate).every((r) => r.approximate)).toBe(true);
  });

  it('offers "did you mean" with the archive spelling for a typo', () => {
    const response = index.search('الطابغة');
    expect(response.didYouMean).toBe('الطابعة');
    expect(response.results.every((r) => r.approximate)).toBe(true);
  });

  it('does not offer "did you mean" for words the archive has', () => {
    expect(index.search('الطابعة').didYouMean).toBeUndefined();
  });

  it('verifies phrases: both words present but apart is not a phrase match', () => {
    const loose = ids(index.search('المعارضة قواتها', { limit: 100 }).results);
    const phrase = ids(index.search('"المعارضة قواتها"', { limit: 100 }).results);
    expect(loose).toContain('seed');
    expect(phrase).not.toContain('seed');
  });

  it('exact mode keeps hamza and harakat as typed', () => {
    expect(ids(index.search('أعلنت', { exact: true }).results)).toEqual(['seed']);
    expect(index.search('اعلنت', { exact: true }).results).toEqual([]);
    expect(ids(index.search('البَتْرُ', { exact: true }).results)).toHaveLength(1);
    expect(index.search('البِتْرُ', { exact: true }).results).toEqual([]);
    // Unvoweled exact query: the letters must match; harakat in the text are allowed.
    expect(ids(index.search('البتر', { exact: true }).results)).toHaveLength(1);
  });

  it('respects the limit', () => {
    expect(index.search('تعذر', { limit: 3 }).results).toHaveLength(3);
    expect(index.search('تعذر', { limit: 0 }).results).toEqual([]);
  });
});

describe('filters', () => {
  it('by tag, folding harakat and hamza', () => {
    expect(ids(index.search('المعارضة', { tag: 'سوريا' }).results)).toEqual(['seed']);
    expect(ids(index.search('المعارضة', { tag: 'الاردن' }).results)).toEqual(['seed']);
    const tagged = docs.filter((d) => d.tags.includes(docs[3]!.tags[0]!)).map((d) => d.id);
    const found = ids(index.search('تعذر', { tag: docs[3]!.tags[0]!, limit: 100 }).results);
    expect(found.length).toBeGreaterThan(0);
    for (const id of found) expect(tagged).toContain(id);
  });

  it('by source', () => {
    expect(ids(index.search('حمص', { source: 'الجزيرة' }).results)).toEqual(['seed']);
    expect(index.search('حمص', { source: docs[1]!.source }).results).toEqual([]);
  });

  it('by published date range', () => {
    const inRange = index.search('تعذر', { from: '2015-01-01', to: '2016-12-31', limit: 100 }).results;
    expect(inRange.length).toBeGreaterThan(0);
    for (const r of inRange) {
      const published = docs.find((d) => d.id === r.id)!.published!;
      expect(published >= '2015-01-01' && published <= '2016-12-31').toBe(true);
    }
  });

  it('by highlights and colour', () => {
    const without = index.search('تعذر', { hasHighlights: false, limit: 100 }).results;
    for (const r of without) expect(docs.find((d) => d.id === r.id)!.highlights).toEqual([]);
    const green = index.search('تعذر', { color: 'green', limit: 100 }).results;
    expect(green.length).toBeGreaterThan(0);
    for (const r of green) expect(docs.find((d) => d.id === r.id)!.highlights.some((h) => h.color === 'green')).toBe(true);
  });

  it('lists filtered articles, newest first, when the query is empty', () => {
    const { results } = index.search('', { tag: 'سوريا' });
    expect(ids(results)).toEqual(['seed']);
    expect(results[0]!.firstMatch).toBeNull();
    expect(index.search('').results).toEqual([]);
  });
});

describe('incremental updates', () => {
  it('reflects upsert and remove at once', () => {
    const live = SearchIndex.build(fixtureDocs());
    expect(live.search('كمبيوتر').results).toEqual([]);
    const sentence = corpusSentences().find((s) => s.includes('الطابعة'))!;
    // A real sentence with one word swapped in, so the new word is findable only here.
    live.upsert({ ...seedDoc(), id: 'new', title: 'جديد', tags: [], blocks: [{ kind: 'paragraph', text: `${sentence} كمبيوتر` }] });
    expect(ids(live.search('كمبيوتر').results)).toEqual(['new']);
    expect(live.has('new')).toBe(true);
    // Upserting again replaces the old text.
    live.upsert({ ...seedDoc(), id: 'new', title: 'جديد', tags: [], blocks: [{ kind: 'paragraph', text: sentence }] });
    expect(live.search('كمبيوتر').results).toEqual([]);
    expect(live.remove('new')).toBe(true);
    expect(live.has('new')).toBe(false);
    expect(ids(live.search('الطابعة', { limit: 100 }).results)).not.toContain('new');
    expect(live.remove('new')).toBe(false);
    expect(live.vocabulary().docFrequency('كمبيوتر')).toBe(0);
  });

  it('keeps document frequencies exact through updates and compaction', () => {
    const live = SearchIndex.build(fixtureDocs());
    const before = live.vocabulary().docFrequency('حمص');
    live.remove('seed');
    expect(live.vocabulary().docFrequency('حمص')).toBe(before - 1);
    live.upsert(seedDoc());
    live.compact();
    expect(live.vocabulary().docFrequency('حمص')).toBe(before);
    expect(live.size).toBe(docs.length);
    expect(ids(live.search('حمص').results)).toEqual(['seed']);
  });

  it('updates one article quickly', () => {
    const live = SearchIndex.build(fixtureDocs());
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const doc = docs[1 + (i % (docs.length - 1))]!;
      const t = performance.now();
      live.upsert({ ...doc, notes: [...doc.notes, corpusSentences()[i]!] });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[10]!).toBeLessThan(30);
  });
});

describe('persistence', () => {
  it('round-trips: a loaded index answers exactly like the saved one', async () => {
    const dir = await tempDir();
    const path = await index.save(dir);
    expect(path).toBe(join(dir, indexFileName()));
    const loaded = await SearchIndex.load(dir);
    expect(loaded).not.toBeNull();
    for (const query of ['البتر', 'الطابعه', 'المعار', '"ردع العدوان"', 'الطابغة', 'حمص']) {
      expect(loaded!.search(query, { prefix: query === 'المعار' })).toEqual(index.search(query, { prefix: query === 'المعار' }));
    }
    expect(loaded!.search('حمص', { tag: 'سوريا' }).results[0]!.id).toBe('seed');
    loaded!.close();
  });

  it('keeps working after save: texts come from the new file, updates still apply', async () => {
    const dir = await tempDir();
    const live = SearchIndex.build(fixtureDocs());
    await live.save(dir);
    expect(ids(live.search('حمص').results)).toEqual(['seed']);
    live.upsert({ ...seedDoc(), id: 'copy' });
    expect(ids(live.search('حمص').results).sort()).toEqual(['copy', 'seed']);
    await live.save(dir);
    const loaded = (await SearchIndex.load(dir))!;
    expect(ids(loaded.search('حمص').results).sort()).toEqual(['copy', 'seed']);
    expect(loaded.search('حمص').results[0]!.snippet.highlights.length).toBeGreaterThan(0);
    loaded.upsert({ ...seedDoc(), id: 'copy', title: systemSentences()[4]!, blocks: [{ kind: 'paragraph', text: systemSentences()[5]! }] });
    expect(ids(loaded.search('حمص').results)).toEqual(['seed']);
    expect(loaded.damaged).toBe(false);
    loaded.close();
    live.close();
  });

  it('stays consistent when articles change while it is saving', async () => {
    const dir = await tempDir();
    const live = SearchIndex.build(docs);
    const saving = live.save(dir);
    live.upsert({ ...seedDoc(), id: 'during', title: systemSentences()[3]! });
    live.remove('d01');
    await saving;
    expect(ids(live.search('حمص').results).sort()).toEqual(['during', 'seed']);
    expect(live.search('حمص').results.every((r) => r.snippet.highlights.length > 0)).toBe(true);
    expect(live.has('d01')).toBe(false);
    const loaded = (await SearchIndex.load(dir))!;
    expect(loaded.has('d01')).toBe(true); // the file holds the archive as it was when save() began
    expect(loaded.has('during')).toBe(false);
    loaded.close();
    live.close();
  });

  it('returns null when the index file is missing', async () => {
    expect(await SearchIndex.load(await tempDir())).toBeNull();
  });

  it('returns null for an index built by another analyzer version', async () => {
    const dir = await tempDir();
    await SearchIndex.build(docs).save(dir);
    const bytes = await readFile(join(dir, indexFileName()));
    const stale = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    stale.setUint32(12, ANALYZER_VERSION + 1, true);
    await writeFile(join(dir, indexFileName()), bytes);
    expect(await SearchIndex.load(dir)).toBeNull();
  });

  it('removes files of other analyzer versions when saving', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, indexFileName(ANALYZER_VERSION + 7)), 'old');
    await index.save(dir);
    expect(await readdir(dir)).toEqual([indexFileName()]);
  });

  it('returns null for a damaged or truncated file', async () => {
    const dir = await tempDir();
    // Its own index: a saved index reads texts from its file, which this test damages.
    await SearchIndex.build(docs).save(dir);
    const file = join(dir, indexFileName());
    const good = await readFile(file);
    const flipped = Buffer.from(good);
    flipped[Math.floor(good.length / 4)]! ^= 0x40; // inside the postings
    await writeFile(file, flipped);
    expect(await SearchIndex.load(dir)).toBeNull();
    await writeFile(file, good.subarray(0, good.length - 100));
    expect(await SearchIndex.load(dir)).toBeNull();
    await writeFile(file, 'not an index');
    expect(await SearchIndex.load(dir)).toBeNull();
  });

  it('flags damage in a stored text when it is read', async () => {
    const dir = await tempDir();
    await SearchIndex.build(docs).save(dir);
    const file = join(dir, indexFileName());
    const bytes = await readFile(file);
    // The records start where the eagerly loaded part ends (header, offset 32); the
    // first one is the seed article's, its canonical text first.
    const recordsAt = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat64(32, true);
    bytes[recordsAt + 3]! ^= 0x01;
    await writeFile(file, bytes);
    const loaded = (await SearchIndex.load(dir))!;
    expect(loaded).not.toBeNull();
    expect(loaded.damaged).toBe(false);
    loaded.search('حمص');
    expect(loaded.damaged).toBe(true);
    loaded.close();
  });

  it('screens phrases on stored word sequences, also after a reload', async () => {
    const dir = await tempDir();
    await SearchIndex.build(docs).save(dir);
    const loaded = (await SearchIndex.load(dir))!;
    expect(ids(loaded.search('"ردع العدوان"').results)).toEqual(['seed']);
    expect(loaded.search('"العدوان ردع"').results).toEqual([]);
    // Common words, rarely adjacent: most candidates are rejected by the cheap screen.
    const t = performance.now();
    const { results } = loaded.search('"على الملف"', { limit: 100 });
    expect(performance.now() - t).toBeLessThan(1000);
    for (const r of results) expect(normalizeForSearch(r.snippet.text)).toContain('على الملف');
    expect(loaded.damaged).toBe(false);
    loaded.close();
  });

  it('persists metadata used by results and filters', async () => {
    const dir = await tempDir();
    await index.save(dir);
    const loaded = (await SearchIndex.load(dir))!;
    const [result] = loaded.search('حمص').results;
    expect(result).toMatchObject({ id: 'seed', externalId: 'seed-ext', title: seedDoc().title });
    expect(ids(loaded.search('تعذر', { color: 'green', limit: 100 }).results)).toEqual(ids(index.search('تعذر', { color: 'green', limit: 100 }).results));
    expect([...loaded.ids()].sort()).toEqual(docs.map((d) => d.id).sort());
    loaded.close();
  });
});

describe('findInText', () => {
  const seedText = () => canonicalText(seedDoc().blocks);

  it('finds every occurrence, with the same folding as search', () => {
    const text = seedText();
    const ranges = index.findInText(text, 'حمص');
    expect(ranges.length).toBe(text.split('حمص').length - 1);
    for (const r of ranges) expect(text.slice(r.start, r.end)).toBe('حمص');
    expect(index.findInText(text, 'مدينه').map((r) => text.slice(r.start, r.end))).toContain('مدينة');
  });

  it('matches inside words (attached clitics) and covers harakat', () => {
    const text = docs.find((d) => d.id === docContaining(docs, 'البَتْرُ'))!.blocks.map((b) => b.text).join('\n\n');
    const ranges = index.findInText(text, 'بتر');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toContain('بَتْرُ');
    expect(index.findInText('الطيران الروسي', 'طيران').map((r) => 'الطيران الروسي'.slice(r.start, r.end))).toEqual(['طيران']);
  });

  it('exact mode keeps the hamza as typed', () => {
    const text = seedText();
    expect(index.findInText(text, 'اعلنت', true)).toEqual([]);
    const ranges = index.findInText(text, 'أعلنت', true);
    expect(ranges[0]).toEqual({ start: 0, end: 5 });
    expect(ranges).toHaveLength(text.split('أعلنت').length - 1);
    for (const r of ranges) expect(text.slice(r.start, r.end)).toBe('أعلنت');
  });

  it('a damaged file under a saved index is reported, not fatal', async () => {
    const dir = await tempDir();
    const live = SearchIndex.build(docs);
    const file = await live.save(dir);
    await writeFile(file, 'overwritten in place');
    expect(() => live.search('تعذر', { limit: 100 })).not.toThrow();
    expect(live.damaged).toBe(true);
    live.close();
  });

  it('returns nothing for an empty query', () => {
    expect(index.findInText(seedText(), '  ')).toEqual([]);
  });
});
