/**
 * The library's pure query engine (issue 10), shared by the archive core, the
 * renderer and the CLI: collation keys and ranks, filters, facets, sorting and the
 * collection tree. See README "Library" for the design.
 */
export { collationKey, compareForLibrary, foldText, keyCollator, stripArticle } from './collation.js';
export { EntryCache, FoldCache, haystackOf, type LibraryEntry, makeEntry, readingStatusOf, titleKeyOf } from './entry.js';
export { applyFilters, compileFilters, type CompiledFilters, filterWords } from './filter.js';
export { countFacets, FACET_LIMIT } from './facets.js';
export { RankTable } from './ranks.js';
export { LibraryRanks, sortEntries } from './sort.js';
export { sameName, treeOrder, withDescendants, wouldCycle } from './tree.js';
export { toRow } from './row.js';
