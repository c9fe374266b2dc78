/**
 * The reader: the article's details on top (Gregorian and Hijri dates), its text
 * right-to-left in the reader's font, size, line height, width and theme, and
 * everything a researcher does while reading: highlights in five named colours
 * with notes and tags, a sidebar of them in text order (orphans apart), in-article
 * find, a focused range from search or a note (`?at=`), editing the text with
 * highlights following it, and the reading position kept per article.
 *
 * Every offset here is an offset of the canonical text (design §4); text-map.ts
 * turns them into DOM ranges and back, and highlights.ts paints them with the CSS
 * Custom Highlight API so nothing is inserted into the words.
 */
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent as ReactClipboardEvent, type CSSProperties, type MouseEvent as ReactMouseEvent } from 'react';
import type { AnchoredAnnotation, FullArticle } from '../../common/api.js';
import { snapToGraphemes } from '../../common/anchoring/snap.js';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';
import type { TextRange } from '../app/use-route.js';
import { formatDualDate, useI18n } from '../i18n/i18n.js';
import '../styles/reader.css';
import { AnnotationSidebar } from './AnnotationSidebar.js';
import { ArticleBody } from './ArticleBody.js';
import { EditTextDialog } from './EditTextDialog.js';
import { FindBar } from './FindBar.js';
import { copyText, fill, quoteWithCitation } from './format.js';
import { clearAllHighlights, MARKS, paint, paintColors } from './highlights.js';
import { MetadataDialog } from './MetadataDialog.js';
import { HighlightPopover, SelectionToolbar, type FloatPosition, type PopoverField } from './Popovers.js';
import { ReaderSettingsPanel } from './ReaderSettingsPanel.js';
import { loadPosition, savePosition } from './reading-position.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { DomText, rangeContainsPoint, TextMap } from './text-map.js';
import { useSettings } from './use-reader-settings.js';

interface Pending {
  start: number;
  end: number;
  position: FloatPosition;
}

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

/** Text order (by start, then end), orphans last — the order getArticle returns. */
function inTextOrder(annotations: readonly AnchoredAnnotation[]): AnchoredAnnotation[] {
  const key = (entry: AnchoredAnnotation) => (entry.anchor.status === 'anchored' ? [entry.anchor.start, entry.anchor.end] : [Infinity, Infinity]);
  return [...annotations].sort((a, b) => {
    const [aStart, aEnd] = key(a) as [number, number];
    const [bStart, bEnd] = key(b) as [number, number];
    return aStart - bStart || aEnd - bEnd || a.created.localeCompare(b.created);
  });
}

/** Height of the sticky app header (and the reader's sticky bars), so scrolled-to text is not hidden under them. */
function stickyTop(): number {
  let bottom = 0;
  for (const element of document.querySelectorAll<HTMLElement>('.header, .reader-sticky')) bottom = Math.max(bottom, element.getBoundingClientRect().bottom);
  return bottom;
}

function scrollToRange(range: Range, behavior: ScrollBehavior = 'auto', onlyIfHidden = false): void {
  const rect = range.getBoundingClientRect();
  const top = stickyTop();
  if (onlyIfHidden && rect.top >= top + 8 && rect.bottom <= window.innerHeight - 8) return;
  window.scrollTo({ top: Math.max(0, rect.top + window.scrollY - top - Math.max(48, (window.innerHeight - top) / 3)), behavior });
}

/** True for controls that take typed text, where letters and digits must not act as shortcuts. */
function takesText(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.closest) return false;
  if (element.closest('textarea, select, [contenteditable="true"], dialog')) return true;
  const input = element.closest('input');
  return input !== null && !['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color'].includes(input.type);
}

const LAST_COLOR_KEY = 'qirtas:last-color';
function loadLastColor(): HighlightColor {
  try {
    const saved = window.localStorage.getItem(LAST_COLOR_KEY);
    return (HIGHLIGHT_COLORS as readonly string[]).includes(saved ?? '') ? (saved as HighlightColor) : 'yellow';
  } catch {
    return 'yellow';
  }
}
function saveLastColor(color: HighlightColor): void {
  try {
    window.localStorage.setItem(LAST_COLOR_KEY, color);
  } catch {
    // A convenience only.
  }
}

/** The bundled faces the reader's text and headings use (Arabic and Latin subsets). */
const READING_FACES = ['400 1em "Noto Naskh Arabic"', '700 1em "Noto Naskh Arabic"', '400 1em "IBM Plex Sans Arabic"', '600 1em "IBM Plex Sans Arabic"'];

