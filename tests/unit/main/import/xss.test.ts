// SAN-02/03: OWASP XSS filter-evasion vectors embedded in a real Arabic page and Markdown file leave no
// script, event handler or javascript: URL anywhere in the parsed result (which is plain text anyway).
import { describe, expect, it } from 'vitest';
import { ImportError, parseFile, type ParsedArticle } from '../../../../main/import/formats/index.js';
import {
  FORBIDDEN_IN_OUTPUT,
  HTML_XSS_PAYLOADS,
  makeHtmlPage,
  MARKDOWN_XSS_PAYLOADS,
  seedArticle,
  seedLines,
} from '../../../support/make-import-fixtures.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** Parses, tolerating the one legitimate refusal: a payload that swallowed every word of the page. */
async function parsed(bytes: Uint8Array, name: string): Promise<ParsedArticle[]> {
  try {
    return await parseFile(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toMatch(/no (article )?text/);
    return [];
  }
}

function expectClean(result: ParsedArticle[]): void {
  const json = JSON.stringify(result).toLowerCase();
  for (const forbidden of FORBIDDEN_IN_OUTPUT) expect(json).not.toContain(forbidden);
  expect(json).not.toMatch(/\bon[a-z]+\s*=/);
}

describe('XSS payloads', () => {
  const article = seedArticle();
  const [before, after] = [seedLines()[0]!, seedLines()[3]!];

  it.each(HTML_XSS_PAYLOADS.map((payload) => [payload]))('in a saved page: %s', async (payload) => {
    const page = makeHtmlPage(article, { extraBody: `<p>${before}</p>${payload}<p>${after}</p>`, extraHead: payload });
    const result = await parsed(encode(page), 'xss.html');
    expectClean(result);
  });

  it.each(HTML_XSS_PAYLOADS.map((payload) => [payload]))('as a whole short page: %s', async (payload) => {
    const result = await parsed(encode(`<html><body><p>${before}</p>${payload}<p>${after}</p></body></html>`), 'xss.html');
    expectClean(result);
  });

  it.each(MARKDOWN_XSS_PAYLOADS.map((payload) => [payload]))('in Markdown: %s', async (payload) => {
    // A single-line payload also goes inside a paragraph, a quote and a list item; a multi-line one
    // (a reference definition) only makes sense on its own lines.
    const placements = payload.includes('\n') ? [payload] : [payload, `${before} ${payload} ${after}`, `> ${payload}`, `- ${payload}`];
    const markdown = [`# ${article.title}`, before, ...placements, after].join('\n\n');
    const result = await parsed(encode(markdown), 'xss.md');
    expectClean(result);
  });

  it('keeps the Arabic text around a payload', async () => {
    const payload = `<img src=x onerror=alert(1)><a href="javascript:alert(2)">${seedLines()[1]}</a>`;
    const [result] = await parseFile(encode(`${before}\n\n${payload}\n\n${after}\n`), 'keep.md');
    expect(result!.blocks.map((block) => block.text)).toEqual([before, seedLines()[1], after]);
  });
});
