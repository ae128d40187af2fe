/**
 * Selection of the k best items without sorting the whole vocabulary: keyness scores every
 * term for every group, and with hundreds of groups × 100k terms a full sort per group is the
 * slow part. A min-heap of size k keeps the best seen so far.
 */

/**
 * Indices i in [0, n) with keep(i), the k highest score(i) first; ties: lower tie(i) first
 * (default the index itself; tie must be distinct for distinct indices to keep the order total).
 */
export function largestK(n: number, k: number, score: (i: number) => number, keep: (i: number) => boolean, tie: (i: number) => number = (i) => i): number[] {
  if (k <= 0) return [];
  const heap: number[] = []; // indices; heap[0] is the worst kept
  const worse = (a: number, b: number) => score(a) < score(b) || (score(a) === score(b) && tie(a) > tie(b));
  const siftUp = (pos: number) => {
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!worse(heap[pos], heap[parent])) break;
      [heap[pos], heap[parent]] = [heap[parent], heap[pos]];
      pos = parent;
    }
  };
  const siftDown = (pos: number) => {
    for (;;) {
      const left = 2 * pos + 1;
      const right = left + 1;
      let worst = pos;
      if (left < heap.length && worse(heap[left], heap[worst])) worst = left;
      if (right < heap.length && worse(heap[right], heap[worst])) worst = right;
      if (worst === pos) return;
      [heap[pos], heap[worst]] = [heap[worst], heap[pos]];
      pos = worst;
    }
  };
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    if (heap.length < k) {
      heap.push(i);
      siftUp(heap.length - 1);
    } else if (worse(heap[0], i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
