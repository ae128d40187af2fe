/**
 * Bisection over anything in text order (tokens, mentions, quotes): the first item starting at
 * or after an offset. Shared by the analyses that look up spans among a document's tokens or
 * mentions instead of walking from the start.
 */

/** Index of the first of `items` (sorted by `start`) starting at or after `offset`; `items.length` when none does. */
export function firstStartingAt(items: ArrayLike<{ start: number }>, offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
