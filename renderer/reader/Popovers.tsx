/**
 * The two small floating panels of the reader: the toolbar shown over a fresh
 * selection (five colours with their meanings, note, tags) and the panel of an
 * open highlight (recolour, note, tags, copy with citation, delete).
 * Both are positioned inside .reader-body, in its coordinates.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { AnchoredAnnotation } from '../../common/api.js';
import { HIGHLIGHT_COLORS, type ColorLabels, type HighlightColor } from '../../common/types/article.js';
import { useI18n } from '../i18n/i18n.js';
import { colorLabel, fill } from './format.js';
import { TagEditor } from './TagEditor.js';

export interface FloatPosition {
  top: number;
  /** Centre of the panel, from the body's left edge. */
  x: number;
  /** Above the anchor (toolbar) or below it (popover). */
  place: 'above' | 'below';
  /** For a panel below its anchor: the anchor's top, where the panel goes instead when there is no room below. */
  aboveTop?: number;
}

/** Space kept between a panel and the window's edge, and between a panel and its anchor (CSS translate). */
const EDGE_GAP = 8;
const ANCHOR_GAP = 10;

function floatStyle(position: FloatPosition): CSSProperties {
  return { '--float-top': `${position.top}px` } as CSSProperties;
}

/**
 * Centres the panel on position.x, kept inside its container, and keeps a panel
 * below its anchor inside the window: when it would run off the bottom it goes
 * above the anchor if there is room there, otherwise the page scrolls just
 * enough to show it (measured before paint, after every render, so a panel that
 * grows — tag suggestions, a longer note — is placed again).
 */
function usePlacement(position: FloatPosition) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const width = panel.offsetWidth;
    const room = (panel.offsetParent as HTMLElement | null)?.clientWidth ?? window.innerWidth;
    panel.style.setProperty('--float-left', `${Math.min(Math.max(position.x - width / 2, 0), room - width)}px`);
    if (position.place !== 'below') return;
    panel.style.setProperty('--float-top', `${position.top}px`);
    panel.classList.replace('place-above', 'place-below');
    const box = panel.getBoundingClientRect();
    const overflow = box.bottom + EDGE_GAP - window.innerHeight;
    if (overflow <= 0) return;
    if (position.aboveTop !== undefined) {
      // box.top stands for position.top (+ the gap), so the anchor's top in the window is:
      const anchorTopInWindow = box.top - ANCHOR_GAP - (position.top - position.aboveTop);
      const header = document.querySelector('.header')?.getBoundingClientRect().bottom ?? 0;
      if (anchorTopInWindow - ANCHOR_GAP - box.height >= header + EDGE_GAP) {
        panel.style.setProperty('--float-top', `${position.aboveTop}px`);
        panel.classList.replace('place-below', 'place-above');
        return;
      }
    }
    window.scrollBy({ top: overflow });
  });
  return ref;
}

function ColorButtons({ current, labels, onPick }: { current?: HighlightColor; labels: ColorLabels; onPick: (color: HighlightColor) => void }) {
  const { t } = useI18n();
  return (
    <div className="color-buttons" role="group" aria-label={t.changeColor}>
      {HIGHLIGHT_COLORS.map((color, index) => {
        const label = colorLabel(color, labels, t);
        return (
          <button
            key={color}
            type="button"
            className={`color-button swatch-${color}`}
            aria-pressed={current === undefined ? undefined : current === color}
            aria-label={fill(t.highlightAs, { color: t[`color_${color}`], label })}
            title={`${label} (${index + 1})`}
            onClick={() => onPick(color)}
          >
            <span className="swatch" aria-hidden="true" />
            <span className="color-label">{label}</span>
          </button>
        );
      })}
    </div>
  );
}

