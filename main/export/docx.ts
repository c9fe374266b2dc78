/**
 * DOCX with the docx package, right-to-left throughout: every paragraph is
 * `bidirectional` (w:bidi) and every run `rightToLeft` (w:rtl) with the Naskh
 * font set for complex script, so Word and LibreOffice open it aligned and
 * ordered right-to-left. Highlights are shaded in their colours (w:shd); notes
 * are indented paragraphs under their highlight (comments are easy to lose when
 * printing); each highlight carries its citation and position.
 */
import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, ShadingType, Tab, TextRun, type ParagraphChild } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import type { ExportEntry, ExportSection, ExportSegment, ExportView } from '../../common/api.js';
import type { HighlightColor } from '../../common/types/article.js';
import { ARABIC_COMMA, citationParts, isolateInRtl, lrmWrap, normalizeExportText, positionText, safeUrl } from './common.js';
import { segmentColors } from './gather.js';
import { COLOR_FILLS, COLOR_NAMES, EXPORT_LABELS, type ExportLabels } from './labels.js';

const FONT = 'Noto Naskh Arabic';
const BODY_SIZE = 26; // half-points: 13 pt
const SMALL_SIZE = 20;
const NOTE_INDENT = 720; // twips: half an inch
const MUTED = '6D645A';

interface RunStyle {
  bold?: boolean;
  color?: string;
  size?: number;
  highlight?: HighlightColor;
  /** A second colour where two highlights overlap: the run is striped with both. */
  overlap?: HighlightColor;
  superScript?: boolean;
  style?: string;
}

/**
 * Every run: right-to-left (w:rtl). The font (Naskh for complex script too),
 * size and language (ar-SA) come from the document's default run style, so a
 * run carries only what differs — 20,000 highlights stay fast and small.
 */
function run(text: string, style: RunStyle = {}): TextRun {
  const size = style.size;
  // A TAB is a w:tab element, never a raw character inside w:t (Word and LibreOffice draw that as boxes).
  const content = text.includes('\t') ? { children: text.split('\t').flatMap((piece, index) => (index === 0 ? [piece] : [new Tab(), piece])).filter((part) => part !== '') } : { text };
  return new TextRun({
    ...content,
    rightToLeft: true,
    ...(size ? { size, sizeComplexScript: size } : {}),
    ...(style.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.superScript ? { superScript: true } : {}),
    ...(style.style ? { style: style.style } : {}),
    ...(style.highlight && style.overlap
      ? { shading: { type: ShadingType.DIAGONAL_STRIPE, color: COLOR_FILLS[style.overlap], fill: COLOR_FILLS[style.highlight] } }
      : style.highlight
        ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR_FILLS[style.highlight] } }
        : {}),
  });
}

/** Every paragraph: bidirectional (w:bidi), starting at the right. */
function paragraph(children: ParagraphChild[], options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: number; spacingAfter?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    bidirectional: true,
    alignment: AlignmentType.START,
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.indent ? { indent: { start: options.indent } } : {}),
    spacing: { after: options.spacingAfter ?? 120, line: 360 },
  });
}

/**
 * A user's text with its line breaks kept (a note may have several lines; CR
 * and CRLF count as line ends too), each line isolated (FSI…PDI) when asked,
 * so a Latin line keeps its order after an Arabic label.
 */
function lines(text: string, style: RunStyle = {}, isolated = false): TextRun[] {
  return normalizeExportText(text)
    .split('\n')
    .flatMap((line, index) => {
      const shown = isolated ? isolateInRtl(line) : line;
      if (index === 0) return [run(shown, style)];
      return [new TextRun({ text: '', break: 1, rightToLeft: true }), ...(shown === '' ? [] : [run(shown, style)])];
    });
}

function hyperlink(url: string, text: string): ParagraphChild | null {
  const safe = safeUrl(url);
  return safe ? new ExternalHyperlink({ link: safe, children: [run(text, { size: SMALL_SIZE, color: '8A4B1C', style: 'Hyperlink' })] }) : null;
}

