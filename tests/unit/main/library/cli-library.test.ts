/**
 * The library commands as a user runs them (a real `qirtas` process on a real
 * data folder): list with --sort/--filter/--collection/--tag, collection
 * create/add/remove/list/rename/move/delete, tag add/remove, status; usage
 * mistakes exit 2 with the reason, failures exit 1 naming what was not found.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LibraryTree } from '../../../../common/api.js';
import { bundleChild } from '../../../support/bundle-child.js';
import { ARTICLES, makeLibrary } from './library-fixture.js';

let cli: string;
let dataDir: string;
let ids: string[];
beforeAll(async () => {
  cli = await bundleChild('main/cli/cli-entry.ts', 'qirtas-cli-library');
  const lib = await makeLibrary();
  dataDir = lib.dataDir;
  ids = lib.ids;
  await lib.app.close();
}, 120_000);

function qirtas(...args: string[]) {
  const result = spawnSync('node', [cli, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const titlesOf = (stdout: string) => (JSON.parse(stdout) as Array<{ title: string }>).map((row) => row.title);

describe('qirtas list', { timeout: 180_000 }, () => {
  it('sorts by title in Arabic order and by date, descending on request', () => {
    const byTitle = qirtas('list', '--sort', 'title', '--json');
    expect(byTitle.code, byTitle.stderr).toBe(0);
    expect(titlesOf(byTitle.stdout)).toEqual(ARTICLES.map((article) => article.title));
    expect(titlesOf(qirtas('list', '--sort', 'title:desc', '--json').stdout)).toEqual(ARTICLES.map((article) => article.title).reverse());
    const byDate = qirtas('list', '--sort', 'published:asc', '--limit', '2');
    expect(byDate.code).toBe(0);
    const lines = byDate.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('مدينة القدس القديمة');
    expect(lines[1]).toContain('بيروت بعد الانفجار');
  });

  it('filters by folded text, tag and source', () => {
    expect(titlesOf(qirtas('list', '--filter', 'الحرب سوريا', '--json').stdout)).toEqual(['الْحَرْبُ في سُورِيَا']);
    expect(titlesOf(qirtas('list', '--tag', 'تونس', '--json').stdout)).toEqual(['تُونِس: الانتقال الديمقراطي']);
    expect(titlesOf(qirtas('list', '--source', 'الأهرام', '--sort', 'title', '--json').stdout)).toEqual(['إصلاح التعليم في مصر', 'ثورة يناير بعد عشر سنوات']);
    expect(qirtas('list', '--filter', 'لا يوجد شيء كهذا').stdout).toContain('No articles match (of 10)');
  });

  it('refuses a bad sort field or direction with exit 2 and the fields it knows', () => {
    const bad = qirtas('list', '--sort', 'colour');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--sort must be FIELD');
    expect(bad.stderr).toContain('lastRead');
    expect(qirtas('list', '--sort', 'title:up').code).toBe(2);
  });
});

describe('qirtas collection, tag and status', { timeout: 180_000 }, () => {
  it('creates nested collections, adds and removes articles, lists, renames, moves and deletes without losing articles', () => {
    expect(qirtas('collection', 'create', 'بلاد الشام').code).toBe(0);
    const child = qirtas('collection', 'create', 'سوريا', '--parent', 'بلاد الشام');
    expect(child.code, child.stderr).toBe(0);
    expect(child.stdout).toContain('بلاد الشام/سوريا');

    const added = qirtas('collection', 'add', 'سوريا', ids[7]!.slice(0, 10), ids[4]!);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('2 of 2 articles changed');
    // A diacritic in the name does not matter; the path names a nested collection.
    expect(titlesOf(qirtas('list', '--collection', 'سُوريا', '--sort', 'title', '--json').stdout)).toEqual(['بيروت بعد الانفجار', 'الْحَرْبُ في سُورِيَا']);
    expect(titlesOf(qirtas('list', '--collection', 'بلاد الشام/سوريا', '--json').stdout)).toHaveLength(2);

    const tree = JSON.parse(qirtas('collection', 'list', '--json').stdout) as LibraryTree;
    expect(tree.collections.map((c) => [c.name, c.count, c.deepCount])).toEqual([
      ['بلاد الشام', 0, 2],
      ['سوريا', 2, 2],
    ]);
    expect(qirtas('collection', 'list').stdout).toMatch(/^ {2}سوريا {2}2 articles/m);

    expect(qirtas('collection', 'remove', 'سوريا', ids[4]!).stdout).toContain('1 of 1 article changed');
    expect(qirtas('collection', 'rename', 'سوريا', 'سوريا الكبرى').code).toBe(0);
    expect(qirtas('collection', 'move', 'سوريا الكبرى', '--top').stdout).toContain('Moved to سوريا الكبرى');

    const deleted = qirtas('collection', 'delete', 'سوريا الكبرى');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain('1 article taken out of it (no article was deleted)');
    expect(titlesOf(qirtas('list', '--json').stdout)).toHaveLength(10);
  });

  it('tags and untags several articles, and sets the reading status', () => {
    const tagged = qirtas('tag', 'add', ids[0]!, ids[1]!, 'للمراجعة');
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(tagged.stdout).toContain('2 of 2 articles changed');
    expect(titlesOf(qirtas('list', '--tag', 'للمراجعة', '--sort', 'title', '--json').stdout)).toEqual([ARTICLES[0]!.title, ARTICLES[1]!.title]);
    expect(qirtas('tag', 'remove', ids[0]!, 'للمراجعة', '--json').stdout).toContain(ids[0]!);
    expect(titlesOf(qirtas('list', '--tag', 'للمراجعة', '--json').stdout)).toEqual([ARTICLES[1]!.title]);

    expect(qirtas('status', ids[2]!, ids[3]!, 'read').code).toBe(0);
    const rows = JSON.parse(qirtas('list', '--sort', 'title', '--json').stdout) as Array<{ id: string; readingStatus: string; progress: number }>;
    expect(rows.filter((row) => row.readingStatus === 'read').map((row) => row.id).sort()).toEqual([ids[2], ids[3]].sort());
  });

  it('explains mistakes: usage errors exit 2, unknown collections and articles exit 1', () => {
    const noTag = qirtas('tag', 'add', ids[0]!);
    expect(noTag.code).toBe(2);
    expect(noTag.stderr).toContain('tag add needs article ids and then the tag');
    const badStatus = qirtas('status', ids[0]!, 'finished');
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain('unread, reading, read');
    expect(qirtas('collection', 'frobnicate').code).toBe(2);
    const missing = qirtas('collection', 'add', 'لا توجد', ids[0]!);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No collection named "لا توجد"');
    const unknownArticle = qirtas('tag', 'add', 'zzzz-not-an-id', 'وسم');
    expect(unknownArticle.code).toBe(1);
    expect(unknownArticle.stderr).toContain('No article with id "zzzz-not-an-id"');
    expect(qirtas('list', '--collection', 'لا توجد').code).toBe(1);
  });
});
