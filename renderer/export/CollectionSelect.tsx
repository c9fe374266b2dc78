/**
 * A select of the collection tree (indented by depth, each with its article
 * count), loaded from the archive: how the export and backup scopes name a
 * collection. Reports the tree's first collection until the user picks one.
 */
import { useEffect, useState } from 'react';
import type { CollectionInfo } from '../../common/api.js';
import { treeOrder } from '../../common/library/index.js';
import { useApp } from '../app/api-context.js';
import { plural } from '../i18n/format-numbers.js';
import { useI18n } from '../i18n/i18n.js';

export type CollectionTree = Array<{ collection: CollectionInfo; depth: number }>;

/** The collection tree in display order; null until it has loaded. */
export function useCollectionTree(): CollectionTree | null {
  const { client, fail } = useApp();
  const [tree, setTree] = useState<CollectionTree | null>(null);
  useEffect(() => {
    client.api.listCollections({}).then((result) => setTree(treeOrder(result.collections)), fail);
  }, [client, fail]);
  return tree;
}

export function CollectionSelect({ tree, value, onChange, label, testId, disabled }: { tree: CollectionTree | null; value: string; onChange: (id: string) => void; label: string; testId: string; disabled?: boolean }) {
  const { locale } = useI18n();
  return (
    <select aria-label={label} data-testid={testId} value={value} disabled={disabled || tree === null} onChange={(event) => onChange(event.target.value)}>
      {(tree ?? []).map(({ collection, depth }) => (
        <option key={collection.id} value={collection.id}>
          {`${'\u00a0\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '– ' : ''}${collection.name} (${plural('articles', collection.deepCount, locale)})`}
        </option>
      ))}
    </select>
  );
}
