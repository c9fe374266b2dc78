/**
 * The reader: the article's details on top (Gregorian and Hijri dates), its text
 * right-to-left in the reader's font, size, line height, width and theme, and
 * everything a researcher does while reading: highlights in five named colours
 * with notes and tags, a sidebar of them in text order (orphans apart), in-article
 * find, a focused range from search or a note (`?at=`), editing the text with
 * highlights following it, and the reading position kept per article.
 *
 * This component owns the article's state and the operations on it; painting
 * (use-highlight-painting), the selection toolbar (use-selection-pending), the
 * keyboard (use-reader-keys) and the reading position (use-reading-position) are
 * hooks of their own. Every offset here is an offset of the canonical text
 * (design §4); text-map.ts turns them into DOM ranges and back.
 */
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent as ReactClipboardEvent, type CSSProperties, type MouseEvent as ReactMouseEvent } from 'react';
import type { AnchoredAnnotation, FullArticle } from '../../common/api.js';
import type { HighlightColor } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';
import type { TextRange } from '../app/use-route.js';
import { useI18n } from '../i18n/i18n.js';
import '../styles/reader.css';
import { applyTheme } from '../app/theme.js';
import { AnnotationSidebar } from './AnnotationSidebar.js';
import { ArticleBody } from './ArticleBody.js';
import { EditTextDialog } from './EditTextDialog.js';
import { FindBar } from './FindBar.js';
import { fill } from './format.js';
import { clearAllHighlights } from './highlights.js';
import { MetadataDialog } from './MetadataDialog.js';
import { HighlightPopover, SelectionToolbar, type FloatPosition, type PopoverField } from './Popovers.js';
import { loadLastColor, READING_FACES, scrollToRange } from './reader-dom.js';
import { ReaderHeader } from './ReaderHeader.js';
import { ReaderToolbar } from './ReaderToolbar.js';
import { ReadingStatusBar } from './ReadingStatus.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { rangeContainsPoint, TextMap } from './text-map.js';
import { useAnnotationActions } from './use-annotation-actions.js';
import { useHighlightPainting } from './use-highlight-painting.js';
import { useReaderKeys } from './use-reader-keys.js';
import { useSettings } from './use-reader-settings.js';
import { useReadingPosition } from './use-reading-position.js';
import { useSelectionPending, type Pending } from './use-selection-pending.js';

interface Active {
  id: string;
  field: PopoverField;
  /** Where the user clicked (viewport x), to place the panel near it. */
  clickX?: number;
  /** Bumped to re-focus the same field. */
  tick: number;
  /** Other highlights under the same click (overlaps), to switch to. */
  others: string[];
}

