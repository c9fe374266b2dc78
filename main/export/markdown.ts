/**
 * Markdown for Obsidian (and any CommonMark reader): YAML front matter, the
 * highlights as > quotes with their notes under them and their tags as #tags,
 * or the article text with ==highlights== and the notes as footnotes. Every
 * piece of text is escaped, so nothing in an article or a note becomes markup
 * (Obsidian renders raw HTML: a note saying <img onerror=…> stays text).
 */
import { stringify } from 'yaml';
import type { ExportEntry, ExportSection, ExportSegment, ExportView } from '../../common/api.js';
import type { ArticleMeta } from '../../common/types/article.js';
import { ARABIC_COMMA, citationParts, firstStrongDirection, isolateInRtl, LRM, normalizeExportText, positionText, safeUrl } from './common.js';
import { COLOR_NAMES, EXPORT_LABELS, type ExportLabels } from './labels.js';

/** Backslash-escapes what CommonMark and Obsidian would read as markup. */
export function escapeMarkdown(text: string): string {
  return normalizeExportText(text)
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>#|=~$&^{}!]/g, (char) => `\\${char}`)
        .replace(/^(\s*)([-+])(\s|$)/, '$1\\$2$3')
        .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3'),
    )
    .join('\n');
}

/**
 * An Obsidian tag: no spaces (they become underscores), none of the characters
 * Obsidian ends a tag at, and never only digits.
 */
export function obsidianTag(tag: string): string {
  const cleaned = tag
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^\p{L}\p{M}\p{N}_/-]/gu, '')
    .replace(/^\/+|\/+$/g, '');
  if (cleaned === '') return '';
  return /^[\p{N}_/-]+$/u.test(cleaned) ? `_${cleaned}` : cleaned;
}

const RLM = '\u200F';

/**
 * "#tag #tag": each tag preceded by a mark of its own direction and a space,
 * so the "#" stands on the tag's side (left of a Latin tag, right of an Arabic
 * one) in any paragraph, and Obsidian still sees a tag after a space.
 */
function hashTags(tags: readonly string[]): string {
  return tags
    .map(obsidianTag)
    .filter(Boolean)
    .map((tag) => `${firstStrongDirection(tag) === 'ltr' ? LRM : RLM} #${tag}`)
    .join('')
    .trim();
}

/** Spaces and tabs that start a line would make it code or a list: written as character references (kept, not lost). */
function keepLeadingSpace(line: string): string {
  return line.replace(/^[ \t]+/, (space) => space.replace(/\t/g, '&#9;').replace(/ /g, '&#32;'));
}

function linkTo(url: string, labels: ExportLabels): string {
  const safe = safeUrl(url);
  // Angle brackets keep Arabic or spaces in a URL from breaking the link.
  return safe ? `[${labels.link}](<${safe.replace(/[<>]/g, encodeURIComponent)}>)` : '';
}

function citationLine(entry: ExportEntry, labels: ExportLabels): string {
  const parts = citationParts(entry.citation, labels).map(escapeMarkdown);
  const link = linkTo(entry.citation.url, labels);
  return `— ${[parts.join(`${ARABIC_COMMA} `), escapeMarkdown(positionText(entry, labels)), link].filter(Boolean).join(' · ')}`;
}

function quoteBlock(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${keepLeadingSpace(line)}`))
    .join('\n');
}

/** A note: each line isolated (its own direction), lines joined by hard breaks (a backslash at the end of a line). */
function noteLines(note: string): string {
  return escapeMarkdown(normalizeExportText(note).trim())
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : isolateInRtl(keepLeadingSpace(line))))
    .join('\\\n');
}

function entryMarkdown(entry: ExportEntry, labels: ExportLabels, locale: 'ar' | 'en'): string {
  const parts = [quoteBlock(entry.quote), `*${isolateInRtl(escapeMarkdown(entry.colorLabel))} (${COLOR_NAMES[locale][entry.color]})*`];
  if (entry.note.trim() !== '') parts.push(`**${labels.note}:** ${noteLines(entry.note)}`);
  const tags = hashTags(entry.tags);
  if (tags) parts.push(tags);
  parts.push(citationLine(entry, labels));
  return parts.join('\n\n');
}

function footnoteId(sectionIndex: number, noteNumber: number): string {
  return `${sectionIndex + 1}-${noteNumber}`;
}

/** One block of the text: highlighted runs between ==, with footnote marks where a noted highlight ends. */
function segmentsMarkdown(segments: readonly ExportSegment[], sectionIndex: number): string {
  let out = '';
  for (const segment of segments) {
    const escaped = escapeMarkdown(segment.text);
    if (segment.color && escaped.trim() !== '') {
      // Obsidian needs the == right against the text: spaces go outside.
      const lead = /^\s*/.exec(escaped)?.[0] ?? '';
      const trail = /\s*$/.exec(escaped)?.[0] ?? '';
      out += `${lead}==${escaped.trim()}==${trail}`;
    } else {
      out += escaped;
    }
    for (const number of segment.notes ?? []) out += `[^${footnoteId(sectionIndex, number)}]`;
  }
  return out;
}

function blockMarkdown(kind: string, body: string): string {
  if (kind === 'heading') return `### ${body}`;
  if (kind === 'quote') return `> ${body}`;
  if (kind === 'list-item') return `- ${body}`;
  return body;
}

