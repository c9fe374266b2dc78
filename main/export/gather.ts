/**
 * The one data-gathering step every export format shares (issue 6): resolves the
 * scope to articles, reads them, places their highlights in the current text
 * (position first, then quote; orphans kept), keeps the highlights the scope asks
 * for, and builds the export view — sections (by article, colour or tag) of
 * entries that each carry their citation and position, and, when the text is
 * exported, each block cut into plain and highlighted segments. Every format
 * renders this view; JSON and the citation formats also read the articles.
 */
import type { AnchoredAnnotation, ExportCitation, ExportEntry, ExportRequest, ExportSection, ExportSegment, ExportView } from '../../common/api.js';
import { ExportRequest as ExportRequestSchema } from '../../common/api.js';
import { QirtasError } from '../../common/errors.js';
import {
  type ArticleFile,
  type ArticleMeta,
  type Block,
  canonicalText,
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type Locale,
  type Settings,
} from '../../common/types/article.js';
import { withDescendants } from '../../common/library/tree.js';
import type { Collection } from '../../common/types/library.js';
import { anchorAll } from '../service/anchored.js';
import { isolate } from './common.js';
import { COLOR_NAMES, DEFAULT_COLOR_LABELS, EXPORT_LABELS } from './labels.js';

/** What the exporter reads: the store satisfies it. */
export interface ExportSource {
  listMeta(): readonly ArticleMeta[];
  readArticle(id: string): Promise<ArticleFile>;
  readonly settings: Settings;
  /** The collections, for a collection scope (issue 10). */
  readonly library?: { readonly collections: readonly Collection[] };
}

/** The collection a scope names, or NOT_FOUND with params the UI can word. */
function scopeCollection(source: ExportSource, id: string): Collection {
  const collection = source.library?.collections.find((candidate) => candidate.id === id);
  if (!collection) throw QirtasError.withParams('NOT_FOUND', `No collection with id "${id}".`, { reason: 'collection-not-found', id });
  return collection;
}

/** Finds the articles of a search, best first (the service's search index). */
export type FindArticles = (query: string, exact: boolean) => Promise<string[]>;

export type ParsedExportRequest = ReturnType<typeof ExportRequestSchema.parse>;

export interface ExportArticle {
  meta: ArticleMeta;
  /** Kept only when asked (JSON needs the text; the text view already holds it). */
  blocks: Block[] | null;
  /** Every annotation of the article, placed in the current text (JSON exports them all). */
  annotations: AnchoredAnnotation[];
  /** The ones the scope selected, in text order. */
  selected: AnchoredAnnotation[];
}

export interface ExportData {
  request: ParsedExportRequest;
  view: ExportView;
  articles: ExportArticle[];
  /** Article files that could not be read (damaged or missing): named, skipped. */
  warnings: string[];
}

export interface GatherOptions {
  findArticles?: FindArticles;
  /** Keep each article's blocks in ExportArticle (for JSON). */
  keepBlocks?: boolean;
  /** Cut the view after this many highlights (previews). */
  maxEntries?: number;
  /** Reads this many article files at a time. */
  parallel?: number;
  now?: Date;
}

/** Runs `work` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function citationOf(meta: ArticleMeta): ExportCitation {
  return { title: meta.title, source: meta.source, author: meta.author, url: meta.url, published: meta.published };
}

export function colorLabel(color: HighlightColor, settings: Settings, locale: Locale): string {
  const custom = settings.colorLabels[color]?.trim();
  return custom || DEFAULT_COLOR_LABELS[locale][color];
}

/** Oldest first by publication date (undated last), then by title: the order a reader of notes expects. */
function chronological(a: ArticleMeta, b: ArticleMeta): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published.localeCompare(b.published);
  }
  return a.title.localeCompare(b.title, 'ar') || a.id.localeCompare(b.id);
}

