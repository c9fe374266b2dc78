/**
 * The library sidebar: All articles, the collections tree (nestable; create,
 * rename, delete; drop articles onto a collection to add them) and the saved
 * searches (smart collections, counted live; rename, delete). Choosing one sets
 * the library scope; the list keeps its sorting and filtering. Collections and
 * saved searches share one actions menu and one rename field: F2 on either
 * renames it, Enter keeps the new name, Escape cancels, and focus comes back to
 * it. Deleting a collection never deletes articles: the core only takes them out
 * of it.
 */
import { type DragEvent, type FormEvent, type KeyboardEvent, memo, useCallback, useEffect, useRef, useState } from 'react';
import type { CollectionInfo, LibraryTree } from '../../common/api.js';
import type { LibraryScope } from '../../common/types/library.js';
import { useApp } from '../app/api-context.js';
import { useI18n } from '../i18n/i18n.js';
import { fillIsolated } from '../i18n/fill.js';
import { formatNumber, plural } from '../i18n/format-numbers.js';
import { scopeKey, updateLibraryState, useLibraryState } from './library-state.js';
import { DRAG_TYPE } from './LibraryTable.js';

/** Collections, with their depth in the tree (the core lists parents before children). */
function withDepth(collections: CollectionInfo[]): Array<CollectionInfo & { depth: number }> {
  const depth = new Map<string, number>();
  return collections.map((collection) => {
    const level = collection.parentId ? (depth.get(collection.parentId) ?? 0) + 1 : 0;
    depth.set(collection.id, level);
    return { ...collection, depth: level };
  });
}

export function useLibraryTree(): LibraryTree | null {
  const { client, fail } = useApp();
  const [tree, setTree] = useState<LibraryTree | null>(null);
  const reload = useCallback(() => {
    client.api.listCollections({}).then(setTree, fail);
  }, [client, fail]);
  useEffect(() => {
    reload();
    return client.subscribe((event) => {
      if (event.type === 'collections-changed' || event.type === 'articles-changed') reload();
    });
  }, [client, reload]);
  return tree;
}

function NameForm({ initial, label, onDone }: { initial: string; label: string; onDone: (name: string | null) => void }) {
  const [name, setName] = useState(initial);
  // Enter, Escape and the blur that follows when the field goes away: the name is given once.
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    finish(name.trim() === '' ? null : name.trim());
  };
  return (
    <form className="name-form" onSubmit={submit}>
      <input
        value={name}
        dir="auto"
        aria-label={label}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            finish(null);
          }
        }}
        onBlur={() => finish(name.trim() === '' || name.trim() === initial ? null : name.trim())}
      />
    </form>
  );
}

function selectScope(scope: LibraryScope): void {
  updateLibraryState({ scope, focusIndex: 0, anchorIndex: 0 });
}

interface MenuAction {
  text: string;
  onSelect: () => void;
  danger?: boolean;
}

/** The ⋯ menu of a collection or a saved search; it closes when an action is chosen. */
function ScopeMenu({ label, actions }: { label: string; actions: MenuAction[] }) {
  return (
    <details className="scope-menu">
      <summary aria-label={label}>⋯</summary>
      <div className="menu">
        {actions.map((action) => (
          <button
            key={action.text}
            type="button"
            className={action.danger ? 'button-danger' : undefined}
            onClick={(event) => {
              event.currentTarget.closest('details')?.removeAttribute('open');
              action.onSelect();
            }}
          >
            {action.text}
          </button>
        ))}
      </div>
    </details>
  );
}

/** The scope button of a collection or saved search (what F2 renames and focus returns to). */
function focusScopeItem(key: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`.scope-item[data-scope-key="${CSS.escape(key)}"]`)?.focus());
}

/** A scope in the sidebar: its name and count; a click shows it, F2 renames it. */
function ScopeButton({ scope, scopeId, name, count, current, onKeyDown }: { scope: LibraryScope; scopeId: string; name: string; count: string; current: boolean; onKeyDown: (event: KeyboardEvent) => void }) {
  return (
    <button type="button" className="scope-item" data-scope-key={scopeId} aria-current={current ? 'true' : undefined} aria-keyshortcuts="F2" onClick={() => selectScope(scope)} onKeyDown={onKeyDown}>
      <span className="scope-name" dir="auto">
        {name}
      </span>
      <span className="scope-count">{count}</span>
    </button>
  );
}

