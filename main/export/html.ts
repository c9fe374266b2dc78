/**
 * Self-contained HTML: lang and dir set (ar, rtl), the Naskh font embedded, a
 * print stylesheet (A4, colours kept, links spelled out), no script, and a
 * Content-Security-Policy that lets nothing load or run. Every piece of text and
 * every attribute is escaped; links are written only when they are http(s).
 * The same file is what the PDF is printed from.
 */
import type { ExportEntry, ExportSection, ExportSegment, ExportView } from '../../common/api.js';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/types/article.js';
import { ARABIC_COMMA, citationParts, normalizeExportText, positionText, safeUrl } from './common.js';
import { embeddedFontCss, PRINT_FEATURES, PRINT_FONT_FAMILY } from './fonts.js';
import { segmentColors } from './gather.js';
import { COLOR_FILLS, COLOR_NAMES, COLOR_SWATCHES, EXPORT_LABELS, type ExportLabels } from './labels.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

/** A user's text, normalised (line ends, controls) and escaped. */
const userText = (text: string) => escapeHtml(normalizeExportText(text));
/** A user's string inside a sentence: isolated (<bdi> takes its direction from its own first letter). */
const bdi = (text: string) => `<bdi>${userText(text)}</bdi>`;

export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

function stylesheet(fontCss: string): string {
  const colors = HIGHLIGHT_COLORS.map(
    (color) => `.hl-${color} { background-color: #${COLOR_FILLS[color]}; } .entry-${color} { border-inline-start-color: #${COLOR_SWATCHES[color]}; } .group-${color} > h2 { border-bottom-color: #${COLOR_SWATCHES[color]}; }`,
  ).join('\n');
  return `${fontCss}
:root { color-scheme: light; }
html { font-family: '${PRINT_FONT_FAMILY}', 'Noto Naskh Arabic', 'Amiri', 'Arial', serif; ${PRINT_FEATURES} font-size: 17px; line-height: 2; color: #2b2620; background: #fff; }
body { max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1, h2, h3 { line-height: 1.6; font-weight: 700; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.25rem; border-bottom: 1px solid #e6dfd2; padding-bottom: 0.25rem; }
h3 { font-size: 1.1rem; }
.meta, .citation, .cite, .label { color: #6d645a; font-size: 0.85rem; }
.entry { margin: 1.25rem 0; padding-inline-start: 0.9rem; border-inline-start: 4px solid #ccc; break-inside: avoid; }
.entry blockquote { margin: 0; }
.quote mark { color: inherit; padding: 0.1em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark { color: inherit; }
.note-text, .quote { white-space: pre-wrap; tab-size: 4; }
.note { margin: 0.25rem 0; }
mark.hl-over { background-size: 100% 100%; }
.note-label { font-weight: 700; }
.tags { margin: 0.25rem 0; }
.tag { display: inline-block; border: 1px solid #e6dfd2; border-radius: 999px; padding: 0 0.6rem; margin-inline-end: 0.3rem; font-size: 0.85rem; }
.text p, .text li, .text blockquote { margin: 0 0 0.9rem; }
.text blockquote { border-inline-start: 3px solid #e6dfd2; padding-inline-start: 0.8rem; margin-inline-start: 0; }
sup.ref a { text-decoration: none; font-size: 0.75em; }
ol.notes { font-size: 0.92rem; border-top: 1px solid #e6dfd2; padding-top: 0.5rem; }
.orphan { color: #a4302a; font-size: 0.85rem; }
a { color: #8a4b1c; }
${colors}
@page { size: A4; margin: 18mm 16mm; }
@media print {
  html { font-size: 12pt; }
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  section.group { break-before: auto; }
  .entry, .citation { break-inside: avoid; }
  /* Web links are spelled out on paper; internal ones (the note numbers, #n1-1) are not. */
  a[href^="http"]::after { content: ' (' attr(href) ')'; font-size: 0.75em; color: #6d645a; unicode-bidi: isolate; direction: ltr; }
}`;
}

