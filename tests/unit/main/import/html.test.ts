// The saved-web-page reader on the seed article as a news page: Readability finds the article among
// site chrome and scripts; metadata comes from og:, article:, canonical and JSON-LD.
import { describe, expect, it } from 'vitest';
import { ImportError, parseFile } from '../../../../main/import/formats/index.js';
import { encodeText, makeHtmlPage, seedArticle, seedLines } from '../../../support/make-import-fixtures.js';

const encode = (text: string) => new TextEncoder().encode(text);
const article = seedArticle();
const meta = {
  siteName: 'الجزيرة نت',
  author: 'مراسل الجزيرة',
  published: '2024-12-07T10:30:00+03:00',
  url: 'https://example.com/news/2024/12/7/homs',
  tags: ['سوريا', 'حمص'],
};

describe('.html reader', () => {
  it('extracts the article body as blocks with title, author, source, date, canonical URL and tags', async () => {
    const [parsed] = await parseFile(encode(makeHtmlPage(article, meta)), 'page.html');
    expect(parsed).toEqual({
      title: article.title,
      blocks: article.blocks,
      author: meta.author,
      source: meta.siteName,
      url: meta.url,
      published: '2024-12-07',
      tags: meta.tags,
    });
  });

  it('leaves navigation, footer, scripts and styles out of the text', async () => {
    const [parsed] = await parseFile(encode(makeHtmlPage(article, meta)), 'page.htm');
    const json = JSON.stringify(parsed);
    for (const chrome of ['الرئيسية', '__tracking', 'font-family', 'analytics', '©']) expect(json).not.toContain(chrome);
  });

  it('decodes a Windows-1256 page by its <meta charset>', async () => {
    const html = makeHtmlPage(article, { ...meta, charset: 'windows-1256' });
    const [parsed] = await parseFile(encodeText(html, 'windows-1256'), 'legacy.html');
    expect(parsed!.title).toBe(article.title);
    expect(parsed!.blocks).toEqual(article.blocks);
  });

  it('falls back to the whole body for a page too short for Readability', async () => {
    const line = seedLines()[2]!;
    const [parsed] = await parseFile(encode(`<html><body><p>${line}</p></body></html>`), 'short.html');
    expect(parsed!.blocks).toEqual([{ kind: 'paragraph', text: line }]);
    expect(parsed!.title).toBe('');
  });

  it('ignores a canonical or og:url that is not an absolute http(s) URL', async () => {
    const html = makeHtmlPage(article, { extraHead: '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">' });
    const [parsed] = await parseFile(encode(html), 'page.html');
    expect(parsed!.url).toBeUndefined();
    expect(parsed!.warnings).toEqual([{ code: 'link-dropped', message: 'a link that is not an absolute http(s) URL was ignored' }]);
  });

  it('refuses a page with no text', async () => {
    const error = await parseFile(encode('<html><head><title>x</title></head><body><script>1</script></body></html>'), 'empty.html').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toMatch(/no article text/);
  });
});
