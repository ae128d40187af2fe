/**
 * Neighbour smoothing, step 2 of event grouping (between the candidate search and clustering):
 * each article's TF-IDF vector takes in a little of its nearest neighbours' vectors, then the
 * candidate pairs are re-scored on the smoothed vectors.
 *
 *   v′ᵢ = normalise(vᵢ + weight · Σₖ (sᵢₖ / Σ sᵢₖ) · vₖ),  k ∈ the `neighbors` most similar
 *   candidates of i inside the date window.
 *
 * Why: short leads of one story share few words (one says "approval rating", another "poll
 * numbers") but often share a neighbour (the wire story that says both), so their smoothed
 * vectors meet (pseudo-relevance feedback, as in Rocchio's query expansion). Which lead is a
 * lead's nearest hardly changes (its own story's for 83% of AllSides leads, before and after),
 * but story-mates' similarities rise together, so one threshold separates events better: B³ F1
 * rises on AllSides, NeuS and ECB+ subtopics alike (README, "Evaluation"). The weight is small so
 * an article stays mostly itself, and a neighbour must have cosine ≥ `neighborMinScore`: an
 * article whose event has no other article in the corpus would otherwise take in another
 * event's words (on the dated AllSides leads, where a story often has one dated lead, that
 * merged stories).
 *
 * Pairs re-scored: the candidate pairs, plus every pair two steps apart through the neighbour
 * lists (the pairs smoothing can bring together that the inverted index did not propose).
 * Cost, N articles, K neighbours, m terms per vector: O(N·K·m) for the vectors and
 * O((E + N·K²)·K·m) for the pairs — linear in N, like the candidate search.
 */
import type { IndexPair } from '../similarity/candidates.js';
import type { SparseVector } from '../similarity/types.js';
import { DotScratch } from '../similarity/dot-scratch.js';

/** How much of its neighbours an article's vector takes in. */
export interface SmoothingOptions {
  /** Nearest candidates per article mixed into its vector. Default 2; 0 turns smoothing off. */
  neighbors: number;
  /** Share of the neighbours' similarity-weighted mean vector added to the article's own. Default 0.2. */
  weight: number;
  /** Only candidates at least this similar (raw cosine) are mixed in. Default 0.1. */
  neighborMinScore: number;
  /** Neighbours are taken only among dated articles at most this many days apart (undated always qualify). */
  windowDays: number;
}

/** The `k` best-scoring partners (cosine ≥ `minScore`) of every article among `edges` inside the date window. */
function nearestNeighbors(n: number, edges: readonly IndexPair[], days: ArrayLike<number> | undefined, k: number, minScore: number, windowDays: number) {
  const lists: Array<Array<{ j: number; score: number }>> = Array.from({ length: n }, () => []);
  const offer = (i: number, j: number, score: number) => {
    const list = lists[i];
    if (list.length === k && score <= list[k - 1].score) return;
    // Insertion into a short sorted list (k is a handful); ties keep the earlier partner.
    let at = list.length;
    while (at > 0 && list[at - 1].score < score) at--;
    list.splice(at, 0, { j, score });
    if (list.length > k) list.pop();
  };
  for (const { i, j, score } of edges) {
    if (score < minScore) continue;
    if (Math.abs((days?.[i] ?? NaN) - (days?.[j] ?? NaN)) > windowDays) continue; // NaN: undated pairs qualify
    offer(i, j, score);
    offer(j, i, score);
  }
  return lists;
}

/**
 * Dense scratch space over the vocabulary: sums and dot products touch only the entries they
 * set, and reset them after, so no per-article Map is allocated (they made garbage collection
 * the largest cost on 20k full articles).
 */
class Scratch {
  readonly dense: Float64Array;
  private readonly dotScratch: DotScratch;
  constructor(dimensions: number) {
    this.dense = new Float64Array(dimensions);
    this.dotScratch = new DotScratch(dimensions);
  }

  smooth(v: SparseVector, neighbors: ReadonlyArray<{ j: number; score: number }>, vectors: readonly SparseVector[], weight: number): SparseVector {
    const total = neighbors.reduce((s, x) => s + x.score, 0);
    if (!neighbors.length || total <= 0) return v;
    const dense = this.dense;
    const touched: number[] = [];
    const add = (u: SparseVector, f: number) => {
      for (let k = 0; k < u.ids.length; k++) {
        const id = u.ids[k];
        if (dense[id] === 0) touched.push(id);
        dense[id] += f * u.weights[k];
      }
    };
    add(v, 1);
    for (const { j, score } of neighbors) add(vectors[j], (weight * score) / total);
    const ids = Int32Array.from(touched).sort();
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      weights[k] = dense[ids[k]];
      dense[ids[k]] = 0;
      norm += weights[k] * weights[k];
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { ids, weights };
  }

  /** Cosines of `v` with each of `others` (normalised vectors). */
  dots(v: SparseVector, others: readonly SparseVector[]): number[] {
    this.dotScratch.load(v);
    const out = others.map((u) => this.dotScratch.dot(u));
    this.dotScratch.unload();
    return out;
  }
}

/** Smoothed vectors and the candidate pairs re-scored on them (pairs below `minScore` dropped). */
export function smoothVectors(
  vectors: readonly SparseVector[],
  edges: readonly IndexPair[],
  days: ArrayLike<number> | undefined,
  options: SmoothingOptions & { dimensions: number; minScore: number },
): { vectors: SparseVector[]; edges: IndexPair[] } {
  const n = vectors.length;
  if (options.neighbors <= 0 || options.weight <= 0) return { vectors: [...vectors], edges: [...edges] };
  const lists = nearestNeighbors(n, edges, days, options.neighbors, options.neighborMinScore, options.windowDays);
  const scratch = new Scratch(options.dimensions);
  const smoothed = vectors.map((v, i) => scratch.smooth(v, lists[i], vectors, options.weight));
  // Partners j > i per article i: the candidate pairs and the pairs two steps apart.
  // (Plain arrays, sorted and deduplicated below: a Set per article cost more than the dots.)
  const partners: number[][] = Array.from({ length: n }, () => []);
  const add = (a: number, b: number) => {
    if (a !== b) partners[Math.min(a, b)].push(Math.max(a, b));
  };
  for (const { i, j } of edges) add(i, j);
  lists.forEach((list, i) => {
    for (const { j } of list) {
      for (const { j: k } of lists[j]) add(i, k); // i → j → k
      for (const { j: k } of list) add(j, k); // two neighbours of i
    }
  });
  const out: IndexPair[] = [];
  partners.forEach((list, i) => {
    const sorted = Int32Array.from(list).sort();
    const js = sorted.filter((j, k) => k === 0 || j !== sorted[k - 1]);
    const scores = scratch.dots(smoothed[i], Array.from(js, (j) => smoothed[j]));
    js.forEach((j, k) => {
      if (scores[k] >= options.minScore) out.push({ i, j, score: Math.min(1, scores[k]) });
    });
  });
  return { vectors: smoothed, edges: out };
}