function link(url: string, text: string): string {
  const safe = safeUrl(url);
  return safe ? `<a href="${escapeHtml(safe)}" rel="noreferrer noopener">${escapeHtml(text)}</a>` : '';
}

function tagsHtml(tags: readonly string[]): string {
  return tags.length === 0 ? '' : `<p class="tags">${tags.map((tag) => `<bdi class="tag" dir="auto">#${userText(tag)}</bdi>`).join(' ')}</p>`;
}

/** Markers the escaping leaves alone, turned into <bdi dir="ltr"> or <bdi> after it. */
const LTR_OPEN = '\uE000';
const BDI_CLOSE = '\uE001';
const AUTO_OPEN = '\uE002';
const markLtr = (text: string) => `${LTR_OPEN}${text}${BDI_CLOSE}`;
const markAuto = (text: string) => `${AUTO_OPEN}${text}${BDI_CLOSE}`;
const stripMarkers = (text: string) => text.replace(/[\uE000-\uE002]/g, '');
function escapeWithLtr(text: string): string {
  return escapeHtml(text).replace(/\uE000/g, '<bdi dir="ltr">').replace(/\uE002/g, '<bdi>').replace(/\uE001/g, '</bdi>');
}

function citeHtml(entry: ExportEntry, labels: ExportLabels): string {
  const citation = { ...entry.citation, title: stripMarkers(entry.citation.title), source: stripMarkers(entry.citation.source), author: stripMarkers(entry.citation.author) };
  const [title, ...rest] = citationParts(citation, labels, markLtr, markAuto).map(escapeWithLtr);
  const parts = [`<cite>${title ?? ''}</cite>`, ...rest].join(`${ARABIC_COMMA} `);
  const where = entry.position ? escapeWithLtr(positionText(entry, labels, markLtr)) : `<span class="orphan">${escapeHtml(labels.orphan)}</span>`;
  return `<p class="cite">— ${[parts, where, link(entry.citation.url, labels.link)].filter(Boolean).join(' · ')}</p>`;
}

function entryHtml(entry: ExportEntry, view: ExportView, labels: ExportLabels, id?: string): string {
  // The label is the export's language; the note is isolated with its own direction (a Latin note keeps its leading = or @).
  const note = entry.note.trim() === '' ? '' : `<p class="note"><span class="note-label">${escapeHtml(labels.note)}:</span> <bdi class="note-text" dir="auto">${userText(entry.note.trim())}</bdi></p>`;
  return `<article class="entry entry-${entry.color}"${id ? ` id="${id}"` : ''} data-highlight="${escapeHtml(entry.id)}">
<blockquote class="quote" dir="auto"><mark class="hl-${entry.color}">${userText(entry.quote)}</mark></blockquote>
<p class="label">${bdi(entry.colorLabel)} (${escapeHtml(COLOR_NAMES[view.locale][entry.color])})</p>
${note}${tagsHtml(entry.tags)}${citeHtml(entry, labels)}</article>`;
}

function segmentsHtml(segments: readonly ExportSegment[], sectionIndex: number): string {
  return segments
    .map((segment) => {
      const text = userText(segment.text);
      const body = markHtml(segmentColors(segment), text);
      const refs = (segment.notes ?? []).map((number) => `<sup class="ref"><a href="#n${sectionIndex + 1}-${number}">${number}</a></sup>`).join('');
      return body + refs;
    })
    .join('');
}

/**
 * A highlighted run: one colour as its class; where highlights overlap, every
 * colour as horizontal stripes (outermost on top), so none hides another.
 */
function markHtml(colors: readonly HighlightColor[], text: string): string {
  if (colors.length === 0) return text;
  if (colors.length === 1) return `<mark class="hl-${colors[0]}">${text}</mark>`;
  const step = 100 / colors.length;
  const stops = colors.map((color, index) => `#${COLOR_FILLS[color]} ${(index * step).toFixed(2)}% ${((index + 1) * step).toFixed(2)}%`).join(', ');
  return `<mark class="hl-${colors.at(-1)} hl-over" data-colors="${colors.join(' ')}" style="background-image: linear-gradient(${stops})">${text}</mark>`;
}

