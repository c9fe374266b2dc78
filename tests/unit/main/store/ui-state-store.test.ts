/**
 * ui-state.json (issue 10: the window's state across restarts): saved durably
 * (temp file + rename, nothing torn under SIGKILL, what a flushed patch
 * acknowledged is there after the kill), coalesced (a burst of patches is one
 * write, and a steady stream still writes within maxDelayMs), bounded (reading
 * positions keep the most recent few thousand), a damaged file moved aside and
 * reported — never overwritten — a newer version's file left alone, concurrent
 * patches all kept; and the same through the dispatcher, as every host calls it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boundUiState, type GetUiStateResult, MAX_GROUP_ENTRIES, type UiStateEntries } from '../../../../common/ui-state.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { isTempFileName } from '../../../../main/store/durable-file.js';
import { UI_STATE_FILE, UiStateStore } from '../../../../main/store/ui-state-store.js';
import { bundleChild } from '../../../support/bundle-child.js';
import { ASSETS_DIR } from '../../../support/seed.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'qirtas-ui-state-'));
const onDisk = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, UI_STATE_FILE), 'utf8')) as { schemaVersion: number; entries: UiStateEntries };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stores: UiStateStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close().catch(() => undefined)));
});
async function open(dataDir: string, options: Parameters<typeof UiStateStore.open>[1] = {}): Promise<UiStateStore> {
  const store = await UiStateStore.open(dataDir, { log: () => undefined, ...options });
  stores.push(store);
  return store;
}

describe('UI state store', () => {
  it('starts empty, saves on flush, and a new store on the same folder reads it back', async () => {
    const dataDir = freshDir();
    const first = await open(dataDir);
    expect(first.read()).toEqual({ entries: {}, persistent: true });
    await first.patch({ theme: 'dark', 'library-view': { sort: { field: 'title', direction: 'asc' }, selection: ['a', 'b'] }, 'reading-position:abc': 1234 });
    await first.flush();
    const saved = onDisk(dataDir);
    expect(saved.schemaVersion).toBe(1);
    expect(saved.entries.theme?.value).toBe('dark');
    // Nothing half-written is left behind: the write went through a temp file that was renamed into place.
    expect(readdirSync(dataDir).filter(isTempFileName)).toEqual([]);
    const second = await open(dataDir);
    const values = Object.fromEntries(Object.entries(second.read().entries).map(([key, entry]) => [key, entry.value]));
    expect(values).toEqual({ theme: 'dark', 'library-view': { sort: { field: 'title', direction: 'asc' }, selection: ['a', 'b'] }, 'reading-position:abc': 1234 });
  });

  it('coalesces a burst of patches into one write, and a steady stream still writes within maxDelayMs', async () => {
    const dataDir = freshDir();
    const store = await open(dataDir, { debounceMs: 80, maxDelayMs: 400 });
    for (let offset = 0; offset < 60; offset += 1) await store.patch({ 'library-view': { scroll: { all: offset * 10 } } });
    expect(store.writes).toBe(0);
    await sleep(250);
    expect(store.writes).toBe(1);
    expect(onDisk(dataDir).entries['library-view']?.value).toEqual({ scroll: { all: 590 } });

    // A patch every 20 ms for a second (scrolling without a pause): the debounce alone would never fire.
    const started = Date.now();
    let last = 0;
    while (Date.now() - started < 1000) {
      last += 1;
      await store.patch({ 'library-view': { scroll: { all: last } } });
      await sleep(20);
    }
    expect(store.writes).toBeGreaterThanOrEqual(2);
    expect(store.writes).toBeLessThanOrEqual(5);
    await store.flush();
    expect(onDisk(dataDir).entries['library-view']?.value).toEqual({ scroll: { all: last } });
  });

  it('a flushed patch is on disk when it resolves; close saves what is pending', async () => {
    const dataDir = freshDir();
    const store = await open(dataDir, { debounceMs: 60_000, maxDelayMs: 60_000 });
    await store.patch({ 'last-color': 'green' }, true);
    expect(onDisk(dataDir).entries['last-color']?.value).toBe('green');
    await store.patch({ 'last-color': 'blue' });
    expect(onDisk(dataDir).entries['last-color']?.value).toBe('green');
    await store.close();
    expect(onDisk(dataDir).entries['last-color']?.value).toBe('blue');
  });

  it('concurrent patches of different keys are all kept, and the later patch of one key wins', async () => {
    const dataDir = freshDir();
    const store = await open(dataDir, { debounceMs: 1, maxDelayMs: 5 });
    await Promise.all(Array.from({ length: 200 }, (_, n) => store.patch({ [`reading-position:article-${n}`]: n + 1, theme: n % 2 === 0 ? 'dark' : 'sepia' }, n % 7 === 0)));
    await store.flush();
    const entries = onDisk(dataDir).entries;
    for (let n = 0; n < 200; n += 1) expect(entries[`reading-position:article-${n}`]?.value).toBe(n + 1);
    expect(entries.theme?.value).toBe('sepia');
  });

  it('keeps only the most recently read articles positions, never dropping the library view', async () => {
    const dataDir = freshDir();
    const store = await open(dataDir);
    await store.patch({ 'library-view': { scroll: { all: 5 } } });
    for (let n = 0; n < MAX_GROUP_ENTRIES + 250; n += 1) await store.patch({ [`reading-position:a${n}`]: n + 1 });
    await store.flush();
    const keys = Object.keys(onDisk(dataDir).entries);
    const positions = keys.filter((key) => key.startsWith('reading-position:'));
    expect(positions).toHaveLength(MAX_GROUP_ENTRIES);
    // The oldest went, the newest stayed.
    expect(keys).not.toContain('reading-position:a0');
    expect(keys).not.toContain('reading-position:a249');
    expect(keys).toContain('reading-position:a250');
    expect(keys).toContain(`reading-position:a${MAX_GROUP_ENTRIES + 249}`);
    expect(keys).toContain('library-view');
  });

  it('bounds the whole state by size, dropping the least recently touched first', () => {
    const entries: UiStateEntries = {};
    for (let n = 0; n < 10; n += 1) entries[`big-${n}`] = { value: 'x'.repeat(1000), at: n };
    const dropped = boundUiState(entries, new Set(['big-0']), { group: 100, entries: 100, chars: 5000 });
    expect(dropped).toEqual(['big-1', 'big-2', 'big-3', 'big-4', 'big-5', 'big-6']);
    expect(Object.keys(entries).sort()).toEqual(['big-0', 'big-7', 'big-8', 'big-9']);
    expect(JSON.stringify(entries).length).toBeLessThanOrEqual(5000);
  });

  it('moves a damaged file aside, reports it, and never overwrites it', async () => {
    const dataDir = freshDir();
    const damaged = '{"schemaVersion":1,"entries":{"theme":{"value":"dark","at":1}\u0000\u0000\u0000';
    writeFileSync(join(dataDir, UI_STATE_FILE), damaged);
    const messages: string[] = [];
    const store = await open(dataDir, { log: (message) => messages.push(message) });
    const read = store.read();
    expect(read.entries).toEqual({});
    expect(read.persistent).toBe(true);
    expect(read.problem?.code).toBe('DAMAGED_FILE');
    expect(read.problem?.message).toContain(UI_STATE_FILE);
    expect(read.problem?.message).toContain('NUL bytes');
    const movedTo = read.problem?.movedTo as string;
    expect(movedTo).toMatch(/ui-state\.json\.damaged-/);
    expect(readFileSync(movedTo, 'utf8')).toBe(damaged);
    expect(messages.join('\n')).toContain('moved aside');
    // New state is saved in a new file; the damaged bytes stay where they were moved.
    await store.patch({ theme: 'light' }, true);
    expect(onDisk(dataDir).entries.theme?.value).toBe('light');
    expect(readFileSync(movedTo, 'utf8')).toBe(damaged);
  });

  it('a file of the wrong shape is damaged too; a read-only open reports it and leaves it in place', async () => {
    const dataDir = freshDir();
    const wrong = JSON.stringify({ schemaVersion: 1, entries: { theme: 'dark' } });
    writeFileSync(join(dataDir, UI_STATE_FILE), wrong);
    const store = await open(dataDir, { readOnly: true });
    expect(store.read().problem?.code).toBe('DAMAGED_FILE');
    expect(store.read().persistent).toBe(false);
    await store.patch({ theme: 'sepia' }, true);
    await store.close();
    expect(readFileSync(join(dataDir, UI_STATE_FILE), 'utf8')).toBe(wrong);
    expect(readdirSync(dataDir)).toEqual([UI_STATE_FILE]);
  });

  it('leaves a newer version’s file untouched and keeps changes for this run only', async () => {
    const dataDir = freshDir();
    const newer = JSON.stringify({ schemaVersion: 99, entries: { theme: { value: 'dark', at: 1 } }, future: true });
    writeFileSync(join(dataDir, UI_STATE_FILE), newer);
    const store = await open(dataDir);
    expect(store.read().problem?.code).toBe('NEWER_VERSION');
    expect(store.read().persistent).toBe(false);
    await store.patch({ theme: 'light' }, true);
    expect(store.read().entries.theme?.value).toBe('light');
    await store.close();
    expect(readFileSync(join(dataDir, UI_STATE_FILE), 'utf8')).toBe(newer);
  });
});

describe('UI state under SIGKILL', () => {
  let child: string;
  beforeAll(async () => {
    child = await bundleChild('tests/support/ui-state-child.ts', 'ui-state-child');
  });

  function runAndKill(dataDir: string, delayMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const process = spawn('node', [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      let timer: NodeJS.Timeout | undefined;
      process.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (!timer && output.includes('ready\n')) timer = setTimeout(() => process.kill('SIGKILL'), delayMs);
      });
      process.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      process.on('error', reject);
      process.on('exit', (_code, signal) => {
        clearTimeout(timer);
        if (signal !== 'SIGKILL') return reject(new Error(`the child ended without being killed:\n${output}`));
        const acks = output.split('\n').slice(0, -1).filter((line) => line.startsWith('ack ')).map((line) => Number(line.slice(4)));
        resolve(acks.at(-1) ?? 0);
      });
    });
  }

  it('never leaves a torn file and keeps every acknowledged (flushed) patch, across 25 kills', { timeout: 180_000 }, async () => {
    const dataDir = freshDir();
    let everAcked = 0;
    for (let round = 0; round < 25; round += 1) {
      const acked = await runAndKill(dataDir, 20 + Math.floor(Math.random() * 150));
      everAcked += acked > 0 ? 1 : 0;
      // Each run starts its count again at 1: what this run acknowledged must be on disk now.
      const store = await UiStateStore.open(dataDir, { log: () => undefined });
      const read: GetUiStateResult = store.read();
      expect(read.problem, JSON.stringify(read.problem)).toBeUndefined();
      const scroll = (read.entries['library-view']?.value as { scroll: { all: number } } | undefined)?.scroll.all ?? 0;
      if (acked > 0) expect(scroll).toBeGreaterThanOrEqual(acked);
      expect(readdirSync(dataDir).filter((name) => name.includes('damaged'))).toEqual([]);
    }
    expect(everAcked, 'the kills landed after some acknowledged saves').toBeGreaterThan(10);
  });
});

describe('UI state through the dispatcher', () => {
  it('getUiState and patchUiState on a real archive; bad keys and oversized values are refused and change nothing', async () => {
    const dataDir = freshDir();
    const app = await openArchiveApp({ dataDir, assetsDir: ASSETS_DIR, host: 'browser', version: 'test' });
    try {
      const patched = await app.dispatch('patchUiState', { set: { theme: 'dark', 'reading-position:abc_1': 420 } });
      expect(patched.ok).toBe(true);
      const badKey = await app.dispatch('patchUiState', { set: { 'Not A Key!': 1 } });
      expect(badKey.ok).toBe(false);
      if (!badKey.ok) expect(badKey.error.code).toBe('BAD_ARGS');
      const tooBig = await app.dispatch('patchUiState', { set: { 'library-view': 'x'.repeat(4_000_001) } });
      expect(tooBig.ok).toBe(false);
      if (!tooBig.ok) expect(tooBig.error.message).toMatch(/at most 4000000 characters/);
      const read = await app.dispatch('getUiState', {});
      expect(read.ok).toBe(true);
      const entries = read.ok ? (read.value as GetUiStateResult).entries : {};
      expect(Object.fromEntries(Object.entries(entries).map(([key, entry]) => [key, entry.value]))).toEqual({ theme: 'dark', 'reading-position:abc_1': 420 });
    } finally {
      await app.close();
    }
    // Closing the archive saved it; library.json was never touched by any of it.
    expect(onDisk(dataDir).entries.theme?.value).toBe('dark');
    expect(readdirSync(dataDir)).not.toContain('library.json');
  });
});
