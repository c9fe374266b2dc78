/**
 * Some PDFs give their Arabic text back in visual order (each line reversed).
 * Detection counts word shapes only one direction produces: a logical Arabic
 * word may start with the article "ال" and end in ة or ى, but never starts with
 * ة or ى; reversed text shows "لا"-endings and ة/ى-beginnings instead.
 * Repair reads each line right to left again.
 */
import { visualRtlToLogical } from './bidi-text.js';

export type TextOrder = 'logical' | 'visual' | 'unsure';

const ARABIC_WORD = /[\u0621-\u064A]+/g;
const MARKS = /[\u064B-\u065F\u0670\u0640]/g;

export function orderEvidence(text: string): { logical: number; visual: number } {
  let logical = 0;
  let visual = 0;
  for (const [word] of text.replace(MARKS, '').matchAll(ARABIC_WORD)) {
    if (word.length >= 4 && word.startsWith('ال')) logical += 1;
    if (word.length >= 2 && /[ةى]$/.test(word)) logical += 1;
    if (word.length >= 4 && word.endsWith('لا')) visual += 1;
    if (word.length >= 2 && /^[ةى]/.test(word)) visual += 1;
  }
  return { logical, visual };
}

/** Decides whether text is in logical or visual order; 'unsure' when the evidence is thin or mixed. */
export function detectTextOrder(text: string): TextOrder {
  const { logical, visual } = orderEvidence(text);
  if (visual >= 5 && visual > 3 * logical) return 'visual';
  if (visual >= 3 && visual > logical) return 'unsure';
  return 'logical';
}

/** Puts one visually ordered line back in reading order. */
export function repairVisualLine(line: string): string {
  return visualRtlToLogical(line);
}
