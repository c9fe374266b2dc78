/**
 * The choice of what "Back up now" writes (issue 10): the whole archive, or one
 * collection with its sub-collections, picked from the collection tree (indented
 * by depth, with each collection's article count).
 */
import { useEffect, useState } from 'react';
import type { CollectionInfo } from '../../common/api.js';
import { treeOrder } from '../../common/library/index.js';
import { useApp } from '../app/api-context.js';
import { plural } from '../i18n/format-numbers.js';
import { useI18n } from '../i18n/i18n.js';

/** null: the whole archive; otherwise a collection's id. */
export function BackupScopePicker({ value, onChange, disabled }: { value: string | null; onChange: (collection: string | null) => void; disabled: boolean }) {
  const { t, locale } = useI18n();
  const { client, fail } = useApp();
  const [collections, setCollections] = useState<Array<{ collection: CollectionInfo; depth: number }> | null>(null);
  const [picked, setPicked] = useState('');

  useEffect(() => {
    client.api.listCollections({}).then((tree) => {
      const ordered = treeOrder(tree.collections);
      setCollections(ordered);
      setPicked((current) => current || ordered[0]?.collection.id || '');
    }, fail);
  }, [client, fail]);

  const none = collections !== null && collections.length === 0;
  return (
    <fieldset className="backups-scope" disabled={disabled}>
      <legend>{t.backupScopeLegend}</legend>
      <label>
        <input type="radio" name="backup-scope" checked={value === null} onChange={() => onChange(null)} />
        {t.backupScopeAll}
      </label>
      <label>
        <input type="radio" name="backup-scope" checked={value !== null} disabled={none || collections === null} onChange={() => onChange(picked || null)} />
        {t.backupScopeCollection}
      </label>
      {none ? (
        <p className="hint">{t.backupScopeNone}</p>
      ) : (
        <select
          aria-label={t.backupScopeCollection}
          data-testid="backup-collection"
          value={value ?? picked}
          disabled={collections === null}
          onChange={(event) => {
            setPicked(event.target.value);
            onChange(event.target.value);
          }}
        >
          {(collections ?? []).map(({ collection, depth }) => (
            <option key={collection.id} value={collection.id}>
              {`${'\u00a0\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '– ' : ''}${collection.name} (${plural('articles', collection.deepCount, locale)})`}
            </option>
          ))}
        </select>
      )}
      {value !== null && <p className="hint">{t.backupCollectionHint}</p>}
    </fieldset>
  );
}
