/**
 * Rows of the library listing, fetched a page at a time as the virtualised list
 * needs them (the core sorts and filters; 50,000 rows never cross the boundary at
 * once). The cache lives outside React, keyed by scope + sort + filters: coming
 * back from the reader paints the cached rows in the first frame, then refreshes
 * them quietly. When the archive reports a change, the pages on screen are fetched
 * again and swapped in (stale rows stay visible meanwhile, so nothing flickers).
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { LibraryFacets, LibraryRow, ListLibraryArgs } from '../../common/api.js';
import type { LibraryFilters, LibraryScope, LibrarySort } from '../../common/types/library.js';
import type { ApiClient } from '../api/client.js';
import { useApp } from '../app/api-context.js';

export const PAGE_SIZE = 100;

export interface ListingQuery {
  scope: LibraryScope;
  sort: LibrarySort;
  filters: LibraryFilters;
}

interface Listing {
  key: string;
  query: ListingQuery;
  total: number | null;
  scopeTotal: number;
  pages: Map<number, LibraryRow[]>;
  inFlight: Set<number>;
  /** Pages to fetch again (the archive changed); their old rows stay shown until then. */
  stale: Set<number>;
  facets: LibraryFacets | null;
  facetsStale: boolean;
  allIds: Promise<string[]> | null;
}

/** Filters with empty values dropped, so "no tags chosen" and "tags: []" are one query. */
export function cleanFilters(filters: LibraryFilters): LibraryFilters {
  const clean: LibraryFilters = {};
  if (filters.text && filters.text.trim() !== '') clean.text = filters.text.trim();
  for (const key of ['tags', 'sources', 'authors', 'years', 'status'] as const) {
    const values = filters[key];
    if (values && values.length > 0) (clean as Record<string, unknown>)[key] = values;
  }
  if (filters.hasHighlights !== undefined) clean.hasHighlights = filters.hasHighlights;
  return clean;
}

export function listingKey(query: ListingQuery): string {
  return JSON.stringify([query.scope, query.sort, cleanFilters(query.filters)]);
}

// The last few listings, so switching back to a collection or returning from the reader is instant.
const listings = new Map<string, Listing>();
const MAX_LISTINGS = 6;

function listingFor(query: ListingQuery): Listing {
  const key = listingKey(query);
  let listing = listings.get(key);
  if (listing) {
    listings.delete(key);
    listings.set(key, listing);
    return listing;
  }
  listing = { key, query, total: null, scopeTotal: 0, pages: new Map(), inFlight: new Set(), stale: new Set(), facets: null, facetsStale: true, allIds: null };
  listings.set(key, listing);
  while (listings.size > MAX_LISTINGS) listings.delete(listings.keys().next().value as string);
  return listing;
}

/** Every listing is out of date (an article, a tag, a membership changed). */
function markAllStale(): void {
  for (const listing of listings.values()) {
    for (const page of listing.pages.keys()) listing.stale.add(page);
    listing.facetsStale = true;
    listing.allIds = null;
  }
}

function baseArgs(query: ListingQuery): ListLibraryArgs {
  return { scope: query.scope, sort: query.sort, filters: cleanFilters(query.filters) };
}

export interface LibraryRows {
  total: number | null;
  scopeTotal: number;
  facets: LibraryFacets | null;
  row(index: number): LibraryRow | undefined;
  /** Asks for the rows from `start` to `end` (inclusive) to be loaded. */
  ensure(start: number, end: number): void;
  /** Every matching id, in order (Select all, Shift ranges), fetched once per listing. */
  allIds(): Promise<string[]>;
  /** Ids of the rows from `start` to `end`, inclusive. */
  idsBetween(start: number, end: number): Promise<string[]>;
  refresh(): void;
}

export function useLibraryRows(query: ListingQuery): LibraryRows {
  const { client, fail } = useApp();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const listing = listingFor(query);
  const listingRef = useRef(listing);
  listingRef.current = listing;
  const visible = useRef<[number, number]>([0, PAGE_SIZE - 1]);
  // While a new listing (another sort, filter or scope) loads, the last one that had answered stays
  // on screen: no empty table and no "Loading…" between keystrokes.
  const lastReady = useRef<Listing | null>(null);
  if (listing.total !== null) lastReady.current = listing;
  const shown = listing.total !== null ? listing : (lastReady.current ?? listing);

  const fetchPage = useCallback(
    (target: Listing, page: number) => {
      if (target.inFlight.has(page)) return;
      target.inFlight.add(page);
      const wantFacets = page === 0 && target.facetsStale;
      client.api
        .listLibrary({ ...baseArgs(target.query), offset: page * PAGE_SIZE, limit: PAGE_SIZE, facets: false })
        .then((result) => {
          target.pages.set(page, result.rows);
          target.stale.delete(page);
          target.total = result.total;
          target.scopeTotal = result.scopeTotal;
          if (listingRef.current === target) rerender();
        }, fail)
        .finally(() => target.inFlight.delete(page));
      // Facets come in their own call, so the first rows are painted without waiting for them.
      if (wantFacets) {
        target.facetsStale = false;
        client.api.listLibrary({ ...baseArgs(target.query), limit: 0, facets: true }).then((result) => {
          target.facets = result.facets ?? null;
          target.total = result.total;
          target.scopeTotal = result.scopeTotal;
          if (listingRef.current === target) rerender();
        }, fail);
      }
    },
    [client, fail],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      visible.current = [start, end];
      const target = listingRef.current;
      const last = target.total === null ? Math.floor(end / PAGE_SIZE) : Math.floor(Math.max(0, Math.min(end, target.total - 1)) / PAGE_SIZE);
      for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page <= last; page += 1) {
        if (!target.pages.has(page) || target.stale.has(page)) fetchPage(target, page);
      }
      if (target.facetsStale && !target.inFlight.has(0) && target.pages.has(0)) fetchPage(target, 0);
    },
    [fetchPage],
  );

  // A new listing (sort, filter or scope changed) or one cached from before: make sure its visible pages are (re)loaded.
  useEffect(() => {
    const target = listing;
    if (target.total !== null) {
      // Cached: shown already; refresh what is on screen in the background.
      for (const page of target.pages.keys()) target.stale.add(page);
      target.facetsStale = true;
    }
    ensure(...visible.current);
    if (target.total === null) fetchPage(target, 0);
  }, [listing, ensure, fetchPage]);

  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'articles-changed' || event.type === 'collections-changed') {
          markAllStale();
          ensure(...visible.current);
        }
      }),
    [client, ensure],
  );

  const allIds = useCallback((): Promise<string[]> => {
    const target = listingRef.current;
    target.allIds ??= loadAllIds(client, target);
    return target.allIds;
  }, [client]);

  return {
    total: shown.total,
    scopeTotal: shown.scopeTotal,
    facets: listing.facets ?? shown.facets,
    row: (index) => shown.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure,
    allIds,
    idsBetween: async (start, end) => (await allIds()).slice(Math.min(start, end), Math.max(start, end) + 1),
    refresh: () => {
      markAllStale();
      ensure(...visible.current);
    },
  };
}

async function loadAllIds(client: ApiClient, target: Listing): Promise<string[]> {
  const result = await client.api.listLibrary({ ...baseArgs(target.query), limit: 0, ids: true });
  return result.ids ?? [];
}