async function candidates(source: ExportSource, request: ParsedExportRequest, findArticles?: FindArticles): Promise<ArticleMeta[]> {
  const live = source.listMeta().filter((meta) => meta.trashedAt === null);
  const scope = request.scope;
  switch (scope.kind) {
    case 'articles': {
      const byId = new Map(source.listMeta().map((meta) => [meta.id, meta]));
      return [...new Set(scope.ids)].map((id) => {
        const meta = byId.get(id);
        if (!meta) throw new QirtasError('NOT_FOUND', `No article with id "${id}".`);
        return meta;
      });
    }
    case 'collection': {
      scopeCollection(source, scope.id);
      const wanted = scope.deep ? withDescendants(source.library?.collections ?? [], scope.id) : new Set([scope.id]);
      return live.filter((meta) => meta.collectionIds?.some((id) => wanted.has(id))).sort(chronological);
    }
    case 'query': {
      if (!findArticles) throw new QirtasError('INVALID_INPUT', 'Exporting search results needs the search index.');
      const ids = await findArticles(scope.query, scope.exact);
      const byId = new Map(live.map((meta) => [meta.id, meta]));
      return ids.map((id) => byId.get(id)).filter((meta): meta is ArticleMeta => meta !== undefined);
    }
    default:
      return [...live].sort(chronological);
  }
}

function selectAnnotations(request: ParsedExportRequest, meta: ArticleMeta, annotations: AnchoredAnnotation[]): AnchoredAnnotation[] {
  const scope = request.scope;
  if (scope.kind === 'color') return annotations.filter((annotation) => annotation.color === scope.color);
  if (scope.kind === 'tag') return meta.tags.includes(scope.tag) ? annotations : annotations.filter((annotation) => annotation.tags.includes(scope.tag));
  return annotations;
}

/** Is this article part of the export at all? */
function inScope(request: ParsedExportRequest, meta: ArticleMeta, selected: AnchoredAnnotation[]): boolean {
  const scope = request.scope;
  if (scope.kind === 'color') return selected.length > 0;
  if (scope.kind === 'tag') return meta.tags.includes(scope.tag) || selected.length > 0;
  return true;
}

/** Where each block starts in the canonical text (blocks joined by "\n\n"). */
export function blockStarts(blocks: readonly Block[]): number[] {
  const starts: number[] = [];
  let position = 0;
  for (const block of blocks) {
    starts.push(position);
    position += block.text.length + 2;
  }
  return starts;
}

/** 1-based number of the block an offset falls in (the last block starting at or before it). */
function blockNumberAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

interface Placed {
  start: number;
  end: number;
  color: HighlightColor;
  noteNumber: number;
}

/** Letters, marks, digits and the joiners: what a word is made of (a marker or a colour edge never splits one). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u200C\u200D]/u;

/** The offset moved back to the start of the word it falls inside (unchanged at a word edge). */
export function wordStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && at < text.length && WORD_CHAR.test(text[at - 1] as string) && WORD_CHAR.test(text[at] as string)) at -= 1;
  return at;
}

/** The offset moved on to the end of the word it falls inside (unchanged at a word edge). */
export function wordEnd(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && at < text.length && WORD_CHAR.test(text[at - 1] as string) && WORD_CHAR.test(text[at] as string)) at += 1;
  return at;
}

/**
 * Cuts each block into plain and highlighted segments (issue 12). A highlight
 * that starts or ends inside a word is widened to the whole word for painting,
 * so no colour edge and no note marker ever splits a word (Arabic letters stay
 * joined in every format); the exported quote keeps the exact range. Where
 * highlights overlap, a segment lists every colour covering it, outermost
 * first (`colors`), and `color` is the innermost. A note number is attached to
 * the segment that ends where its highlight's (widened) end is — in the block
 * the highlight ends in, or the one before when it ends in the gap between two.
 */