/** "ادعاء (أصفر) — Title، Source، date · الفقرة 3، الموضع 120-145 · الرابط": one paragraph, two or three runs. */
function citationParagraph(entry: ExportEntry, view: ExportView, labels: ExportLabels): Paragraph {
  const label = `${isolateInRtl(normalizeExportText(entry.colorLabel))} (${COLOR_NAMES[view.locale][entry.color]})`;
  const link = hyperlink(entry.citation.url, labels.link);
  const text = `${label} — ${citationParts(entry.citation, labels).join(`${ARABIC_COMMA} `)} · ${positionText(entry, labels)}${link ? ' · ' : ''}`;
  return paragraph([run(text, { size: SMALL_SIZE, color: MUTED }), ...(link ? [link] : [])], { indent: NOTE_INDENT, spacingAfter: 240 });
}

function entryParagraphs(entry: ExportEntry, view: ExportView, labels: ExportLabels, number?: number): Paragraph[] {
  const out: Paragraph[] = [];
  const prefix = number ? [run(`${number}. `, { bold: true })] : [];
  out.push(paragraph([...prefix, ...lines(entry.quote, { highlight: entry.color })], { spacingAfter: 60 }));
  if (entry.note.trim() !== '') {
    out.push(paragraph([run(`${labels.note}: `, { bold: true }), ...lines(entry.note.trim(), {}, true)], { indent: NOTE_INDENT, spacingAfter: 60 }));
  }
  if (entry.tags.length > 0) {
    // Each tag isolated with its "#": a Latin tag reads #method, an Arabic one #حمص, in any order.
    out.push(paragraph([run(`${labels.tags}: ${entry.tags.map((tag) => isolateInRtl(`#${normalizeExportText(tag).replace(/\s+/g, ' ')}`)).join(' ')}`, { size: SMALL_SIZE })], { indent: NOTE_INDENT, spacingAfter: 60 }));
  }
  out.push(citationParagraph(entry, view, labels));
  return out;
}

function segmentRuns(segments: readonly ExportSegment[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const segment of segments) {
    const colors = segmentColors(segment);
    const style: RunStyle = colors.length === 0 ? {} : { highlight: colors[colors.length - 1], ...(colors.length > 1 ? { overlap: colors[0] } : {}) };
    if (segment.text !== '') runs.push(...lines(segment.text, style));
    for (const number of segment.notes ?? []) runs.push(run(`[${number}]`, { superScript: true, color: '8A4B1C' }));
  }
  return runs;
}

/** A section's paragraphs, one at a time (a big export never holds them all). */
function* sectionParagraphs(section: ExportSection, view: ExportView, labels: ExportLabels): Generator<Paragraph> {
  yield paragraph(lines(section.title, { bold: true, size: 32 }), { heading: HeadingLevel.HEADING_2 });
  const citation = section.citation;
  if (citation) {
    const fields = [
      citation.source && `${labels.source}: ${isolateInRtl(normalizeExportText(citation.source))}`,
      citation.author && `${labels.author}: ${isolateInRtl(normalizeExportText(citation.author))}`,
      `${labels.published}: ${citation.published ? lrmWrap(citation.published) : labels.undated}`,
    ].filter(Boolean);
    const link = hyperlink(citation.url, labels.link);
    yield paragraph([run(`${fields.join(' · ')}${link ? ' · ' : ''}`, { size: SMALL_SIZE, color: MUTED }), ...(link ? [link] : [])]);
  }
  if (section.blocks) {
    for (const block of section.blocks) {
      const runs = segmentRuns(block.segments);
      if (block.kind === 'heading') yield paragraph(runs.length ? runs : [run('')], { heading: HeadingLevel.HEADING_3 });
      else if (block.kind === 'quote') yield paragraph(runs, { indent: NOTE_INDENT });
      else if (block.kind === 'list-item') yield paragraph([run('• '), ...runs], { indent: NOTE_INDENT / 2 });
      else yield paragraph(runs);
    }
    const noted = section.entries.filter((entry) => entry.noteNumber > 0);
    if (noted.length > 0) {
      yield paragraph([run(labels.notes, { bold: true })], { heading: HeadingLevel.HEADING_3 });
      for (const entry of noted) yield* entryParagraphs(entry, view, labels, entry.noteNumber);
    }
    for (const entry of section.entries.filter((candidate) => candidate.position === null && candidate.noteNumber === 0)) yield* entryParagraphs(entry, view, labels);
  } else if (section.entries.length === 0) {
    yield paragraph([run(labels.noHighlights, { color: MUTED })]);
  } else {
    for (const entry of section.entries) yield* entryParagraphs(entry, view, labels);
  }
}

const STYLES = {
  default: {
    document: {
      run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: BODY_SIZE, sizeComplexScript: BODY_SIZE, rightToLeft: true, language: { value: 'ar-SA', bidirectional: 'ar-SA' } },
      paragraph: {},
    },
  },
};

function documentOf(view: ExportView, children: Paragraph[]): Document {
  return new Document({ creator: 'Qirtas', title: view.title, description: 'Exported from Qirtas', styles: STYLES, sections: [{ properties: {}, children }] });
}

/** Paragraphs per docx document: the package keeps a whole document's objects in memory. */
const CHUNK_PARAGRAPHS = 3000;
const BODY_OPEN = '<w:body>';

/** What the docx package writes for these paragraphs: the body XML and the hyperlink relationships it refers to. */
async function serialise(view: ExportView, paragraphs: Paragraph[]): Promise<{ body: string; relationships: string[] }> {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(documentOf(view, paragraphs))));
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  const body = xml.slice(xml.indexOf(BODY_OPEN) + BODY_OPEN.length, xml.lastIndexOf('<w:sectPr'));
  const rels = strFromU8(files['word/_rels/document.xml.rels'] as Uint8Array);
  return { body, relationships: rels.match(/<Relationship [^>]*TargetMode="External"[^>]*\/>/g) ?? [] };
}

/**
 * Builds the DOCX with the docx package, a few thousand paragraphs at a time:
 * each chunk is laid out by the package and its body XML kept; the chunks are
 * then put in one document (again the package's, with its styles and parts)
 * through Packer's file overrides, with the chunks' hyperlink relationships
 * (their ids are unique across documents). 20,000 highlights then need the
 * memory of one chunk, not of the whole object tree.
 */
export async function renderDocx(view: ExportView): Promise<Uint8Array> {
  const labels = EXPORT_LABELS[view.locale];
  const bodies: string[] = [];
  const relationships: string[] = [];
  let chunk: Paragraph[] = [
    paragraph(lines(view.title, { bold: true, size: 40 }), { heading: HeadingLevel.HEADING_1 }),
    paragraph([run(`${labels.generated} ${lrmWrap(view.generated.slice(0, 10))} · ${labels.articles}: ${view.articleCount} · ${labels.highlights}: ${view.highlightCount}`, { size: SMALL_SIZE, color: MUTED })]),
  ];
  const flush = async () => {
    if (chunk.length === 0) return;
    const part = await serialise(view, chunk);
    chunk = [];
    bodies.push(part.body);
    relationships.push(...part.relationships);
  };
  for (const section of view.sections) {
    for (const next of sectionParagraphs(section, view, labels)) {
      chunk.push(next);
      if (chunk.length >= CHUNK_PARAGRAPHS) await flush();
    }
  }
  await flush();
  // The package's skeleton (the same for every document of these options) around the joined bodies.
  const skeleton = unzipSync(new Uint8Array(await Packer.toBuffer(documentOf(view, [paragraph([run('')])]))));
  const skeletonXml = strFromU8(skeleton['word/document.xml'] as Uint8Array);
  const documentXml = skeletonXml.slice(0, skeletonXml.indexOf(BODY_OPEN) + BODY_OPEN.length) + bodies.join('') + skeletonXml.slice(skeletonXml.lastIndexOf('<w:sectPr'));
  const rels = strFromU8(skeleton['word/_rels/document.xml.rels'] as Uint8Array).replace('</Relationships>', `${relationships.join('')}</Relationships>`);
  const packed = await Packer.toBuffer(documentOf(view, [paragraph([run('')])]), false, [
    { path: 'word/document.xml', data: documentXml },
    { path: 'word/_rels/document.xml.rels', data: rels },
  ]);
  return new Uint8Array(packed);
}
