/**
 * The metadata filters of a search (tag, source, date range, highlights, colour) as
 * one predicate over doc numbers. Tags and sources compare after Arabic folding, so
 * «سوريا» and «سوريّا» are the same tag; dates compare as YYYY-MM-DD strings.
 */
import { type DocTable, filterKey } from './doc-table.js';
import type { SearchOptions } from './types.js';

export type DocFilter = (doc: number) => boolean;

/** Null when the options filter nothing. */
export function buildFilter(docs: DocTable, options: SearchOptions): DocFilter | null {
  const checks: DocFilter[] = [];
  if (options.tag !== undefined) {
    const key = filterKey(options.tag);
    checks.push((doc) => docs.hasTag(doc, key));
  }
  if (options.source !== undefined) {
    const key = filterKey(options.source);
    checks.push((doc) => docs.sourceIs(doc, key));
  }
  if (options.from !== undefined || options.to !== undefined) {
    const from = options.from ?? '';
    const to = options.to ?? '\uffff';
    checks.push((doc) => {
      const published = docs.metas[doc]?.published;
      return published !== null && published !== undefined && published >= from && published <= to;
    });
  }
  if (options.hasHighlights !== undefined) {
    const want = options.hasHighlights;
    checks.push((doc) => ((docs.metas[doc]?.colors.length ?? 0) > 0) === want);
  }
  if (options.color !== undefined) {
    const color = options.color;
    checks.push((doc) => docs.metas[doc]?.colors.includes(color) ?? false);
  }
  if (checks.length === 0) return null;
  return (doc) => checks.every((check) => check(doc));
}
