/**
 * The reader's list of highlights, in text order: colour and meaning, the quote,
 * the note and tags. Clicking one scrolls to it and opens it. Orphans (passages
 * no longer in the text) are listed apart with their quote and note, never dropped.
 */
import { memo } from 'react';
import type { AnchoredAnnotation } from '../../common/api.js';
import type { ColorLabels } from '../../common/types/article.js';
import { useI18n } from '../i18n/i18n.js';
import { colorLabel } from './format.js';

function Entry({ annotation, labels, active, onOpen, onDelete }: { annotation: AnchoredAnnotation; labels: ColorLabels; active: boolean; onOpen?: () => void; onDelete?: () => void }) {
  const { t } = useI18n();
  const body = (
    <>
      <span className="entry-head">
        <span className="swatch" aria-hidden="true" />
        <span className="entry-label">{colorLabel(annotation.color, labels, t)}</span>
        {annotation.anchor.status === 'orphan' && <span className="orphan-badge">{t.orphan}</span>}
      </span>
      <q className="entry-quote" dir="auto" lang="ar">
        {annotation.quote}
      </q>
      {annotation.note && (
        <span className="entry-note" dir="auto">
          {annotation.note}
        </span>
      )}
      {annotation.tags.length > 0 && (
        <span className="entry-tags">
          {annotation.tags.map((tag) => (
            <span key={tag} className="tag" dir="auto">
              {tag}
            </span>
          ))}
        </span>
      )}
    </>
  );
  return (
    <li className={`sidebar-entry swatch-${annotation.color}${active ? ' is-active' : ''}`} data-annotation={annotation.id}>
      {onOpen ? (
        <button type="button" className="entry-button" onClick={onOpen} aria-current={active ? 'true' : undefined}>
          {body}
        </button>
      ) : (
        <div className="entry-button is-static">
          {body}
          {onDelete && (
            <button type="button" className="link-button entry-delete" onClick={onDelete}>
              {t.deleteHighlight}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

export const AnnotationSidebar = memo(function AnnotationSidebar({
  annotations,
  labels,
  activeId,
  onOpen,
  onDelete,
}: {
  annotations: readonly AnchoredAnnotation[];
  labels: ColorLabels;
  activeId: string | null;
  onOpen: (id: string) => void;
  /** Deletes an orphan (with Undo); placed highlights are deleted from their panel. */
  onDelete: (annotation: AnchoredAnnotation) => void;
}) {
  const { t } = useI18n();
  const placed = annotations.filter((annotation) => annotation.anchor.status === 'anchored');
  const orphans = annotations.filter((annotation) => annotation.anchor.status === 'orphan');
  return (
    <aside className="annotation-sidebar" aria-label={t.highlights}>
      <h2>
        {t.highlights} <span className="count">{placed.length}</span>
      </h2>
      {placed.length === 0 && orphans.length === 0 && <p className="hint">{t.noHighlights}</p>}
      <ol className="sidebar-list">
        {placed.map((annotation) => (
          <Entry key={annotation.id} annotation={annotation} labels={labels} active={annotation.id === activeId} onOpen={() => onOpen(annotation.id)} />
        ))}
      </ol>
      {orphans.length > 0 && (
        <section className="orphans" aria-label={t.orphans}>
          <h3>
            {t.orphans} <span className="count">{orphans.length}</span>
          </h3>
          <p className="hint">{t.orphanHint}</p>
          <ol className="sidebar-list">
            {orphans.map((annotation) => (
              <Entry key={annotation.id} annotation={annotation} labels={labels} active={false} onDelete={() => onDelete(annotation)} />
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
});
