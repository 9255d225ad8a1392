/** The Levenshtein distance between two words: how many one-character edits make one the other (for "did you mean"). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The word among `candidates` nearest to a misspelt one, case aside: a slip
 * or two (more in a long word), or undefined when none is that near. For
 * "did you mean" after an unknown rule id or config key.
 */
export function nearestWord(word: string, candidates: Iterable<string>): string | undefined {
  const wanted = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 4)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(wanted, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

// Two rows, reused from one call to the next (a document may ask for thousands).
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/**
 * The Levenshtein distance between two words if it is at most `most`, else
 * `most + 1`: only the band of `most` cells either side of the diagonal is
 * computed, and a row whose every cell is past `most` ends it, so a call
 * costs O(length × most), however alike in length the words are.
 */
export function editDistanceAtMost(a: string, b: string, most: number): number {
  const far = most + 1;
  if (most < 0) return a === b ? 0 : 1;
  if (Math.abs(a.length - b.length) > most) return far;
  // What the two share at the start and at the end costs no edit: only the
  // middle, where they differ, is compared (a word changed in a long
  // sentence leaves a few characters).
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (start > 0 || endA < a.length || endB < b.length) return bandedDistance(a.slice(start, endA), b.slice(start, endB), most);
  return bandedDistance(a, b, most);
}

/** {@link editDistanceAtMost}'s comparison, cell by cell within the band. */
function bandedDistance(a: string, b: string, most: number): number {
  const far = most + 1;
  const n = b.length;
  if (rowA.length <= n + 1) {
    rowA = new Int32Array(2 * (n + 2));
    rowB = new Int32Array(2 * (n + 2));
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= n; j++) previous[j] = j <= most ? j : far;
  if (n + 1 < previous.length) previous[n + 1] = far;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - most);
    const to = Math.min(n, i + most);
    current[0] = i <= most ? i : far;
    // Cells just outside the band read as too far.
    current[from - 1] = from === 1 ? current[0]! : far;
    let best = from === 1 ? current[0]! : far;
    const c = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let d = previous[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1);
      const up = previous[j]! + 1;
      if (up < d) d = up;
      const left = current[j - 1]! + 1;
      if (left < d) d = left;
      current[j] = d > far ? far : d;
      if (d < best) best = d;
    }
    if (to + 1 <= n) current[to + 1] = far;
    if (best > most) return far;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[n]!, far);
}

/** Whether two words differ by two neighbouring letters swapped (`notse`, `notes`): a slip as near as one letter changed. */
export function swapsTwoLetters(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
