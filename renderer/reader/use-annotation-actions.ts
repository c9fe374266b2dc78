/**
 * What the reader does to the open article through the API: create, change and
 * delete highlights (delete with Undo), copy a quote with its citation, move the
 * article to the trash (with Undo). The article state is updated at once and put
 * back when the archive refuses a change.
 */
import type { Dispatch, RefObject, SetStateAction } from 'react';
import type { AnchoredAnnotation, FullArticle } from '../../common/api.js';
import type { HighlightColor } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';
import { useI18n } from '../i18n/i18n.js';
import { copyText, quoteWithCitation } from './format.js';
import { inTextOrder, saveLastColor } from './reader-dom.js';

export type AnnotationPatch = { color?: HighlightColor; note?: string; tags?: string[] };

export interface AnnotationActionsInput {
  id: string;
  article: FullArticle | null;
  setArticle: Dispatch<SetStateAction<FullArticle | null>>;
  /** The colour N and T use: the one used last. */
  lastColor: RefObject<HighlightColor>;
  /** Tags offered in the tag field; a newly used tag joins them. */
  setKnownTags: Dispatch<SetStateAction<string[] | null>>;
  /** Called when a highlight is gone (its panel closes). */
  onDeleted(): void;
}

export function useAnnotationActions({ id, article, setArticle, lastColor, setKnownTags, onDeleted }: AnnotationActionsInput) {
  const { t, locale } = useI18n();
  const { client, notify, fail, navigate } = useApp();

  const rememberColor = (color: HighlightColor) => {
    lastColor.current = color;
    saveLastColor(color);
  };
  const insert = (annotation: AnchoredAnnotation) =>
    setArticle((current) => current && { ...current, annotations: inTextOrder([...current.annotations, annotation]) });
  const replace = (updated: AnchoredAnnotation) =>
    setArticle((current) => current && { ...current, annotations: inTextOrder(current.annotations.map((annotation) => (annotation.id === updated.id ? updated : annotation))) });

  /** Creates a highlight over [start, end); resolves to it, or null when the archive refused. */
  const createHighlight = async (start: number, end: number, color: HighlightColor): Promise<AnchoredAnnotation | null> => {
    rememberColor(color);
    try {
      const created = await client.api.addAnnotation({ articleId: id, start, end, color });
      insert(created);
      return created;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  const patchAnnotation = async (annotation: AnchoredAnnotation, patch: AnnotationPatch) => {
    if (patch.color) rememberColor(patch.color);
    replace({ ...annotation, ...patch });
    if (patch.tags) setKnownTags((known) => (known ? [...new Set([...known, ...(patch.tags ?? [])])] : known));
    try {
      replace(await client.api.updateAnnotation({ articleId: id, annotationId: annotation.id, patch }));
      if (patch.note !== undefined) notify({ kind: 'info', text: t.noteSaved });
    } catch (error) {
      replace(annotation);
      fail(error);
    }
  };

  const deleteHighlight = async (annotation: AnchoredAnnotation) => {
    try {
      const removed = await client.api.deleteAnnotation({ articleId: id, annotationId: annotation.id });
      onDeleted();
      setArticle((current) => current && { ...current, annotations: current.annotations.filter((entry) => entry.id !== annotation.id) });
      notify({
        kind: 'info',
        text: t.highlightDeleted,
        action: { label: t.undo, run: () => void client.api.restoreAnnotation({ articleId: id, annotation: removed }).then(insert, fail) },
      });
    } catch (error) {
      fail(error);
    }
  };

  const copyCitation = async (annotation: AnchoredAnnotation) => {
    if (!article) return;
    try {
      await copyText(quoteWithCitation(annotation.quote, article.meta, locale));
      notify({ kind: 'info', text: t.copied });
    } catch (error) {
      fail(error);
    }
  };

  const moveToTrash = () => {
    client.api.trashArticle({ id }).then(() => {
      notify({
        kind: 'info',
        text: t.movedToTrash,
        action: { label: t.undo, run: () => void client.api.restoreArticle({ id }).then(() => navigate(`/article/${id}`), fail) },
      });
      navigate('/');
    }, fail);
  };

  return { createHighlight, patchAnnotation, deleteHighlight, copyCitation, moveToTrash };
}
