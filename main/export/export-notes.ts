/**
 * The export entry point (issue 6): gathers the scope once (gather.ts) and hands
 * the view to the format's renderer. Used by the service (UI: download or save)
 * and by `qirtas export`. A preview is the same view cut at a number of
 * highlights, plus the file's text for the text formats.
 */
import type { ExportFormat, ExportPreview, ExportRequest } from '../../common/api.js';
import { type ArticleMeta } from '../../common/types/article.js';
import { renderBibtex, renderCslJson, renderRis } from './citations.js';
import { exportFileName, MIME_TYPES } from './common.js';
import { renderCsv } from './csv.js';
import { renderDocx } from './docx.js';
import { type ExportData, type ExportSource, type FindArticles, gatherExport } from './gather.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderPdf } from './pdf.js';
import { plainLetterTextLayer } from './pdf-text-layer.js';
import { renderWebAnnotationJson } from './web-annotation.js';

export interface ExportDeps {
  findArticles?: FindArticles;
  /** The installed app's folder (for the embedded font). */
  appRoot?: string;
  /** HTML → PDF; defaults to the registered renderer (Electron) or Chromium. */
  pdf?: (html: string) => Promise<Uint8Array>;
  now?: Date;
}

export interface ExportResult {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  articleCount: number;
  highlightCount: number;
  /** Article files skipped because they could not be read. */
  warnings: string[];
}

const PREVIEW_CHARS = 200_000;
const TEXT_FORMATS = new Set<ExportFormat>(['md', 'html', 'json', 'csv', 'csl', 'bib', 'ris']);
const encoder = new TextEncoder();

/** Renders a text format from gathered data. */
function renderText(format: ExportFormat, data: ExportData, deps: ExportDeps, embedFont: boolean): string {
  const metas: ArticleMeta[] = data.articles.map((article) => article.meta);
  switch (format) {
    case 'md':
      return renderMarkdown(data.view, metas);
    case 'html':
      return renderHtml(data.view, { appRoot: deps.appRoot, embedFont });
    case 'json':
      return renderWebAnnotationJson(data);
    case 'csv':
      return renderCsv(data.view);
    case 'csl':
      return renderCslJson(metas);
    case 'bib':
      return renderBibtex(metas);
    case 'ris':
      return renderRis(metas);
    default:
      throw new Error(`${format} is not a text format`);
  }
}

export async function exportNotes(source: ExportSource, request: ExportRequest, deps: ExportDeps = {}): Promise<ExportResult> {
  const data = await gatherExport(source, request, { findArticles: deps.findArticles, keepBlocks: request.format === 'json', now: deps.now });
  const format = data.request.format;
  let bytes: Uint8Array;
  if (format === 'docx') bytes = await renderDocx(data.view);
  else if (format === 'pdf') bytes = (await plainLetterTextLayer(await (deps.pdf ?? renderPdf)(renderHtml(data.view, { appRoot: deps.appRoot })))).bytes;
  else bytes = encoder.encode(renderText(format, data, deps, true));
  return {
    fileName: exportFileName(data.view, format, deps.now),
    mimeType: MIME_TYPES[format],
    bytes,
    articleCount: data.view.articleCount,
    highlightCount: data.view.highlightCount,
    warnings: data.warnings,
  };
}

/** The view cut at `maxEntries` highlights and, for text formats, the start of the file (HTML without the embedded font). */
export async function previewExport(source: ExportSource, request: ExportRequest, maxEntries: number, deps: ExportDeps = {}): Promise<ExportPreview> {
  const format = request.format;
  const data = await gatherExport(source, request, { findArticles: deps.findArticles, keepBlocks: format === 'json', maxEntries, now: deps.now });
  let text: string | null = null;
  let textTruncated = false;
  if (TEXT_FORMATS.has(format)) {
    // Only what the view shows: the preview of a large archive stays small.
    const shown = new Set(data.view.sections.flatMap((section) => [section.articleId, ...section.entries.map((entry) => entry.articleId)]));
    const shownHighlights = new Set(data.view.sections.flatMap((section) => section.entries.map((entry) => entry.id)));
    const articles = data.view.truncated
      ? data.articles.filter((article) => shown.has(article.meta.id)).map((article) => ({ ...article, selected: article.selected.filter((annotation) => shownHighlights.has(annotation.id)) }))
      : data.articles;
    const full = renderText(format, { ...data, articles }, deps, false);
    textTruncated = full.length > PREVIEW_CHARS;
    text = textTruncated ? full.slice(0, PREVIEW_CHARS) : full;
  }
  return { text, textTruncated, view: data.view };
}
