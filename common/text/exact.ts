/**
 * The exact-match normalizer: what a quoted or "exact" search compares on. It
 * keeps everything that distinguishes spelling (harakat, hamza seats, ى/ي, ة/ه,
 * alef forms) and removes only what is invisible or presentational: tatweel,
 * zero-width and bidi controls, presentation-form glyphs, runs of separators,
 * letter case and the digit script. Mark order and decomposed hamza are
 * canonicalized (NFC per letter cluster), so مَّ and مَّ, أ and ا + U+0654 compare
 * equal. Same offset-map contract as `normalize`.
 */
import { charClass, FORMAT, LETTER, MARK, SEPARATOR } from './char-class.js';
import { explicitRule, RULE_DROP, RULE_SEPARATE, SPACE, TATWEEL } from './arabic-tables.js';
import { OffsetBuilder, unitsToString, type Normalized } from './offset-builder.js';

const X_KEEP = 1; // emit the character unchanged
const X_MAP = 2; // emit replacement text
const X_ATTACH = 3; // tatweel: delete, extend the previous letter's span
const X_DROP = 4;
const X_SEPARATE = 5;

const BASMALA = 'بسم الله الرحمن الرحيم';

// Reused across calls (synchronous, never re-entered): see OffsetBuilder.
const scratch = new OffsetBuilder(4096);
const composed = new OffsetBuilder(4096);

const kinds = new Uint8Array(0x10000);
const astralKinds = new Map<number, number>();
const replacements = new Map<number, string>();

function isPresentationForm(cp: number): boolean {
  return (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
}

/** Folds a presentation-form glyph to its letters, keeping hamza and harakat (NFKC, not NFKD). */
function foldPresentationForm(cp: number): string {
  if (cp === 0xfdfd) return BASMALA;
  // Isolated harakat forms are "space + mark" or "tatweel + mark" under NFKC: keep only the mark.
  const isolatedMark = (cp >= 0xfe70 && cp <= 0xfe7f) || (cp >= 0xfc5e && cp <= 0xfc63);
  let acc = '';
  for (const c of String.fromCodePoint(cp).normalize('NFKC')) {
    const code = c.codePointAt(0) ?? 0;
    const cls = charClass(code);
    if (code === TATWEEL || cls === FORMAT) continue;
    if (cls === SEPARATOR || code === SPACE) {
      if (!isolatedMark) acc += ' ';
      continue;
    }
    acc += c;
  }
  return acc.replace(/ {2,}/g, ' ');
}

function compute(cp: number): { kind: number; text: string } {
  if (cp === TATWEEL) return { kind: X_ATTACH, text: '' };
  const rule = explicitRule(cp);
  if (rule === RULE_DROP) return { kind: X_DROP, text: '' };
  if (rule === RULE_SEPARATE) return { kind: X_SEPARATE, text: '' };
  // Digit script is presentational: ٢٠٢٤ and 2024 are the same number.
  if (cp >= 0x0660 && cp <= 0x0669) return { kind: X_MAP, text: String.fromCharCode(0x30 + cp - 0x0660) };
  if (cp >= 0x06f0 && cp <= 0x06f9) return { kind: X_MAP, text: String.fromCharCode(0x30 + cp - 0x06f0) };
  if (isPresentationForm(cp)) {
    const text = foldPresentationForm(cp);
    if (text === '') return { kind: X_DROP, text };
    if (text === ' ') return { kind: X_SEPARATE, text };
    return { kind: X_MAP, text };
  }
  const cls = charClass(cp);
  if (cls === FORMAT) return { kind: X_DROP, text: '' };
  if (cls === SEPARATOR) return { kind: X_SEPARATE, text: '' };
  const ch = String.fromCodePoint(cp);
  if (cls === LETTER) {
    const lower = ch.toLowerCase();
    if (lower !== ch) return { kind: X_MAP, text: lower };
  }
  return cp > 0xffff ? { kind: X_MAP, text: ch } : { kind: X_KEEP, text: '' };
}

function kindOf(cp: number): number {
  if (cp < 0x10000) {
    const cached = kinds[cp];
    if (cached !== 0) return cached;
    const { kind, text } = compute(cp);
    if (kind === X_MAP) replacements.set(cp, text);
    kinds[cp] = kind;
    return kind;
  }
  const cached = astralKinds.get(cp);
  if (cached !== undefined) return cached;
  const { kind, text } = compute(cp);
  if (kind === X_MAP) replacements.set(cp, text);
  astralKinds.set(cp, kind);
  return kind;
}

/** Letter + combining marks → NFC, every unit spanning the whole cluster. */
function composeClusters(raw: OffsetBuilder): OffsetBuilder {
  const out = composed;
  out.reset(raw.length + 8);
  let i = 0;
  while (i < raw.length) {
    const unit = raw.units[i];
    let j = i + 1;
    if (unit !== SPACE && charClass(unit) !== MARK) {
      while (j < raw.length && charClass(raw.units[j]) === MARK) j += 1;
    }
    if (j - i === 1) {
      out.push(unit, raw.start[i], raw.end[i]);
    } else {
      const cluster = unitsToString(raw.units, i, j).normalize('NFC');
      for (let k = 0; k < cluster.length; k += 1) out.push(cluster.charCodeAt(k), raw.start[i], raw.end[j - 1]);
    }
    i = j;
  }
  return out;
}

/**
 * Normalizes for exact matching: harakat and hamza kept, only invisible and
 * presentational differences removed. See the file header for the full list.
 */
export function normalizeExact(original: string): Normalized {
  const len = original.length;
  const out = scratch;
  out.reset(len + 8);
  let sawMark = false;
  let i = 0;
  while (i < len) {
    // A whole code point; a lone surrogate comes back as itself (width 1).
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const next = i + width;
    switch (kindOf(cp)) {
      case X_KEEP:
        if (charClass(cp) === MARK) sawMark = true;
        out.push(cp, i, next);
        break;
      case X_MAP: {
        const text = replacements.get(cp) ?? '';
        for (let k = 0; k < text.length; k += 1) {
          const unit = text.charCodeAt(k);
          if (unit === SPACE) {
            const last = out.last();
            if (last === SPACE || last === -1) continue;
          } else if (charClass(unit) === MARK) {
            sawMark = true;
          }
          out.push(unit, i, next);
        }
        break;
      }
      case X_ATTACH: {
        const last = out.last();
        if (last !== -1 && last !== SPACE) out.attachToLast(next);
        break;
      }
      case X_SEPARATE: {
        const last = out.last();
        if (last !== SPACE && last !== -1) out.push(SPACE, i, next);
        break;
      }
      default:
        break;
    }
    i = next;
  }
  return (sawMark ? composeClusters(out) : out).finish();
}
