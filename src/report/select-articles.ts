/**
 * The size budget's order of article views: articles an analysis links to as evidence first, then
 * the rest round-robin over event × outlet groups (the first article of every group, then the
 * second, …). The estimate rules out what cannot fit before pages are rendered and measured
 * (write-report.ts picks on measured bytes).
 */
import type { CorpusIndex } from '../../analyses/types.js';

/** Size of an article page: shell and title + the escaped text's UTF-8 bytes + its marks and its finding's data per highlight. */
export function estimateArticlePage(textBytes: number, titleBytes: number, highlights: number): number {
  return 1_800 + 3 * titleBytes + textBytes + highlights * 170;
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
