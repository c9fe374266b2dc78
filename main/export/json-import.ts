/**
 * Reads a Qirtas JSON export (a W3C Web Annotation collection, web-annotation.ts)
 * back into an archive. An article whose text is already there (same content
 * hash) gets the highlights it lacks, re-anchored to its text; a new article is
 * added with its metadata, text and highlights exactly as exported (ids kept
 * when free), so export → import into a fresh archive gives the same articles
 * and annotations. The file is checked whole before anything is written.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ImportJsonReport } from '../../common/api.js';
import { anchorSelectors, reanchorAll } from '../../common/anchoring/anchor.js';
import type { Selector } from '../../common/anchoring/selectors.js';
import { QirtasError } from '../../common/errors.js';
import { countWords } from '../../common/text/fingerprint.js';
import { keepSafeLink } from '../../common/url-rule.js';
import { detailWithoutContent } from '../../common/error-detail.js';
import {
  Annotation,
  ArticleMeta,
  Block,
  canonicalText,
  HighlightColor,
  SCHEMA_VERSION,
  TextPositionSelector,
  TextQuoteSelector,
  type ArticleFile,
} from '../../common/types/article.js';
import { contentHash } from '../import/text-import.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { ARTICLE_URN } from './web-annotation.js';

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const BATCH = 500;

const Body = z.object({ type: z.string().optional(), purpose: z.string().optional(), value: z.string().optional() }).passthrough();

const ImportedAnnotation = z.object({
  type: z.literal('Annotation'),
  id: z.string().min(1).max(300),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: z.union([Body, z.array(Body)]).optional(),
  target: z.object({
    source: z.string(),
    styleClass: z.string().optional(),
    selector: z.union([z.unknown(), z.array(z.unknown())]),
  }),
  'qirtas:color': HighlightColor.optional(),
});
type ImportedAnnotation = z.infer<typeof ImportedAnnotation>;

const ImportedArticle = z.object({
  id: z.string(),
  'qirtas:meta': ArticleMeta,
  'qirtas:blocks': z.array(Block),
});

const Collection = z.object({
  type: z.union([z.literal('AnnotationCollection'), z.literal('AnnotationPage')]),
  'qirtas:articles': z.array(ImportedArticle).default([]),
  first: z.object({ items: z.array(ImportedAnnotation) }).optional(),
  items: z.array(ImportedAnnotation).optional(),
});

function articleIdOf(source: string): string | null {
  return source.startsWith(ARTICLE_URN) ? source.slice(ARTICLE_URN.length) : null;
}

/** A W3C annotation as a Qirtas annotation, or null when it has no selector Qirtas can place. */
export function toQirtasAnnotation(item: ImportedAnnotation): Annotation | null {
  const rawSelectors = Array.isArray(item.target.selector) ? item.target.selector : [item.target.selector];
  const selector = rawSelectors.flatMap((raw): Selector[] => {
    const quote = TextQuoteSelector.safeParse(raw);
    if (quote.success) return [quote.data];
    const position = TextPositionSelector.safeParse(raw);
    return position.success ? [position.data] : [];
  });
  if (selector.length === 0) return null;
  const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? item.body : [item.body];
  const note = bodies
    .filter((body) => (body.purpose ?? 'commenting') === 'commenting' && typeof body.value === 'string')
    .map((body) => body.value as string)
    .join('\n\n');
  const tags = [...new Set(bodies.filter((body) => body.purpose === 'tagging' && typeof body.value === 'string').map((body) => (body.value as string).trim()).filter(Boolean))];
  const styleColor = /^hl-(\w+)$/.exec(item.target.styleClass ?? '')?.[1];
  const color = item['qirtas:color'] ?? HighlightColor.safeParse(styleColor).data ?? 'yellow';
  const id = item.id.replace(/^urn:uuid:/, '');
  const now = new Date().toISOString();
  return Annotation.parse({ id, target: { selector }, color, note, tags, created: item.created ?? now, modified: item.modified ?? item.created ?? now });
}

/** Parses and checks the whole file; INVALID_INPUT naming the file and the first problem. */
export function parseAnnotationExport(text: string, name: string): z.infer<typeof Collection> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new QirtasError('INVALID_INPUT', `${name}: this is not JSON (${detailWithoutContent(error)}).`, name);
  }
  const parsed = Collection.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new QirtasError('INVALID_INPUT', `${name}: this is not a Qirtas annotation export${where} (${issue?.message ?? 'invalid'}).`, name);
  }
  return parsed.data;
}

export interface JsonImportResult {
  report: ImportJsonReport;
  /** Articles added or changed: the search index and the UI follow them. */
  changedIds: string[];
}

