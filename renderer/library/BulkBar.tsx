/**
 * Actions on the selected articles, each one bulkUpdate call (one durable write in
 * the core): add/remove a tag, add to/remove from a collection, set the reading
 * status, move to the trash (with Undo in the toast, through undoBulk), and export
 * the selection (the export dialog, scoped to these articles).
 */
import { useState, type FormEvent } from 'react';
import type { BulkAction, LibraryTree } from '../../common/api.js';
import type { LibraryScope, ReadingStatus } from '../../common/types/library.js';
import { READING_STATUSES } from '../../common/types/library.js';
import { useApp } from '../app/api-context.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { useI18n } from '../i18n/i18n.js';
import { plural } from '../i18n/format-numbers.js';
import type { CountedNoun } from '../i18n/plural-strings.js';
import { STATUS_KEYS } from './cells.js';
import type { Selection } from './use-selection.js';

function TagForm({ label, onSubmit }: { label: string; onSubmit: (tag: string) => void }) {
  const { t } = useI18n();
  const [tag, setTag] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tag.trim() === '') return;
    onSubmit(tag.trim());
    setTag('');
  };
  return (
    <form className="bulk-form" onSubmit={submit}>
      <input value={tag} dir="auto" aria-label={`${label}: ${t.tagPrompt}`} placeholder={t.tagPrompt} onChange={(event) => setTag(event.target.value)} />
      <button type="submit">{label}</button>
    </form>
  );
}

export function BulkBar({ selection, tree, scope }: { selection: Selection; tree: LibraryTree | null; scope: LibraryScope }) {
  const { t, locale } = useI18n();
  const { client, notify, fail } = useApp();
  const [exporting, setExporting] = useState(false);
  if (selection.count === 0) return null;
  const ids = [...selection.ids];

  const run = (action: BulkAction, noun: CountedNoun, after?: () => void) =>
    client.api.bulkUpdate({ ids, action }).then((result) => {
      after?.();
      notify({
        kind: 'info',
        text: plural(noun, result.changedIds.length, locale),
        action: { label: t.undo, run: () => void client.api.undoBulk({ undoToken: result.undoToken }).catch(fail) },
      });
    }, fail);

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t.selectionBar}>
      <strong className="bulk-count">{plural('selected', selection.count, locale)}</strong>
      <TagForm label={t.addTag} onSubmit={(tag) => void run({ kind: 'addTags', tags: [tag] }, 'tagged')} />
      <TagForm label={t.removeTag} onSubmit={(tag) => void run({ kind: 'removeTags', tags: [tag] }, 'changed')} />
      <select
        aria-label={t.addToCollection}
        value=""
        onChange={(event) => {
          const collectionId = event.target.value;
          if (collectionId) void run({ kind: 'addToCollection', collectionId }, 'changed');
        }}
      >
        <option value="">{t.addToCollection}…</option>
        {(tree?.collections ?? []).map((collection) => (
          <option key={collection.id} value={collection.id}>
            {collection.name}
          </option>
        ))}
      </select>
      {scope.kind === 'collection' && (
        <button type="button" onClick={() => void run({ kind: 'removeFromCollection', collectionId: scope.id }, 'changed')}>
          {t.removeFromCollection}
        </button>
      )}
      <select
        aria-label={t.setStatus}
        value=""
        onChange={(event) => {
          const status = event.target.value as ReadingStatus | '';
          if (status) void run({ kind: 'setStatus', status }, 'changed');
        }}
      >
        <option value="">{t.setStatus}…</option>
        {READING_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t[STATUS_KEYS[status]]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => setExporting(true)}>
        {t.exportSelection}
      </button>
      <button type="button" className="button-danger" onClick={() => void run({ kind: 'trash' }, 'trashed', selection.clear)}>
        {t.trashSelection}
      </button>
      <button type="button" className="button-quiet" onClick={selection.clear}>
        {t.clearSelection}
      </button>
      {exporting && <ExportDialog articleIds={ids} onClose={() => setExporting(false)} />}
    </div>
  );
}
