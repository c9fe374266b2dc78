/**
 * Authors are names, not bylines (issue 10): a page's «بقلم: …», "By …" lead-in is
 * left out of the stored author on every import path, and a name that merely
 * begins with the same letters is kept whole.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../../../../common/api.js';
import { authorName } from '../../../../main/import/formats/meta-fields.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR } from '../../../support/seed.js';
import { makeHtmlPage, seedArticle } from '../../../support/make-import-fixtures.js';

describe('authorName', () => {
  it.each([
    ['بقلم: سامر العلي', 'سامر العلي'],
    ['بقلم:سامر العلي', 'سامر العلي'],
    ['بقلم سامر العلي', 'سامر العلي'],
    ['كتب: مراسل الجزيرة', 'مراسل الجزيرة'],
    ['إعداد - فريق التحرير', 'فريق التحرير'],
    ['By Jane Doe', 'Jane Doe'],
    ['Written by Jane Doe', 'Jane Doe'],
    ['par Jean Dupont', 'Jean Dupont'],
  ])('%s → %s', (byline, name) => expect(authorName(byline)).toBe(name));

  it.each(['كتبي الحسن', 'بقلمون', 'Byron Smith', 'بقلم', 'سامر العلي'])('keeps «%s» as it is', (name) => expect(authorName(name)).toBe(name));
});

describe('import keeps the author without the byline', () => {
  it('an HTML page whose author is given as «بقلم: …» stores the name', async () => {
    const app = await openArchiveApp({ dataDir: mkdtempSync(join(tmpdir(), 'qirtas-byline-')), assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
    const html = makeHtmlPage(seedArticle(), { author: 'بقلم: سامر العلي', siteName: 'الجزيرة نت' });
    const response = await app.dispatch('importFile', { name: 'page.html', data: Buffer.from(html).toString('base64') });
    expect(response.ok).toBe(true);
    const result = (response as { value: ImportFileResult }).value;
    expect(result.status).toBe('done');
    const outcome = result.status === 'done' ? result.outcomes[0] : undefined;
    expect(outcome?.status === 'imported' ? outcome.article.author : null).toBe('سامر العلي');
    await app.close();
  });
});
