/** fuse.js over short lists (titles, tags, sources) with Arabic-folded keys and ranges on the original labels. */
import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../../common/text/arabic.js';
import { QuickLists } from '../../../../main/search/quick-lists.js';
import { countryNames } from '../../../support/arabic-corpus.js';
import { fixtureDocs } from './archive-fixture.js';

const docs = fixtureDocs();
const lists = new QuickLists({
  articles: docs.map((d) => ({ id: d.id, title: d.title })),
  tags: [...countryNames(), 'الأردن', 'سوريّا'],
  sources: docs.map((d) => d.source),
});

describe('QuickLists', () => {
  it('finds a title whatever the hamza, ة and harakat', () => {
    const [hit] = lists.switcher('المعارضه السوريه');
    expect(hit).toMatchObject({ kind: 'article', id: 'seed' });
  });

  it('suggests tags with folded spelling, and ranges land on the original label', () => {
    const suggestions = lists.suggestTags('الاردن');
    expect(suggestions[0]!.label).toBe('الأردن');
    const [syria] = lists.suggestTags('سوريا');
    expect(syria!.label === 'سوريّا' || syria!.label === 'سوريا').toBe(true);
    for (const s of [...suggestions, syria!]) {
      for (const r of s.ranges) expect(normalizeForSearch(s.label.slice(r.start, r.end)).trim().length).toBeGreaterThan(0);
    }
    const [jordan] = suggestions;
    const covered = jordan!.ranges.map((r) => jordan!.label.slice(r.start, r.end)).join('');
    expect(normalizeForSearch(covered)).toBe('الاردن');
  });

  it('tolerates a typo in a short label', () => {
    expect(lists.suggestTags('الجزاير').map((s) => s.label)).toContain('الجزائر');
  });

  it('suggests sources', () => {
    expect(lists.suggestSources(docs[1]!.source)[0]!.label).toBe(docs[1]!.source);
  });

  it('returns nothing for an empty query', () => {
    expect(lists.switcher('  ')).toEqual([]);
  });
});
