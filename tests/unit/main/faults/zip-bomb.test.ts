/**
 * Decompression limits on zip-based input (issue 13): a real .docx whose
 * word/document.xml unpacks to ~1 GB from about a megabyte is refused in a
 * child process within 5 s and under 300 MB of peak memory, both when the zip
 * declares the real size (refused from the central directory) and when it lies
 * (refused while streaming, at the declared size); a bomb under the per-part cap
 * is stopped by the ratio limit; an entry-count bomb by the count. The message
 * names the file and says "too large when unpacked" with the limit. A normal
 * document still imports.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../../../main/import/formats/index.js';
import { bundleChild } from '../../../support/bundle-child.js';
import { importError } from '../../../support/import-error.js';
import { makeDocx, seedArticle } from '../../../support/make-import-fixtures.js';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { readBackup } from '../../../../main/backup/backup-reader.js';
import { createBackup } from '../../../../main/backup/create-backup.js';
import { openArchiveApp } from '../../../../main/service/archive-app.js';
import { ASSETS_DIR } from '../../../support/seed.js';
import { bombEntry, makeDocxBomb, makeManyEntryZip, plainEntry, writeBytes, zipOf } from '../../../support/zip-bomb.js';

const work = mkdtempSync(join(tmpdir(), 'qirtas-bomb-'));
let child: string;
let realDocx: Uint8Array;

beforeAll(async () => {
  child = await bundleChild('tests/support/bomb-child.ts', 'bomb-child');
  realDocx = await makeDocx(seedArticle());
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface ChildReport {
  refused: boolean;
  message: string;
  ms: number;
  peakRssMb: number;
}

function importInChild(path: string): ChildReport {
  const started = Date.now();
  const out = execFileSync(process.execPath, [child, path], { encoding: 'utf8', timeout: 60_000 });
  const report = JSON.parse(out.trim()) as ChildReport;
  console.log(`${path.split('/').pop()}: ${report.refused ? 'refused' : 'accepted'} in ${report.ms.toFixed(0)} ms (child ${Date.now() - started} ms wall), peak RSS ${report.peakRssMb.toFixed(0)} MB: ${report.message}`);
  return report;
}

describe('a .docx decompression bomb', () => {
  for (const lie of [false, true]) {
    it(`unpacking to ~1 GB, ${lie ? 'lying about its size' : 'declaring its size'}, is refused in ≤ 5 s under 300 MB`, { timeout: 120_000 }, async () => {
      const bomb = await makeDocxBomb(realDocx, { unpackedBytes: 1024 ** 3, lie });
      expect(bomb.unpackedBytes).toBeGreaterThan(1000 * 1024 ** 2);
      expect(bomb.bytes.length).toBeLessThan(3 * 1024 ** 2);
      const path = join(work, lie ? 'lying-bomb.docx' : 'bomb.docx');
      await writeBytes(path, bomb.bytes);
      console.log(`${path}: ${(bomb.bytes.length / 1024 / 1024).toFixed(2)} MB on disk, unpacks to ${(bomb.unpackedBytes / 1024 ** 3).toFixed(2)} GB`);
      const report = importInChild(path);
      expect(report.refused).toBe(true);
      expect(report.message).toMatch(new RegExp(`^${lie ? 'lying-bomb' : 'bomb'}\\.docx: the Word document is too large when unpacked`));
      expect(report.message).toMatch(/limit/);
      expect(report.message).toContain('200.0 MB');
      expect(report.ms).toBeLessThan(5000);
      expect(report.peakRssMb).toBeLessThan(300);
    });
  }

  it('under the per-part cap is stopped by the ratio limit, while streaming too', { timeout: 60_000 }, async () => {
    const bomb = await makeDocxBomb(realDocx, { unpackedBytes: 90 * 1024 ** 2 });
    const declared = await importError(parseFile(bomb.bytes, 'ratio.docx'));
    expect(declared.message).toMatch(/^ratio\.docx: the Word document is too large when unpacked \(its part "word\/document\.xml": it would expand \d+ times \(above the limit of 100/);
    const lying = await makeDocxBomb(realDocx, { unpackedBytes: 90 * 1024 ** 2, lie: true });
    // Declares its small real size: the streamed count stops it at that size.
    expect((await importError(parseFile(lying.bytes, 'ratio-lie.docx'))).reason).toMatch(/too large when unpacked .*inflates to more than the \d+ bytes it declares/);
  });

  it('with thousands of entries is refused by the entry count', async () => {
    const error = await importError(parseFile(makeManyEntryZip(realDocx, 6000), 'many.docx'));
    expect(error.message).toMatch(/^many\.docx: the Word document is too large when unpacked \(it has \d+ entries \(the limit is 5000\)/);
  });

  it('does not stop a normal Word document', async () => {
    const [parsed] = await parseFile(realDocx, 'normal.docx');
    expect(parsed?.blocks.length).toBeGreaterThan(5);
  });
});

describe('a backup decompression bomb', () => {
  for (const lie of [false, true]) {
    it(`whose article unpacks to ~1 GB (${lie ? 'lying about its size' : 'declaring it'}) is refused in seconds, naming the file`, { timeout: 120_000 }, async () => {
      // A real backup of a real archive, its article entry swapped for a bomb (declaring the real size when lying).
      const archive = await openArchiveApp({ dataDir: join(work, `archive-${lie}`), assetsDir: ASSETS_DIR, host: 'cli', version: 'test' });
      await archive.service.importSample();
      const real = join(work, `real-${lie}.zip`);
      await createBackup(archive.store.dataDir, real, { kind: 'manual', appVersion: 'test' });
      await archive.close();
      const files = unzipSync(readFileSync(real));
      const entries = await Promise.all(
        Object.entries(files).map(([name, data]) => (name.startsWith('articles/') ? bombEntry(name, 1024 ** 3, lie ? data.length : undefined) : Promise.resolve(plainEntry(name, data)))),
      );
      const bytes = zipOf(entries);
      expect(bytes.length).toBeLessThan(3 * 1024 ** 2);
      const path = join(work, lie ? 'lying-bomb.zip' : 'bomb.zip');
      await writeBytes(path, bytes);
      const started = Date.now();
      const before = process.memoryUsage().rss;
      const error = await readBackup(path).then(() => null, (thrown: Error) => thrown);
      const ms = Date.now() - started;
      console.log(`${path.split('/').pop()}: ${(bytes.length / 1024 / 1024).toFixed(2)} MB refused in ${ms} ms, RSS grew ${((process.memoryUsage().rss - before) / 1024 / 1024).toFixed(0)} MB: ${error?.message}`);
      expect(error?.message).toMatch(new RegExp(`This backup cannot be restored \\(${lie ? 'lying-bomb' : 'bomb'}\\.zip\\)`));
      expect(error?.message).toMatch(/too large when unpacked/);
      expect(error?.message).toMatch(/limit|declares/);
      expect(ms).toBeLessThan(5000);
    });
  }
});