export function segmentBlocks(blocks: readonly Block[], placed: readonly Placed[]): Array<{ kind: Block['kind']; segments: ExportSegment[] }> {
  const starts = blockStarts(blocks);
  return blocks.map((block, index) => {
    const blockStart = starts[index] as number;
    const blockEnd = blockStart + block.text.length;
    const here = placed
      .filter((mark) => mark.start < blockEnd && mark.end > blockStart)
      .map((mark) => ({
        ...mark,
        from: blockStart + wordStart(block.text, Math.max(mark.start, blockStart) - blockStart),
        to: blockStart + wordEnd(block.text, Math.min(mark.end, blockEnd) - blockStart),
      }))
      // Outermost first: earlier start, then the longer one.
      .sort((a, b) => a.from - b.from || b.to - a.to || a.start - b.start);
    // A note refers to the block its highlight ends in (the one before, when it ends in the gap between two).
    const endsHere = here.filter((mark) => mark.noteNumber > 0 && mark.end > mark.start && blockNumberAt(starts, mark.end - 1) === index + 1);
    const cuts = new Set<number>([blockStart, blockEnd]);
    for (const mark of here) {
      cuts.add(mark.from);
      cuts.add(mark.to);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: ExportSegment[] = [];
    for (let i = 0; i + 1 < points.length; i += 1) {
      const from = points[i] as number;
      const to = points[i + 1] as number;
      if (to <= from) continue;
      const covering = here.filter((mark) => mark.from <= from && mark.to >= to);
      const colors = covering.map((mark) => mark.color);
      const notes = endsHere.filter((mark) => mark.to === to).map((mark) => mark.noteNumber).sort((a, b) => a - b);
      const text = block.text.slice(from - blockStart, to - blockStart);
      const previous = segments.at(-1);
      if (previous && !previous.notes && sameColors(previous, colors)) {
        previous.text += text;
        if (notes.length > 0) previous.notes = notes;
        continue;
      }
      segments.push({
        text,
        ...(colors.length > 0 ? { color: colors[colors.length - 1] as HighlightColor } : {}),
        ...(colors.length > 1 ? { colors } : {}),
        ...(notes.length > 0 ? { notes } : {}),
      });
    }
    if (segments.length === 0) segments.push({ text: '' });
    return { kind: block.kind, segments };
  });
}

/** Every colour of a segment, outermost first. */
export function segmentColors(segment: ExportSegment): HighlightColor[] {
  return segment.colors ?? (segment.color ? [segment.color] : []);
}

function sameColors(previous: ExportSegment, colors: readonly HighlightColor[]): boolean {
  return segmentColors(previous).join() === colors.join();
}

function scopeTitle(request: ParsedExportRequest, articles: readonly ExportArticle[], locale: Locale, collectionName?: string): string {
  const labels = EXPORT_LABELS[locale];
  const scope = request.scope;
  switch (scope.kind) {
    case 'all':
      return `${labels.title} — ${labels.scopeAll}`;
    case 'articles':
      return articles.length === 1 ? (articles[0] as ExportArticle).meta.title : `${labels.title} — ${labels.scopeArticles}`;
    case 'tag':
      return `${labels.title} — ${labels.scopeTag}: ${isolate(scope.tag)}`;
    case 'color':
      return `${labels.title} — ${labels.scopeColor}: ${COLOR_NAMES[locale][scope.color]}`;
    case 'query':
      return `${labels.title} — ${labels.scopeQuery} «${isolate(scope.query)}»`;
    case 'collection':
      return `${labels.title} — ${isolate(collectionName ?? '')}`;
  }
}

/** Reads the scope's articles and builds the export view. */
export async function gatherExport(source: ExportSource, rawRequest: ExportRequest, options: GatherOptions = {}): Promise<ExportData> {
  const request = ExportRequestSchema.parse(rawRequest);
  const { locale, onlyHighlights } = request.options;
  const groupBy = onlyHighlights ? request.options.groupBy : 'article';
  const settings = source.settings;
  const warnings: string[] = [];
  const metas = await candidates(source, request, options.findArticles);
  const maxEntries = options.maxEntries ?? Infinity;
  let truncated = false;

  const articleSections: ExportSection[] = [];
  const gathered = await mapLimit(metas, options.parallel ?? 16, async (meta) => {
    let file: ArticleFile;
    try {
      file = await source.readArticle(meta.id);
    } catch (error) {
      warnings.push(`${meta.title} (${meta.id}): ${(error as Error).message}`);
      return null;
    }
    const text = canonicalText(file.blocks);
    const annotations = anchorAll(text, file.annotations);
    const selected = selectAnnotations(request, meta, annotations);
    if (!inScope(request, meta, selected)) return null;
    const starts = blockStarts(file.blocks);
    let noteNumber = 0;
    const entries: ExportEntry[] = selected.map((annotation) => {
      const anchored = annotation.anchor.status === 'anchored' ? annotation.anchor : null;
      const hasNote = annotation.note.trim() !== '' || annotation.tags.length > 0;
      return {
        id: annotation.id,
        articleId: meta.id,
        color: annotation.color,
        colorLabel: colorLabel(annotation.color, settings, locale),
        quote: anchored ? text.slice(anchored.start, anchored.end) : annotation.quote,
        note: annotation.note,
        tags: annotation.tags,
        position: anchored ? { start: anchored.start, end: anchored.end, paragraph: blockNumberAt(starts, anchored.start) } : null,
        citation: citationOf(meta),
        noteNumber: hasNote ? ++noteNumber : 0,
      };
    });
    const article: ExportArticle = { meta, blocks: options.keepBlocks ? file.blocks : null, annotations, selected };
    const blocks = onlyHighlights
      ? undefined
      : segmentBlocks(
          file.blocks,
          entries.filter((entry) => entry.position !== null).map((entry) => ({ start: entry.position!.start, end: entry.position!.end, color: entry.color, noteNumber: entry.noteNumber })),
        );
    const section: ExportSection = { kind: 'article', title: meta.title, citation: citationOf(meta), articleId: meta.id, entries, ...(blocks ? { blocks } : {}) };
    return { article, section, count: selected.length };
  });

  const articles: ExportArticle[] = [];
  let highlightCount = 0;
  for (const item of gathered) {
    if (!item) continue;
    articles.push(item.article);
    highlightCount += item.count;
    articleSections.push(item.section);
  }
  // A preview shows the first maxEntries highlights, in order.
  // With the text, an article counts at least one towards the budget, so a preview of a big archive stays small.
  let remaining = maxEntries;
  for (let index = 0; index < articleSections.length; index += 1) {
    const section = articleSections[index] as ExportSection;
    if (remaining <= 0) {
      articleSections.length = index;
      truncated = true;
      break;
    }
    if (section.entries.length > remaining) {
      section.entries = section.entries.slice(0, remaining);
      truncated = true;
    }
    remaining -= onlyHighlights ? section.entries.length : Math.max(1, section.entries.length);
  }

  let sections: ExportSection[];
  const keepEmpty = request.scope.kind === 'articles';
  if (groupBy === 'article') {
    sections = onlyHighlights && !keepEmpty ? articleSections.filter((section) => section.entries.length > 0) : articleSections;
  } else {
    const all = articleSections.flatMap((section) => section.entries);
    if (groupBy === 'color') {
      sections = HIGHLIGHT_COLORS.map((color): ExportSection => ({
        kind: 'color',
        color,
        title: `${colorLabel(color, settings, locale)} (${COLOR_NAMES[locale][color]})`,
        entries: all.filter((entry) => entry.color === color),
      })).filter((section) => section.entries.length > 0);
    } else {
      const tags = [...new Set(all.flatMap((entry) => entry.tags))].sort((a, b) => a.localeCompare(b, 'ar'));
      sections = tags.map((tag): ExportSection => ({ kind: 'tag', title: tag, entries: all.filter((entry) => entry.tags.includes(tag)) }));
      const untagged = all.filter((entry) => entry.tags.length === 0);
      if (untagged.length > 0) sections.push({ kind: 'tag', title: EXPORT_LABELS[locale].noTag, entries: untagged });
    }
  }

  const view: ExportView = {
    title: scopeTitle(request, articles, locale, request.scope.kind === 'collection' ? scopeCollection(source, request.scope.id).name : undefined),
    generated: (options.now ?? new Date()).toISOString(),
    locale,
    onlyHighlights,
    articleCount: articles.length,
    highlightCount,
    sections,
    truncated,
  };
  return { request, view, articles, warnings };
}
