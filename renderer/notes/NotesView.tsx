/**
 * Notes across the whole archive (issue 5): every highlight with its quote, note
 * and tags, filtered by colour (with the user's meaning for it), tag, article,
 * creation date and words in the note or quote. Each entry opens its passage in
 * the reader (#/article/<id>?at=<start>-<end>); orphans open the article and say
 * so. Filters are kept for the session, so coming back from a passage finds them.
 */
import { useEffect, useMemo, useState } from 'react';
import type { NoteEntry, NotesFilter } from '../../common/api.js';
import { HIGHLIGHT_COLORS, type ColorLabels, type HighlightColor } from '../../common/types/article.js';
import { useApp } from '../app/api-context.js';
import { DateField } from '../app/DateField.js';
import { articleRoute } from '../app/use-route.js';
import { plural } from '../i18n/format-numbers.js';
import { formatDualDate, useI18n } from '../i18n/i18n.js';
import { colorLabel } from '../reader/format.js';
import '../styles/reader.css';
import '../styles/notes.css';

const FILTER_KEY = 'qirtas:notes-filter';
const TEXT_DELAY_MS = 250;

function loadFilter(): NotesFilter {
  try {
    const raw = window.sessionStorage.getItem(FILTER_KEY);
    return raw ? (JSON.parse(raw) as NotesFilter) : {};
  } catch {
    return {};
  }
}

/** Drops empty fields so the archive gets only real filters. */
function clean(filter: NotesFilter): NotesFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '')) as NotesFilter;
}

export function NotesView() {
  const { t, locale } = useI18n();
  const { client, fail } = useApp();
  const [filter, setFilter] = useState<NotesFilter>(loadFilter);
  const [text, setText] = useState(filter.text ?? '');
  const [entries, setEntries] = useState<NoteEntry[] | null>(null);
  const [everything, setEverything] = useState<NoteEntry[]>([]);
  const [labels, setLabels] = useState<ColorLabels>({});

  useEffect(() => {
    client.api.getSettings({}).then((settings) => setLabels(settings.colorLabels), fail);
    client.api.listAnnotations({}).then(setEverything, fail);
  }, [client, fail]);

  useEffect(() => {
    let live = true;
    const args = clean(filter);
    try {
      window.sessionStorage.setItem(FILTER_KEY, JSON.stringify(args));
    } catch {
      // Not essential.
    }
    client.api.listAnnotations(args).then((found) => live && setEntries(found), fail);
    return () => {
      live = false;
    };
  }, [client, fail, filter]);

  useEffect(() => {
    if ((filter.text ?? '') === text) return;
    const timer = setTimeout(() => setFilter((current) => ({ ...current, text })), TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filter.text]);

  const tags = useMemo(() => {
    const counts = new Map<string, number>();
    for (const entry of everything) for (const tag of entry.annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
  }, [everything]);

  const articles = useMemo(() => {
    const seen = new Map<string, string>();
    for (const entry of everything) seen.set(entry.article.id, entry.article.title);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1], 'ar'));
  }, [everything]);

  const dayFormat = useMemo(() => new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' }), [locale]);
  const set = (patch: Partial<NotesFilter>) => setFilter((current) => ({ ...current, ...patch }));
  const filtered = Object.keys(clean(filter)).length > 0;

  return (
    <section className="notes-view">
      <div className="section-head">
        <h1>{t.notes}</h1>
        {entries && <span className="count">{plural('notes', entries.length, locale)}</span>}
      </div>
      <p className="hint notes-intro">{t.notesIntro}</p>

      <form className="notes-filters" role="search" aria-label={t.notes} onSubmit={(event) => event.preventDefault()}>
        <label>
          <span>{t.filterText}</span>
          <input type="search" dir="auto" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <label className="wide">
          <span>{t.filterArticle}</span>
          <select value={filter.articleId ?? ''} onChange={(event) => set({ articleId: event.target.value || undefined })}>
            <option value="">{t.filterAll}</option>
            {articles.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterColor}</span>
          <select value={filter.color ?? ''} onChange={(event) => set({ color: (event.target.value || undefined) as HighlightColor | undefined })}>
            <option value="">{t.filterAll}</option>
            {HIGHLIGHT_COLORS.map((color) => (
              <option key={color} value={color}>
                {colorLabel(color, labels, t)} ({t[`color_${color}`]})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterTag}</span>
          <select value={filter.tag ?? ''} onChange={(event) => set({ tag: event.target.value || undefined })}>
            <option value="">{t.filterAll}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>

        <label>
          <span>{t.filterFrom}</span>
          <DateField value={filter.from ?? ''} onChange={(iso) => set({ from: iso || undefined })} />
        </label>
        <label>
          <span>{t.filterTo}</span>
          <DateField value={filter.to ?? ''} onChange={(iso) => set({ to: iso || undefined })} />
        </label>
        <button
          type="button"
          className="button-quiet"
          disabled={!filtered && !text}
          onClick={() => {
            setText('');
            setFilter({});
          }}
        >
          {t.clearFilters}
        </button>
      </form>

      {entries === null ? (
        <p className="hint">{t.loading}</p>
      ) : entries.length === 0 ? (
        <div className="empty-state notes-empty">
          <p>{filtered ? t.notesNoMatch : t.notesEmpty}</p>
        </div>
      ) : (
        <ol className="notes-list">
          {entries.map(({ article, annotation }) => {
            const anchor = annotation.anchor;
            const href = `#${articleRoute(article.id, anchor.status === 'anchored' ? { start: anchor.start, end: anchor.end } : null)}`;
            return (
              <li key={annotation.id} className={`note-card swatch-${annotation.color}`} data-annotation={annotation.id}>
                <div className="note-head">
                  <span className="swatch" aria-hidden="true" />
                  <span className="note-label">{colorLabel(annotation.color, labels, t)}</span>
                  {anchor.status === 'orphan' && <span className="orphan-badge">{t.orphan}</span>}
                  <span className="note-date">
                    {t.createdOn} {dayFormat.format(new Date(annotation.created))}
                  </span>
                </div>
                <a className="note-quote" href={href} dir="auto" lang="ar">
                  <q>{annotation.quote}</q>
                </a>
                {annotation.note && (
                  <p className="note-text" dir="auto">
                    {annotation.note}
                  </p>
                )}
                {annotation.tags.length > 0 && (
                  <div className="note-tags">
                    {annotation.tags.map((tag) => (
                      <button key={tag} type="button" className="tag" dir="auto" onClick={() => set({ tag })}>
                        {tag}
                      </button>
                    ))}
                  </div>
                )}
                <div className="note-foot">
                  <span className="note-article" dir="auto">
                    {article.title}
                    {article.source && <span className="note-source"> · {article.source}</span>}
                    {article.published && <span className="note-source"> · {formatDualDate(article.published, locale)}</span>}
                  </span>
                  <a className="note-open" href={href}>
                    {anchor.status === 'anchored' ? t.openPassage : t.openArticle}
                  </a>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
