// The Markdown reader on the seed article written as Markdown: front matter, title, block kinds, no HTML.
import { describe, expect, it } from 'vitest';
import { ImportError, parseFile } from '../../../../main/import/formats/index.js';
import { makeMarkdown, seedArticle, seedLines } from '../../../support/make-import-fixtures.js';

const encode = (text: string) => new TextEncoder().encode(text);
const article = seedArticle();

describe('.md reader', () => {
  it('reads front matter metadata and every block kind (heading, paragraph, quote, list-item)', async () => {
    const markdown = makeMarkdown(article, {
      frontMatter: {
        title: article.title,
        source: 'الجزيرة',
        author: 'مراسل الجزيرة',
        url: 'https://example.com/news/1',
        date: '7 كانون الأول 2024',
        tags: ['سوريا', 'حمص'],
        id: 'seed-1',
      },
    });
    const [parsed] = await parseFile(encode(markdown), 'article.md');
    expect(parsed).toEqual({
      title: article.title,
      blocks: article.blocks,
      source: 'الجزيرة',
      author: 'مراسل الجزيرة',
      url: 'https://example.com/news/1',
      published: '2024-12-07',
      tags: ['سوريا', 'حمص'],
      externalId: 'seed-1',
    });
  });

  it('takes an opening "# " heading as the title when there is no front matter', async () => {
    const [parsed] = await parseFile(encode(makeMarkdown(article)), 'article.markdown');
    expect(parsed!.title).toBe(article.title);
    expect(parsed!.blocks).toEqual(article.blocks);
  });

  it('accepts tags as a comma-separated string and a Hijri date', async () => {
    const markdown = makeMarkdown(article, { frontMatter: { tags: 'سوريا، حمص, درعا', published: '5 جمادى الآخرة 1446 هـ' } });
    const [parsed] = await parseFile(encode(markdown), 'a.md');
    expect(parsed!.tags).toEqual(['سوريا', 'حمص', 'درعا']);
    expect(parsed!.published).toBe('2024-12-06');
  });

  it('keeps the text of inline HTML and emphasis, and none of the markup', async () => {
    const [first, second] = seedLines();
    const words = first!.split(' ');
    const markdown = `${words.slice(0, 3).join(' ')} <b class="x">${words[3]}</b> **${words[4]}** [${words[5]}](https://example.com) ${words.slice(6).join(' ')}\n\n<div dir="rtl"><p>${second}</p></div>\n`;
    const [parsed] = await parseFile(encode(markdown), 'a.md');
    expect(parsed!.blocks).toEqual([
      { kind: 'paragraph', text: first },
      { kind: 'paragraph', text: second },
    ]);
  });

  it('drops a link that is not http(s) from the metadata, with a warning that does not repeat it', async () => {
    const markdown = makeMarkdown(article, { frontMatter: { title: 't', url: 'javascript:alert(1)' } });
    const [parsed] = await parseFile(encode(markdown), 'a.md');
    expect(parsed!.url).toBeUndefined();
    expect(parsed!.warnings).toEqual([{ code: 'link-dropped', message: 'a link that is not an absolute http(s) URL was ignored' }]);
  });

  it('refuses front matter that is not valid YAML, naming the file', async () => {
    const markdown = `---\ntitle: [unclosed\n---\n${seedLines()[0]}\n`;
    await expect(parseFile(encode(markdown), 'bad.md')).rejects.toThrow(ImportError);
    await expect(parseFile(encode(markdown), 'bad.md')).rejects.toThrow(/^bad\.md: the front matter .* is not valid YAML/);
  });

  it('refuses a file with front matter and no text', async () => {
    await expect(parseFile(encode('---\ntitle: x\n---\n'), 'empty.md')).rejects.toThrow(/no article text/);
  });
});

describe('.md front matter detection', () => {
  it('reads a file that opens with a horizontal rule as Markdown, not as front matter', async () => {
    const [first, second, third] = seedLines();
    const markdown = `---\n${first}\n\n${second}: ${third}\n\n---\n\n${third}\n`;
    const [parsed] = await parseFile(encode(markdown), 'rule.md');
    expect(parsed!.blocks.map((block) => block.text)).toEqual([first, `${second}: ${third}`, third]);
  });
});
