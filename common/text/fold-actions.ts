/**
 * What the search normalizer does with each code point (arabic-search.md §2.1
 * steps 1–5): emit one unit, expand, attach to the previous letter, drop, separate,
 * or apply the combining-hamza look-back. Computed once per distinct code point
 * (explicit tables, else NFKD + lowercase) and cached in dense tables, so the hot
 * loop in arabic.ts is a table look-up and a switch.
 */
import { charClass, LETTER, MARK, FORMAT, NUMBER, SEPARATOR } from './char-class.js';
import {
  explicitRule,
  RULE_ATTACH,
  RULE_DROP,
  RULE_HAMZA_MARK,
  RULE_SEPARATE,
  ALEF_MAKSURA,
  WAW,
  YEH,
  type ExplicitRule,
} from './arabic-tables.js';

/** Emit exactly one UTF-16 unit: `foldUnit(cp)`. */
export const K_EMIT = 1;
/** Emit `foldExpansion(cp)`: several units (may contain spaces, e.g. ﷺ). */
export const K_EXPAND = 2;
/** Delete; the original character joins the previous letter's highlight. */
export const K_ATTACH = 3;
/** Delete silently (zero-width, bidi, other format controls). */
export const K_DROP = 4;
/** Word separator: one space, runs collapse. */
export const K_SEPARATE = 5;
/** Combining madda/hamza: rewrite a previous و/ي/ى to ء, then attach. */
export const K_HAMZA_MARK = 6;

const HAMZA_CHAR = 'ء';

const bmpKinds = new Uint8Array(0x10000); // 0 = not computed yet
const bmpUnits = new Uint16Array(0x10000);
const expansions = new Map<number, string>();
const astralKinds = new Map<number, number>();

function kindOfRule(rule: Exclude<ExplicitRule, string>): number {
  switch (rule) {
    case RULE_ATTACH:
      return K_ATTACH;
    case RULE_DROP:
      return K_DROP;
    case RULE_SEPARATE:
      return K_SEPARATE;
    default:
      return K_HAMZA_MARK;
  }
}

/** §2.1 step 3 inside a decomposition: ؤ, ئ and ۓ arrive as و/ي/ے + U+0654. */
function withHamzaLookBack(acc: string): string {
  const last = acc.charCodeAt(acc.length - 1);
  return last === WAW || last === YEH || last === ALEF_MAKSURA ? acc.slice(0, -1) + HAMZA_CHAR : acc;
}

/**
 * Folds one character through NFKD, the explicit tables and lowercasing (steps
 * 2–5). Returns letters/digits and single spaces only. Runs once per code point,
 * so plain string building is fine here.
 */
export function foldCharacter(ch: string, depth = 0): string {
  let acc = '';
  for (const c of ch.normalize('NFKD')) {
    const cp = c.codePointAt(0) ?? 0;
    const rule = explicitRule(cp);
    if (rule !== undefined) {
      if (typeof rule === 'string') acc += rule;
      else if (rule === RULE_SEPARATE) acc += ' ';
      else if (rule === RULE_HAMZA_MARK) acc = withHamzaLookBack(acc);
      continue;
    }
    const cls = charClass(cp);
    if (cls === LETTER || cls === NUMBER) {
      const lower = c.toLowerCase();
      // Lowercasing can produce decomposable text (İ → i + U+0307): fold it again.
      acc += lower === c || depth > 2 ? lower : foldCharacter(lower, depth + 1);
    } else if (cls === SEPARATOR) {
      acc += ' ';
    }
    // Marks and format characters inside a decomposition vanish (é → e).
  }
  return acc.length > 1 ? acc.replace(/ {2,}/g, ' ') : acc;
}

function compute(cp: number): { kind: number; text: string } {
  const rule = explicitRule(cp);
  if (rule !== undefined && typeof rule !== 'string') return { kind: kindOfRule(rule), text: '' };
  let text: string;
  if (typeof rule === 'string') {
    text = rule;
  } else {
    const cls = charClass(cp);
    if (cls === MARK) return { kind: K_ATTACH, text: '' };
    if (cls === FORMAT) return { kind: K_DROP, text: '' };
    text = foldCharacter(String.fromCodePoint(cp));
  }
  if (text === '') return { kind: K_DROP, text };
  if (text === ' ') return { kind: K_SEPARATE, text };
  return { kind: text.length === 1 ? K_EMIT : K_EXPAND, text };
}

/** The action kind of a code point (K_EMIT … K_HAMZA_MARK). */
export function foldKind(cp: number): number {
  if (cp < 0x10000) {
    const cached = bmpKinds[cp];
    if (cached !== 0) return cached;
    const { kind, text } = compute(cp);
    if (kind === K_EMIT) bmpUnits[cp] = text.charCodeAt(0);
    else if (kind === K_EXPAND) expansions.set(cp, text);
    bmpKinds[cp] = kind;
    return kind;
  }
  const cached = astralKinds.get(cp);
  if (cached !== undefined) return cached;
  const computed = compute(cp);
  const text = computed.text;
  // Above the BMP even a one-unit result goes through the expansion map.
  const kind = computed.kind === K_EMIT ? K_EXPAND : computed.kind;
  if (kind === K_EXPAND) expansions.set(cp, text);
  astralKinds.set(cp, kind);
  return kind;
}

/** The single output unit of a K_EMIT code point (call foldKind first). */
export function foldUnit(cp: number): number {
  return bmpUnits[cp];
}

/** The output text of a K_EXPAND code point (call foldKind first). */
export function foldExpansion(cp: number): string {
  return expansions.get(cp) ?? '';
}
