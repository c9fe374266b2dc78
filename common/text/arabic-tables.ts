/**
 * The explicit character tables of the search normalizer (arabic-search.md §2.2,
 * tables A–D). They are consulted before Unicode compatibility decomposition,
 * because several Arabic letters decompose into things we do not want (ٵ → ا +
 * HIGH HAMZA, a letter). Anything not listed here falls through to NFKD.
 * Changing an entry changes the index: bump ANALYZER_VERSION.
 */

/** Delete the character and attach it to the preceding letter for highlighting (table A). */
export const RULE_ATTACH = 1;
/** Delete the character with no highlight attachment (table B: zero-width and bidi). */
export const RULE_DROP = 2;
/** Turn the character into a word separator (table B separator rows, C8). */
export const RULE_SEPARATE = 3;
/** U+0653–U+0655: rewrite a preceding و/ي/ى into ء, then attach (§2.1 step 3). */
export const RULE_HAMZA_MARK = 4;

/** A rule number, or the replacement text (1→1 fold or 1→n expansion). */
export type ExplicitRule = typeof RULE_ATTACH | typeof RULE_DROP | typeof RULE_SEPARATE | typeof RULE_HAMZA_MARK | string;

export const ALEF = 0x0627;
export const HAMZA = 0x0621;
export const WAW = 0x0648;
export const YEH = 0x064a;
export const ALEF_MAKSURA = 0x0649;
export const HEH = 0x0647;
export const TEH_MARBUTA = 0x0629;
export const TATWEEL = 0x0640;
export const SPACE = 0x20;

// ﷽ has no compatibility decomposition at all, so NFKD cannot supply it (CAMeL Tools special-cases it too).
const BASMALA = 'بسم الله الرحمن الرحيم';

function inRange(cp: number, lo: number, hi: number): boolean {
  return cp >= lo && cp <= hi;
}

/** Table A: harakat, Quranic marks, dagger alef, tatweel and the presentation forms of harakat. */
function isAttachedMark(cp: number): boolean {
  return (
    inRange(cp, 0x064b, 0x0652) || // fathatan … sukun
    inRange(cp, 0x0656, 0x065f) || // subscript alef … wavy hamza below
    cp === 0x0670 || // superscript (dagger) alef
    inRange(cp, 0x0610, 0x061a) || // honorific signs, small high letters
    inRange(cp, 0x06d6, 0x06dc) ||
    inRange(cp, 0x06df, 0x06e4) ||
    inRange(cp, 0x06e5, 0x06e6) || // small waw, small yeh (Lm, Quranic)
    inRange(cp, 0x06e7, 0x06e8) ||
    inRange(cp, 0x06ea, 0x06ed) ||
    cp === TATWEEL ||
    // NFKD would turn these into a space or a tatweel plus a mark: delete the whole code point.
    inRange(cp, 0xfe70, 0xfe7f) ||
    inRange(cp, 0xfc5e, 0xfc63)
  );
}

/** Table B, delete rows: invisible characters that carry no word and are never highlighted. */
function isInvisible(cp: number): boolean {
  return (
    inRange(cp, 0x200b, 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    cp === 0x2060 || // word joiner
    cp === 0xfeff || // BOM / ZWNBSP
    cp === 0x00ad || // soft hyphen
    cp === 0x061c || // Arabic letter mark
    inRange(cp, 0x202a, 0x202e) || // LRE, RLE, PDF, LRO, RLO
    inRange(cp, 0x2066, 0x2069) // LRI, RLI, FSI, PDI
  );
}

/** Table B, separator rows that Unicode files as Cf or So (the generic rule already splits at P, S, Z). */
function isArabicSeparator(cp: number): boolean {
  return (
    inRange(cp, 0x0600, 0x0605) || // prepended concatenation marks
    cp === 0x06dd || // end of ayah
    cp === 0x08e2 ||
    cp === 0x06de || // ۞
    cp === 0x06e9 || // ۩
    inRange(cp, 0x066a, 0x066c) || // ٪ ٫ ٬ (C8)
    cp === 0x110bd ||
    cp === 0x110cd
  );
}

/** Table C: 1→1 letter folds. Returns the replacement code point, or 0. */
function letterFold(cp: number): number {
  switch (cp) {
    // C1 alef forms
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: case 0x0675:
      return ALEF;
    // C2 hamza seats: the seat is orthographic (مسؤول / مسئول), the phoneme is the same
    case 0x0624: case 0x0626: case 0x0676: case 0x0678: case 0x06d3:
      return HAMZA;
    // C3 yeh lookalikes. ى U+0649 is deliberately absent: it folds per token (§2.5, no-fold list).
    case 0x06cc: case 0x06d0: case 0x06d2:
      return YEH;
    // C4 teh marbuta, C5 Persian/Urdu heh forms
    case TEH_MARBUTA: case 0x06c3: case 0x06c1: case 0x06c2: case 0x06be: case 0x06d5: case 0x06c0:
      return HEH;
    // C6 keheh, swash kaf
    case 0x06a9: case 0x06aa:
      return 0x0643;
    default:
      break;
  }
  // C7 Arabic-Indic and Persian digits
  if (inRange(cp, 0x0660, 0x0669)) return 0x30 + cp - 0x0660;
  if (inRange(cp, 0x06f0, 0x06f9)) return 0x30 + cp - 0x06f0;
  return 0;
}

/** The explicit rule for a code point, or undefined when Unicode decomposition should decide. */
export function explicitRule(cp: number): ExplicitRule | undefined {
  if (cp < 0x00ad) return undefined; // ASCII and Latin-1 punctuation: nothing explicit
  if (inRange(cp, 0x0653, 0x0655)) return RULE_HAMZA_MARK;
  if (isAttachedMark(cp)) return RULE_ATTACH;
  if (isInvisible(cp)) return RULE_DROP;
  if (isArabicSeparator(cp)) return RULE_SEPARATE;
  if (cp === 0xfdfd) return BASMALA;
  const folded = letterFold(cp);
  return folded === 0 ? undefined : String.fromCharCode(folded);
}