/** Imports the export into the store (which must be writable). */
export async function importAnnotationExport(store: ArchiveStore, text: string, name: string): Promise<JsonImportResult> {
  const collection = parseAnnotationExport(text, name);
  const items = [...(collection.first?.items ?? []), ...(collection.items ?? [])];
  const byArticle = new Map<string, Annotation[]>();
  let skipped = 0;
  for (const item of items) {
    const articleId = articleIdOf(item.target.source);
    const annotation = toQirtasAnnotation(item);
    if (!articleId || !annotation) {
      skipped += 1;
      continue;
    }
    byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), annotation]);
  }

  const report: ImportJsonReport = { articlesAdded: 0, articlesMerged: 0, annotationsAdded: 0, annotationsSkipped: skipped, orphans: 0 };
  const warnings: string[] = [];
  const changedIds: string[] = [];
  const byHash = new Map(store.listMeta().map((meta) => [meta.contentHash, meta]));
  const takenIds = new Set(store.listMeta().map((meta) => meta.id));
  const additions: Array<{ meta: ArticleMeta; file: ArticleFile }> = [];
  const handled = new Set<string>();

  // Through the store's per-article queue, so highlights saved meanwhile are kept (issue 13).
  const merge = async (targetId: string, annotations: Annotation[]) => {
    let counts = { skipped: annotations.length, added: 0, orphans: 0 };
    await store.updateArticle(targetId, (file) => {
      const present = new Set(file.annotations.map((annotation) => annotation.id));
      const fresh = annotations.filter((annotation) => !present.has(annotation.id));
      if (fresh.length === 0) return file;
      const placed = reanchorAll(canonicalText(file.blocks), fresh);
      counts = { skipped: annotations.length - fresh.length, added: fresh.length, orphans: placed.filter((entry) => entry.result.status === 'orphan').length };
      return { ...file, annotations: [...file.annotations, ...placed.map((entry) => entry.annotation)] };
    });
    report.annotationsSkipped += counts.skipped;
    report.annotationsAdded += counts.added;
    report.orphans += counts.orphans;
    if (counts.added > 0) changedIds.push(targetId);
  };

  for (const exported of collection['qirtas:articles']) {
    const exportedId = articleIdOf(exported.id) ?? exported['qirtas:meta'].id;
    if (handled.has(exportedId)) continue;
    handled.add(exportedId);
    const annotations = byArticle.get(exportedId) ?? [];
    const blocks = exported['qirtas:blocks'].filter((block) => block.text.trim() !== '');
    if (blocks.length === 0) {
      // Only highlights: they can join the same article if it is here.
      if (takenIds.has(exportedId)) {
        await merge(exportedId, annotations);
        report.articlesMerged += 1;
      } else report.annotationsSkipped += annotations.length;
      continue;
    }
    const canonical = canonicalText(blocks);
    const hash = contentHash(canonical);
    const existing = byHash.get(hash);
    const pending = existing ? additions.find((entry) => entry.meta.id === existing.id) : undefined;
    if (pending) {
      // The same text twice in one file: one article with the highlights of both.
      const present = new Set(pending.file.annotations.map((annotation) => annotation.id));
      const fresh = annotations.filter((annotation) => !present.has(annotation.id));
      pending.file.annotations.push(...reanchorAll(canonicalText(pending.file.blocks), fresh).map((entry) => entry.annotation));
      report.annotationsAdded += fresh.length;
      report.annotationsSkipped += annotations.length - fresh.length;
      continue;
    }
    if (existing) {
      await merge(existing.id, annotations);
      report.articlesMerged += 1;
      continue;
    }
    const id = SAFE_ID.test(exportedId) && !takenIds.has(exportedId) ? exportedId : randomUUID();
    takenIds.add(id);
    const unique = [...new Map(annotations.map((annotation) => [annotation.id, annotation])).values()];
    report.orphans += unique.filter((annotation) => anchorSelectors(canonical, annotation.target.selector).status === 'orphan').length;
    report.annotationsAdded += unique.length;
    report.annotationsSkipped += annotations.length - unique.length;
    // The one link rule, as for every import: a javascript:/data:/vbscript: source link is dropped with a warning.
    const url = keepSafeLink(exported['qirtas:meta'].url, warnings);
    // highlightCount is the library's cached count: the highlights this article now has.
    const meta: ArticleMeta = { ...exported['qirtas:meta'], id, url, contentHash: hash, wordCount: countWords(canonical), trashedAt: null, highlightCount: unique.length };
    additions.push({ meta, file: { schemaVersion: SCHEMA_VERSION, id, blocks, annotations: unique } });
    byHash.set(hash, meta);
    report.articlesAdded += 1;
    changedIds.push(id);
  }
  // Highlights of articles the file does not carry: they join the article with that id, when it is here.
  for (const [articleId, annotations] of byArticle) {
    if (handled.has(articleId)) continue;
    if (takenIds.has(articleId) && store.listMeta().some((meta) => meta.id === articleId)) {
      await merge(articleId, annotations);
      report.articlesMerged += 1;
    } else report.annotationsSkipped += annotations.length;
  }
  for (let index = 0; index < additions.length; index += BATCH) await store.addArticles(additions.slice(index, index + BATCH));
  if (warnings.length > 0) report.warnings = warnings;
  return { report, changedIds };
}
