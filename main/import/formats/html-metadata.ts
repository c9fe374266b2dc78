/**
 * Article metadata of a saved web page, read before Readability rewrites the
 * document: Open Graph and article: meta tags, <link rel=canonical>, and
 * schema.org JSON-LD (NewsArticle and friends). Links pass safeHttpUrl, dates
 * pass the Arabic-aware date parser.
 */
import { parsePublishedDate } from '../../../common/dates.js';
import { metaText, safeHttpUrl, splitTags } from './meta-fields.js';

export interface PageMeta {
  title?: string;
  author?: string;
  source?: string;
  url?: string;
  published?: string;
  tags: string[];
  /** True when the page named a link we refused (javascript:, data:, relative …). */
  droppedLink: boolean;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /article|posting|report|news/i;

/** All JSON-LD objects on the page, @graph arrays flattened; unparsable blocks are ignored. */
function jsonLdObjects(doc: Document): Json[] {
  const objects: Json[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      objects.push(value as Json);
      if ('@graph' in value) visit((value as Json)['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages; the meta tags still count.
    }
  }
  return objects;
}

function typeOf(object: Json): string {
  const type = object['@type'];
  return Array.isArray(type) ? type.join(' ') : typeof type === 'string' ? type : '';
}

function names(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(names).filter(Boolean).join('، ') || undefined;
  if (value && typeof value === 'object') return metaText((value as Json).name);
  const text = metaText(value);
  return text && !safeHttpUrl(text) ? text : undefined;
}

function urlOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') return metaText((value as Json)['@id']) ?? metaText((value as Json).url);
  return metaText(value);
}

export function pageMetadata(doc: Document): PageMeta {
  // meta name/property/itemprop → content, first occurrence wins; article:tag may repeat.
  const meta = new Map<string, string>();
  const metaTags: string[] = [];
  for (const element of doc.querySelectorAll('meta')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = element.getAttribute('content');
    if (!key || content === null) continue;
    if (key === 'article:tag') metaTags.push(content);
    if (!meta.has(key)) meta.set(key, content);
  }
  const get = (...keys: string[]) => keys.map((key) => meta.get(key)).find((value) => value !== undefined && value.trim() !== '');

  const ld = jsonLdObjects(doc);
  const articleLd = ld.find((object) => ARTICLE_TYPES.test(typeOf(object))) ?? ld.find((object) => 'headline' in object) ?? {};

  const canonical = [...doc.querySelectorAll('link[rel]')]
    .find((link) => (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
    ?.getAttribute('href') ?? undefined;
  const urlCandidates = [canonical, get('og:url'), urlOf(articleLd.url), urlOf(articleLd.mainEntityOfPage)].filter((value): value is string => !!value);
  const url = urlCandidates.map(safeHttpUrl).find(Boolean);

  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const published = [
    get('article:published_time'),
    metaText(articleLd.datePublished),
    get('datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date'),
    time,
  ]
    .map((value) => parsePublishedDate(value))
    .find((value): value is string => !!value);

  const tags = splitTags([...metaTags, ...splitTags(articleLd.keywords), ...splitTags(get('news_keywords', 'keywords'))]);

  return {
    title: metaText(articleLd.headline) ?? metaText(get('og:title', 'twitter:title')),
    author: names(articleLd.author) ?? names(get('author', 'article:author', 'dc.creator', 'parsely-author')),
    source: names(articleLd.publisher) ?? metaText(get('og:site_name', 'application-name')),
    url,
    published,
    tags,
    droppedLink: urlCandidates.length > 0 && !url,
  };
}
