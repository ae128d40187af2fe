/**
 * The k-th largest of a list of numbers without sorting it: the cut-off weight when the
 * candidate search (candidates.ts) keeps an article's heaviest query terms and when clustering
 * (events/cluster.ts) keeps a large group's heaviest terms. A quickselect, O(n) on average where
 * a sort is O(n log n) — and it runs once per article.
 */

/**
 * The value a descending sort of `values[0, length)` would put at index `k - 1` (1 ≤ k ≤ length):
 * the same number, since only its rank matters. Reorders `values[0, length)`; pass a scratch
 * copy. The values must not be NaN.
 */
export function kthLargest(values: Float64Array, k: number, length = values.length): number {
  // As the k-th largest is the (length − k)-th smallest (0-based), select that position.
  const target = length - k;
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const a = values[lo];
    const b = values[(lo + hi) >>> 1];
    const c = values[hi];
    // median of three as the pivot, so sorted or reversed input stays linear
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    // Hoare partition: equal values are swapped to both sides, so many ties still split evenly.
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (pivot < values[j]) j--;
      if (i <= j) {
        const t = values[i];
        values[i++] = values[j];
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return pivot; // values(j, i) all equal the pivot
  }
  return values[target];
}
