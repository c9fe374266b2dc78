/**
 * The search engine's public data shapes: what goes into the index (SearchDoc),
 * what a query may ask (SearchOptions) and what comes back (SearchResponse).
 * Offsets are UTF-16 offsets into the article's canonical text (design §4).
 */
import type { Block } from '../../common/types/article.js';

/** One article as the index sees it; bodies come from articles/<id>.json. */
export interface SearchDoc {
  id: string;
  externalId?: string;
  title: string;
  blocks: Block[];
  tags: string[];
  source: string;
  /** YYYY-MM-DD or null. */
  published: string | null;
  highlights: { text: string; color: string }[];
  notes: string[];
}

export interface SearchOptions {
  /** Maximum results (default 20). */
  limit?: number;
  /** Only articles carrying this tag (compared after Arabic folding). */
  tag?: string;
  /** Only articles from this source (compared after Arabic folding). */
  source?: string;
  /** Published on or after this YYYY-MM-DD. */
  from?: string;
  /** Published on or before this YYYY-MM-DD. */
  to?: string;
  /** Only articles with (true) or without (false) highlights. */
  hasHighlights?: boolean;
  /** Only articles with a highlight of this colour. */
  color?: string;
  /** Exact mode: letters (hamza forms, ة/ه, ى/ي) must match as typed; harakat too when typed. */
  exact?: boolean;
  /** Type-ahead: the last word also matches as a prefix. */
  prefix?: boolean;
  /** Off: only articles holding every word (no "partial: n of m words" results). Default on. */
  partial?: boolean;
}

export interface Range {
  start: number;
  end: number;
}

export interface Snippet {
  /** A passage of the original canonical text (newlines shown as spaces). */
  text: string;
  /** Offsets into `text` of the matched tokens, original characters (harakat included). */
  highlights: Range[];
}

export interface SearchResult {
  id: string;
  externalId?: string;
  title: string;
  score: number;
  /** True when some query word matched this article only through a typo candidate. */
  approximate: boolean;
  snippet: Snippet;
  /** Where the snippet comes from: the article's body, or its title (when the title holds the match). */
  snippetField?: 'title' | 'body';
  /**
   * The match the snippet shows, in the canonical text, for scrolling the reader
   * (the passage the snippet shows, not merely the first occurrence); null when
   * only metadata matched.
   */
  firstMatch: Range | null;
  /** Set when the article holds only some of the query's words: how many, and which are missing (as typed). */
  partial?: PartialInfo;
}

export interface PartialInfo {
  matched: number;
  total: number;
  missing: string[];
}

/** A query word and the archive words it was searched as (a Latin word read as Arabic: «Homs → حمص»). */
export interface SearchedForms {
  word: string;
  forms: string[];
}

export interface SearchResponse {
  results: SearchResult[];
  /** A corrected query, offered when a word is absent from the archive but a close one exists. */
  didYouMean?: string;
  /** Latin query words read as Arabic words of the archive. */
  searched?: SearchedForms[];
}
