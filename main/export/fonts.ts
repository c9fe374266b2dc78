/**
 * The reading font embedded in exported HTML (and so in the PDF made from it):
 * Noto Naskh Arabic from @fontsource, its Arabic and Latin subsets at weights
 * 400 and 700, as base64 woff2 @font-face rules with the package's own
 * unicode-range, so the file shows the same letters offline on any machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PACKAGE = '@fontsource/noto-naskh-arabic';
const SUBSETS = ['arabic-400', 'latin-400', 'arabic-700', 'latin-700'];
const cache = new Map<string, string>();

/** Where the font package is: beside the app (appRoot/node_modules), else wherever Node resolves it. */
export function findFontPackage(appRoot?: string): string | null {
  const candidates: string[] = [];
  if (appRoot) candidates.push(join(appRoot, 'node_modules', PACKAGE));
  try {
    candidates.push(dirname(createRequire(join(process.cwd(), 'index.js')).resolve(`${PACKAGE}/package.json`)));
  } catch {
    // not resolvable from here
  }
  return candidates.find((folder) => existsSync(join(folder, 'files'))) ?? null;
}

/** The @font-face rules with the woff2 files inlined; '' when the package is not installed (system fonts then). */
export function embeddedFontCss(appRoot?: string): string {
  const folder = findFontPackage(appRoot);
  if (!folder) return '';
  const cached = cache.get(folder);
  if (cached !== undefined) return cached;
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    const cssPath = join(folder, `${subset}.css`);
    if (!existsSync(cssPath)) continue;
    const css = readFileSync(cssPath, 'utf8');
    for (const rule of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
      if (!file) continue;
      const data = readFileSync(join(folder, 'files', file)).toString('base64');
      rules.push(rule.replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`));
    }
  }
  const result = rules.join('\n');
  cache.set(folder, result);
  return result;
}