const DIGIT_CODES = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5'];
const NUMPAD_CODES = ['Numpad1', 'Numpad2', 'Numpad3', 'Numpad4', 'Numpad5'];
/** Shortcut keys go by physical key (event.code) so they work the same on an Arabic layout. */
function colorForKey(event: KeyboardEvent): HighlightColor | null {
  const index = Math.max(DIGIT_CODES.indexOf(event.code), NUMPAD_CODES.indexOf(event.code));
  return index >= 0 ? (HIGHLIGHT_COLORS[index] as HighlightColor) : null;
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
  const domRef = useRef<DomText | null>(null);
  const rangesRef = useRef(new Map<string, Range>());
  /** N and T highlight in the colour used last (kept across sessions). */
  const lastColor = useRef<HighlightColor>(loadLastColor());
  const positionRestored = useRef(false);
  const scrolledFocus = useRef<string | null>(null);

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

  // The theme colours the whole window while reading.
  useEffect(() => {
    if (!reader) return;
    document.documentElement.dataset.readerTheme = reader.theme;
    return () => {
      delete document.documentElement.dataset.readerTheme;
    };
  }, [reader?.theme]);

  useEffect(() => () => clearAllHighlights(), []);

  // ---- Painting ------------------------------------------------------------------
  useLayoutEffect(() => {
    domRef.current = map && articleRef.current ? DomText.read(map, articleRef.current) : null;
  }, [map]);

  useLayoutEffect(() => {
    const dom = domRef.current;
    if (!dom) return;
    const byColor = new Map<HighlightColor, Range[]>();
    const byId = new Map<string, Range>();
    for (const annotation of anchored) {
      if (annotation.anchor.status !== 'anchored') continue;
      const range = dom.range(annotation.anchor.start, annotation.anchor.end);
      if (!range) continue;
      byId.set(annotation.id, range);
      const list = byColor.get(annotation.color);
      if (list) list.push(range);
      else byColor.set(annotation.color, [range]);
    }
    paintColors(byColor);
    rangesRef.current = byId;
    dom.root.dataset.highlightsPainted = String(byId.size);
    performance.mark('qirtas:highlights-painted', { detail: { count: byId.size } });
  }, [map, anchored]);

  // Runs after the painting above in the same commit, so the ranges are current.
  useLayoutEffect(() => {
    const range = active ? rangesRef.current.get(active.id) : undefined;
    paint(MARKS.active, range ? [range] : []);
  }, [active?.id, map, anchored]);

  // A focused range (?at=start-end from search or a note): mark it and bring it into view once.
  useLayoutEffect(() => {
    const dom = domRef.current;
    if (!dom || !focus) {
      paint(MARKS.focus, []);
      return;
    }
    const range = dom.range(Math.max(0, focus.start), Math.min(focus.end, dom.map.text.length));
    paint(MARKS.focus, range ? [range] : []);
    const key = `${focus.start}-${focus.end}`;
    if (range && scrolledFocus.current !== key) {
      scrolledFocus.current = key;
      positionRestored.current = true;
      scrollToRange(range);
      // Fonts may still be arriving and move the text: scroll again once they are in.
      void document.fonts.ready.then(() => {
        if (range.startContainer.isConnected) scrollToRange(range);
      });
    }
  }, [map, focus?.start, focus?.end]);

  // Find matches.
  useLayoutEffect(() => {
    const dom = domRef.current;
    if (!dom || !findOpen) {
      paint(MARKS.find, []);
      paint(MARKS.findCurrent, []);
      return;
    }
    const ranges = find.matches.map((match) => dom.range(match.start, match.end));
    const current = ranges[find.current] ?? null;
    paint(
      MARKS.find,
      ranges.filter((range): range is Range => range !== null && range !== current),
    );
    paint(MARKS.findCurrent, current ? [current] : []);
    if (current) scrollToRange(current, 'auto', true);
  }, [map, find, findOpen]);

  const onFindResults = useCallback((matches: TextRange[], current: number) => setFind({ matches, current }), []);

  // ---- Reading position ----------------------------------------------------------
  useEffect(() => {
    const dom = domRef.current;
    if (!dom || positionRestored.current) return;
    positionRestored.current = true;
    if (focus) return;
    const saved = loadPosition(id);
    if (saved === null || saved <= 0) return;
    const restore = () => {
      const at = Math.min(saved, dom.map.text.length - 1);
      const range = dom.range(at, at + 1) ?? dom.range(Math.max(0, at - 1), at);
      if (range) window.scrollTo({ top: Math.max(0, range.getBoundingClientRect().top + window.scrollY - stickyTop() - 16) });
    };
    restore();
    void document.fonts.ready.then(() => {
      if (dom.root.isConnected) restore();
    });
  }, [map, id, focus]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      timer = null;
      const dom = domRef.current;
      if (!dom || !dom.root.isConnected) return;
      if (window.scrollY < 40) {
        savePosition(id, 0);
        return;
      }
      const box = dom.root.getBoundingClientRect();
      const x = box.left + box.width / 2;
      for (let y = Math.max(box.top, stickyTop() + 8); y < Math.min(box.bottom, window.innerHeight); y += 12) {
        const offset = dom.offsetAtPoint(x, y) ?? dom.offsetAtPoint(box.right - 4, y);
        if (offset !== null) {
          savePosition(id, offset);
          return;
        }
      }
    };
    const onScroll = () => {
      if (!timer) timer = setTimeout(save, 250);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  // ---- Selection → toolbar -------------------------------------------------------
  const floatFromRect = useCallback((rect: DOMRect, place: FloatPosition['place'], clickX?: number): FloatPosition | null => {
    const body = bodyRef.current?.getBoundingClientRect();
    if (!body) return null;
    const x = (clickX ?? rect.left + rect.width / 2) - body.left;
    return { top: (place === 'above' ? rect.top : rect.bottom) - body.top, x, place };
  }, []);

  useEffect(() => {
    let mouseDown = false;
    let frame = 0;
    const compute = () => {
      frame = 0;
      const dom = domRef.current;
      const selection = document.getSelection();
      if (!dom || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
        setPending(null);
        return;
      }
      const range = selection.getRangeAt(0);
      const canonical = dom.rangeOf(range);
      if (!canonical) {
        setPending(null);
        return;
      }
      const snapped = snapToGraphemes(dom.map.text, canonical.start, canonical.end);
      const rects = range.getClientRects();
      const first = [...rects].find((rect) => rect.width > 0) ?? range.getBoundingClientRect();
      const position = floatFromRect(first, 'above');
      if (!position) return;
      setPending({ ...snapped, position });
      setActive(null);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(compute);
    };
    const onMouseDown = (event: MouseEvent) => {
      if (event.button === 0) mouseDown = true;
    };
    const onMouseUp = () => {
      mouseDown = false;
      schedule();
    };
    const onSelectionChange = () => {
      if (!mouseDown) schedule();
    };
    document.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('mouseup', onMouseUp, true);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('mouseup', onMouseUp, true);
      document.removeEventListener('selectionchange', onSelectionChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [floatFromRect]);

  // ---- The open highlight's panel ------------------------------------------------
  useLayoutEffect(() => {
    const range = active ? rangesRef.current.get(active.id) : undefined;
    if (!active || !range) {
      setActivePosition(null);
      return;
    }
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    setActivePosition(floatFromRect(last, 'below', active.clickX));
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
  const replaceAnnotation = (updated: AnchoredAnnotation) =>
    setArticle((current) => current && { ...current, annotations: inTextOrder(current.annotations.map((annotation) => (annotation.id === updated.id ? updated : annotation))) });

  const addHighlight = async (color: HighlightColor, then?: PopoverField) => {
    if (!pending) return;
    lastColor.current = color;
    saveLastColor(color);
    const { start, end } = pending;
    setPending(null);
    document.getSelection()?.removeAllRanges();
    try {
      const created = await client.api.addAnnotation({ articleId: id, start, end, color });
      setArticle((current) => current && { ...current, annotations: inTextOrder([...current.annotations, created]) });
      if (then) openAnnotation(created.id, { field: then });
    } catch (error) {
      fail(error);
    }
  };

  const patchAnnotation = async (annotation: AnchoredAnnotation, patch: { color?: HighlightColor; note?: string; tags?: string[] }) => {
    if (patch.color) {
      lastColor.current = patch.color;
      saveLastColor(patch.color);
    }
    replaceAnnotation({ ...annotation, ...patch });
    if (patch.tags) setKnownTags((known) => (known ? [...new Set([...known, ...(patch.tags ?? [])])] : known));
    try {
      replaceAnnotation(await client.api.updateAnnotation({ articleId: id, annotationId: annotation.id, patch }));
      if (patch.note !== undefined) notify({ kind: 'info', text: t.noteSaved });
    } catch (error) {
      replaceAnnotation(annotation);
      fail(error);
    }
  };

  const deleteHighlight = async (annotation: AnchoredAnnotation) => {
    try {
      const removed = await client.api.deleteAnnotation({ articleId: id, annotationId: annotation.id });
      setActive(null);
      setArticle((current) => current && { ...current, annotations: current.annotations.filter((entry) => entry.id !== annotation.id) });
      notify({
        kind: 'info',
        text: t.highlightDeleted,
        action: {
          label: t.undo,
          run: () =>
            void client.api.restoreAnnotation({ articleId: id, annotation: removed }).then(
              (restored) => setArticle((current) => current && { ...current, annotations: inTextOrder([...current.annotations, restored]) }),
              fail,
            ),
        },
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

  const deleteRef = useRef(deleteHighlight);
  deleteRef.current = deleteHighlight;
  const deleteFromSidebar = useCallback((annotation: AnchoredAnnotation) => void deleteRef.current(annotation), []);

  // ---- Keyboard ------------------------------------------------------------------
  const keyState = useRef({ pending, activeAnnotation, addHighlight, patchAnnotation, deleteHighlight, copyCitation, openAnnotation, anchored });
  keyState.current = { pending, activeAnnotation, addHighlight, patchAnnotation, deleteHighlight, copyCitation, openAnnotation, anchored };
  const [findFocus, setFindFocus] = useState(0);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyF') {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        setFindOpen(true);
        setFindFocus((tick) => tick + 1);
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (takesText(event.target) || document.querySelector('dialog[open]')) return;
      const state = keyState.current;
      const color = colorForKey(event);
      const dom = domRef.current;

      if (state.pending) {
        if (color) void state.addHighlight(color);
        else if (event.code === 'KeyN') void state.addHighlight(lastColor.current, 'note');
        else if (event.code === 'KeyT') void state.addHighlight(lastColor.current, 'tags');
        else if (event.key === 'Escape') {
          document.getSelection()?.removeAllRanges();
          setPending(null);
        } else return;
        event.preventDefault();
        return;
      }
      const open = state.activeAnnotation;
      if (open) {
        if (color) void state.patchAnnotation(open, { color });
        else if (event.code === 'KeyN') setActive((current) => current && { ...current, field: 'note', tick: current.tick + 1 });
        else if (event.code === 'KeyT') setActive((current) => current && { ...current, field: 'tags', tick: current.tick + 1 });
        else if (event.code === 'KeyC') void state.copyCitation(open);
        else if (event.key === 'Delete' || event.key === 'Backspace') void state.deleteHighlight(open);
        else if (event.key === 'Escape') setActive(null);
        else if (event.code === 'BracketRight' || event.code === 'BracketLeft') stepHighlight(event.code === 'BracketRight' ? 1 : -1);
        else return;
        event.preventDefault();
        return;
      }
      if (event.key === 'Escape') {
        if (showSettingsRef.current) setShowSettings(false);
        else return;
      } else if (event.code === 'KeyJ' || event.code === 'KeyK') {
        if (!dom) return;
        const focused = document.activeElement?.closest?.('[data-block]') as HTMLElement | null;
        let index = focused ? Number(focused.dataset.block) : -1;
        if (index < 0) {
          const top = stickyTop() + 8;
          index = dom.elements.findIndex((element) => element.getBoundingClientRect().bottom > top) - (event.code === 'KeyJ' ? 1 : 0);
        }
        const next = dom.elements[Math.max(0, Math.min(dom.elements.length - 1, index + (event.code === 'KeyJ' ? 1 : -1)))];
        next?.focus({ preventScroll: true });
        next?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      } else if (event.code === 'KeyV') {
        const focused = document.activeElement?.closest?.('[data-block]');
        if (!focused) return;
        document.getSelection()?.selectAllChildren(focused);
      } else if (event.code === 'BracketRight' || event.code === 'BracketLeft') {
        stepHighlight(event.code === 'BracketRight' ? 1 : -1);
      } else if (event.code === 'KeyD') {
        toggleDiacriticsRef.current();
      } else if (event.key === '+' || event.key === '=' || event.code === 'NumpadAdd') {
        changeSizeRef.current(1);
      } else if (event.key === '-' || event.code === 'NumpadSubtract') {
        changeSizeRef.current(-1);
      } else if (event.key === '?') {
        setShowHelp(true);
      } else return;
      event.preventDefault();
    };

    /** Opens the next (or previous) highlight after the one open, or after the top of the screen. */
    function stepHighlight(by: 1 | -1) {
      const state = keyState.current;
      const list = state.anchored;
      if (list.length === 0) return;
      let index = state.activeAnnotation ? list.findIndex((annotation) => annotation.id === state.activeAnnotation?.id) : -1;
      if (index < 0) {
        const top = stickyTop();
        index = list.findIndex((annotation) => (rangesRef.current.get(annotation.id)?.getBoundingClientRect().top ?? -Infinity) > top) - (by > 0 ? 1 : 0);
      }
      const next = list[(index + by + list.length) % list.length];
      if (next) state.openAnnotation(next.id, { scroll: true });
    }

    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const showSettingsRef = useRef(showSettings);
  showSettingsRef.current = showSettings;
  const toggleDiacriticsRef = useRef<() => void>(() => undefined);
  toggleDiacriticsRef.current = () => settings?.setReader({ showDiacritics: !settings.reader.showDiacritics });
  const changeSizeRef = useRef<(by: number) => void>(() => undefined);
  changeSizeRef.current = (by: number) => settings?.setReader({ size: Math.max(14, Math.min(34, settings.reader.size + by)) });

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
      <div className="reader-toolbar reader-sticky">
        <a href="#/" className="back-link">
          {t.back}
        </a>
        <span className="spacer" />
        <button
          type="button"
          className="tool-button"
          aria-pressed={findOpen}
          title={`${t.findInArticle} (Ctrl+F)`}
          onClick={() => {
            setFindOpen(!findOpen);
            setFindFocus((tick) => tick + 1);
          }}
        >
          {t.findInArticle}
        </button>
        <button type="button" className="tool-button" aria-expanded={showSettings} aria-label={t.readerSettings} title={t.readerSettings} onClick={() => setShowSettings(!showSettings)}>
          <span aria-hidden="true" className="aa-mark">
            {t.readerSettingsShort}
          </span>
        </button>
        <button type="button" className="tool-button" aria-pressed={sidebarOpen} onClick={() => setSidebarOpen(!sidebarOpen)}>
          {t.highlightsPanel}
        </button>
        <button type="button" className="tool-button" onClick={() => setEditingText(true)}>
          {t.editText}
        </button>
        <button type="button" className="tool-button" onClick={() => setEditingMeta(true)}>
          {t.edit}
        </button>
        <button type="button" className="tool-button button-danger" onClick={moveToTrash}>
          {t.moveToTrash}
        </button>
        <button type="button" className="tool-button icon-only" aria-label={t.shortcuts} title={t.shortcuts} onClick={() => setShowHelp(true)}>
          ?
        </button>
        {showSettings && <ReaderSettingsPanel settings={settings} />}
      </div>
      {findOpen && (
        <div className="find-wrap reader-sticky">
          <FindBar focusTick={findFocus} articleId={id} textVersion={article.blocks} onResults={onFindResults} onClose={() => setFindOpen(false)} />
        </div>
      )}
      <div className="reader-layout">
        <div className="reader-column">
          <header className="reader-header" dir="rtl" lang="ar">
            <h1 dir="auto">{meta.title}</h1>
            <dl className="meta" dir={locale === 'ar' ? 'rtl' : 'ltr'} lang={locale}>
              {meta.source && (
                <div>
                  <dt>{t.source}</dt>
                  <dd dir="auto">{meta.source}</dd>
                </div>
              )}
              {meta.author && (
                <div>
                  <dt>{t.author}</dt>
                  <dd dir="auto">{meta.author}</dd>
                </div>
              )}
              <div>
                <dt>{meta.published ? t.published : t.importedOn}</dt>
                <dd>{formatDualDate(meta.published ?? meta.importedAt, locale)}</dd>
              </div>
              <div>
                <dt>{t.columnWords}</dt>
                <dd>{meta.wordCount}</dd>
              </div>
              {meta.tags.length > 0 && (
                <div>
                  <dt>{t.tags}</dt>
                  <dd>
                    {meta.tags.map((tag) => (
                      <span key={tag} className="tag" dir="auto">
                        {tag}
                      </span>
                    ))}
                  </dd>
                </div>
              )}
              {meta.url && (
                <div>
                  <dt>{t.fieldUrl}</dt>
                  <dd dir="ltr">
                    <a href={meta.url} target="_blank" rel="noopener noreferrer">
                      {meta.url}
                    </a>
                  </dd>
                </div>
              )}
            </dl>
          </header>
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
