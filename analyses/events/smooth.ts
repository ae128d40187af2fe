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
 * The smoothed vector of `v` (see the file header), written at `at` in `ids` / `weights`; returns
 * its length. A merge over the ascending ids of `v` and its neighbours' vectors: each weight is
 * added up in the same order as `v`'s first, then each neighbour's in list order, so it is the
 * same number as summing them one vector at a time.
 */
function smoothInto(
  v: SparseVector,
  neighbors: ReadonlyArray<{ j: number; score: number }>,
  vectors: readonly SparseVector[],
  weight: number,
  total: number,
  ids: Int32Array,
  weights: Float64Array,
  at: number,
): number {
  const parts = [v, ...neighbors.map(({ j }) => vectors[j])];
  const factors = [1, ...neighbors.map(({ score }) => (weight * score) / total)];
  const next = parts.map(() => 0);
  let n = at;
  let norm = 0;
  for (;;) {
    let id = Infinity;
    for (let p = 0; p < parts.length; p++) if (next[p] < parts[p].ids.length && parts[p].ids[next[p]] < id) id = parts[p].ids[next[p]];
    if (id === Infinity) break;
    let w = 0;
    for (let p = 0; p < parts.length; p++) if (next[p] < parts[p].ids.length && parts[p].ids[next[p]] === id) w += factors[p] * parts[p].weights[next[p]++];
    ids[n] = id;
    weights[n++] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  for (let k = at; k < n; k++) weights[k] /= norm;
  return n - at;
}

/**
 * Smoothed vectors: views into two arrays shared by all of them, sized for the longest
 * possible result. One typed array per vector (20k of them, 200 MB on full articles) set off a
 * full garbage collection every few thousand; untouched pages of the shared arrays cost nothing.
 */
function smoothAll(vectors: readonly SparseVector[], lists: ReadonlyArray<ReadonlyArray<{ j: number; score: number }>>, weight: number): SparseVector[] {
  const totals = lists.map((list) => list.reduce((s, x) => s + x.score, 0));
  const smoothed = (i: number) => lists[i].length > 0 && totals[i] > 0;
  let room = 0;
  vectors.forEach((v, i) => {
    if (smoothed(i)) room += lists[i].reduce((s, { j }) => s + vectors[j].ids.length, v.ids.length);
  });
  const ids = new Int32Array(room);
  const weights = new Float64Array(room);
  let at = 0;
  return vectors.map((v, i) => {
    if (!smoothed(i)) return v;
    const length = smoothInto(v, lists[i], vectors, weight, totals[i], ids, weights, at);
    const out = { ids: ids.subarray(at, at + length), weights: weights.subarray(at, at + length) };
    at += length;
    return out;
  });
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
  const smoothed = smoothAll(vectors, lists, options.weight);
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
  const scratch = new DotScratch(options.dimensions);
  const sorted = new Int32Array(partners.reduce((m, list) => Math.max(m, list.length), 0));
  partners.forEach((list, i) => {
    if (!list.length) return;
    sorted.set(list);
    const js = sorted.subarray(0, list.length).sort();
    scratch.load(smoothed[i]);
    for (let k = 0; k < js.length; k++) {
      const j = js[k];
      if (k > 0 && j === js[k - 1]) continue;
      const score = scratch.dot(smoothed[j]);
      if (score >= options.minScore) out.push({ i, j, score: Math.min(1, score) });
    }
  });
  return { vectors: smoothed, edges: out };
}
