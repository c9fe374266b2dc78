/**
 * The export dialog (issue 6): scope (whole archive, this article, chosen
 * articles, a tag, a colour, search results), format, options and a live
 * preview — the reading view (React, from structured data) and the file's own
 * text shown as text, never as HTML. The file is downloaded (browser shell) or
 * saved (Electron's download → save dialog). PDF: made by the archive when it
 * can (Electron printToPDF, or Chromium beside the browser shell), and the print
 * view is always there. A second tab lists backups, makes one now and restores.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExportFormat, ExportPreview, ExportRequest } from '../../common/api.js';
import { HIGHLIGHT_COLORS, type HighlightColor, type Locale } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';
import { Dialog } from '../app/Dialog.js';
import { useI18n } from '../i18n/i18n.js';
import type { StringKey } from '../i18n/strings.js';
import { toBase64 } from '../import/read-dropped.js';
import { ArticlePicker } from './ArticlePicker.js';
import { BackupsPanel } from './BackupsPanel.js';
import { CollectionSelect, useCollectionTree } from './CollectionSelect.js';
import { downloadFile } from './download.js';
import { fill } from '../i18n/fill.js';
import { ExportView } from './ExportView.js';
import { PrintView } from './PrintView.js';
import './export.css';

type ScopeKind = 'all' | 'article' | 'articles' | 'collection' | 'tag' | 'color' | 'query';
type GroupBy = 'article' | 'color' | 'tag';

const FORMATS: Array<[ExportFormat, StringKey]> = [
  ['md', 'formatMd'],
  ['docx', 'formatDocx'],
  ['html', 'formatHtml'],
  ['pdf', 'formatPdf'],
  ['csv', 'formatCsv'],
  ['json', 'formatJson'],
  ['csl', 'formatCsl'],
  ['bib', 'formatBib'],
  ['ris', 'formatRis'],
];

const COLOR_NAME_KEYS: Record<HighlightColor, StringKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

const PREVIEW_DELAY_MS = 300;

/** `articleIds`: opened from the library's selection, scoped to those articles. */
export function ExportDialog({ articleId, articleIds, onClose }: { articleId?: string; articleIds?: string[]; onClose: () => void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'export' | 'backups'>('export');
  return (
    <Dialog title={t.exportTitle} onClose={onClose} labelledBy="export-title" className="export-dialog">
      <div className="export-tabs" role="tablist" aria-label={t.exportTitle}>
        <button type="button" role="tab" id="export-tab-export" aria-selected={tab === 'export'} aria-controls="export-panel-export" onClick={() => setTab('export')}>
          {t.exportTab}
        </button>
        <button type="button" role="tab" id="export-tab-backups" aria-selected={tab === 'backups'} aria-controls="export-panel-backups" onClick={() => setTab('backups')}>
          {t.backupsTab}
        </button>
        <button type="button" className="icon-button export-close" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </div>
      {tab === 'export' ? (
        <div role="tabpanel" id="export-panel-export" aria-labelledby="export-tab-export">
          <ExportPanel articleId={articleId} articleIds={articleIds} />
        </div>
      ) : (
        <div role="tabpanel" id="export-panel-backups" aria-labelledby="export-tab-backups">
          <BackupsPanel />
        </div>
      )}
    </Dialog>
  );
}

function ExportPanel({ articleId, articleIds }: { articleId?: string; articleIds?: string[] }) {
  const { t, locale } = useI18n();
  const { client, fail, notify } = useApp();
  const collections = useCollectionTree();
  const [collectionId, setCollectionId] = useState('');
  const collection = collectionId || collections?.[0]?.collection.id || '';
  const [scopeKind, setScopeKind] = useState<ScopeKind>(articleIds && articleIds.length > 0 ? 'articles' : articleId ? 'article' : 'all');
  const [chosen, setChosen] = useState<string[]>(articleIds && articleIds.length > 0 ? articleIds : articleId ? [articleId] : []);
  const [tag, setTag] = useState('');
  const [color, setColor] = useState<HighlightColor>('yellow');
  const [query, setQuery] = useState('');
  const [format, setFormat] = useState<ExportFormat>('md');
  const [onlyHighlights, setOnlyHighlights] = useState(false);
  const [groupBy, setGroupBy] = useState<GroupBy>('article');
  const [labelsLocale, setLabelsLocale] = useState<Locale>(locale);
  const [tags, setTags] = useState<string[]>([]);
  const [colorLabels, setColorLabels] = useState<Partial<Record<HighlightColor, string>>>({});
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [previewTab, setPreviewTab] = useState<'reading' | 'file'>('reading');
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [pdfProblem, setPdfProblem] = useState('');
  const [printing, setPrinting] = useState<ExportPreview | null>(null);
  const importInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    client.api.listFacets({}).then((facets) => setTags(facets.tags), fail);
    client.api.getSettings({}).then((settings) => setColorLabels(settings.colorLabels), fail);
  }, [client, fail]);

  const request = useMemo((): ExportRequest | null => {
    let scope: ExportRequest['scope'];
    if (scopeKind === 'all') scope = { kind: 'all' };
    else if (scopeKind === 'article') scope = articleId ? { kind: 'articles', ids: [articleId] } : { kind: 'all' };
    else if (scopeKind === 'articles') {
      if (chosen.length === 0) return null;
      scope = { kind: 'articles', ids: chosen };
    } else if (scopeKind === 'collection') {
      if (!collection) return null;
      scope = { kind: 'collection', id: collection };
    } else if (scopeKind === 'tag') {
      if (tag.trim() === '') return null;
      scope = { kind: 'tag', tag: tag.trim() };
    } else if (scopeKind === 'color') scope = { kind: 'color', color };
    else {
      if (query.trim() === '') return null;
      scope = { kind: 'query', query: query.trim() };
    }
    return { scope, format, options: { onlyHighlights, groupBy: onlyHighlights ? groupBy : 'article', locale: labelsLocale } };
  }, [scopeKind, articleId, chosen, collection, tag, color, query, format, onlyHighlights, groupBy, labelsLocale]);

  useEffect(() => {
    if (!request) {
      setPreview(null);
      return;
    }
    let live = true;
    setLoading(true);
    const timer = window.setTimeout(() => {
      client.api
        .previewExport({ ...request, maxEntries: 40 })
        .then((result) => live && setPreview(result))
        .catch((error: unknown) => live && fail(error))
        .finally(() => live && setLoading(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, fail, request]);

  const colorName = (value: HighlightColor) => {
    const custom = colorLabels[value]?.trim();
    return custom ? `${t[COLOR_NAME_KEYS[value]]} — ${custom}` : t[COLOR_NAME_KEYS[value]];
  };

  const runExport = async () => {
    if (!request) return;
    setBusy(true);
    setStatus(t.exportWorking);
    setPdfProblem('');
    try {
      const file = await client.api.exportNotes(request);
      downloadFile(file.fileName, file.mimeType, file.data);
      setStatus(fill(t.exportDone, { file: file.fileName }));
    } catch (error) {
      setStatus('');
      if (format === 'pdf') setPdfProblem(`${t.exportPdfFailed} ${(error as Error).message}`);
      else fail(error);
    } finally {
      setBusy(false);
    }
  };

  const openPrintView = async () => {
    if (!request) return;
    try {
      setPrinting(await client.api.previewExport({ ...request, format: 'html', maxEntries: 1_000_000 }));
    } catch (error) {
      fail(error);
    }
  };

  const importJson = async (file: File | undefined) => {
    if (!file) return;
    try {
      const report = await client.api.importAnnotationsJson({ name: file.name, data: await toBase64(file) });
      notify({ kind: 'info', text: fill(t.importJsonDone, { added: report.articlesAdded, merged: report.articlesMerged, annotations: report.annotationsAdded }) });
    } catch (error) {
      fail(error);
    } finally {
      if (importInput.current) importInput.current.value = '';
    }
  };

  return (
    <div className="export-panel">
      <div className="export-options">
        <fieldset>
          <legend>{t.exportScope}</legend>
          <label>
            <input type="radio" name="export-scope" checked={scopeKind === 'all'} onChange={() => setScopeKind('all')} />
            {t.scopeAll}
          </label>
          {articleId && (
            <label>
              <input type="radio" name="export-scope" checked={scopeKind === 'article'} onChange={() => setScopeKind('article')} />
              {t.scopeArticle}
            </label>
          )}
          <label>
            <input type="radio" name="export-scope" checked={scopeKind === 'articles'} onChange={() => setScopeKind('articles')} />
            {t.scopeArticles}
          </label>
          {scopeKind === 'articles' && <ArticlePicker chosen={chosen} onChange={setChosen} />}
          <label>
            <input type="radio" name="export-scope" checked={scopeKind === 'collection'} disabled={collections !== null && collections.length === 0} onChange={() => setScopeKind('collection')} />
            {t.scopeCollection}
          </label>
          {scopeKind === 'collection' && <CollectionSelect tree={collections} value={collection} onChange={setCollectionId} label={t.scopeCollection} testId="export-collection" />}
          {collections !== null && collections.length === 0 && <p className="hint">{t.scopeCollectionNone}</p>}
          <label>
            <input type="radio" name="export-scope" checked={scopeKind === 'tag'} onChange={() => setScopeKind('tag')} />
            {t.scopeTag}
          </label>
          {scopeKind === 'tag' && (
            <>
              <input list="export-tags" dir="auto" placeholder={t.scopeTagPlaceholder} aria-label={t.scopeTag} value={tag} onChange={(event) => setTag(event.target.value)} />
              <datalist id="export-tags">
                {tags.map((value) => (
                  <option key={value} value={value} />
                ))}
              </datalist>
            </>
          )}
          <label>
            <input type="radio" name="export-scope" checked={scopeKind === 'color'} onChange={() => setScopeKind('color')} />
            {t.scopeColor}
          </label>
          {scopeKind === 'color' && (
            <select aria-label={t.scopeColor} value={color} onChange={(event) => setColor(event.target.value as HighlightColor)}>
              {HIGHLIGHT_COLORS.map((value) => (
                <option key={value} value={value}>
                  {colorName(value)}
                </option>
              ))}
            </select>
          )}
          <label>
            <input type="radio" name="export-scope" checked={scopeKind === 'query'} onChange={() => setScopeKind('query')} />
            {t.scopeQuery}
          </label>
          {scopeKind === 'query' && (
            <input type="search" dir="auto" placeholder={t.scopeQueryPlaceholder} aria-label={t.scopeQuery} value={query} onChange={(event) => setQuery(event.target.value)} />
          )}
        </fieldset>

        <label className="export-field">
          {t.exportFormat}
          <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
            {FORMATS.map(([value, key]) => (
              <option key={value} value={value}>
                {t[key]}
              </option>
            ))}
          </select>
        </label>

        <fieldset>
          <legend>{t.exportContent}</legend>
          <label>
            <input type="radio" name="export-content" checked={!onlyHighlights} onChange={() => setOnlyHighlights(false)} />
            {t.contentText}
          </label>
          <label>
            <input type="radio" name="export-content" checked={onlyHighlights} onChange={() => setOnlyHighlights(true)} />
            {t.contentHighlights}
          </label>
        </fieldset>

        <div className="form-row">
          <label className="export-field">
            {t.exportGroupBy}
            <select value={groupBy} disabled={!onlyHighlights} onChange={(event) => setGroupBy(event.target.value as GroupBy)}>
              <option value="article">{t.groupArticle}</option>
              <option value="color">{t.groupColor}</option>
              <option value="tag">{t.groupTag}</option>
            </select>
          </label>
          <label className="export-field">
            {t.exportLabelsLanguage}
            <select value={labelsLocale} onChange={(event) => setLabelsLocale(event.target.value as Locale)}>
              <option value="ar">العربية</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>

        <div className="export-actions">
          <button type="button" className="button-primary" disabled={!request || busy} onClick={() => void runExport()}>
            {busy ? t.exportWorking : t.exportDownload}
          </button>
          {format === 'pdf' && (
            <button type="button" disabled={!request} onClick={() => void openPrintView()}>
              {t.exportPrint}
            </button>
          )}
        </div>
        {format === 'pdf' && <p className="hint">{t.exportPrintHint}</p>}
        {pdfProblem && (
          <p className="export-problem" role="alert">
            {pdfProblem}
          </p>
        )}
        <p className="export-status" role="status">
          {status}
        </p>
        <div className="export-import">
          <button type="button" className="link-button" onClick={() => importInput.current?.click()}>
            {t.importJson}
          </button>
          <input ref={importInput} type="file" accept=".json,.jsonld,application/json,application/ld+json" hidden data-testid="import-json-input" onChange={(event) => void importJson(event.target.files?.[0])} />
        </div>
      </div>

      <div className="export-preview" aria-busy={loading}>
        <div className="export-preview-head">
          <h3>{t.exportPreview}</h3>
          <div role="tablist" aria-label={t.exportPreview} className="export-preview-tabs">
            <button type="button" role="tab" aria-selected={previewTab === 'reading'} onClick={() => setPreviewTab('reading')}>
              {t.previewReading}
            </button>
            <button type="button" role="tab" aria-selected={previewTab === 'file'} onClick={() => setPreviewTab('file')}>
              {t.previewFile}
            </button>
          </div>
        </div>
        <div className="export-preview-body" data-testid="export-preview">
          {!preview && <p className="hint">{loading ? t.previewLoading : t.previewEmpty}</p>}
          {preview && previewTab === 'reading' && <ExportView view={preview.view} />}
          {preview && previewTab === 'file' && (preview.text === null ? <p className="hint">{t.previewNoText}</p> : <pre dir="auto" className="export-preview-text">{preview.text}</pre>)}
          {preview && previewTab === 'file' && preview.textTruncated && <p className="export-view-cut">{t.previewCut}</p>}
        </div>
      </div>
      {printing && <PrintView view={printing.view} onClose={() => setPrinting(null)} />}
    </div>
  );
}
