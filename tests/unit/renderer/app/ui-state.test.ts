/**
 * The renderer's UI state module (renderer/app/ui-state.ts) against a recording
 * archive client, with a Map-backed localStorage and the page's events: values
 * set before the archive answers are kept; a new origin takes the archive's
 * state; a burst of sets is one patch; unchanged values send nothing; leaving
 * the page runs the modules' own saves first and sends what is pending at once
 * (flush, over the keepalive path); a failed patch is sent again, a refused one
 * is not; values kept under the old localStorage keys move over once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GetUiStateResult } from '../../../../common/ui-state.js';

class MemoryStorage {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

interface Call {
  leaving: boolean;
  set: Record<string, unknown>;
  flush: boolean;
}

let storage: MemoryStorage;
let windowEvents: EventTarget;
let documentEvents: EventTarget & { visibilityState: string };
let calls: Call[];
let archiveState: GetUiStateResult;
let failNext: Array<'network' | 'refused'>;

function fakeClient() {
  const patch = (leaving: boolean) => async (args: { set: Record<string, unknown>; flush?: boolean }) => {
    const failure = failNext.shift();
    if (failure === 'network') throw new Error('The Qirtas server could not be reached.');
    if (failure === 'refused') {
      const { ApiCallError } = await import('../../../../renderer/api/client.js');
      throw new ApiCallError({ code: 'BAD_ARGS', message: 'patchUiState: refused' });
    }
    calls.push({ leaving, set: structuredClone(args.set), flush: args.flush ?? false });
    return { at: Date.now() };
  };
  return {
    api: { getUiState: async () => structuredClone(archiveState), patchUiState: patch(false) },
    leaving: { patchUiState: patch(true) },
    subscribe: () => () => undefined,
  } as never;
}

async function freshModule() {
  vi.resetModules();
  return import('../../../../renderer/app/ui-state.js');
}

beforeEach(() => {
  vi.useFakeTimers();
  storage = new MemoryStorage();
  windowEvents = new EventTarget();
  documentEvents = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  vi.stubGlobal('window', Object.assign(windowEvents, { localStorage: storage }));
  vi.stubGlobal('document', documentEvents);
  calls = [];
  failNext = [];
  archiveState = { entries: {}, persistent: true };
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('renderer UI state', () => {
  it('a new origin (empty mirror) takes the archive’s state, synchronously readable after the load', async () => {
    archiveState.entries = { theme: { value: 'dark', at: 5 }, 'library-view': { value: { sort: { field: 'title', direction: 'asc' } }, at: 6 } };
    const ui = await freshModule();
    expect(ui.getUiValue('theme')).toBeUndefined();
    await ui.loadUiState(fakeClient());
    expect(ui.getUiValue('theme')).toBe('dark');
    expect(ui.getUiJson('library-view')).toBe('{"sort":{"field":"title","direction":"asc"}}');
    // Mirrored for the next start on this origin.
    expect(JSON.parse(storage.getItem('qirtas.ui:theme') ?? '{}')).toMatchObject({ json: '"dark"', at: 5 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual([]);
  });

  it('a burst of sets is one patch after the quiet time; an unchanged value sends nothing', async () => {
    const ui = await freshModule();
    await ui.loadUiState(fakeClient());
    for (let offset = 0; offset < 50; offset += 1) ui.setUiValue('library-scroll', { all: offset });
    ui.setUiValue('reading-position:abc', 120);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(ui.SEND_DELAY_MS + 10);
    expect(calls).toEqual([{ leaving: false, flush: false, set: { 'library-scroll': { all: 49 }, 'reading-position:abc': 120 } }]);
    ui.setUiValue('library-scroll', { all: 49 });
    await vi.advanceTimersByTimeAsync(ui.SEND_DELAY_MS + 10);
    expect(calls).toHaveLength(1);
    // null clears a key.
    ui.setUiValue('reading-position:abc', null);
    expect(ui.getUiValue('reading-position:abc')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(ui.SEND_DELAY_MS + 10);
    expect(calls[1]?.set).toEqual({ 'reading-position:abc': null });
  });

  it('leaving the page runs the modules’ own saves first, then sends everything pending at once with flush over the keepalive path', async () => {
    const ui = await freshModule();
    await ui.loadUiState(fakeClient());
    let pendingScroll: number | null = 777;
    ui.beforeLeaving(() => {
      if (pendingScroll !== null) ui.setUiValue('library-scroll', { all: pendingScroll });
      pendingScroll = null;
    });
    ui.setUiValue('theme', 'sepia');
    windowEvents.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ leaving: true, flush: true, set: { theme: 'sepia', 'library-scroll': { all: 777 } } }]);
    // Hidden, then gone: nothing is sent twice.
    documentEvents.visibilityState = 'hidden';
    documentEvents.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(ui.SEND_DELAY_MS + 10);
    expect(calls).toHaveLength(1);
  });

  it('a patch that did not arrive is sent again; one the archive refused is not', async () => {
    const ui = await freshModule();
    await ui.loadUiState(fakeClient());
    failNext = ['network'];
    ui.setUiValue('last-color', 'green');
    await vi.advanceTimersByTimeAsync(ui.SEND_DELAY_MS + 10);
    expect(calls).toEqual([]);
    ui.setUiValue('theme', 'dark');
    await vi.advanceTimersByTimeAsync(6000);
    expect(calls.flatMap((call) => Object.keys(call.set)).sort()).toEqual(['last-color', 'theme']);
    calls = [];
    failNext = ['refused'];
    ui.setUiValue('theme', 'light');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual([]);
    expect(ui.getUiValue('theme')).toBe('light');
  });

  it('values set before the archive answers are kept and sent; a mirror newer than the archive wins and is sent', async () => {
    storage.setItem('qirtas.ui:theme', JSON.stringify({ json: '"sepia"', at: 2000 }));
    archiveState.entries = { theme: { value: 'dark', at: 1000 }, 'last-color': { value: 'blue', at: 3000 } };
    const ui = await freshModule();
    expect(ui.getUiValue('theme')).toBe('sepia');
    ui.setUiValue('reading-position:x1', 50);
    await ui.loadUiState(fakeClient());
    expect(ui.getUiValue('theme')).toBe('sepia');
    expect(ui.getUiValue('last-color')).toBe('blue');
    await vi.advanceTimersByTimeAsync(ui.SEND_DELAY_MS + 10);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.set).toEqual({ 'reading-position:x1': 50, theme: 'sepia' });
  });

  it('moves values kept under the old localStorage keys over once (the archive’s own copy still decides)', async () => {
    storage.setItem('qirtas.library-view.v1', JSON.stringify({ sort: { field: 'words', direction: 'desc' }, scroll: { all: 300 } }));
    storage.setItem('qirtas.theme', 'dark');
    storage.setItem('qirtas:last-color', 'pink');
    storage.setItem('qirtas:reading-position:art_1', '4321');
    archiveState.entries = { theme: { value: 'light', at: 10 } };
    const ui = await freshModule();
    expect(ui.getUiValue('reading-position:art_1')).toBe(4321);
    await ui.loadUiState(fakeClient());
    expect(ui.getUiValue('theme')).toBe('light');
    expect(ui.getUiValue('last-color')).toBe('pink');
    expect(ui.getUiValue('library-view')).toEqual({ sort: { field: 'words', direction: 'desc' }, scroll: { all: 300 } });
    expect([...storage.map.keys()].filter((key) => !key.startsWith('qirtas.ui:'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(ui.SEND_DELAY_MS + 10);
    expect(Object.keys(calls[0]?.set ?? {}).sort()).toEqual(['last-color', 'library-view', 'reading-position:art_1']);
  });

  it('renders from the mirror when the archive does not answer in time', async () => {
    storage.setItem('qirtas.ui:theme', JSON.stringify({ json: '"sepia"', at: 1 }));
    const ui = await freshModule();
    const client = fakeClient() as { api: { getUiState: () => Promise<GetUiStateResult> } };
    client.api.getUiState = () => new Promise(() => undefined);
    const loaded = ui.loadUiState(client as never, 200);
    await vi.advanceTimersByTimeAsync(250);
    await loaded;
    expect(ui.getUiValue('theme')).toBe('sepia');
  });
});
