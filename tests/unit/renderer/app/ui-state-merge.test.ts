/**
 * Start-up merge of the window's UI state (renderer/app/ui-state-merge.ts): a new
 * origin (empty mirror) takes the archive's state whole; per key the value set
 * last wins; a mirror value the archive never got (or has older) is sent; equal
 * values cost nothing.
 */
import { describe, expect, it } from 'vitest';
import { mergeUiState, type MirrorEntry } from '../../../../renderer/app/ui-state-merge.js';

const local = (entries: Record<string, [unknown, number]>) => new Map<string, MirrorEntry>(Object.entries(entries).map(([key, [value, at]]) => [key, { json: JSON.stringify(value), at }]));

describe('UI state merge', () => {
  it('a new origin takes everything from the archive and sends nothing', () => {
    const archive = { theme: { value: 'dark', at: 10 }, 'library-view': { value: { sort: { field: 'title', direction: 'asc' } }, at: 12 }, 'reading-position:a1': { value: 420, at: 11 } };
    const { fromArchive, toSend } = mergeUiState(new Map(), archive);
    expect(toSend).toEqual([]);
    expect([...fromArchive.keys()].sort()).toEqual(['library-view', 'reading-position:a1', 'theme']);
    expect(JSON.parse((fromArchive.get('library-view') as MirrorEntry).json)).toEqual({ sort: { field: 'title', direction: 'asc' } });
  });

  it('per key, the value set last wins; the mirror’s newer values and its keys the archive lacks are sent', () => {
    const mirror = local({ theme: ['sepia', 20], 'last-color': ['green', 5], 'reading-position:a1': [100, 30], 'reading-position:a2': [7, 1] });
    const archive = { theme: { value: 'dark', at: 25 }, 'last-color': { value: 'blue', at: 4 }, 'reading-position:a1': { value: 100, at: 31 } };
    const { fromArchive, toSend } = mergeUiState(mirror, archive);
    // theme: the archive's is newer. last-color: the mirror's. a1: same value, the archive's time is kept. a2: only here.
    expect(Object.fromEntries([...fromArchive].map(([key, entry]) => [key, JSON.parse(entry.json)]))).toEqual({ theme: 'dark', 'reading-position:a1': 100 });
    expect(toSend.sort()).toEqual(['last-color', 'reading-position:a2']);
  });

  it('legacy values (dated 0) never override the archive, and identical entries are left alone', () => {
    const mirror = local({ theme: ['light', 0], 'last-color': ['green', 9] });
    const archive = { theme: { value: 'dark', at: 3 }, 'last-color': { value: 'green', at: 9 } };
    const { fromArchive, toSend } = mergeUiState(mirror, archive);
    expect([...fromArchive.keys()]).toEqual(['theme']);
    expect(toSend).toEqual([]);
  });
});
