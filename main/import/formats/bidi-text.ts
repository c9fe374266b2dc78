/**
 * The little bidi knowledge PDF text needs: which characters are strong
 * right-to-left, how text drawn left to right reads inside a right-to-left
 * line (numbers and Latin words keep their order), and bracket mirroring.
 */

/** Arabic (and Hebrew) letters, including presentation forms; Arabic-Indic digits are not letters. */
export const RTL_LETTER = /[\u0590-\u05FF\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

const MIRRORS: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };

export function mirror(text: string): string {
  return text.replace(/[()[\]{}<>«»‹›]/g, (char) => MIRRORS[char] ?? char);
}

// Runs that keep their left-to-right order inside right-to-left text: Latin words (with the digits,
// spaces and punctuation between them), and numbers with their separators (12, 2018, 3.5, 12/07, 50%).
const LATIN = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
const DIGIT = '0-9\\u0660-\\u0669\\u06F0-\\u06F9';
const LTR_RUN = new RegExp(
  `[${LATIN}](?:[${LATIN}${DIGIT}'’]|[\\s.,:;/&+-]+(?=[${LATIN}${DIGIT}]))*|[${DIGIT}](?:[${DIGIT}]|[.,:/-](?=[${DIGIT}]))*%?`,
  'uy',
);

/**
 * Text as drawn (left to right) that belongs to a right-to-left line, in
 * reading order: characters reversed (a combining mark stays after its
 * letter), left-to-right runs kept in their order, brackets mirrored.
 * ".2018" → "2018.", "(" → ")", "kroY weN ..." stays readable.
 */
export function visualRtlToLogical(visual: string): string {
  const tokens: string[] = [];
  let index = 0;
  while (index < visual.length) {
    LTR_RUN.lastIndex = index;
    const run = LTR_RUN.exec(visual);
    if (run) {
      tokens.push(run[0]);
      index += run[0].length;
      continue;
    }
    const cluster = /\P{M}\p{M}*|\p{M}+/uy;
    cluster.lastIndex = index;
    const unit = cluster.exec(visual)?.[0] ?? visual.slice(index, index + 1);
    tokens.push(mirror(unit));
    index += unit.length;
  }
  return tokens.reverse().join('');
}