export function SelectionToolbar({
  position,
  labels,
  onColor,
  onNote,
  onTags,
}: {
  position: FloatPosition;
  labels: ColorLabels;
  onColor: (color: HighlightColor) => void;
  onNote: () => void;
  onTags: () => void;
}) {
  const { t } = useI18n();
  const ref = usePlacement(position);
  return (
    <div
      ref={ref}
      className={`float-panel selection-toolbar place-${position.place}`}
      role="toolbar"
      aria-label={t.selectionToolbar}
      style={floatStyle(position)}
      // Keep the text selection while the toolbar is used.
      onMouseDown={(event) => event.preventDefault()}
    >
      <ColorButtons labels={labels} onPick={onColor} />
      <span className="toolbar-divider" aria-hidden="true" />
      <button type="button" className="tool-button" onClick={onNote} title={`${t.addNoteLong} (N)`}>
        {t.addNote}
      </button>
      <button type="button" className="tool-button" onClick={onTags} title={`${t.addTagsLong} (T)`}>
        {t.addTags}
      </button>
    </div>
  );
}

export type PopoverField = 'note' | 'tags' | null;

export function HighlightPopover({
  annotation,
  others,
  position,
  labels,
  knownTags,
  focusField,
  onColor,
  onNote,
  onTags,
  onCopy,
  onDelete,
  onClose,
  onSwitch,
}: {
  annotation: AnchoredAnnotation;
  others: AnchoredAnnotation[];
  position: FloatPosition;
  labels: ColorLabels;
  knownTags: readonly string[];
  focusField: PopoverField;
  onColor: (color: HighlightColor) => void;
  onNote: (note: string) => void;
  onTags: (tags: string[]) => void;
  onCopy: () => void;
  onDelete: () => void;
  onClose: () => void;
  onSwitch: (id: string) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState(annotation.note);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagRef = useRef<HTMLInputElement>(null);
  const panelRef = usePlacement(position);

  // The note as last saved, so blur followed by a click on Save saves once.
  const saved = useRef(annotation.note);
  // Another highlight opened in the same panel: show its note.
  useEffect(() => {
    saved.current = annotation.note;
    setNote(annotation.note);
  }, [annotation.id, annotation.note]);

  useEffect(() => {
    if (focusField === 'note') noteRef.current?.focus();
    else if (focusField === 'tags') tagRef.current?.focus();
    else panelRef.current?.querySelector<HTMLButtonElement>('.color-button[aria-pressed="true"]')?.focus({ preventScroll: true });
  }, [focusField, annotation.id]);

  const saveNote = () => {
    if (note === saved.current) return;
    saved.current = note;
    onNote(note);
  };

  return (
    <div
      ref={panelRef}
      className={`float-panel highlight-popover place-${position.place}`}
      role="dialog"
      aria-label={`${t.highlight}: ${colorLabel(annotation.color, labels, t)}`}
      style={floatStyle(position)}
      onMouseDown={(event) => event.stopPropagation()}
    >
      <ColorButtons current={annotation.color} labels={labels} onPick={onColor} />
      <label className="popover-field">
        <span>{t.note}</span>
        <textarea
          ref={noteRef}
          dir="auto"
          rows={3}
          value={note}
          placeholder={t.notePlaceholder}
          onChange={(event) => setNote(event.target.value)}
          onBlur={saveNote}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              saveNote();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              saveNote();
              onClose();
            }
          }}
        />
      </label>
      <div className="popover-field">
        <span>{t.tags}</span>
        <TagEditor tags={annotation.tags} known={knownTags} onChange={onTags} inputRef={tagRef} onEscape={onClose} />
      </div>
      {others.length > 0 && (
        <div className="popover-others">
          <span>{t.alsoHere}</span>
          {others.map((other) => (
            <button key={other.id} type="button" className={`mini-chip swatch-${other.color}`} onClick={() => onSwitch(other.id)}>
              <span className="swatch" aria-hidden="true" />
              {colorLabel(other.color, labels, t)}
            </button>
          ))}
        </div>
      )}
      <div className="popover-actions">
        <button type="button" onClick={saveNote} disabled={note === annotation.note}>
          {t.saveNote}
        </button>
        <button type="button" onClick={onCopy} title={`${t.copyCitation} (C)`}>
          {t.copyCitation}
        </button>
        <button type="button" className="button-danger" onClick={onDelete} title={`${t.deleteHighlight} (Delete)`}>
          {t.deleteHighlight}
        </button>
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  );
}
