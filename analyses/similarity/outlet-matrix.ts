/**
 * Outlet × outlet mean cosine within each event: how close two outlets' stories on the same
 * event are. Step 4 of the similarity flow (after candidate pairs), computed exactly inside each
 * event, which is O(Σ event size² · m); events larger than `maxEventDocs` use their first
 * `maxEventDocs` articles in corpus order so one huge event cannot make the summary quadratic.
 */
import type { CorpusIndex } from '../types.js';
import { sparseDot } from './cosine.js';
import { round, type SimilarityComputation } from './compute.js';

/** Mean similarity of outlet `a`'s and outlet `b`'s articles on one event (both orders are listed). */
export interface OutletCell {
  a: string;
  b: string;
  mean: number;
  /** Article pairs averaged (for a = b: pairs of different articles of the same outlet). */
  pairs: number;
}

export interface EventSimilarity {
  event: string;
  /** Articles of the event that were compared. */
  docs: number;
  /** Mean cosine over pairs of articles from different outlets (undefined with a single outlet). */
  crossOutletMean?: number;
  cells: OutletCell[];
  /** True when the event had more than `maxEventDocs` articles. */
  truncated: boolean;
}

/** Per-event outlet × outlet mean similarity, events in corpus order. */
export function outletMatrices(c: SimilarityComputation, corpus: CorpusIndex, maxEventDocs = 200): EventSimilarity[] {
  const position = new Map(c.ids.map((id, i) => [id, i]));
  const outletRank = new Map(corpus.outlets.map((o, i) => [o, i]));
  const members = new Map<string, number[]>();
  for (const doc of corpus.docs) {
    const i = position.get(doc.id);
    if (!doc.event || i === undefined) continue;
    const list = members.get(doc.event) ?? members.set(doc.event, []).get(doc.event)!;
    list.push(i);
  }
  const out: EventSimilarity[] = [];
  for (const event of corpus.events) {
    const all = members.get(event) ?? [];
    const docs = all.slice(0, maxEventDocs);
    const sums = new Map<string, { a: string; b: string; sum: number; n: number }>();
    let crossSum = 0;
    let crossN = 0;
    for (let x = 0; x < docs.length; x++) {
      for (let y = x + 1; y < docs.length; y++) {
        const oa = corpus.byId.get(c.ids[docs[x]])!.outlet;
        const ob = corpus.byId.get(c.ids[docs[y]])!.outlet;
        const [a, b] = (outletRank.get(oa) ?? 0) <= (outletRank.get(ob) ?? 0) ? [oa, ob] : [ob, oa];
        const score = sparseDot(c.space.vectors[docs[x]], c.space.vectors[docs[y]]);
        const key = `${a}\u0000${b}`;
        const cell = sums.get(key) ?? sums.set(key, { a, b, sum: 0, n: 0 }).get(key)!;
        cell.sum += score;
        cell.n++;
        if (a !== b) {
          crossSum += score;
          crossN++;
        }
      }
    }
    const cells: OutletCell[] = [];
    for (const { a, b, sum, n } of sums.values()) {
      cells.push({ a, b, mean: round(sum / n), pairs: n });
      if (a !== b) cells.push({ a: b, b: a, mean: round(sum / n), pairs: n });
    }
    cells.sort((x, y) => (outletRank.get(x.a)! - outletRank.get(y.a)!) || (outletRank.get(x.b)! - outletRank.get(y.b)!));
    out.push({
      event,
      docs: docs.length,
      crossOutletMean: crossN ? round(crossSum / crossN) : undefined,
      cells,
      truncated: all.length > docs.length,
    });
  }
  return out;
}