// Memoised: a page of rows arriving while the list scrolls re-renders the table, not this.
export const CollectionsSidebar = memo(function CollectionsSidebar({ tree }: { tree: LibraryTree | null }) {
  const { t, locale } = useI18n();
  const { client, fail, notify } = useApp();
  const { scope } = useLibraryState();
  const current = scopeKey(scope);
  const [creating, setCreating] = useState<{ parentId: string | null } | null>(null);
  /** The scope key (collection:ID, savedSearch:ID) whose name is being edited. */
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  const create = (name: string | null, parentId: string | null) => {
    setCreating(null);
    if (!name) return;
    client.api.createCollection({ name, parentId }).then((collection) => {
      notify({ kind: 'info', text: fillIsolated(t.collectionCreated, { name: collection.name }) });
    }, fail);
  };
  const rename = (key: string, name: string | null) => {
    setRenaming(null);
    focusScopeItem(key);
    if (!name) return;
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    // A saved search updated with only a name keeps its query and filters (the contract's saveSearch).
    (kind === 'collection' ? client.api.updateCollection({ id, name }) : client.api.saveSearch({ id, name })).catch(fail);
  };
  const renameOnF2 = (key: string) => (event: KeyboardEvent) => {
    if (event.key !== 'F2') return;
    event.preventDefault();
    setRenaming(key);
  };
  const remove = (collection: CollectionInfo) => {
    if (!window.confirm(fillIsolated(t.confirmDeleteCollection, { name: collection.name }))) return;
    client.api.deleteCollection({ id: collection.id, subcollections: 'lift' }).then(() => {
      if (current === `collection:${collection.id}`) selectScope({ kind: 'all' });
    }, fail);
  };
  const removeSaved = (id: string, name: string) => {
    if (!window.confirm(fillIsolated(t.confirmDeleteSavedSearch, { name }))) return;
    client.api.deleteSavedSearch({ id }).then(() => {
      if (current === `savedSearch:${id}`) selectScope({ kind: 'all' });
    }, fail);
  };

  const dropProps = (collection: CollectionInfo) => ({
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDropTarget(collection.id);
    },
    onDragLeave: () => setDropTarget((target) => (target === collection.id ? null : target)),
    onDrop: (event: DragEvent) => {
      setDropTarget(null);
      const raw = event.dataTransfer.getData(DRAG_TYPE);
      if (!raw) return;
      event.preventDefault();
      const ids = JSON.parse(raw) as string[];
      client.api.bulkUpdate({ ids, action: { kind: 'addToCollection', collectionId: collection.id } }).then((result) => {
        notify({ kind: 'info', text: `${collection.name}: ${plural('changed', result.changedIds.length, locale)}` });
      }, fail);
    },
  });

  const collections = withDepth(tree?.collections ?? []);
  return (
    <nav className="library-sidebar" aria-label={t.collectionsTitle}>
      <button type="button" className="scope-item" aria-current={current === 'all' ? 'true' : undefined} onClick={() => selectScope({ kind: 'all' })}>
        <span className="scope-name">{t.allArticles}</span>
      </button>

      <div className="sidebar-head">
        <h2 className="sidebar-title" id="collections-title">
          {t.collectionsTitle}
        </h2>
        <button type="button" className="icon-button" aria-label={t.newCollection} title={t.newCollection} onClick={() => setCreating({ parentId: null })}>
          +
        </button>
      </div>
      {creating?.parentId === null && <NameForm initial="" label={t.collectionName} onDone={(name) => create(name, null)} />}
      {tree && collections.length === 0 && !creating && <p className="hint">{t.noCollections}</p>}
      <ul className="collection-tree" role="tree" aria-labelledby="collections-title">
        {collections.map((collection) => {
          const key = `collection:${collection.id}`;
          return (
            <li
              key={collection.id}
              role="treeitem"
              aria-level={collection.depth + 1}
              aria-selected={current === key}
              className={dropTarget === collection.id ? 'drop-target' : undefined}
              style={{ paddingInlineStart: `${collection.depth * 1.1}rem` }}
              data-collection-id={collection.id}
              title={dropTarget === collection.id ? fillIsolated(t.dropHint, { name: collection.name }) : undefined}
              {...dropProps(collection)}
            >
              {renaming === key ? (
                <NameForm initial={collection.name} label={`${t.rename}: ${collection.name}`} onDone={(name) => rename(key, name)} />
              ) : (
                <div className="scope-row">
                  <ScopeButton
                    scope={{ kind: 'collection', id: collection.id, deep: true }}
                    scopeId={key}
                    name={collection.name}
                    count={formatNumber(collection.deepCount, locale)}
                    current={current === key}
                    onKeyDown={renameOnF2(key)}
                  />
                  <ScopeMenu
                    label={`${t.collectionActions}: ${collection.name}`}
                    actions={[
                      { text: t.newSubcollection, onSelect: () => setCreating({ parentId: collection.id }) },
                      { text: t.rename, onSelect: () => setRenaming(key) },
                      { text: t.deleteCollection, onSelect: () => remove(collection), danger: true },
                    ]}
                  />
                </div>
              )}
              {creating?.parentId === collection.id && <NameForm initial="" label={t.collectionName} onDone={(name) => create(name, collection.id)} />}
            </li>
          );
        })}
      </ul>

      <h2 className="sidebar-title">{t.savedSearchesTitle}</h2>
      {tree && tree.savedSearches.length === 0 && <p className="hint">{t.noSavedSearches}</p>}
      <ul className="saved-searches">
        {(tree?.savedSearches ?? []).map((saved) => {
          const key = `savedSearch:${saved.id}`;
          return (
            <li key={saved.id} className="scope-row" data-saved-search-id={saved.id}>
              {renaming === key ? (
                <NameForm initial={saved.name} label={`${t.rename}: ${saved.name}`} onDone={(name) => rename(key, name)} />
              ) : (
                <>
                  <ScopeButton
                    scope={{ kind: 'savedSearch', id: saved.id }}
                    scopeId={key}
                    name={saved.name}
                    count={formatNumber(saved.count, locale)}
                    current={current === key}
                    onKeyDown={renameOnF2(key)}
                  />
                  <ScopeMenu
                    label={`${t.savedSearchActions}: ${saved.name}`}
                    actions={[
                      { text: t.rename, onSelect: () => setRenaming(key) },
                      { text: t.deleteSavedSearch, onSelect: () => removeSaved(saved.id, saved.name), danger: true },
                    ]}
                  />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
});
