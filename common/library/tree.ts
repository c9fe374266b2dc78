/**
 * The collection tree (issue 10): collections in display order (each parent
 * before its children, siblings by name in Arabic collation), the descendants of
 * a collection, and whether a move would put a collection inside itself.
 */
import type { Collection } from '../types/library.js';
import { keyCollator, foldText } from './collation.js';

export interface TreeItem<T extends Collection = Collection> {
  collection: T;
  /** 0 at the top level. */
  depth: number;
}

/** Depth-first, parents first, siblings by name. A collection whose parent is gone shows at the top level. */
export function treeOrder<T extends Collection>(collections: readonly T[]): Array<TreeItem<T>> {
  const ids = new Set(collections.map((collection) => collection.id));
  const children = new Map<string | null, T[]>();
  for (const collection of collections) {
    const parent = collection.parentId !== null && ids.has(collection.parentId) ? collection.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(collection);
    children.set(parent, list);
  }
  const out: Array<TreeItem<T>> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => keyCollator.compare(a.name, b.name));
    for (const collection of list) {
      if (seen.has(collection.id)) continue;
      seen.add(collection.id);
      out.push({ collection, depth });
      visit(collection.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The ids of a collection and every collection below it. */
export function withDescendants(collections: readonly Collection[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const collection of collections) {
      if (collection.parentId !== null && result.has(collection.parentId) && !result.has(collection.id)) {
        result.add(collection.id);
        grew = true;
      }
    }
  }
  return result;
}

/** True when making `parentId` the parent of `id` would create a cycle. */
export function wouldCycle(collections: readonly Collection[], id: string, parentId: string | null): boolean {
  return parentId !== null && withDescendants(collections, id).has(parentId);
}

/** Collection names compare folded, so «مصادر» and «مَصادر» are the same name among siblings. */
export function sameName(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

/** «parent/child» for a collection, from the top level (a parent that is gone ends the path). */
export function collectionPath(all: readonly Collection[], collection: Collection): string {
  const names = [collection.name];
  const seen = new Set([collection.id]);
  let parentId = collection.parentId;
  while (parentId !== null && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = all.find((candidate) => candidate.id === parentId);
    if (!parent) break;
    names.unshift(parent.name);
    parentId = parent.parentId;
  }
  return names.join('/');
}
