/**
 * The library: sidebar (collections, saved searches, facets), the filter bar, the
 * bulk-action bar and the virtualised article grid, over one scope at a time. On
 * first run it is empty and offers the sample article; importing is always at hand.
 * Its state (library-state.ts) and its rows (use-library-rows.ts) outlive the view,
 * so returning from an article shows the same rows at the same place at once.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../app/api-context.js';
import { useI18n } from '../i18n/i18n.js';
import { CollectionsSidebar, useLibraryTree } from './CollectionsSidebar.js';
import { BulkBar } from './BulkBar.js';
import { FacetPanel } from './FacetPanel.js';
import { FilterBar } from './FilterBar.js';
import { ImportDialog } from './ImportDialog.js';
import { scopeKey, updateLibraryState, useLibraryState } from './library-state.js';
import { LibraryTable } from './LibraryTable.js';
import { cleanFilters, listingKey, useLibraryRows } from './use-library-rows.js';
import { useSelection } from './use-selection.js';

function ImportButtons() {
  const { t } = useI18n();
  const { importFiles } = useApp();
  const filePicker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  const pick = (input: HTMLInputElement | null) => {
    const files = [...(input?.files ?? [])];
    if (files.length > 0) importFiles(files);
    if (input) input.value = '';
  };
  return (
    <div className="head-actions">
      <button type="button" onClick={() => filePicker.current?.click()} title={t.importFormatsHint}>
        {t.importFiles}
      </button>
      <button type="button" onClick={() => folderPicker.current?.click()}>
        {t.importFolder}
      </button>
      <button type="button" onClick={() => setPasting(true)}>
        {t.pasteText}
      </button>
      <input
        ref={filePicker}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf,.jsonl,.ndjson,.csv"
        onChange={(event) => pick(event.target)}
      />
      <input ref={folderPicker} type="file" hidden data-testid="folder-input" {...{ webkitdirectory: '' }} onChange={(event) => pick(event.target)} />
      {pasting && <ImportDialog onClose={() => setPasting(false)} />}
    </div>
  );
}

function EmptyLibrary() {
  const { t } = useI18n();
  const { client, fail, navigate } = useApp();
  const addSample = () => {
    client.api.importSample({}).then((outcome) => {
      navigate(`/article/${outcome.status === 'imported' ? outcome.article.id : outcome.existing.id}`);
    }, fail);
  };
  return (
    <div className="empty-state">
      <div className="empty-mark" aria-hidden="true">
        قرطاس
      </div>
      <h2>{t.emptyTitle}</h2>
      <p>{t.emptyBody}</p>
      <button type="button" className="button-primary" onClick={addSample} autoFocus>
        {t.addSample}
      </button>
    </div>
  );
}

export function LibraryView() {
  const { t } = useI18n();
  const state = useLibraryState();
  const { scope, sort, filters } = state;
  const tree = useLibraryTree();
  const rows = useLibraryRows({ scope, sort, filters });
  const selection = useSelection(rows);
  const hasFilters = Object.keys(cleanFilters(filters)).length > 0;

  // A collection or saved search deleted elsewhere (another window, the CLI): back to all articles.
  useEffect(() => {
    if (!tree || scope.kind === 'all' || scope.kind === 'trash') return;
    const exists = scope.kind === 'collection' ? tree.collections.some((c) => c.id === scope.id) : tree.savedSearches.some((s) => s.id === scope.id);
    if (!exists) updateLibraryState({ scope: { kind: 'all' } });
  }, [tree, scope]);

  const scopeName =
    scope.kind === 'collection'
      ? (tree?.collections.find((c) => c.id === scope.id)?.name ?? t.library)
      : scope.kind === 'savedSearch'
        ? (tree?.savedSearches.find((s) => s.id === scope.id)?.name ?? t.library)
        : t.library;
  const firstRun = scope.kind === 'all' && rows.total === 0 && rows.scopeTotal === 0 && !hasFilters;
  const emptyText = hasFilters ? t.emptyFilter : scope.kind === 'collection' ? t.emptyCollection : scope.kind === 'savedSearch' ? t.emptySavedSearch : t.emptyFilter;

  return (
    <section className="library library-layout" aria-labelledby="library-heading">
      <aside className="library-aside">
        <CollectionsSidebar tree={tree} />
        <FacetPanel facets={rows.facets} />
      </aside>
      <div className="library-main">
        <div className="section-head">
          <h1 id="library-heading" dir="auto">
            {scopeName}
          </h1>
          <ImportButtons />
        </div>
        {firstRun ? (
          <EmptyLibrary />
        ) : (
          <>
            <FilterBar total={rows.total} scopeTotal={rows.scopeTotal} hasFilters={hasFilters} />
            <BulkBar selection={selection} tree={tree} scope={scope} />
            <LibraryTable key={scopeKey(scope)} rows={rows} selection={selection} scrollKey={scopeKey(scope)} queryKey={listingKey({ scope, sort, filters })} emptyText={emptyText} />
            <p className="hint keys">{t.libraryKeysHint}</p>
          </>
        )}
      </div>
    </section>
  );
}
