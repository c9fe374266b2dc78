/**
 * JSON in the W3C Web Annotation data model (https://www.w3.org/TR/annotation-model/):
 * an AnnotationCollection whose page holds one Annotation per highlight — the
 * note and tags as TextualBody bodies (purpose commenting / tagging), the target
 * the article with a TextQuoteSelector and a TextPositionSelector, the colour
 * as a styleClass with its stylesheet — plus, under the `qirtas:` extension,
 * each article's metadata and text, so the file can be imported back into
 * Qirtas (json-import.ts) and nothing is lost. Ids are URNs: articles
 * urn:qirtas:article:<id>, highlights urn:uuid:<id>.
 *
 * JSON-LD (issue 12): every qirtas: term is defined in the @context, and the
 * structured ones (the article's metadata and blocks, the anchor) are JSON
 * literals (@type @json), so a JSON-LD processor — even in safe mode, which
 * refuses to drop anything — keeps the article text and metadata. Each
 * annotation carries its own @context, so one copied out of the collection is
 * still a complete Web Annotation.
 */
import type { AnchoredAnnotation } from '../../common/api.js';
import { HIGHLIGHT_COLORS, SCHEMA_VERSION } from '../../common/types/article.js';
import type { ExportArticle, ExportData } from './gather.js';
import { COLOR_FILLS } from './labels.js';

export const QIRTAS_NS = 'https://qirtas.app/ns/annotation#';
export const ARTICLE_URN = 'urn:qirtas:article:';
export const EXPORT_FORMAT_VERSION = 1;
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const json = (name: string) => ({ '@id': `qirtas:${name}`, '@type': '@json' });
/** The qirtas: terms an annotation uses. */
const ANNOTATION_TERMS = { qirtas: QIRTAS_NS, 'qirtas:color': { '@id': 'qirtas:color' }, 'qirtas:anchor': json('anchor') };
/** …and those of the collection and its articles. */
const COLLECTION_TERMS = {
  ...ANNOTATION_TERMS,
  'qirtas:format': { '@id': 'qirtas:format' },
  'qirtas:schemaVersion': { '@id': 'qirtas:schemaVersion' },
  'qirtas:articles': { '@id': 'qirtas:articles', '@container': '@list' },
  'qirtas:meta': json('meta'),
  'qirtas:blocks': json('blocks'),
  'qirtas:text': { '@id': 'qirtas:text' },
};
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, ANNOTATION_TERMS];
export const COLLECTION_CONTEXT = [ANNO_CONTEXT, COLLECTION_TERMS];

function annotationJson(article: ExportArticle, annotation: AnchoredAnnotation): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [];
  if (annotation.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain', language: article.meta.language || 'ar' });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'Annotation',
    id: `urn:uuid:${annotation.id}`,
    motivation: annotation.note !== '' ? 'commenting' : 'highlighting',
    created: annotation.created,
    modified: annotation.modified,
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: `${ARTICLE_URN}${article.meta.id}`,
      styleClass: `hl-${annotation.color}`,
      // Stored selectors, exactly: importing them back gives the same anchoring.
      selector: annotation.target.selector,
    },
    'qirtas:color': annotation.color,
    'qirtas:anchor': annotation.anchor,
  };
}

function articleJson(article: ExportArticle): Record<string, unknown> {
  const { meta } = article;
  return {
    id: `${ARTICLE_URN}${meta.id}`,
    type: 'Text',
    format: 'text/plain',
    language: meta.language,
    'qirtas:meta': meta,
    'qirtas:blocks': article.blocks ?? [],
  };
}

/**
 * The collection as a JS value. The JSON export carries every annotation of the
 * scope (the view's grouping does not apply) and every article's text.
 */
export function webAnnotationCollection(data: ExportData): Record<string, unknown> {
  const items = data.articles.flatMap((article) => article.selected.map((annotation) => annotationJson(article, annotation)));
  return {
    '@context': COLLECTION_CONTEXT,
    id: `urn:qirtas:export:${data.view.generated}`,
    type: 'AnnotationCollection',
    label: data.view.title,
    generator: { id: 'https://qirtas.app/', type: 'Software', name: 'Qirtas' },
    generated: data.view.generated,
    total: items.length,
    stylesheet: {
      type: 'CssStylesheet',
      value: HIGHLIGHT_COLORS.map((color) => `.hl-${color} { background-color: #${COLOR_FILLS[color]}; }`).join(' '),
    },
    'qirtas:format': EXPORT_FORMAT_VERSION,
    'qirtas:schemaVersion': SCHEMA_VERSION,
    'qirtas:articles': data.articles.map(articleJson),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function renderWebAnnotationJson(data: ExportData): string {
  return `${JSON.stringify(webAnnotationCollection(data), null, 2)}\n`;
}
