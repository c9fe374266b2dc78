/**
 * parseQuery: words cut where the analyzer cuts tokens, phrases between “…”,
 * "…" or «…».
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../common/text/query-expansion.js';

describe('parseQuery', () => {
  it.each([
    ['plain words', 'وزير الخارجية', ['وزير', 'الخارجية'], []],
    ['straight quotes', 'حمص "ردع العدوان" درعا', ['حمص', 'درعا'], ['ردع العدوان']],
    ['curly quotes', '“ردع العدوان” حمص', ['حمص'], ['ردع العدوان']],
    ['curly quotes typed in reverse order', '”ردع العدوان“', [], ['ردع العدوان']],
    ['Arabic guillemets', 'قوات «ردع العدوان»', ['قوات'], ['ردع العدوان']],
    ['several phrases', '"وزير الخارجية" و"وزير الداخلية"', ['و'], ['وزير الخارجية', 'وزير الداخلية']],
    ['an unmatched quote is ignored', 'وزير "الخارجية', ['وزير', 'الخارجية'], []],
    ['an empty phrase is dropped', 'حمص "" ، درعا', ['حمص', 'درعا'], []],
    ['punctuation splits words like the tokenizer', 'حمص،درعا؟ COVID-19', ['حمص', 'درعا', 'COVID', '19'], []],
    ['harakat stay inside their word', 'مُحَمَّدٌ قال', ['مُحَمَّدٌ', 'قال'], []],
    ['empty query', '   ', [], []],
  ])('%s', (_name, raw, words, phrases) => {
    expect(parseQuery(raw)).toEqual({ words, phrases });
  });
});
