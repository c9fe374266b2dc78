/**
 * PDF through Chromium (the CLI and browser-shell path): the exported HTML is
 * printed by /usr/bin/chromium via Playwright, then read back with pdftotext —
 * the Arabic title and the highlights are in it. pdftotext puts spaces between
 * Arabic glyph clusters, so texts are compared without spaces or bidi marks.
 * (The PDF itself was looked at: shaped, right-to-left, dates left-to-right.)
 * Skipped, with the reason printed, when Chromium or pdftotext is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../../common/api.js';
import { pdfUnavailableReason, registerPdfRenderer } from '../../../../main/export/pdf.js';
import { buildNotesArchive, call, type NotesArchive, SEED_HIGHLIGHTS } from './archive-with-notes.js';

const pdftotext = spawnSync('which', ['pdftotext'], { encoding: 'utf8' }).stdout.trim();
const chromiumReason = await pdfUnavailableReason();
const reason = chromiumReason ?? (pdftotext ? '' : 'pdftotext (poppler-utils) is not installed');
if (reason) console.warn(`PDF check skipped: ${reason}`);

let archive: NotesArchive;
beforeAll(async () => {
  archive = await buildNotesArchive();
});
afterAll(async () => {
  await archive.app.close();
});

// Lam-alef stays one presentation-form character in the text layer (pdf-text-layer.ts): folded here.
const squash = (text: string) => text.replace(/[\uFB50-\uFDFF\uFE70-\uFEFE]+/g, (run) => run.normalize('NFKC')).replace(/[\s\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');

describe('PDF export', () => {
  it.skipIf(reason !== '')(`prints the notes with Chromium; pdftotext finds the Arabic title and highlights${reason ? ` — skipped: ${reason}` : ''}`, async () => {
    const file = await call<ExportFile>(archive.app, 'exportNotes', { scope: { kind: 'articles', ids: [archive.seedId] }, format: 'pdf', options: { onlyHighlights: true } });
    expect(file.mimeType).toBe('application/pdf');
    const bytes = Buffer.from(file.data, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const path = join(mkdtempSync(join(tmpdir(), 'qirtas-pdf-')), file.fileName);
    writeFileSync(path, bytes);
    const text = squash(execFileSync(pdftotext, [path, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash('المعارضة السورية تتقدم نحو حمص'));
    for (const planned of SEED_HIGHLIGHTS) expect(text).toContain(squash(planned.phrase));
  }, 60_000);

  it('uses the renderer a host registers (the Electron printToPDF hook)', async () => {
    const seen: string[] = [];
    registerPdfRenderer(async (html) => {
      seen.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake');
    });
    try {
      const file = await call<ExportFile>(archive.app, 'exportNotes', { scope: { kind: 'all' }, format: 'pdf' });
      expect(Buffer.from(file.data, 'base64').toString()).toBe('%PDF-1.7 fake');
      expect(seen[0]).toContain('<html lang="ar" dir="rtl">');
    } finally {
      registerPdfRenderer(null);
    }
  });
});
