/**
 * YAML front matter of a Markdown file (--- … --- at the very top): split off
 * the body and mapped to article metadata. The yaml package only builds data
 * (no custom tags run) and caps alias expansion, so a hostile header cannot do
 * more than fail to parse.
 */
import { parse as parseYaml } from 'yaml';
import { parsePublishedDate } from '../../../common/dates.js';
import { type ImportWarning, importWarning } from '../../../common/import-warnings.js';
import { metaText, safeHttpUrl, splitTags } from './meta-fields.js';
import { ImportError } from './parsed-article.js';

export interface FrontMatter {
  title?: string;
  source?: string;
  author?: string;
  url?: string;
  published?: string | null;
  tags?: string[];
  externalId?: string;
  warnings: ImportWarning[];
}

const FENCE = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
// A block that has "key:" lines is meant as front matter; anything else between two rules is Markdown.
const LOOKS_LIKE_YAML = /^[ \t]*[\p{L}\w-]+[ \t]*:/mu;

const KNOWN_KEYS = new Set([
  'title', 'source', 'publisher', 'site', 'author', 'authors', 'url', 'link', 'canonical', 'date', 'published', 'tags',
  'keywords', 'id', 'lang', 'language', 'description', 'layout', 'draft', 'categories',
]);

function authorText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(metaText).filter(Boolean).join('، ') || undefined;
  if (value && typeof value === 'object' && 'name' in value) return metaText((value as { name: unknown }).name);
  return metaText(value);
}

/** Splits "---\nyaml\n---\nbody"; files without front matter come back unchanged with empty metadata. */
export function splitFrontMatter(text: string, fileName: string): { meta: FrontMatter; body: string } {
  const match = FENCE.exec(text);
  if (!match) return { meta: { warnings: [] }, body: text };
  const yaml = match[1] ?? '';
  const body = text.slice(match[0].length);
  if (!LOOKS_LIKE_YAML.test(yaml)) return { meta: { warnings: [] }, body: yaml.trim() === '' ? body : text };
  let data: unknown;
  try {
    data = parseYaml(yaml, { maxAliasCount: 50 });
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new ImportError(fileName, `the front matter (the --- block at the top) is not valid YAML${line ? ` (line ${line + 1} of the file)` : ''}`, { reason: 'bad-front-matter' });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportError(fileName, 'the front matter (the --- block at the top) must be a list of "key: value" lines', { reason: 'bad-front-matter' });
  }
  const fields = data as Record<string, unknown>;
  // Prose that happens to parse as YAML ("قال: …" between two rules) is not front matter.
  if (!Object.keys(fields).some((key) => KNOWN_KEYS.has(key))) return { meta: { warnings: [] }, body: text };
  const warnings: ImportWarning[] = [];
  const rawUrl = fields.url ?? fields.link ?? fields.canonical;
  const url = safeHttpUrl(rawUrl);
  if (rawUrl !== undefined && !url) warnings.push(importWarning.linkDropped());
  const rawDate = fields.published ?? fields.date;
  // YAML turns an unquoted 2024-12-07 into a Date; anything else is read as Arabic or ISO text.
  const published = rawDate instanceof Date ? rawDate.toISOString().slice(0, 10) : parsePublishedDate(metaText(rawDate));
  if (rawDate !== undefined && rawDate !== null && !published) warnings.push(importWarning.dateNotUnderstood(metaText(rawDate) ?? String(rawDate), 'front-matter'));
  const tags = splitTags(fields.tags ?? fields.keywords);
  return {
    meta: {
      title: metaText(fields.title),
      source: metaText(fields.source ?? fields.publisher ?? fields.site),
      author: authorText(fields.author ?? fields.authors),
      url,
      published: published ?? undefined,
      tags: tags.length > 0 ? tags : undefined,
      externalId: metaText(fields.id),
      warnings,
    },
    body,
  };
}