function sectionCitation(section: ExportSection, labels: ExportLabels): string {
  const citation = section.citation;
  if (!citation) return '';
  const fields: string[] = [];
  if (citation.source) fields.push(`**${labels.source}:** ${isolateInRtl(escapeMarkdown(citation.source))}`);
  if (citation.author) fields.push(`**${labels.author}:** ${isolateInRtl(escapeMarkdown(citation.author))}`);
  fields.push(`**${labels.published}:** ${citation.published ? `${LRM}${citation.published}${LRM}` : labels.undated}`);
  const link = linkTo(citation.url, labels);
  if (link) fields.push(link);
  return fields.join(' · ');
}

function sectionMarkdown(section: ExportSection, index: number, view: ExportView, labels: ExportLabels): string {
  const out: string[] = [`## ${escapeMarkdown(section.title)}`];
  const citation = sectionCitation(section, labels);
  if (citation) out.push(citation);
  if (section.blocks) {
    for (const block of section.blocks) out.push(blockMarkdown(block.kind, segmentsMarkdown(block.segments, index)));
    const noted = section.entries.filter((entry) => entry.noteNumber > 0);
    for (const entry of noted) {
      const body = [entry.note.trim() !== '' ? noteLines(entry.note) : '', hashTags(entry.tags), `*${isolateInRtl(escapeMarkdown(entry.colorLabel))}*`].filter(Boolean).join(' ');
      out.push(`[^${footnoteId(index, entry.noteNumber)}]: ${body}`);
    }
    const orphans = section.entries.filter((entry) => entry.position === null);
    for (const entry of orphans) out.push(entryMarkdown(entry, labels, view.locale));
  } else if (section.entries.length === 0) {
    out.push(`*${labels.noHighlights}*`);
  } else {
    for (const entry of section.entries) out.push(entryMarkdown(entry, labels, view.locale));
  }
  return out.join('\n\n');
}

function frontMatter(view: ExportView, articles: readonly ArticleMeta[]): string {
  const single = articles.length === 1 ? articles[0] : undefined;
  const tags = new Set<string>();
  for (const meta of articles.slice(0, 1000)) for (const tag of meta.tags) tags.add(obsidianTag(tag));
  for (const section of view.sections) for (const entry of section.entries) for (const tag of entry.tags) tags.add(obsidianTag(tag));
  tags.delete('');
  const data: Record<string, unknown> = {
    title: view.title,
    ...(single
      ? {
          source: single.source || undefined,
          author: single.author || undefined,
          url: safeUrl(single.url) ?? undefined,
          published: single.published ?? undefined,
        }
      : {}),
    created: view.generated,
    generator: 'Qirtas',
    lang: 'ar',
    dir: 'rtl',
    articles: view.articleCount,
    highlights: view.highlightCount,
    tags: [...tags].slice(0, 500),
  };
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

export function renderMarkdown(view: ExportView, articles: readonly ArticleMeta[]): string {
  const labels = EXPORT_LABELS[view.locale];
  const head = `${frontMatter(view, articles)}\n# ${escapeMarkdown(view.title)}\n\n*${labels.generated} ${LRM}${view.generated.slice(0, 10)}${LRM} · ${labels.articles}: ${view.articleCount} · ${labels.highlights}: ${view.highlightCount}*`;
  const body = view.sections.map((section, index) => sectionMarkdown(section, index, view, labels));
  return `${[head, ...body].join('\n\n')}\n`;
}
