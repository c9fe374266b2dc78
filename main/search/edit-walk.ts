/**
 * Edit-distance lookup over a sorted term array, walked as if it were a trie: the
 * dynamic-programming rows of a shared prefix are computed once and reused by every
 * term under it, and a whole prefix range is skipped (binary search) as soon as no
 * row entry is within the edit budget. Distance is optimal-string-alignment
 * Damerau–Levenshtein (insert, delete, substitute, swap two adjacent letters), so a
 * swapped pair costs one edit, as typing slips do. No extra index is needed: the
 * sorted array is also what prefix lookups binary-search.
 */

/** Index of the first term ≥ `key` in sorted[from, to). */
export function lowerBound(sorted: readonly string[], key: string, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first term at or after `from` that does not start with `prefix` (all before it must). */
export function prefixEnd(sorted: readonly string[], prefix: string, from = 0): number {
  return skipPrefix(sorted, prefix, prefix.length, from);
}

/** Whether `candidate` starts with the first `length` units of `term`. */
function sharesPrefix(candidate: string, term: string, length: number): boolean {
  if (candidate.length < length) return false;
  for (let k = length - 1; k >= 0; k -= 1) if (candidate.charCodeAt(k) !== term.charCodeAt(k)) return false;
  return true;
}

/**
 * Index of the first term at or after `from` that does not start with term[0, length).
 * Gallops forward with doubling steps (the ranges the walk skips are usually short,
 * so this costs a few comparisons), then binary-searches; no strings are built.
 */
function skipPrefix(sorted: readonly string[], term: string, length: number, from: number): number {
  const n = sorted.length;
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < n && sharesPrefix(sorted[hi]!, term, length)) {
    lo = hi + 1;
    hi = lo + step;
    step *= 2;
  }
  hi = Math.min(hi, n);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sharesPrefix(sorted[mid]!, term, length)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `emit(index, distance)` for every term of `sorted` within `maxEdits` of
 * `query`. Cost grows with the number of trie nodes inside the edit band, not with
 * the vocabulary. Only the diagonal band |i − j| ≤ maxEdits of each row is computed
 * (cells outside it can never come back within budget); values are capped at
 * maxEdits + 1.
 */
export function walkWithin(sorted: readonly string[], query: string, maxEdits: number, emit: (index: number, distance: number) => void): void {
  const m = query.length;
  const width = m + 1;
  const cap = maxEdits + 1;
  const maxDepth = m + maxEdits;
  const q = new Int32Array(m);
  for (let j = 0; j < m; j += 1) q[j] = query.charCodeAt(j);
  const rows = new Int32Array((maxDepth + 1) * width);
  for (let j = 0; j <= m; j += 1) rows[j] = Math.min(j, cap);

  let previous = '';
  let validDepth = 0; // rows[0..validDepth] describe previous.slice(0, validDepth)
  let i = 0;
  const n = sorted.length;
  while (i < n) {
    const term = sorted[i]!;
    let depth = 0;
    const limit = Math.min(validDepth, term.length);
    while (depth < limit && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth += 1;

    const stop = Math.min(term.length, maxDepth);
    let pruned = false;
    while (depth < stop) {
      depth += 1;
      const c = term.charCodeAt(depth - 1);
      const cPrev = depth > 1 ? term.charCodeAt(depth - 2) : -1;
      const row = depth * width;
      const up = row - width;
      const up2 = up - width;
      const lo = Math.max(1, depth - maxEdits);
      const hi = Math.min(m, depth + maxEdits);
      rows[row] = Math.min(depth, cap);
      if (lo > 1) rows[row + lo - 1] = cap;
      if (hi < m) rows[row + hi + 1] = cap;
      let rowMin = rows[row]!;
      for (let j = lo; j <= hi; j += 1) {
        let v = rows[up + j - 1]! + (q[j - 1] === c ? 0 : 1);
        const del = rows[up + j]! + 1;
        if (del < v) v = del;
        const ins = rows[row + j - 1]! + 1;
        if (ins < v) v = ins;
        if (depth > 1 && j > 1 && q[j - 1] === cPrev && q[j - 2] === c) {
          const swap = rows[up2 + j - 2]! + 1;
          if (swap < v) v = swap;
        }
        if (v > cap) v = cap;
        rows[row + j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > maxEdits) {
        // Nothing under this prefix can come back within budget: skip the whole range.
        previous = term;
        validDepth = depth - 1;
        i = skipPrefix(sorted, term, depth, i + 1);
        pruned = true;
        break;
      }
    }
    if (pruned) continue;
    previous = term;
    validDepth = depth;
    if (term.length <= maxDepth) {
      if (m - term.length <= maxEdits) {
        const distance = rows[term.length * width + m]!;
        if (distance <= maxEdits) emit(i, distance);
      }
      i += 1;
    } else {
      // Longer than query + budget: neither this term nor any longer one under its prefix fits.
      i = skipPrefix(sorted, term, maxDepth, i + 1);
    }
  }
}

/** Bounded OSA distance for a single pair (used for the few not-yet-sorted terms). */
export function editDistanceWithin(a: string, b: string, maxEdits: number): number {
  if (Math.abs(a.length - b.length) > maxEdits) return maxEdits + 1;
  const m = b.length;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j - 1]! + cost, prev[j]! + 1, cur[j - 1]! + 1);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > maxEdits) return maxEdits + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}
