/**
 * A restore killed at every one of its steps (issue 13, part 2), with the real
 * `qirtas restore` process and the test hook QIRTAS_TEST_KILL_RESTORE_AT (the
 * process SIGKILLs itself right after the named step). After each kill:
 * - a read-only `qirtas list` reports the interrupted restore (exit 1) while the
 *   swap is unfinished — never an empty archive with exit 0;
 * - each kind of write as the first thing afterwards — `qirtas import`, an
 *   addAnnotation through the dispatcher, a metadata change — first puts the
 *   previous archive back (or keeps the restored one, once the restore had
 *   committed), then applies the write: every article of that archive is still
 *   listed with all its highlights and metadata (including changes that were
 *   still in library.journal), and nothing is orphaned.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FullArticle, ImportOutcome } from '../../../../common/api.js';
import type { ArticleMeta } from '../../../../common/types/article.js';
import { createBackup } from '../../../../main/backup/create-backup.js';
import { RESTORE_STEPS, type RestoreStep } from '../../../../main/backup/restore.js';
import { openArchiveApp, type ArchiveApp } from '../../../../main/service/archive-app.js';
import { ArchiveStore } from '../../../../main/store/archive-store.js';
import { bundleChild } from '../../../support/bundle-child.js';
import { ASSETS_DIR, SEED_LINES } from '../../../support/seed.js';

let cli: string;
const work = mkdtempSync(join(tmpdir(), 'qirtas-restore-kill-'));
const oldArchive = join(work, 'old');
let backupZip: string;
const importFile = join(work, 'new-article.txt');
/** id → [title, highlight count] of each archive. */
let oldState: Map<string, [string, number]>;
let newState: Map<string, [string, number]>;

