/**
 * The per-token ى → ي fold and its no-fold list (arabic-search.md §2.5). The
 * per-character pass keeps ى; this step folds it in every token except a few
 * function words, so that a search for علي ("Ali") does not drown in the
 * countless على ("on") of a news archive. Applied identically to documents and
 * queries, so index and query always agree.
 */
import { ALEF_MAKSURA, SPACE, WAW, YEH } from './arabic-tables.js';
import { unitsToString } from './offset-builder.js';

const FEH = 0x0641;

/** Compared after alef folding and mark removal, i.e. on normalized text. */
const NO_FOLD = new Set(['على', 'الى', 'حتى', 'متى', 'لدى', 'سوى', 'عسى', 'انى']);

/**
 * Whether a normalized token keeps its ى. Beyond the spec's list we also keep the
 * forms with a conjunction و/ف (وعلى, فإلى…): they are as frequent as the bare
 * words, and folding them would make وعلي ("and Ali") collide with وعلى ("and on").
 */
export function keepsAlefMaksura(token: string): boolean {
  if (NO_FOLD.has(token)) return true;
  const first = token.charCodeAt(0);
  return (first === WAW || first === FEH) && NO_FOLD.has(token.slice(1));
}

/** Folds ى → ي in place inside every token of `buf[0, n)` that is not on the no-fold list (1→1: offsets stay valid). */
export function foldAlefMaksura(buf: Uint16Array, n: number): void {
  let i = 0;
  while (i < n) {
    if (buf[i] !== ALEF_MAKSURA) {
      i += 1;
      continue;
    }
    let s = i;
    while (s > 0 && buf[s - 1] !== SPACE) s -= 1;
    let e = i + 1;
    while (e < n && buf[e] !== SPACE) e += 1;
    const token = unitsToString(buf, s, e);
    if (!keepsAlefMaksura(token)) {
      for (let k = i; k < e; k += 1) if (buf[k] === ALEF_MAKSURA) buf[k] = YEH;
    }
    i = e;
  }
}

const FINAL_YEH = 'ي';
const FINAL_MAKSURA = 'ى';

/**
 * The other spelling of a function word that differs only by its final ي/ى
 * (issue 9 item 2): علي → على, الي → الى, حتي → حتى, اني → انى, وعلي → وعلى, and
 * back (على → علي, for texts that write ي). Null for every other word: only the
 * no-fold words keep ى in the index, so only they can be missed this way.
 */
export function maksuraVariant(token: string): string | null {
  if (token.endsWith(FINAL_YEH)) {
    const alt = token.slice(0, -1) + FINAL_MAKSURA;
    return keepsAlefMaksura(alt) ? alt : null;
  }
  if (token.endsWith(FINAL_MAKSURA) && keepsAlefMaksura(token)) return token.slice(0, -1) + FINAL_YEH;
  return null;
}
