/**
 * The fonts embedded in exported HTML (and so in the PDF printed from it).
 *
 * Arabic: the full TrueType build of Noto Naskh Arabic from
 * @embedpdf/fonts-arabic (regular and bold). Its contextual forms are the
 * Unicode presentation-form glyphs and are listed in its cmap, one glyph per
 * letter, so the ToUnicode map Chromium writes into a PDF gives every letter
 * back (pdftotext, pdf.js, copy and search). The Google web-font build
 * (@fontsource) draws dotted letters as a dotless base plus dot marks, which a
 * PDF text layer cannot map back to letters (issue 12): it is used for the
 * Latin subset only. In print, `ccmp` and `liga` are turned off
 * (PRINT_FEATURES): they fuse shadda and a vowel into one unmapped mark glyph
 * and draw «الله» as one ligature; the marks are still stacked by the font's
 * mark positioning, and lam-alef (rlig) stays.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PRINT_FONT_FAMILY = 'Qirtas Naskh';
/** Font features for print: see the header. */
export const PRINT_FEATURES = "font-feature-settings: 'ccmp' 0, 'liga' 0;";

const ARABIC_PACKAGE = '@embedpdf/fonts-arabic';
const ARABIC_FACES: Array<{ file: string; weight: number }> = [
  { file: 'NotoNaskhArabic-Regular.ttf', weight: 400 },
  { file: 'NotoNaskhArabic-Bold.ttf', weight: 700 },
];
/** Everything Arabic script (letters, marks, digits, punctuation, presentation forms) and the bidi controls. */
const ARABIC_RANGE = 'U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F, U+2066-2069';
const LATIN_PACKAGE = '@fontsource/noto-naskh-arabic';
const LATIN_SUBSETS = ['latin-400', 'latin-700'];
const cache = new Map<string, string>();

/** Where a font package is: beside the app (appRoot/node_modules), else wherever Node resolves it. */
export function findPackage(name: string, appRoot: string | undefined, mustHave: string): string | null {
  const candidates: string[] = [];
  if (appRoot) candidates.push(join(appRoot, 'node_modules', name));
  const require = createRequire(join(process.cwd(), 'index.js'));
  try {
    candidates.push(dirname(require.resolve(`${name}/package.json`)));
  } catch {
    // package.json not exported (@embedpdf/fonts-arabic): from its main entry up to the package folder
    try {
      let folder = dirname(require.resolve(name));
      while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
      candidates.push(folder);
    } catch {
      // not resolvable from here
    }
  }
  return candidates.find((folder) => existsSync(join(folder, mustHave))) ?? null;
}

/** The print font's folder (for tests and diagnostics), or null when the package is missing. */
export function findFontPackage(appRoot?: string): string | null {
  return findPackage(ARABIC_PACKAGE, appRoot, 'fonts');
}

function arabicFaces(appRoot?: string): string[] {
  const folder = findFontPackage(appRoot);
  if (!folder) return [];
  return ARABIC_FACES.filter((face) => existsSync(join(folder, 'fonts', face.file))).map((face) => {
    const data = readFileSync(join(folder, 'fonts', face.file)).toString('base64');
    return `@font-face { font-family: '${PRINT_FONT_FAMILY}'; font-style: normal; font-weight: ${face.weight}; font-display: block; src: url(data:font/ttf;base64,${data}) format('truetype'); unicode-range: ${ARABIC_RANGE}; }`;
  });
}

function latinFaces(appRoot?: string): string[] {
  const folder = findPackage(LATIN_PACKAGE, appRoot, 'files');
  if (!folder) return [];
  const rules: string[] = [];
  for (const subset of LATIN_SUBSETS) {
    const cssPath = join(folder, `${subset}.css`);
    if (!existsSync(cssPath)) continue;
    for (const rule of readFileSync(cssPath, 'utf8').match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
      if (!file) continue;
      const data = readFileSync(join(folder, 'files', file)).toString('base64');
      rules.push(
        rule
          .replace(/font-family:[^;]+;/, `font-family: '${PRINT_FONT_FAMILY}';`)
          .replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`),
      );
    }
  }
  return rules;
}

/** The @font-face rules with the font files inlined; '' when no font package is installed (system fonts then). */
export function embeddedFontCss(appRoot?: string): string {
  const key = appRoot ?? '';
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const result = [...arabicFaces(appRoot), ...latinFaces(appRoot)].join('\n');
  cache.set(key, result);
  return result;
}
