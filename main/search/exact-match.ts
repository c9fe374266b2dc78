/**
 * Exact mode: the user wants the spelling as typed (أمن, not آمن or امن; مسؤول, not
 * مسئول). The index folds those differences away, so exact mode verifies candidates
 * against the original characters. Harakat count only when the query has some: an
 * unvoweled query still finds voweled text, a voweled one requires those harakat.
 */
import { normalizeExact } from '../../common/text/arabic.js';

// Harakat, Quranic marks, dagger alef and tatweel: what an unvoweled query ignores.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

export interface ExactForm {
  form: string;
  withMarks: boolean;
}

/** How a query word must look in exact mode. */
export function exactForm(word: string): ExactForm {
  const form = normalizeExact(word).text.trim();
  const withMarks = form.replace(MARKS, '') !== form;
  return { form, withMarks };
}

/** Whether an original token (its characters as stored) is the word as typed. */
export function matchesExactly(original: string, want: ExactForm): boolean {
  const form = normalizeExact(original).text.trim();
  return (want.withMarks ? form : form.replace(MARKS, '')) === want.form;
}
