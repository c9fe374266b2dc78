/**
 * The small real-text archive the search tests query: the seed news article plus
 * articles cut from consecutive runs of the real Debian-translation sentences
 * (tests/support/arabic-corpus.ts), so every sentence lives in exactly one article
 * and a query's expected article can be named by a phrase it contains.
 */
import type { Block } from '../../../../common/types/article.js';
import { canonicalText } from '../../../../common/types/article.js';
import { tokenize } from '../../../../common/text/tokenize.js';
import { countryNames, seedArticleLines, systemSentences } from '../../../support/arabic-corpus.js';
import type { SearchDoc } from '../../../../main/search/types.js';

const SENTENCES_PER_ARTICLE = 25;
const COLORS = ['yellow', 'green', 'blue'];

export function seedDoc(): SearchDoc {
  const lines = seedArticleLines();
  const blocks: Block[] = lines.map((text) => ({ kind: text.split(/\s+/).length <= 6 ? 'heading' : 'paragraph', text }));
  return {
    id: 'seed',
    externalId: 'seed-ext',
    title: 'المعارضة السورية تتقدم نحو حمص',
    blocks,
    tags: ['سوريا', 'الأردن'],
    source: 'الجزيرة',
    published: '2024-12-07',
    highlights: [{ text: lines[0]!.split(' ').slice(0, 4).join(' '), color: 'yellow' }],
    notes: [],
  };
}

export function fixtureDocs(): SearchDoc[] {
  const sentences = systemSentences();
  const countries = countryNames();
  const docs: SearchDoc[] = [seedDoc()];
  for (let k = 0; k * SENTENCES_PER_ARTICLE < sentences.length; k += 1) {
    const chunk = sentences.slice(k * SENTENCES_PER_ARTICLE, (k + 1) * SENTENCES_PER_ARTICLE);
    const blocks: Block[] = [];
    for (let i = 0; i < chunk.length; i += 5) blocks.push({ kind: 'paragraph', text: chunk.slice(i, i + 5).join(' ') });
    docs.push({
      id: `d${String(k).padStart(2, '0')}`,
      title: chunk[0]!,
      blocks,
      tags: [countries[20 + (k % 7)]!],
      source: countries[40 + (k % 3)]!,
      published: `20${String(10 + (k % 12)).padStart(2, '0')}-0${1 + (k % 9)}-15`,
      highlights: k % 4 === 0 ? [] : [{ text: chunk[1]!.split(' ').slice(0, 3).join(' '), color: COLORS[k % 3]! }],
      notes: k % 5 === 0 ? [chunk[2]!] : [],
    });
  }
  return docs;
}

/** Ids of the docs whose searchable text has a token whose normalized form is `norm`. */
export function docsWithToken(docs: readonly SearchDoc[], norm: string): string[] {
  return docs.filter((d) => tokensOf(d).includes(norm)).map((d) => d.id);
}

export function tokensOf(doc: SearchDoc): string[] {
  const text = [canonicalText(doc.blocks), doc.title, ...doc.tags, ...doc.notes, ...doc.highlights.map((h) => h.text)].join('\n\n');
  return tokenize(text).map((t) => t.norm);
}

/** Id of the first doc whose canonical text contains `text` as whole words. */
export function docContaining(docs: readonly SearchDoc[], text: string): string {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const whole = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'u');
  const found = docs.filter((d) => whole.test(canonicalText(d.blocks)));
  if (found.length === 0) throw new Error(`no fixture article contains «${text}»`);
  return found[0]!.id;
}
