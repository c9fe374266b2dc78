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

const PARALLEL_READS = 16;

/** Called after every change, so the search index and listeners can follow. */
export type ArticleChanged = (id: string, kind: 'annotations' | 'text') => void;

export class AnnotationOps {
  /** Notes of every article, filled on the first listAnnotations and kept current after. */
  private notes: Map<string, AnchoredAnnotation[]> | null = null;
  private loading: Promise<Map<string, AnchoredAnnotation[]>> | null = null;
  /** Articles changed while the first scan runs: read again at its end. */
  private changedDuringScan: Set<string> | null = null;

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
    this.changedDuringScan?.add(saved.id);
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
    this.changedDuringScan?.add(id);
    this.changed(id, 'text');
    return { meta, blocks, annotations: anchored };
  }

  /**
   * Every article's notes, read once (then kept current by each change). Files
   * that plainly hold none are not parsed, and 16 are read at a time: the first
   * Notes view at 50,000 articles is a scan of files, not of their texts. An
   * article changed while the scan runs is read again when it ends, so a note
   * saved meanwhile is never missing from the list.
   */
  private allNotes(): Promise<Map<string, AnchoredAnnotation[]>> {
    if (this.notes) return Promise.resolve(this.notes);
    this.loading ??= this.scanNotes().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async scanNotes(): Promise<Map<string, AnchoredAnnotation[]>> {
    const notes = new Map<string, AnchoredAnnotation[]>();
    this.changedDuringScan = new Set();
    const read = async (id: string): Promise<void> => {
      notes.delete(id);
      try {
        if (!(await this.store.mayHoldAnnotations(id))) return;
        const file = await this.store.readArticle(id);
        if (file.annotations.length > 0) notes.set(id, anchorAll(canonicalText(file.blocks), file.annotations));
      } catch {
        // Deleted meanwhile, or a damaged file (reported when it is opened): its notes are not listed here.
      }
    };
    const ids = this.store.listMeta().map((meta) => meta.id);
    let next = 0;
    const reader = async () => {
      while (next < ids.length) await read(ids[next++] as string);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, ids.length) }, reader));
    const changed = this.changedDuringScan;
    this.changedDuringScan = null;
    for (const id of changed) await read(id);
    this.notes = notes;
    return notes;
  }

  forget(articleId: string): void {
    this.notes?.delete(articleId);
    this.changedDuringScan?.add(articleId);
  }

  async list(filter: NotesFilter): Promise<NoteEntry[]> {
    const words = filter.text ? normalizeForSearch(filter.text).split(' ').filter(Boolean) : [];
    const entries: NoteEntry[] = [];
    for (const [articleId, annotations] of await this.allNotes()) {
      if (filter.articleId && filter.articleId !== articleId) continue;
      const meta = this.store.findMeta(articleId);
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
