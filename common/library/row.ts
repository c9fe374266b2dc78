/** An article's metadata as a library row: every library field filled with its default. */
import type { LibraryRow } from '../api.js';
import type { ArticleMeta } from '../types/article.js';

export function toRow(meta: ArticleMeta, highlightCount = meta.highlightCount ?? 0): LibraryRow {
  return {
    ...meta,
    readingStatus: meta.readingStatus ?? 'unread',
    progress: meta.progress ?? 0,
    lastReadAt: meta.lastReadAt ?? null,
    collectionIds: meta.collectionIds ?? [],
    highlightCount,
  };
}
