/**
 * The export as a reading view: the preview in the export dialog and the print
 * view (the browser shell's way to a PDF). It renders the structured view the
 * archive returns (previewExport) with React, as text nodes and <mark>s — the
 * exported HTML itself is never injected into the app.
 */
import type { ExportCitation, ExportEntry, ExportSection, ExportSegment, ExportView as ExportViewData } from '../../common/api.js';
import { useI18n } from '../i18n/i18n.js';
import { fill } from '../i18n/fill.js';

/** "Title، Source، Author، date" — the Arabic comma in Arabic, a comma in English; each user string isolated (<bdi>). */
function Citation({ citation }: { citation: ExportCitation }) {
  const { locale } = useI18n();
  const comma = locale === 'ar' ? '، ' : ', ';
  const url = /^https?:\/\//i.test(citation.url) ? citation.url : '';
  return (
    <p className="export-view-citation">
      <cite>
        <bdi>{citation.title}</bdi>
      </cite>
      {citation.source && (
        <>
          {comma}
          <bdi>{citation.source}</bdi>
        </>
      )}
      {citation.author && (
        <>
          {comma}
          <bdi>{citation.author}</bdi>
        </>
      )}
      {citation.published && (
        <>
          {comma}
          <bdi dir="ltr">{citation.published}</bdi>
        </>
      )}
      {url && (
        <>
          {' · '}
          <a href={url} target="_blank" rel="noreferrer noopener">
            <bdi dir="ltr">{url}</bdi>
          </a>
        </>
      )}
    </p>
  );
}

function Entry({ entry, showCitation }: { entry: ExportEntry; showCitation: boolean }) {
  const { t } = useI18n();
  return (
    <li className={`export-view-entry export-swatch-${entry.color}`}>
      <blockquote dir="auto">
        <mark className={`export-hl export-hl-${entry.color}`}>{entry.quote}</mark>
      </blockquote>
      <p className="export-view-label" dir="auto">
        {entry.colorLabel}
        {entry.position ? (
          <>
            {' · '}
            {t.paragraphLabel} {entry.position.paragraph} · <bdi dir="ltr">{`${entry.position.start}-${entry.position.end}`}</bdi>
          </>
        ) : (
          <span className="export-view-orphan"> · {t.orphanLabel}</span>
        )}
      </p>
      {entry.note.trim() !== '' && (
        <p className="export-view-note">
          <strong>{t.noteLabel}:</strong> <bdi dir="auto">{entry.note}</bdi>
        </p>
      )}
      {entry.tags.length > 0 && (
        <p className="export-view-tags">
          {entry.tags.map((tag) => (
            <span key={tag} className="export-view-tag" dir="auto">
              #{tag}
            </span>
          ))}
        </p>
      )}
      {showCitation && <Citation citation={entry.citation} />}
    </li>
  );
}

function Segments({ segments }: { segments: ExportSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (
        <span key={index}>
          {segment.colors && segment.colors.length > 1 ? (
            // Overlapping highlights: every colour as a stripe (outermost on top), as in the exported files.
            <mark
              className={`export-hl export-hl-${segment.color} export-hl-over`}
              data-colors={segment.colors.join(' ')}
              style={{ backgroundImage: `linear-gradient(${segment.colors.map((color, index, all) => `var(--export-hl-${color}) ${(index * 100) / all.length}% ${((index + 1) * 100) / all.length}%`).join(', ')})` }}
            >
              {segment.text}
            </mark>
          ) : segment.color ? (
            <mark className={`export-hl export-hl-${segment.color}`}>{segment.text}</mark>
          ) : (
            segment.text
          )}
          {segment.notes?.map((number) => (
            <sup key={number} className="export-view-ref">
              {number}
            </sup>
          ))}
        </span>
      ))}
    </>
  );
}

function Section({ section }: { section: ExportSection }) {
  const { t } = useI18n();
  const noted = section.entries.filter((entry) => entry.noteNumber > 0);
  return (
    <section className={`export-view-section${section.color ? ` export-swatch-${section.color}` : ''}`}>
      <h2 dir="auto">{section.title}</h2>
      {section.citation && <Citation citation={section.citation} />}
      {section.blocks ? (
        <>
          <div className="export-view-text">
            {section.blocks.map((block, index) => {
              const body = <Segments segments={block.segments} />;
              if (block.kind === 'heading') return <h3 key={index}>{body}</h3>;
              if (block.kind === 'quote') return <blockquote key={index}>{body}</blockquote>;
              if (block.kind === 'list-item') return <p key={index} className="export-view-item">• {body}</p>;
              return <p key={index}>{body}</p>;
            })}
          </div>
          {noted.length > 0 && (
            <ol className="export-view-notes">
              {noted.map((entry) => (
                <Entry key={entry.id} entry={entry} showCitation={false} />
              ))}
            </ol>
          )}
        </>
      ) : (
        <ul className="export-view-entries">
          {section.entries.map((entry) => (
            <Entry key={`${section.title}-${entry.id}`} entry={entry} showCitation={section.kind !== 'article'} />
          ))}
        </ul>
      )}
      {!section.blocks && section.entries.length === 0 && <p className="hint">{t.previewEmpty}</p>}
    </section>
  );
}

export function ExportView({ view }: { view: ExportViewData }) {
  const { t } = useI18n();
  return (
    <article className="export-view" lang="ar" dir="rtl">
      <h1>{view.title}</h1>
      <p className="export-view-meta">{fill(t.previewCounts, { articles: view.articleCount, highlights: view.highlightCount })}</p>
      {view.sections.length === 0 && <p className="hint">{t.previewEmpty}</p>}
      {view.sections.map((section, index) => (
        <Section key={`${section.kind}-${section.articleId ?? section.title}-${index}`} section={section} />
      ))}
      {view.truncated && <p className="export-view-cut">{t.previewCut}</p>}
    </article>
  );
}

