/**
 * The choice of what "Back up now" writes (issue 10): the whole archive, or one
 * collection with its sub-collections, picked from the collection tree (indented
 * by depth, with each collection's article count).
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { CollectionSelect, useCollectionTree } from './CollectionSelect.js';

/** null: the whole archive; otherwise a collection's id. */
export function BackupScopePicker({ value, onChange, disabled }: { value: string | null; onChange: (collection: string | null) => void; disabled: boolean }) {
  const { t } = useI18n();
  const collections = useCollectionTree();
  const [chosen, setChosen] = useState('');
  const picked = chosen || collections?.[0]?.collection.id || '';

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
        <CollectionSelect
          tree={collections}
          value={value ?? picked}
          label={t.backupScopeCollection}
          testId="backup-collection"
          onChange={(id) => {
            setChosen(id);
            onChange(id);
          }}
        />
      )}
      {value !== null && <p className="hint">{t.backupCollectionHint}</p>}
    </fieldset>
  );
}
