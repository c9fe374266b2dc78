/**
 * PDF: the exported HTML printed by a browser engine, so Arabic is shaped and
 * laid out right-to-left exactly as in the HTML file.
 *
 * - Electron host: the main process registers a renderer built on
 *   `webContents.printToPDF` (a hidden, sandboxed window loading the HTML with
 *   JavaScript disabled) through {@link registerPdfRenderer}. The archive core
 *   never imports electron (design §1), hence this hook.
 * - CLI and browser shell: Chromium driven by Playwright (`chromium.launch` with
 *   an executablePath), when both are installed; otherwise a clear error says
 *   so. The browser shell's UI also offers its print view.
 */
import { existsSync } from 'node:fs';
import { QirtasError } from '../../common/errors.js';

export type PdfRenderer = (html: string) => Promise<Uint8Array>;

let registered: PdfRenderer | null = null;

/** For the Electron host (printToPDF). null unregisters. */
export function registerPdfRenderer(renderer: PdfRenderer | null): void {
  registered = renderer;
}

/** The same flags the end-to-end tests use (design §6). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.QIRTAS_CHROMIUM;
  if (explicit) return existsSync(explicit) ? explicit : null;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

interface PlaywrightLike {
  chromium: {
    launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<{
      newPage(): Promise<{
        setContent(html: string, options: { waitUntil: 'load' }): Promise<void>;
        evaluate(script: string): Promise<unknown>;
        pdf(options: Record<string, unknown>): Promise<Uint8Array>;
      }>;
      close(): Promise<void>;
    }>;
  };
}

async function loadPlaywright(): Promise<PlaywrightLike | null> {
  // A computed name keeps bundlers from pulling Playwright into the app; it is a tool, not a dependency.
  for (const name of ['playwright-core', 'playwright', '@playwright/test']) {
    try {
      const module = (await import(/* @vite-ignore */ name)) as PlaywrightLike & { default?: PlaywrightLike };
      const playwright = module.chromium ? module : module.default;
      if (playwright?.chromium) return playwright;
    } catch {
      // try the next one
    }
  }
  return null;
}

/** Why PDF cannot be made here, or null when it can. */
export async function pdfUnavailableReason(): Promise<string | null> {
  if (registered) return null;
  const chromium = findChromium();
  if (!chromium && process.env.QIRTAS_CHROMIUM) {
    return `PDF export needs Chromium: QIRTAS_CHROMIUM points to ${process.env.QIRTAS_CHROMIUM}, which does not exist. Export HTML and print it from a browser instead.`;
  }
  if (!chromium) {
    return `PDF export needs Chromium, and none was found (looked at ${CHROMIUM_CANDIDATES.join(', ')}; set QIRTAS_CHROMIUM to its path). Export HTML and print it from a browser instead.`;
  }
  if (!(await loadPlaywright())) return 'PDF export drives Chromium through Playwright (playwright-core), which is not installed here. Export HTML and print it from a browser instead.';
  return null;
}

/** Prints the HTML through Chromium: A4, backgrounds (the highlight colours) kept, after the embedded font has loaded. */
export async function chromiumPdf(html: string): Promise<Uint8Array> {
  const executablePath = findChromium();
  const playwright = await loadPlaywright();
  if (!executablePath || !playwright) throw new QirtasError('NOT_FOUND', (await pdfUnavailableReason()) ?? 'PDF export is not available.');
  const browser = await playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** The PDF renderer of this host: the registered one (Electron), else Chromium. */
export async function renderPdf(html: string): Promise<Uint8Array> {
  if (registered) return registered(html);
  return chromiumPdf(html);
}
