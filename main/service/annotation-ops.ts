/**
 * Highlights and notes (issue 5): add, edit, delete and restore annotations, edit
 * an article's text with its highlights following, and list notes across the
 * archive. Saving an annotation writes that one article's file, never library.json.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AnchoredAnnotation, Contract, FullArticle, NoteEntry, NotesFilter } from '../../common/api.js';
import { reanchorAll } from '../../common/anchoring/anchor.js';
import { describeRange } from '../../common/anchoring/selectors.js';
import { snapToGraphemes } from '../../common/anchoring/snap.js';
import { QirtasError } from '../../common/errors.js';
import { normalizeForSearch } from '../../common/text/arabic.js';
import { countWords } from '../../common/text/fingerprint.js';
import { parsePlainText } from '../../common/text/plain-text.js';
import { type Annotation, type ArticleFile, canonicalText } from '../../common/types/article.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { contentHash } from '../import/text-import.js';
import { anchorAll, anchorOne } from './anchored.js';

type Args<K extends keyof Contract> = z.output<Contract[K]['args']>;

/** Called after every change, so the search index and listeners can follow. */
export type ArticleChanged = (id: string, kind: 'annotations' | 'text') => void;

export class AnnotationOps {
  /** Notes of every article, filled on the first listAnnotations and kept current after. */
  private notes: Map<string, AnchoredAnnotation[]> | null = null;

  constructor(
    private readonly store: ArchiveStore,
    private readonly changed: ArticleChanged,
  ) {}

  private async save(file: ArticleFile): Promise<AnchoredAnnotation[]> {
    await this.store.writeArticle(file);
    const anchored = anchorAll(canonicalText(file.blocks), file.annotations);
    this.notes?.set(file.id, anchored);
    this.changed(file.id, 'annotations');
    return anchored;
  }

  private find(file: ArticleFile, annotationId: string): Annotation {
    const annotation = file.annotations.find((candidate) => candidate.id === annotationId);
    if (!annotation) throw new QirtasError('NOT_FOUND', `No highlight with id "${annotationId}" in this article.`);
    return annotation;
  }

  async add(args: Args<'addAnnotation'>): Promise<AnchoredAnnotation> {
    const file = await this.store.readArticle(args.articleId);
    const text = canonicalText(file.blocks);
    if (args.end > text.length || args.start >= args.end) throw new QirtasError('BAD_ARGS', 'The selection is outside the article text.');
    const { start, end } = snapToGraphemes(text, args.start, args.end);
    const { quote, position } = describeRange(text, start, end);
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: randomUUID(),
      target: { selector: [quote, position] },
      color: args.color,
      note: args.note ?? '',
      tags: [...new Set(args.tags ?? [])],
      created: now,
      modified: now,
    };
    await this.save({ ...file, annotations: [...file.annotations, annotation] });
    return anchorOne(text, annotation);
  }

  async update({ articleId, annotationId, patch }: Args<'updateAnnotation'>): Promise<AnchoredAnnotation> {
    const file = await this.store.readArticle(articleId);
    const updated: Annotation = {
      ...this.find(file, annotationId),
      ...patch,
      ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}),
      modified: new Date().toISOString(),
    };
    await this.save({ ...file, annotations: file.annotations.map((annotation) => (annotation.id === annotationId ? updated : annotation)) });
    return anchorOne(canonicalText(file.blocks), updated);
  }

  async remove({ articleId, annotationId }: Args<'deleteAnnotation'>): Promise<Annotation> {
    const file = await this.store.readArticle(articleId);
    const removed = this.find(file, annotationId);
    await this.save({ ...file, annotations: file.annotations.filter((annotation) => annotation.id !== annotationId) });
    return removed;
  }

  async restore({ articleId, annotation }: Args<'restoreAnnotation'>): Promise<AnchoredAnnotation> {
    const file = await this.store.readArticle(articleId);
    if (file.annotations.some((existing) => existing.id === annotation.id)) {
      throw new QirtasError('CONFLICT', 'This highlight is already in the article.');
    }
    await this.save({ ...file, annotations: [...file.annotations, annotation] });
    return anchorOne(canonicalText(file.blocks), annotation);
  }

  /** New text for an article: highlights are re-anchored and their selectors refreshed; orphans keep theirs. */
  async replaceText({ id, text }: Args<'updateArticleText'>): Promise<FullArticle> {
    const file = await this.store.readArticle(id);
    const blocks = parsePlainText(text);
    if (blocks.length === 0) throw new QirtasError('INVALID_INPUT', 'The new text is empty.');
    const canonical = canonicalText(blocks);
    const annotations = reanchorAll(canonical, file.annotations).map((entry) => entry.annotation);
    await this.store.writeArticle({ ...file, blocks, annotations });
    const meta = await this.store.updateMeta(id, (current) => ({
      ...current,
      contentHash: contentHash(canonical),
      wordCount: countWords(canonical),
      updatedAt: new Date().toISOString(),
    }));
    const anchored = anchorAll(canonical, annotations);
    this.notes?.set(id, anchored);
    this.changed(id, 'text');
    return { meta, blocks, annotations: anchored };
  }

  private async allNotes(): Promise<Map<string, AnchoredAnnotation[]>> {
    if (this.notes) return this.notes;
    const notes = new Map<string, AnchoredAnnotation[]>();
    for (const meta of this.store.listMeta()) {
      try {
        const file = await this.store.readArticle(meta.id);
        if (file.annotations.length > 0) notes.set(meta.id, anchorAll(canonicalText(file.blocks), file.annotations));
      } catch {
        // A damaged article file is reported when it is opened; its notes are simply not listed here.
      }
    }
    this.notes = notes;
    return notes;
  }

  forget(articleId: string): void {
    this.notes?.delete(articleId);
  }

  async list(filter: NotesFilter): Promise<NoteEntry[]> {
    const words = filter.text ? normalizeForSearch(filter.text).split(' ').filter(Boolean) : [];
    const entries: NoteEntry[] = [];
    for (const [articleId, annotations] of await this.allNotes()) {
      if (filter.articleId && filter.articleId !== articleId) continue;
      const meta = this.store.listMeta().find((candidate) => candidate.id === articleId);
      if (!meta || meta.trashedAt !== null) continue;
      for (const annotation of annotations) {
        if (filter.color && annotation.color !== filter.color) continue;
        if (filter.tag && !annotation.tags.includes(filter.tag)) continue;
        const day = annotation.created.slice(0, 10);
        if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) continue;
        if (words.length > 0) {
          const haystack = normalizeForSearch(`${annotation.quote} ${annotation.note} ${annotation.tags.join(' ')}`);
          if (!words.every((word) => haystack.includes(word))) continue;
        }
        entries.push({ article: { id: meta.id, title: meta.title, source: meta.source, published: meta.published }, annotation });
      }
    }
    return entries.sort((a, b) => b.annotation.modified.localeCompare(a.annotation.modified));
  }
}
