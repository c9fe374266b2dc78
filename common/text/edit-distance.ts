/**
 * Edit distance and the fuzzy budget (arabic-search.md §3.5). Arabic words are
 * short and dense (قال/مال/حال are all one edit apart), so the budget is stricter
 * than Elasticsearch's AUTO, and transpositions count as one edit because a
 * swapped pair is one of the commonest typing slips.
 */

/** Maximum edits allowed for a normalized term of `letters` letters: ≤3 → 0, 4–7 → 1, ≥8 → 2. */
export function maxEdits(letters: number): number {
  if (letters <= 3) return 0;
  return letters <= 7 ? 1 : 2;
}

// Three reusable rows: distances for prefixes of b against a[0..i-2], a[0..i-1], a[0..i].
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent
 * transpositions, no edits inside a transposed pair), bounded: any distance above
 * `max` is reported as `max + 1`, and the computation stops as soon as it must be.
 */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.min(Math.max(la, lb), max + 1);
  if (rowA.length <= lb) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let before = rowA; // row i-2
  let previous = rowB; // row i-1
  let current = rowC; // row i
  for (let j = 0; j <= lb; j += 1) previous[j] = j;
  for (let i = 1; i <= la; i += 1) {
    const ca = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j += 1) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, before[j - 2] + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  return Math.min(previous[lb], max + 1);
}
