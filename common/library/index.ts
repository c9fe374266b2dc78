/**
 * The library's pure query engine (issue 10), shared by the archive core, the
 * renderer and the CLI: collation keys and ranks, filters, facets, sorting and the
 * collection tree. See README "Library" for the design.
 */
export { collationKey, collationKeyOfFolded, compareForLibrary, compareKeys, foldText, keyCollator, stripArticle } from './collation.js';
export { EntryCache, FoldCache, foldedTitleOf, haystackOf, type LibraryEntry, makeEntry, readingStatusOf, titleKeyOf } from './entry.js';
export { applyFilters, compileFilters, type CompiledFilters, type EntryTest, filterWords } from './filter.js';
export { countFacets, FACET_LIMIT } from './facets.js';
export { entryComparator, sortEntries, sortKey } from './sort.js';
export { OrderCache } from './order.js';
export { collectionPath, sameName, treeOrder, withDescendants, wouldCycle } from './tree.js';
export { toRow } from './row.js';
