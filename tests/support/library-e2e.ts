/**
 * The shared set-up of the library e2e tests: one archive of 10,000 real-text
 * articles imported by the CLI (`qirtas import` of a JSONL dataset) and one
 * `qirtas serve` on it for the whole spec file, a page fixture that starts each
 * test from no window state and fails it on any page error, and the locators and
 * text checks those tests share.
 */
import { test as base, expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLibraryArchive, type ImportedArchive } from './library-archive.js';
import { apiFor, startShell, type ShellProcess } from './shell-fixture.js';

// The machine these run on is shared: give each expectation time, not the code slack (timings are measured apart).
export const expect = baseExpect.configure({ timeout: 15_000 });
export const LIBRARY_COUNT = 10_000;
export const ROW = '.library-grid tbody tr[data-article-id]';

let archive: ImportedArchive | undefined;
let shell: ShellProcess | undefined;

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    // The window state lives in the archive (ui-state.json), shared by the tests of the file: each starts from none.
    const api = apiFor(libraryShell().url);
    const { entries } = await api<{ entries: Record<string, unknown> }>('getUiState', {});
    const keys = Object.keys(entries);
    if (keys.length > 0) await api('patchUiState', { set: Object.fromEntries(keys.map((key) => [key, null])), flush: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
    });
    await use(page);
    const reported = [...errors];
    await page.goto('about:blank');
    expect(reported, 'the page reported errors').toEqual([]);
  },
});

/** Registers the archive and the shell for the calling spec file (its tests run in order, sharing them). */
export function useLibraryArchive(): void {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  test.beforeAll(async () => {
    test.setTimeout(15 * 60_000);
    // QIRTAS_LIBRARY_TEMPLATE: a data folder made earlier by importLibraryArchive(10000), copied (never changed) to save the import's minutes while iterating.
    const template = process.env.QIRTAS_LIBRARY_TEMPLATE;
    if (template) {
      const dataDir = mkdtempSync(join(tmpdir(), 'qirtas-library-copy-'));
      cpSync(template, dataDir, { recursive: true });
      rmSync(join(dataDir, 'qirtas.lock'), { force: true });
      archive = { dataDir, count: LIBRARY_COUNT, importSeconds: 0, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
    } else {
      archive = importLibraryArchive(LIBRARY_COUNT);
    }
    // Opening 10,000 articles on a machine shared with other jobs can take longer than the default 20 s.
    shell = await startShell(archive.dataDir, 120_000);
  });
  test.afterAll(async () => {
    // Closing saves the search index of 10,000 articles: slow on a busy machine.
    test.setTimeout(5 * 60_000);
    await shell?.stop();
    archive?.remove();
  });
}

export function libraryShell(): ShellProcess {
  if (!shell) throw new Error('useLibraryArchive() was not called in this spec file');
  return shell;
}

export async function openLibrary(page: Page): Promise<void> {
  await page.goto(libraryShell().url);
  await expect(page.locator(ROW).first()).toBeVisible({ timeout: 20_000 });
}

/** Counts in sentences are bidi-isolated (FSI…PDI) so they never run into the words; compare the text without those marks. */
const ISOLATES = /[\u2066-\u2069]/g;
export async function plainText(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? '').replace(ISOLATES, '');
}
export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  if (typeof expected === 'string') await expect.poll(() => plainText(locator)).toBe(expected);
  else await expect.poll(() => plainText(locator)).toMatch(expected);
}
export async function expectContains(locator: Locator, expected: string): Promise<void> {
  await expect.poll(() => plainText(locator)).toContain(expected);
}

export const scroller = (page: Page) => page.locator('.library-scroll');
export const countText = (page: Page) => page.locator('.filter-bar .count');
export const header = (page: Page, column: string) => page.locator(`.library-grid th[data-column="${column}"]`);

export async function visibleTitles(page: Page): Promise<string[]> {
  return page.locator(`${ROW} .title-cell a`).allTextContents();
}
