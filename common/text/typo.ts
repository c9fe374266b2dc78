/**
 * Typo candidates (tier T3 of arabic-search.md §3.3): vocabulary terms within
 * the §3.5 edit budget of a query base, plus explicit adjacent transpositions
 * (an engine whose fuzzy search is plain Levenshtein would charge a swap two
 * edits). A candidate that differs from its base only by one leading clitic-like
 * letter is dropped: that is a clitic or word-boundary difference, which the
 * clitic tier handles under its frequency check (otherwise وزير → زير,
 * بنان → لبنان and سلام → اسلام come back as "typos"). Likewise a candidate that
 * only adds or drops the feminine ending ه is a gender difference, which the
 * inflection tier handles (otherwise جامعة → جامع and مدرسة → مدرس come back).
 */
import { editDistance, maxEdits } from './edit-distance.js';
import type { Vocabulary } from './vocabulary.js';

/** Letters that begin clitics (و ف ب ل ك) or the article (ا). */
const LEADING = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'ا']);

/** Whether `a` is `b` with one extra leading clitic-like letter, or the reverse. */
export function differsByLeadingLetter(a: string, b: string): boolean {
  if (a.length === b.length + 1) return LEADING.has(a[0]) && a.endsWith(b);
  if (b.length === a.length + 1) return LEADING.has(b[0]) && b.endsWith(a);
  return false;
}

const FEMININE_HEH = 'ه';

/** Whether `a` is `b` plus a final feminine ه, or the reverse. */
export function differsByFeminineEnding(a: string, b: string): boolean {
  if (a.length === b.length + 1) return a.endsWith(FEMININE_HEH) && a.startsWith(b);
  if (b.length === a.length + 1) return b.endsWith(FEMININE_HEH) && b.startsWith(a);
  return false;
}

export interface TypoOptions {
  /** Edits allowed for a word of three letters or fewer (the §3.5 budget gives none). */
  shortBudget?: number;
  /** Keep candidates that differ only by a leading clitic-like letter (a deleted or added first letter). */
  leadingLetter?: boolean;
}

/**
 * Typo candidates of the given bases (b0 first), as term → number of edits.
 * Terms equal to a base are left out: they are not typos.
 */
export function typoCandidates(bases: readonly string[], vocab: Vocabulary, options: TypoOptions = {}): Map<string, number> {
  const budgetOf = (letters: number): number => (letters <= 3 ? Math.min(options.shortBudget ?? 0, letters - 1) : maxEdits(letters));
  const found = new Map<string, number>();
  const keep = (term: string, edits: number): void => {
    const known = found.get(term);
    if (known === undefined || edits < known) found.set(term, edits);
  };
  for (const base of bases) {
    const budget = budgetOf(base.length);
    if (budget <= 0) continue;
    for (const term of vocab.termsWithin(base, budget)) {
      if (bases.includes(term) || differsByFeminineEnding(term, base)) continue;
      if (!options.leadingLetter && differsByLeadingLetter(term, base)) continue;
      // A short word's one edit must keep its length class: حمس → حمص, never حم or حمسه.
      if (base.length <= 3 && term.length < 3) continue;
      const edits = editDistance(base, term, budget);
      if (edits >= 1 && edits <= budget) keep(term, edits);
    }
  }
  const primary = bases[0];
  if (primary !== undefined && budgetOf(primary.length) > 0) {
    for (let i = 0; i + 1 < primary.length; i += 1) {
      if (primary[i] === primary[i + 1]) continue;
      const swapped = primary.slice(0, i) + primary[i + 1] + primary[i] + primary.slice(i + 2);
      if (!bases.includes(swapped) && vocab.docFrequency(swapped) > 0) keep(swapped, 1);
    }
  }
  return found;
}

/**
 * Letters readers confuse by sound (normalized spelling): a substitution inside
 * one group is a likelier slip than any other edit.
 */
const SOUND_GROUPS = ['سص', 'تط', 'دض', 'ذزظ', 'هح', 'كق', 'اءع', 'ثس', 'غخ'];
// Neighbouring keys on the standard Arabic keyboard, row by row.
const KEY_ROWS = ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ءؤرىةوزظ'];

function sameGroup(a: string, b: string): boolean {
  for (const g of SOUND_GROUPS) if (g.includes(a) && g.includes(b)) return true;
  for (const row of KEY_ROWS) {
    const i = row.indexOf(a);
    if (i >= 0 && (row[i - 1] === b || row[i + 1] === b)) return true;
  }
  return false;
}

/** Whether `term` is `q` with one letter replaced by a sound-alike or a neighbouring key. */
export function isLikelySlip(q: string, term: string): boolean {
  if (q.length !== term.length) return false;
  let diff = -1;
  for (let i = 0; i < q.length; i += 1) {
    if (q[i] === term[i]) continue;
    if (diff >= 0) return false;
    diff = i;
  }
  return diff >= 0 && sameGroup(q[diff]!, term[diff]!);
}
