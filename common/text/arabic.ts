/**
 * The Arabic search normalizer (arabic-search.md §2) with its offset map back to
 * the original text (§4). Everything search touches (index terms, query words,
 * snippets, in-article find) goes through `normalize`, so that a diacritic, a
 * tatweel, a hamza seat or a presentation-form glyph never decides whether a
 * word is found, while highlights still land on the original characters.
 */
import { foldAlefMaksura } from './alef-maksura.js';
import { ALEF_MAKSURA, HAMZA, SPACE, WAW, YEH } from './arabic-tables.js';
import {
  foldExpansion,
  foldKind,
  foldUnit,
  K_ATTACH,
  K_EMIT,
  K_EXPAND,
  K_HAMZA_MARK,
  K_SEPARATE,
} from './fold-actions.js';
import { OffsetBuilder, type Normalized } from './offset-builder.js';

export type { Normalized } from './offset-builder.js';
export { normalizeExact } from './exact.js';

/**
 * Version of the normalization and tokenization output. Persisted indexes store
 * it and are rebuilt on mismatch: bump it whenever `normalize` or `tokenize`
 * can produce different text for the same input. Query expansion is not covered
 * (it runs at query time and needs no re-index).
 */
export const ANALYZER_VERSION: number = 1;

// Reused across calls: normalize is synchronous and never re-entered.
const scratch = new OffsetBuilder(4096);

/**
 * Normalized text plus, for each normalized UTF-16 unit i, the original span
 * [start[i], end[i]) it came from. Marks and tatweel extend the span of the
 * letter before them; zero-width and bidi controls belong to no span.
 */
export function normalize(original: string): Normalized {
  const len = original.length;
  const out = scratch;
  out.reset(len + 8);
  // Start of marks that came before any letter (after a separator): they join the next letter.
  let pending = -1;
  let sawMaksura = false;
  let i = 0;
  while (i < len) {
    // A whole code point; a lone surrogate comes back as itself (width 1).
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const next = i + width;
    const kind = foldKind(cp);
    switch (kind) {
      case K_EMIT: {
        const unit = foldUnit(cp);
        if (unit === ALEF_MAKSURA) sawMaksura = true;
        out.push(unit, pending >= 0 ? pending : i, next);
        pending = -1;
        break;
      }
      case K_EXPAND: {
        // Every unit of an expansion (ﷲ → الله, ﻻ → لا) maps to the whole source character.
        const text = foldExpansion(cp);
        const from = pending >= 0 ? pending : i;
        for (let k = 0; k < text.length; k += 1) {
          const unit = text.charCodeAt(k);
          if (unit === SPACE) {
            const last = out.last();
            if (last === SPACE || last === -1) continue;
          } else if (unit === ALEF_MAKSURA) {
            sawMaksura = true;
          }
          out.push(unit, from, next);
        }
        pending = -1;
        break;
      }
      case K_HAMZA_MARK:
      case K_ATTACH: {
        const last = out.last();
        if (last === -1 || last === SPACE) {
          if (pending < 0) pending = i;
          break;
        }
        // §2.1 step 3: و/ي/ى + combining hamza is the seat hamza ؤ/ئ, folded to ء like the precomposed letters.
        if (kind === K_HAMZA_MARK && (last === WAW || last === YEH || last === ALEF_MAKSURA)) {
          out.units[out.length - 1] = HAMZA;
        }
        out.attachToLast(next);
        break;
      }
      case K_SEPARATE: {
        const last = out.last();
        if (last !== SPACE && last !== -1) out.push(SPACE, i, next);
        pending = -1;
        break;
      }
      default:
        // K_DROP: invisible controls belong to nothing.
        break;
    }
    i = next;
  }
  if (sawMaksura) foldAlefMaksura(out.units, out.length);
  return out.finish();
}

/** The normalized text alone: what index terms and query words are compared on. */
export function normalizeForSearch(s: string): string {
  return normalize(s).text;
}

/**
 * Map a normalized range [a, b) back to the original range. Each normalized unit
 * already spans its letter's trailing marks and the whole source glyph of an
 * expansion, so the result never separates a letter from its marks and never
 * cuts a ligature or a surrogate pair. An empty range maps to an empty range at
 * the corresponding original position.
 */
export function toOriginalRange(n: Normalized, a: number, b: number): { start: number; end: number } {
  const len = n.text.length;
  const from = Math.max(0, Math.min(a, len));
  const to = Math.max(from, Math.min(b, len));
  if (to === from) {
    const at = from < len ? n.start[from] : len > 0 ? n.end[len - 1] : 0;
    return { start: at, end: at };
  }
  return { start: n.start[from], end: n.end[to - 1] };
}
