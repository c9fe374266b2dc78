/**
 * The Linux package as a user installs it: electron-builder's `dir` target with
 * the real electron-builder.yml, against QIRTAS_ELECTRON_DIST (an unpacked
 * Electron distribution) when given, else against a stand-in distribution
 * (tests/host/stand-in-electron-dist.mjs: Electron's file layout and fuse wire,
 * a placeholder binary). Then the package is inspected — no source maps,
 * declarations, tests or screenshots in app.asar, no native canvas, native
 * modules unpacked, fuses flipped, asar plus unpacked files under the 80 MB
 * budget — and the packaged app's own files are loaded (Node 22 and the
 * stand-in electron module, tests/host/) to import a PDF and a .docx and export
 * a PDF, proving the trimmed file set still has everything the main process loads.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asarReport } from '../../scripts/asar-report.mjs';
import { makeStandInElectronDist } from '../host/stand-in-electron-dist.mjs';
import { ElectronHost } from '../unit/main/electron/host-harness.js';
import { makeDocx, pdfHtml, seedArticle, startPdfMaker } from '../support/make-import-fixtures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const BUDGET_BYTES = 80 * 1024 * 1024;
const DEV_ONLY = ['react', 'react-dom', 'linkedom', '@tanstack/react-virtual', '@fontsource/ibm-plex-sans-arabic', 'electron', '@napi-rs/canvas'];

test('the Linux package holds only what the app loads, under 80 MB, fuses flipped, and its files import and export', async () => {
  test.skip(process.platform !== 'linux', 'the Linux dir target is packaged and inspected on Linux');
  test.setTimeout(900_000);
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
  const realDist = process.env.QIRTAS_ELECTRON_DIST;
  const dist = realDist ?? makeStandInElectronDist(electronVersion);
  console.log(`packaging against ${realDist ? `the Electron distribution in ${realDist}` : `a stand-in Electron distribution (no QIRTAS_ELECTRON_DIST): ${dist}`}`);
  const out = mkdtempSync(join(tmpdir(), 'qirtas-package-'));
  execFileSync(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', '--linux', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${dist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${out}`],
    { cwd: root, stdio: 'inherit', timeout: 600_000 },
  );
  const appDir = join(out, 'linux-unpacked');
  const asarPath = join(appDir, 'resources', 'app.asar');
  const report = asarReport(asarPath);
  const total = report.asarBytes + report.unpackedBytes;
  console.log(`packaged: app.asar ${(report.asarBytes / 2 ** 20).toFixed(1)} MB + unpacked ${(report.unpackedBytes / 2 ** 20).toFixed(1)} MB = ${(total / 2 ** 20).toFixed(1)} MB`);
  for (const { name, bytes } of report.biggest.slice(0, 8)) console.log(`  ${(bytes / 2 ** 20).toFixed(1).padStart(6)} MB  ${name}`);

  for (const [kind, files] of Object.entries(report.forbidden)) expect(files, `${kind} in app.asar`).toEqual([]);
  const paths = new Set(report.files.map((file) => file.path));
  for (const needed of ['/package.json', '/dist/main/electron-main.cjs', '/dist/preload/preload.cjs', '/dist/renderer/index.html', '/node_modules/pdfjs-dist/legacy/build/pdf.mjs', '/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', '/node_modules/docx/dist/index.cjs']) {
    expect(paths.has(needed), needed).toBe(true);
  }
  for (const name of DEV_ONLY) expect([...paths].some((path) => path.startsWith(`/node_modules/${name}/`)), name).toBe(false);
  for (const file of report.files.filter((entry) => entry.path.endsWith('.node'))) expect(file.unpacked, `${file.path} unpacked`).toBe(true);
  expect(total).toBeLessThan(BUDGET_BYTES);

  const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');
  const wire = (await getCurrentFuseWire(join(appDir, 'qirtas'))) as unknown as Record<number, number>;
  const state = (option: number) => String.fromCharCode(wire[option] as number);
  expect(state(FuseV1Options.RunAsNode)).toBe('0');
  expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
  expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
  expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
  expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
  expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');

  // The packaged files, extracted outside the repository (no node_modules above them), run the import and export paths.
  const extracted = join(mkdtempSync(join(tmpdir(), 'qirtas-packaged-app-')), 'app');
  (require('@electron/asar') as { extractAll(archive: string, dest: string): void }).extractAll(asarPath, extracted);
  const article = seedArticle();
  const maker = await startPdfMaker();
  const pdf = await maker.pdf(pdfHtml(article)).finally(() => maker.close());
  const docx = await makeDocx(article);
  const host = await new ElectronHost({ appRoot: extracted, packaged: true }).start();
  try {
    expect(host.initial.errorBoxes).toEqual([]);
    expect(host.initial.unknownAccess).toEqual([]);
    for (const [name, bytes] of [['مقال.pdf', pdf], ['مقال.docx', docx]] as const) {
      const answer = await host.call('importFile', { name, data: Buffer.from(bytes).toString('base64') });
      expect(answer.error?.message, name).toBeUndefined();
      expect(answer.value, name).toMatchObject({ status: 'done', outcomes: [expect.objectContaining({ status: expect.stringMatching(/imported|duplicate/) })] });
    }
    const exported = await host.call('exportNotes', { scope: { kind: 'all' }, format: 'pdf' });
    expect(exported.error?.message).toBeUndefined();
    const docxExport = await host.call('exportNotes', { scope: { kind: 'all' }, format: 'docx' });
    expect(docxExport.ok, docxExport.error?.message).toBe(true);
  } finally {
    await host.stop();
    rmSync(out, { recursive: true, force: true });
    if (!realDist && existsSync(dist)) rmSync(dist, { recursive: true, force: true });
  }
});
