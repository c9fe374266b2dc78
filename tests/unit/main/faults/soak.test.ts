/**
 * The standing fault-injection suite in CI (issue 13): scripts/soak.ts kills a
 * child doing concurrent imports, highlights, note and text edits, metadata
 * changes, backups and restores with SIGKILL 200 times (QIRTAS_SOAK_KILLS to
 * change it; `npm run soak -- --kills 1000` is the long run) and checks after
 * every kill that each acknowledged change is present and intact.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../../../scripts/soak.js';

const KILLS = Number(process.env.QIRTAS_SOAK_KILLS ?? 200);

describe('soak: SIGKILL during concurrent writes', () => {
  it(`loses no acknowledged change in ${KILLS} kills`, { timeout: Math.max(600_000, KILLS * 10_000) }, async () => {
    const report = await runSoak({ kills: KILLS, log: (line) => console.log(line) });
    console.log(`soak: ${report.kills} kills in ${report.seconds.toFixed(0)} s, seed ${report.seed}; acknowledged ${JSON.stringify(report.acknowledged)}; ${report.restoresInterrupted} restores interrupted; ${report.childErrors.length} unexpected call errors`);
    expect(report.failures).toEqual([]);
    expect(report.kills).toBe(KILLS);
    // The kills landed while changes were being acknowledged, not before the child got going.
    expect(report.killsWithAcks).toBeGreaterThan(KILLS / 2);
    expect(report.childErrors).toEqual([]);
    rmSync(report.dataDir, { recursive: true, force: true });
  });
});
