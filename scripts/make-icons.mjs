// Every icon the installers and the window need, from ONE 1024×1024 source,
// assets/icon.png: Linux PNGs (16…1024 in build/icons/, electron-builder's icon
// set), Windows build/icon.ico and macOS build/icon.icns (png2icons, plain
// JavaScript), and the window icon assets/icons/icon.png (512). The outputs are
// committed, so release machines need none of these tools.
// `node scripts/make-icons.mjs`           regenerate from assets/icon.png
// `node scripts/make-icons.mjs --from-svg` first render assets/icons/icon.svg to
//                                          assets/icon.png with Chromium (Playwright)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(root, 'assets', 'icon.png');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const png2icons = createRequire(import.meta.url)('png2icons');

function pngSize(bytes) {
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Draws an image at size×size in Chromium and returns the PNG (transparent background kept). */
async function renderAt(page, html, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}img,svg{display:block;width:${size}px;height:${size}px}</style>${html}`);
  await page.evaluate('Promise.all([document.fonts.ready, ...[...document.images].map((image) => image.decode())])');
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const browser = await chromium.launch({ executablePath: process.env.QIRTAS_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  if (process.argv.includes('--from-svg')) {
    const svg = readFileSync(join(root, 'assets', 'icons', 'icon.svg'), 'utf8');
    writeFileSync(SOURCE, await renderAt(page, svg, 1024));
  }
  const source = readFileSync(SOURCE);
  const { width, height } = pngSize(source);
  if (width !== 1024 || height !== 1024) throw new Error(`assets/icon.png must be 1024×1024 (it is ${width}×${height}).`);
  const img = `<img src="data:image/png;base64,${source.toString('base64')}">`;
  mkdirSync(join(root, 'build', 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    const png = size === 1024 ? source : await renderAt(page, img, size);
    writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), png);
    if (size === 512) writeFileSync(join(root, 'assets', 'icons', 'icon.png'), png);
  }
  writeFileSync(join(root, 'build', 'icon.png'), source);
  writeFileSync(join(root, 'build', 'icon.ico'), png2icons.createICO(source, png2icons.BICUBIC2, 0, true, true));
  writeFileSync(join(root, 'build', 'icon.icns'), png2icons.createICNS(source, png2icons.BICUBIC2, 0));
  console.log(`Icons written from assets/icon.png: build/icons/{${LINUX_SIZES.join(',')}}, build/icon.ico, build/icon.icns, assets/icons/icon.png`);
} finally {
  await browser.close();
}
