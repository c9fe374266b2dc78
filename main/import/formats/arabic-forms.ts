/**
 * Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) — the shaped glyph
 * codes PDF text often comes back as — folded to the letters they show, with
 * NFKC applied to those ranges only (NFKC elsewhere would also rewrite
 * digits, ligatures and compatibility characters the author chose).
 */

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;

export function foldPresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (run) => run.normalize('NFKC'));
}