export function ReaderView({ id, focus }: { id: string; focus: TextRange | null }) {
  const { t, locale } = useI18n();
  const { client, notify, fail, navigate } = useApp();
  const settings = useSettings();
  const [article, setArticle] = useState<FullArticle | null>(null);
  const [editingMeta, setEditingMeta] = useState(false);
  const [editingText, setEditingText] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const [findOpen, setFindOpen] = useState(false);
  const [find, setFind] = useState<{ matches: TextRange[]; current: number }>({ matches: [], current: 0 });
  const [pending, setPending] = useState<Pending | null>(null);
  const [active, setActive] = useState<Active | null>(null);
  const [activePosition, setActivePosition] = useState<FloatPosition | null>(null);
  const [knownTags, setKnownTags] = useState<string[] | null>(null);

  const articleRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  /** N and T highlight in the colour used last (kept across sessions). */
  const lastColor = useRef<HighlightColor>(loadLastColor());
  const positionRestored = useRef(false);

  const reader = settings?.reader;
  const hideMarks = reader ? !reader.showDiacritics : false;

  // ---- Loading -------------------------------------------------------------------
  // Ask for the reading faces now, while the article is on its way, rather than when the
  // text is first laid out: the text then appears in its own face, not a fallback.
  useEffect(() => {
    if (!document.fonts?.load) return;
    for (const face of READING_FACES) void document.fonts.load(face, 'بa').catch(() => undefined);
  }, []);

  // `navigate` is a new function on every render of the app shell (each toast), so it is
  // read through a ref: depending on it would fetch the article again and again.
  const leave = useRef(() => navigate('/'));
  leave.current = () => navigate('/');
  useEffect(() => {
    let live = true;
    client.api.getArticle({ id }).then(
      (loaded) => live && setArticle(loaded),
      (error: unknown) => {
        fail(error);
        leave.current();
      },
    );
    return () => {
      live = false;
    };
  }, [client, id, fail]);

  const loadKnownTags = useCallback(() => {
    if (knownTags) return;
    setKnownTags([]);
    Promise.all([client.api.listAnnotations({}), client.api.listArticles({ view: 'library' })]).then(([notes, metas]) => {
      const counts = new Map<string, number>();
      for (const entry of notes) for (const tag of entry.annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      for (const meta of metas) for (const tag of meta.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      setKnownTags([...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag));
    }, fail);
  }, [client, fail, knownTags]);

  const map = useMemo(() => (article && settings ? new TextMap(article.blocks, hideMarks) : null), [article?.blocks, hideMarks, settings !== null]);
  const annotations = useMemo(() => article?.annotations ?? [], [article?.annotations]);
  // The sidebar (hundreds of entries on a long, much-annotated article) renders after the
  // text and its highlights are on screen.
  const sidebarAnnotations = useDeferredValue<readonly AnchoredAnnotation[] | null>(article ? annotations : null, null);
  const anchored = useMemo(() => annotations.filter((annotation) => annotation.anchor.status === 'anchored'), [annotations]);
  const activeAnnotation = active ? (annotations.find((annotation) => annotation.id === active.id) ?? null) : null;

  // The theme colours the whole app (renderer/app/theme.ts); a change here shows at once, before it is saved.
  useEffect(() => {
    if (reader) applyTheme(reader.theme);
  }, [reader?.theme]);

  useEffect(() => () => clearAllHighlights(), []);

  // ---- Painting and reading position ------------------------------------------
  const { domRef, rangesRef } = useHighlightPainting({ map, articleRef, anchored, activeId: active?.id ?? null, focus, find, findOpen, positionRestored });
  useReadingPosition(id, focus, map, domRef, positionRestored);

  const onFindResults = useCallback((matches: TextRange[], current: number) => setFind({ matches, current }), []);

  // ---- Selection → toolbar -------------------------------------------------------
  const onPending = useCallback((next: Pending | null) => {
    setPending(next);
    if (next) setActive(null);
  }, []);
  const floatFromRect = useSelectionPending(domRef, bodyRef, onPending);

  // ---- The open highlight's panel ------------------------------------------------
  useLayoutEffect(() => {
    const range = active ? rangesRef.current.get(active.id) : undefined;
    if (!active || !range) {
      setActivePosition(null);
      return;
    }
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const first = rects[0] ?? last;
    const below = floatFromRect(last, 'below', active.clickX);
    setActivePosition(below && { ...below, aboveTop: below.top - (last.bottom - first.top) });
  }, [active, map, anchored, floatFromRect, reader?.size, reader?.width, reader?.lineHeight, reader?.font, sidebarOpen]);

  const openAnnotation = useCallback(
    (annotationId: string, options: { field?: PopoverField; clickX?: number; scroll?: boolean; others?: string[] } = {}) => {
      setPending(null);
      setActive((current) => ({
        id: annotationId,
        field: options.field ?? null,
        clickX: options.clickX,
        tick: (current?.tick ?? 0) + 1,
        others: (options.others ?? []).filter((other) => other !== annotationId),
      }));
      loadKnownTags();
      const range = rangesRef.current.get(annotationId);
      if (options.scroll && range) scrollToRange(range, 'smooth', true);
    },
    [loadKnownTags],
  );

  const openFromSidebar = useCallback((annotationId: string) => openAnnotation(annotationId, { scroll: true }), [openAnnotation]);

  /** Highlights under a viewport point, innermost (shortest) first. */
  const hitTest = useCallback(
    (x: number, y: number): AnchoredAnnotation[] => {
      const dom = domRef.current;
      if (!dom) return [];
      const offset = dom.offsetAtPoint(x, y);
      if (offset === null) return [];
      return anchored
        .filter((annotation) => annotation.anchor.status === 'anchored' && annotation.anchor.start <= offset && offset <= annotation.anchor.end)
        .filter((annotation) => {
          const range = rangesRef.current.get(annotation.id);
          return range ? rangeContainsPoint(range, x, y) : false;
        })
        .sort((a, b) => {
          const length = (entry: AnchoredAnnotation) => (entry.anchor.status === 'anchored' ? entry.anchor.end - entry.anchor.start : 0);
          return length(a) - length(b);
        });
    },
    [anchored],
  );

  const onArticleClick = (event: ReactMouseEvent) => {
    if ((event.target as Element).closest('.float-panel')) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const found = hitTest(event.clientX, event.clientY);
    if (found.length === 0) {
      setActive(null);
      return;
    }
    openAnnotation((found[0] as AnchoredAnnotation).id, { clickX: event.clientX, others: found.map((annotation) => annotation.id) });
  };

  // Close the open highlight when the user clicks somewhere unrelated.
  useEffect(() => {
    if (!active) return;
    const onDown = (event: MouseEvent) => {
      const target = event.target as Element | null;
      if (target?.closest('.highlight-popover, .reader-text, .annotation-sidebar, .toasts')) return;
      setActive(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [active]);

  // ---- Operations ----------------------------------------------------------------
  const { createHighlight, patchAnnotation, deleteHighlight, copyCitation, moveToTrash } = useAnnotationActions({
    id,
    article,
    setArticle,
    lastColor,
    setKnownTags,
    onDeleted: () => setActive(null),
  });

  const addHighlight = async (color: HighlightColor, then?: PopoverField) => {
    if (!pending) return;
    const { start, end } = pending;
    setPending(null);
    document.getSelection()?.removeAllRanges();
    const created = await createHighlight(start, end, color);
    if (created && then) openAnnotation(created.id, { field: then });
  };

  const deleteRef = useRef(deleteHighlight);
  deleteRef.current = deleteHighlight;
  const deleteFromSidebar = useCallback((annotation: AnchoredAnnotation) => void deleteRef.current(annotation), []);

  // ---- Keyboard ------------------------------------------------------------------
  const [findFocus, setFindFocus] = useState(0);
  const openFind = () => {
    setFindOpen(true);
    setFindFocus((tick) => tick + 1);
  };
  useReaderKeys({
    hasPending: pending !== null,
    activeAnnotation,
    anchored,
    dom: () => domRef.current,
    rangeOf: (annotationId) => rangesRef.current.get(annotationId),
    settingsOpen: showSettings,
    lastColor: lastColor.current,
    openFind,
    addHighlight: (color, then) => void addHighlight(color, then),
    clearPending: () => {
      document.getSelection()?.removeAllRanges();
      setPending(null);
    },
    recolor: (annotation, color) => void patchAnnotation(annotation, { color }),
    focusField: (field) => setActive((current) => current && { ...current, field, tick: current.tick + 1 }),
    copyCitation: (annotation) => void copyCitation(annotation),
    deleteHighlight: (annotation) => void deleteHighlight(annotation),
    closeActive: () => setActive(null),
    closeSettings: () => setShowSettings(false),
    openAnnotation: (annotationId) => openAnnotation(annotationId, { scroll: true }),
    toggleDiacritics: () => settings?.setReader({ showDiacritics: !settings.reader.showDiacritics }),
    changeSize: (by) => settings?.setReader({ size: Math.max(14, Math.min(34, settings.reader.size + by)) }),
    showHelp: () => setShowHelp(true),
  });

  // Copy the stored text (with its diacritics) even when they are hidden on screen.
  const onCopy = (event: ReactClipboardEvent) => {
    const dom = domRef.current;
    const selection = document.getSelection();
    if (!dom || !hideMarks || !selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const start = dom.offsetOf(range.startContainer, range.startOffset, 'start');
    const end = dom.offsetOf(range.endContainer, range.endOffset, 'end');
    if (end <= start) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', dom.map.text.slice(start, end));
  };

  if (!article || !settings || !map || !reader) return <p className="reader-loading">{t.loading}</p>;
  const { meta } = article;
  const readerStyle = {
    '--reader-size': `${reader.size}px`,
    '--reader-line-height': String(reader.lineHeight),
    '--reader-width': `${reader.width}ch`,
  } as CSSProperties;
  const others = (active?.others ?? []).map((other) => annotations.find((annotation) => annotation.id === other)).filter((entry): entry is AnchoredAnnotation => Boolean(entry));

  return (
    <div className={`reader reader-font-${reader.font}${sidebarOpen ? ' with-sidebar' : ''}`} style={readerStyle}>
      <ReaderToolbar
        settings={settings}
        findOpen={findOpen}
        settingsOpen={showSettings}
        sidebarOpen={sidebarOpen}
        onToggleFind={() => {
          setFindOpen(!findOpen);
          setFindFocus((tick) => tick + 1);
        }}
        onToggleSettings={() => setShowSettings(!showSettings)}
        onToggleSidebar={() => setSidebarOpen(!sidebarOpen)}
        onEditText={() => setEditingText(true)}
        onEditDetails={() => setEditingMeta(true)}
        onTrash={moveToTrash}
        onHelp={() => setShowHelp(true)}
      />
      {findOpen && (
        <div className="find-wrap reader-sticky">
          <FindBar focusTick={findFocus} articleId={id} textVersion={article.blocks} onResults={onFindResults} onClose={() => setFindOpen(false)} />
        </div>
      )}
      <div className="reader-layout">
        <div className="reader-column">
          <ReaderHeader meta={meta} hideMarks={hideMarks} locale={locale} />
          <ReadingStatusBar meta={meta} articleRef={articleRef} />
          <div className="reader-body" ref={bodyRef} onClick={onArticleClick} onCopy={onCopy}>
            <ArticleBody ref={articleRef} blocks={article.blocks} map={map} />
            {pending && (
              <SelectionToolbar
                position={pending.position}
                labels={settings.colorLabels}
                onColor={(color) => void addHighlight(color)}
                onNote={() => void addHighlight(lastColor.current, 'note')}
                onTags={() => void addHighlight(lastColor.current, 'tags')}
              />
            )}
            {activeAnnotation && activePosition && active && (
              <HighlightPopover
                key={`${activeAnnotation.id}-${active.tick}`}
                annotation={activeAnnotation}
                others={others}
                position={activePosition}
                labels={settings.colorLabels}
                knownTags={knownTags ?? []}
                focusField={active.field}
                onColor={(color) => void patchAnnotation(activeAnnotation, { color })}
                onNote={(note) => void patchAnnotation(activeAnnotation, { note })}
                onTags={(tags) => void patchAnnotation(activeAnnotation, { tags })}
                onCopy={() => void copyCitation(activeAnnotation)}
                onDelete={() => void deleteHighlight(activeAnnotation)}
                onClose={() => setActive(null)}
                onSwitch={(other) => openAnnotation(other, { others: [activeAnnotation.id, ...active.others] })}
              />
            )}
          </div>
        </div>
        {sidebarOpen && (sidebarAnnotations ? <AnnotationSidebar annotations={sidebarAnnotations} labels={settings.colorLabels} activeId={active?.id ?? null} onOpen={openFromSidebar} onDelete={deleteFromSidebar} /> : <aside className="annotation-sidebar" aria-label={t.highlights} />)}
      </div>
      {editingMeta && (
        <MetadataDialog
          meta={meta}
          onClose={() => setEditingMeta(false)}
          onSaved={(updated) => {
            setEditingMeta(false);
            setArticle({ ...article, meta: updated });
          }}
        />
      )}
      {editingText && (
        <EditTextDialog
          article={article}
          onClose={() => setEditingText(false)}
          onSaved={(updated) => {
            setEditingText(false);
            setActive(null);
            setPending(null);
            setArticle(updated);
            const before = article.annotations.filter((annotation) => annotation.anchor.status === 'orphan').length;
            const after = updated.annotations.filter((annotation) => annotation.anchor.status === 'orphan').length;
            notify({ kind: 'info', text: after > before ? fill(t.textSavedOrphans, { n: after - before }) : t.textSaved });
          }}
        />
      )}
      {showHelp && <ShortcutsDialog onClose={() => setShowHelp(false)} />}
    </div>
  );
}
