/**
 * Outlet × outlet mean cosine within each event: how close two outlets' stories on the same
 * event are. Step 4 of the similarity flow (after candidate pairs), computed exactly inside each
 * event, which is O(Σ event size² · m); events larger than `maxEventDocs` use their first
 * `maxEventDocs` articles in corpus order so one huge event cannot make the summary quadratic.
 */
import type { CorpusIndex } from '../types.js';
import { round, type SimilarityComputation } from './compute.js';
import { DotScratch } from './dot-scratch.js';

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

/**
 * Per-event outlet × outlet mean similarity, events in corpus order. Each article's vector is
 * spread once (dot-scratch.ts) and dotted with the later members' vectors: the same scores as
 * sparseDot. Cells are indexed by outlet rank, not keyed by strings: a large event compares
 * 20,000 pairs.
 */
export function outletMatrices(c: SimilarityComputation, corpus: CorpusIndex, maxEventDocs = 200): EventSimilarity[] {
  const position = new Map(c.ids.map((id, i) => [id, i]));
  const outletRank = new Map(corpus.outlets.map((o, i) => [o, i]));
  const rankOf = Int32Array.from(c.ids, (id) => outletRank.get(corpus.byId.get(id)!.outlet) ?? 0);
  const members = new Map<string, number[]>();
  for (const doc of corpus.docs) {
    const i = position.get(doc.id);
    if (!doc.event || i === undefined) continue;
    const list = members.get(doc.event) ?? members.set(doc.event, []).get(doc.event)!;
    list.push(i);
  }
  const scratch = new DotScratch(c.space.vocab.length);
  const out: EventSimilarity[] = [];
  for (const event of corpus.events) {
    const all = members.get(event) ?? [];
    const docs = all.slice(0, maxEventDocs);
    // Cells by (lower rank, higher rank), in the order their first pair is met.
    const cellOf = new Map<number, { a: number; b: number; sum: number; n: number }>();
    let crossSum = 0;
    let crossN = 0;
    for (let x = 0; x < docs.length; x++) {
      scratch.load(c.space.vectors[docs[x]]);
      const rx = rankOf[docs[x]];
      for (let y = x + 1; y < docs.length; y++) {
        const score = scratch.dot(c.space.vectors[docs[y]]);
        const ry = rankOf[docs[y]];
        const [a, b] = rx <= ry ? [rx, ry] : [ry, rx];
        const key = a * corpus.outlets.length + b;
        const cell = cellOf.get(key) ?? cellOf.set(key, { a, b, sum: 0, n: 0 }).get(key)!;
        cell.sum += score;
        cell.n++;
        if (a !== b) {
          crossSum += score;
          crossN++;
        }
      }
    }
    const cells: OutletCell[] = [];
    for (const { a, b, sum, n } of cellOf.values()) {
      cells.push({ a: corpus.outlets[a], b: corpus.outlets[b], mean: round(sum / n), pairs: n });
      if (a !== b) cells.push({ a: corpus.outlets[b], b: corpus.outlets[a], mean: round(sum / n), pairs: n });
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
