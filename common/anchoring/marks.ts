/**
 * Character classes shared by grapheme snapping (snap.ts) and mark-insensitive
 * matching (fold.ts): which code points belong to the character before them,
 * which to the character after them, and which are invisible joiners.
 * Kept in one place so that "what a diacritic is" cannot drift between the two.
 */

/** ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER: they shape the letters on both sides. */
export const ZWNJ = 0x200c;
export const ZWJ = 0x200d;

/** ARABIC TATWEEL: a stretching stroke; some sources use it for justification only. */
export const TATWEEL = 0x0640;

// Marks that belong to the character before them. \p{M} covers the harakat
// (U+064B–U+065F), the dagger alef (U+0670), the signs U+0610–U+061A and every
// other script's combining marks. The Quranic annotation block U+06D6–U+06ED is
// listed explicitly because some of it is not \p{M}: the small waw and yeh
// (U+06E5, U+06E6) are Lm and U+06E9 is So, yet all of them are written after a
// letter as part of it. U+06DD (end of ayah) and U+06DE (rub el hizb) are left
// out: the first is a prepended mark (see PREPENDED) and the second a standalone
// symbol.
const ATTACHES_TO_PREVIOUS = /^[\p{M}\u06D6-\u06DC\u06DF-\u06ED]$/u;

// Emoji skin-tone modifiers attach to the emoji before them. (Kept out of the
// regex: a modifier inside a character class reads as a misleading emoji.)
const EMOJI_MODIFIER_FIRST = 0x1f3fb;
const EMOJI_MODIFIER_LAST = 0x1f3ff;

// Prepended concatenation marks (Unicode Grapheme_Cluster_Break=Prepend used in
// Arabic text): U+0600–U+0605 number signs, U+06DD end of ayah, U+08E2 disputed
// end of ayah. They enclose the digits that follow them, so they belong to the
// character after them.
const PREPENDED = /^[\u0600-\u0605\u06DD\u08E2]$/u;

/** True when the code point is a mark that must stay with the character before it. */
export function attachesToPrevious(codePoint: number): boolean {
  if (codePoint >= EMOJI_MODIFIER_FIRST && codePoint <= EMOJI_MODIFIER_LAST) return true;
  // Nothing below U+0300 is a combining mark; skipping the regex keeps folding a long article cheap.
  return codePoint >= 0x0300 && ATTACHES_TO_PREVIOUS.test(String.fromCodePoint(codePoint));
}

/** True when the code point must stay with the character after it. */
export function attachesToNext(codePoint: number): boolean {
  return codePoint >= 0x0600 && PREPENDED.test(String.fromCodePoint(codePoint));
}

/** True for ZWJ and ZWNJ. */
export function isJoinControl(codeUnit: number): boolean {
  return codeUnit === ZWJ || codeUnit === ZWNJ;
}

export function isHighSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdbff;
}

export function isLowSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xdc00 && codeUnit <= 0xdfff;
}
