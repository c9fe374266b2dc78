/**
 * Fuzzy matching over short lists — article titles, tags, sources — for the quick
 * switcher and tag suggestions (design §5: fuse.js where it fits, never on article
 * bodies). Fuse sees our normalized keys (getFn + normalizeForSearch), so harakat,
 * hamza seats, ة/ه and ى/ي never matter; its match indices refer to that normalized
 * key and are mapped back to ranges of the original label through the offset map.
 *
 *   const lists = new QuickLists({ articles: [{ id, title }], tags, sources });
 *   lists.switcher(query, limit?) → QuickMatch[]   titles, tags and sources together
 *   lists.suggestTags(query, limit?) → QuickMatch[]
 *   lists.suggestSources(query, limit?) → QuickMatch[]
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { normalize, normalizeForSearch, toOriginalRange } from '../../common/text/arabic.js';
import type { Range } from './types.js';

export type QuickKind = 'article' | 'tag' | 'source';

export interface QuickItem {
  kind: QuickKind;
  /** Article id, or the tag / source itself. */
  id: string;
  label: string;
}

export interface QuickMatch extends QuickItem {
  /** 0 = perfect, 1 = no match (fuse.js score). */
  score: number;
  /** Matched ranges of `label` (original characters). */
  ranges: Range[];
}

export interface QuickListInput {
  articles: readonly { id: string; title: string }[];
  tags: readonly string[];
  sources: readonly string[];
}

const OPTIONS: IFuseOptions<QuickItem> = {
  keys: [{ name: 'label', getFn: (item) => normalizeForSearch(item.label).trim() }],
  // Short labels: a match anywhere counts (reference §5.1).
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
  includeScore: true,
  includeMatches: true,
  // Our keys are already folded; Fuse's own diacritic stripping would shift its indices.
  ignoreDiacritics: false,
};

const DEFAULT_LIMIT = 10;

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.trim() !== ''))];
}

export class QuickLists {
  private readonly all: Fuse<QuickItem>;
  private readonly tags: Fuse<QuickItem>;
  private readonly sources: Fuse<QuickItem>;

  constructor(input: QuickListInput) {
    const tagItems = distinct(input.tags).map((tag): QuickItem => ({ kind: 'tag', id: tag, label: tag }));
    const sourceItems = distinct(input.sources).map((source): QuickItem => ({ kind: 'source', id: source, label: source }));
    const articleItems = input.articles.map((a): QuickItem => ({ kind: 'article', id: a.id, label: a.title }));
    this.all = new Fuse([...articleItems, ...tagItems, ...sourceItems], OPTIONS);
    this.tags = new Fuse(tagItems, OPTIONS);
    this.sources = new Fuse(sourceItems, OPTIONS);
  }

  switcher(query: string, limit = DEFAULT_LIMIT): QuickMatch[] {
    return run(this.all, query, limit);
  }

  suggestTags(query: string, limit = DEFAULT_LIMIT): QuickMatch[] {
    return run(this.tags, query, limit);
  }

  suggestSources(query: string, limit = DEFAULT_LIMIT): QuickMatch[] {
    return run(this.sources, query, limit);
  }
}

function run(fuse: Fuse<QuickItem>, query: string, limit: number): QuickMatch[] {
  const pattern = normalizeForSearch(query).trim();
  if (pattern === '') return [];
  // Bitap patterns are limited to 32 characters; a longer query is cut, not refused.
  return fuse.search(pattern.slice(0, 32), { limit }).map((result) => {
    // The key is normalize(label).text (trimmed at the end only), so its indices map straight back.
    const n = normalize(result.item.label);
    const ranges = (result.matches ?? []).flatMap((m) => m.indices.map(([a, b]) => toOriginalRange(n, a, b + 1)));
    return { ...result.item, score: result.score ?? 0, ranges };
  });
}