const BLOCK_TAGS: Record<string, [string, string]> = {
  heading: ['<h3>', '</h3>'],
  paragraph: ['<p>', '</p>'],
  quote: ['<blockquote>', '</blockquote>'],
  'list-item': ['<ul><li>', '</li></ul>'],
};

function sectionCitationHtml(section: ExportSection, labels: ExportLabels): string {
  const citation = section.citation;
  if (!citation) return '';
  const fields = [
    citation.source && `${escapeHtml(labels.source)}: ${bdi(citation.source)}`,
    citation.author && `${escapeHtml(labels.author)}: ${bdi(citation.author)}`,
    `${escapeHtml(labels.published)}: ${citation.published ? `<bdi dir="ltr">${escapeHtml(citation.published)}</bdi>` : escapeHtml(labels.undated)}`,
    link(citation.url, labels.link),
  ].filter(Boolean);
  return `<p class="citation">${fields.join(' · ')}</p>`;
}

function sectionHtml(section: ExportSection, index: number, view: ExportView, labels: ExportLabels): string {
  const color = section.color ? ` group-${section.color}` : '';
  const out = [`<section class="group${color}" id="s${index + 1}">`, `<h2 dir="auto">${escapeHtml(section.title)}</h2>`, sectionCitationHtml(section, labels)];
  if (section.blocks) {
    out.push('<div class="text">');
    for (const block of section.blocks) {
      const [open, close] = BLOCK_TAGS[block.kind] ?? ['<p>', '</p>'];
      out.push(`${open}${segmentsHtml(block.segments, index)}${close}`);
    }
    out.push('</div>');
    const noted = section.entries.filter((entry) => entry.noteNumber > 0);
    if (noted.length > 0) {
      out.push(`<h3>${escapeHtml(labels.notes)}</h3><ol class="notes">`);
      for (const entry of noted) out.push(`<li value="${entry.noteNumber}">${entryHtml(entry, view, labels, `n${index + 1}-${entry.noteNumber}`)}</li>`);
      out.push('</ol>');
    }
    for (const entry of section.entries.filter((candidate) => candidate.position === null && candidate.noteNumber === 0)) out.push(entryHtml(entry, view, labels));
  } else if (section.entries.length === 0) {
    out.push(`<p class="meta">${escapeHtml(labels.noHighlights)}</p>`);
  } else {
    for (const entry of section.entries) out.push(entryHtml(entry, view, labels));
  }
  out.push('</section>');
  return out.join('\n');
}

export interface HtmlOptions {
  /** Folder of the installed app, to find the font package (node_modules/@fontsource/…). */
  appRoot?: string;
  /** Leave the font out (a smaller file; the reader's fonts are used). */
  embedFont?: boolean;
}

export function renderHtml(view: ExportView, options: HtmlOptions = {}): string {
  const labels = EXPORT_LABELS[view.locale];
  const [lang, dir] = view.locale === 'ar' ? ['ar', 'rtl'] : ['en', 'ltr'];
  const fontCss = options.embedFont === false ? '' : embeddedFontCss(options.appRoot);
  const body = view.sections.map((section, index) => sectionHtml(section, index, view, labels)).join('\n');
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Qirtas">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(view.title)}</title>
<style>
${stylesheet(fontCss)}
</style>
</head>
<body>
<header>
<h1 dir="auto">${escapeHtml(view.title)}</h1>
<p class="meta">${escapeHtml(labels.generated)} <bdi dir="ltr">${escapeHtml(view.generated.slice(0, 10))}</bdi> · ${escapeHtml(labels.articles)}: ${view.articleCount} · ${escapeHtml(labels.highlights)}: ${view.highlightCount}</p>
</header>
<main lang="ar" dir="rtl">
${body}
</main>
</body>
</html>
`;
}
