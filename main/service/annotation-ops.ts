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

  /**
   * Every change goes through the store's per-article queue: `change` sees the
   * file as the previous change left it, so concurrent saves never lose one
   * another (issue 13). Its result is computed from that same fresh file.
   */
  private async change<T>(articleId: string, change: (file: ArticleFile) => { file: ArticleFile; result: T }): Promise<T> {
    let result: T | undefined;
    const saved = await this.store.updateArticle(articleId, (file) => {
      const outcome = change(file);
      result = outcome.result;
      return outcome.file;
    });
    this.notes?.set(saved.id, anchorAll(canonicalText(saved.blocks), saved.annotations));
    this.changed(saved.id, 'annotations');
    return result as T;
  }

  private find(file: ArticleFile, annotationId: string): Annotation {
    const annotation = file.annotations.find((candidate) => candidate.id === annotationId);
    if (!annotation) throw new QirtasError('NOT_FOUND', `No highlight with id "${annotationId}" in this article.`);
    return annotation;
  }

  add(args: Args<'addAnnotation'>): Promise<AnchoredAnnotation> {
    return this.change(args.articleId, (file) => {
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
      return { file: { ...file, annotations: [...file.annotations, annotation] }, result: anchorOne(text, annotation) };
    });
  }

  update({ articleId, annotationId, patch }: Args<'updateAnnotation'>): Promise<AnchoredAnnotation> {
    return this.change(articleId, (file) => {
      const updated: Annotation = {
        ...this.find(file, annotationId),
        ...patch,
        ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}),
        modified: new Date().toISOString(),
      };
      const annotations = file.annotations.map((annotation) => (annotation.id === annotationId ? updated : annotation));
      return { file: { ...file, annotations }, result: anchorOne(canonicalText(file.blocks), updated) };
    });
  }

  remove({ articleId, annotationId }: Args<'deleteAnnotation'>): Promise<Annotation> {
    return this.change(articleId, (file) => {
      const removed = this.find(file, annotationId);
      return { file: { ...file, annotations: file.annotations.filter((annotation) => annotation.id !== annotationId) }, result: removed };
    });
  }

  restore({ articleId, annotation }: Args<'restoreAnnotation'>): Promise<AnchoredAnnotation> {
    return this.change(articleId, (file) => {
      if (file.annotations.some((existing) => existing.id === annotation.id)) {
        throw new QirtasError('CONFLICT', 'This highlight is already in the article.');
      }
      return { file: { ...file, annotations: [...file.annotations, annotation] }, result: anchorOne(canonicalText(file.blocks), annotation) };
    });
  }

  /**
   * New text for an article: highlights are re-anchored and their selectors
   * refreshed; orphans keep theirs. Text and highlights change in one queued
   * article write, so a highlight added meanwhile is re-anchored too, never
   * dropped; the metadata (hash, word count) follows in a queued library change.
   */
  async replaceText({ id, text }: Args<'updateArticleText'>): Promise<FullArticle> {
    const blocks = parsePlainText(text);
    if (blocks.length === 0) throw new QirtasError('INVALID_INPUT', 'The new text is empty.');
    const canonical = canonicalText(blocks);
    const saved = await this.store.updateArticle(id, (file) => ({ ...file, blocks, annotations: reanchorAll(canonical, file.annotations).map((entry) => entry.annotation) }));
    const meta = await this.store.updateMeta(id, (current) => ({
      ...current,
      contentHash: contentHash(canonical),
      wordCount: countWords(canonical),
      updatedAt: new Date().toISOString(),
    }));
    const anchored = anchorAll(canonical, saved.annotations);
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
