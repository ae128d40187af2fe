/**
 * The size budget: which articles get their own view. Articles an analysis links to as evidence
 * always do; the rest are taken round-robin over event × outlet groups (the first article of
 * every group, then the second, …) until the estimated bytes reach the budget.
 */
import type { CorpusIndex } from '../../analyses/types.js';

/** Size of an article page: shell and title + the escaped text's UTF-8 bytes + one mark and one finding per highlight. */
export function estimateArticlePage(textBytes: number, titleBytes: number, highlights: number): number {
  return 1_800 + 3 * titleBytes + textBytes + highlights * 320;
}

/** Doc ids in budget order: referenced first, then round-robin over event × outlet groups. */
export function articlePriority(index: CorpusIndex, referenced: ReadonlySet<string>): string[] {
  const rank = new Map<string, number>();
  const groupSize = new Map<string, number>();
  for (const d of index.docs) {
    const group = `${d.event ?? ''}\u0000${d.outlet}`;
    const n = groupSize.get(group) ?? 0;
    groupSize.set(group, n + 1);
    rank.set(d.id, n);
  }
  const order = index.docs.map((d, i) => ({ id: d.id, i }));
  order.sort((a, b) => {
    const ra = referenced.has(a.id) ? -1 : rank.get(a.id)!;
    const rb = referenced.has(b.id) ? -1 : rank.get(b.id)!;
    return ra - rb || a.i - b.i;
  });
  return order.map((o) => o.id);
}

/** Picks the article views to write within `budget` bytes (referenced ones regardless). */
export function selectArticlePages(
  index: CorpusIndex,
  estimates: ReadonlyMap<string, number>,
  referenced: ReadonlySet<string>,
  budget: number,
): Set<string> {
  const selected = new Set<string>();
  let used = 0;
  for (const id of articlePriority(index, referenced)) {
    const size = estimates.get(id) ?? 0;
    if (referenced.has(id) || used + size <= budget) {
      selected.add(id);
      used += size;
    }
  }
  return selected;
}