function qirtas(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('node', [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

async function call<T>(app: ArchiveApp, operation: string, args: unknown): Promise<T> {
  const response = await app.dispatch(operation, args);
  if (!response.ok) throw new Error(`${operation}: ${response.error.message}`);
  return response.value as T;
}

const open = (dataDir: string) => openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });

/** An archive of `count` real-text articles, each with a highlight per index, the first renamed (a journal line). */
async function buildArchive(dataDir: string, offset: number, count: number): Promise<Map<string, [string, number]>> {
  const app = await open(dataDir);
  const state = new Map<string, [string, number]>();
  for (let index = 0; index < count; index += 1) {
    const lines = [...SEED_LINES.slice(offset + index), `أرشيف ${offset} مقال ${index}`];
    const outcome = await call<ImportOutcome>(app, 'importText', { text: lines.join('\n') });
    if (outcome.status !== 'imported') throw new Error('not imported');
    for (let highlight = 0; highlight <= index; highlight += 1) {
      await call(app, 'addAnnotation', { articleId: outcome.article.id, start: highlight * 12, end: highlight * 12 + 8, color: 'yellow', note: `ملاحظة ${highlight}` });
    }
    state.set(outcome.article.id, [outcome.article.title, index + 1]);
  }
  await app.close();
  // One change left in library.journal, as a process that died leaves it (a clean close folds it in).
  const [firstId] = state.keys();
  const renamed = `عنوان معدل ${offset}`;
  const store = await ArchiveStore.open(dataDir, { log: () => undefined });
  await store.updateMeta(firstId as string, (meta) => ({ ...meta, title: renamed }));
  await store.quiesce();
  rmSync(join(dataDir, 'qirtas.lock'));
  expect(readFileSync(join(dataDir, 'library.journal'), 'utf8')).toContain(renamed);
  state.set(firstId as string, [renamed, 1]);
  return state;
}

beforeAll(async () => {
  cli = await bundleChild('main/cli/cli-entry.ts', 'qirtas-cli');
  oldState = await buildArchive(oldArchive, 0, 3);
  const newArchive = join(work, 'new');
  newState = await buildArchive(newArchive, 5, 2);
  backupZip = join(work, 'new.zip');
  await createBackup(newArchive, backupZip, { kind: 'manual', appVersion: 'test' });
  writeFileSync(importFile, 'مقال يضاف بعد الاستعادة المقطوعة\nنص المقال الجديد في سطر ثان.');
}, 120_000);

/** The archive `dataDir` holds exactly `expected` (titles, highlight counts) plus `extra` ids, and no orphaned files. */
async function expectArchive(dataDir: string, expected: Map<string, [string, number]>, extra: string[] = []): Promise<void> {
  const store = await ArchiveStore.open(dataDir, { readOnly: true });
  try {
    expect(store.listMeta().map((meta) => meta.id).sort()).toEqual([...expected.keys(), ...extra].sort());
    for (const [id, [title, highlights]] of expected) {
      expect(store.getMeta(id).title).toBe(title);
      expect((await store.readArticle(id)).annotations).toHaveLength(highlights);
    }
  } finally {
    await store.close();
  }
  const files = readdirSync(join(dataDir, 'articles')).filter((name) => name.endsWith('.json'));
  expect(files.sort()).toEqual([...expected.keys(), ...extra].map((id) => `${id}.json`).sort());
}

/** Copies the old archive, restores the backup into it and kills the restore right after `step`. */
function killedAt(step: RestoreStep, name: string): string {
  const target = join(work, `${step.replace(/[^a-z-]/g, '_')}-${name}`);
  cpSync(oldArchive, target, { recursive: true });
  const run = qirtas(['restore', backupZip, '--data-dir', target], { QIRTAS_TEST_KILL_RESTORE_AT: step });
  expect(run.signal, `${step}: ${run.stderr}`).toBe('SIGKILL');
  return target;
}

const committedAt = RESTORE_STEPS.indexOf('journal-removed');

describe('a restore killed after each step', () => {
  it('covers every step the restore has', () => {
    expect(RESTORE_STEPS.length).toBeGreaterThanOrEqual(12);
  });

  for (const [index, step] of RESTORE_STEPS.entries()) {
    const committed = index >= committedAt;
    const swapping = index > 0 && !committed;
    const expected = () => (committed ? newState : oldState);

    it(`after "${step}": list reports it, import puts the ${committed ? 'restored' : 'previous'} archive back first and loses nothing`, { timeout: 60_000 }, async () => {
      const target = killedAt(step, 'import');
      const listed = qirtas(['list', '--data-dir', target, '--json']);
      if (swapping) {
        expect(listed.code).toBe(1);
        expect(listed.stderr).toMatch(/restore .* was interrupted/);
        expect(listed.stdout).not.toMatch(/No articles/);
      } else {
        expect(listed.code).toBe(0);
        expect((JSON.parse(listed.stdout) as ArticleMeta[]).map((meta) => meta.id).sort()).toEqual([...expected().keys()].sort());
      }
      const imported = qirtas(['import', importFile, '--data-dir', target, '--json']);
      expect(imported.code, imported.stderr).toBe(0);
      const newId = (JSON.parse(imported.stdout) as { imported: Array<{ id: string }> }).imported[0]?.id as string;
      await expectArchive(target, expected(), [newId]);
      expect(existsSync(join(target, 'restore-journal.json'))).toBe(false);
    });

    it(`after "${step}": a highlight and a metadata change as the first writes keep the whole archive`, { timeout: 60_000 }, async () => {
      const target = killedAt(step, 'annotate');
      const app = await open(target);
      const archive = new Map(expected());
      const [id, [, count]] = [...archive.entries()][0] as [string, [string, number]];
      try {
        await call<FullArticle>(app, 'addAnnotation', { articleId: id, start: 0, end: 5, color: 'green', note: 'بعد الاستعادة' });
        await call(app, 'updateArticle', { id, patch: { title: 'عنوان بعد الاستعادة' } });
      } finally {
        await app.close();
      }
      archive.set(id, ['عنوان بعد الاستعادة', count + 1]);
      await expectArchive(target, archive);
    });
  }
});
