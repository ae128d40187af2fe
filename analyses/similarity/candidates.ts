/**
 * Step 3 of the similarity flow: similar pairs without comparing all pairs.
 *
 * An inverted index maps each term to the articles that contain it, except terms found in more
 * than `maxPosting` articles (they are kept in the cosine, never used to look up candidates).
 * Each article queries the index with its `queryTerms` heaviest terms, accumulates a partial dot
 * product per article reached, scores its `maxCandidates` best candidates exactly, and keeps its
 * `maxNeighbors` best pairs above `minScore`.
 *
 * Complexity, N articles, m terms per vector, q query terms, L posting cap, C candidates:
 *   index O(N·m); lookups O(N·q·L); exact scoring O(N·C·m) (a mutual candidate is scored once);
 *   memory O(N·m + N·C).
 * With q, L, C and m capped by options this is O(N): linear, where all-pairs is O(N²·m).
 * What it gives up: a pair whose only shared terms are each in more than L articles, or that is
 * not among the C best partial scores of either end, is not found (such pairs have low cosine;
 * bench/similarity.mjs measures the recall against all pairs).
 */
import { SIMILARITY_DEFAULTS, type CandidateOptions, type SparseVector } from './types.js';
import type { TermSpace } from './vectors.js';
import { DotScratch } from './dot-scratch.js';
import { kthLargest } from './kth-largest.js';

/** A scored pair of document indexes, `i < j`. */
export interface IndexPair {
  i: number;
  j: number;
  score: number;
}

/**
 * The inverted index in three flat arrays: term `id`'s posting is `docs` / `weights`
 * [start[id], start[id + 1]), articles ascending; empty for a term not indexed. Flat typed arrays,
 * not one pair of arrays per term: on 20k articles that was 300k small arrays grown by push.
 */
interface InvertedIndex {
  start: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

function buildIndex(space: TermSpace, maxPosting: number): InvertedIndex {
  const dims = space.vocab.length;
  const indexed = (id: number) => space.df[id] >= 2 && space.df[id] <= maxPosting;
  const start = new Int32Array(dims + 1);
  for (const v of space.vectors) for (let k = 0; k < v.ids.length; k++) if (indexed(v.ids[k])) start[v.ids[k] + 1]++;
  for (let id = 0; id < dims; id++) start[id + 1] += start[id];
  const next = start.slice(0, dims);
  const docs = new Int32Array(start[dims]);
  const weights = new Float64Array(start[dims]);
  space.vectors.forEach((v, doc) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k];
      if (!indexed(id)) continue;
      docs[next[id]] = doc;
      weights[next[id]++] = v.weights[k];
    }
  });
  return { start, docs, weights };
}

/**
 * Positions of the q heaviest indexed terms of a vector, heaviest first (ties in position order);
 * all of them in position order when there are no more than q.
 * The cut-off weight comes from a selection in `scratch` (at least as long as the vector); only
 * the q positions kept are sorted. It runs for every article, so this is a hot path.
 */
function queryPositions(v: SparseVector, index: InvertedIndex, q: number, scratch: Float64Array): number[] {
  const { start } = index;
  const positions: number[] = [];
  for (let k = 0; k < v.ids.length; k++) if (start[v.ids[k] + 1] > start[v.ids[k]]) positions.push(k);
  if (positions.length <= q) return positions; // all of them, in position order
  for (let p = 0; p < positions.length; p++) scratch[p] = v.weights[positions[p]];
  const cut = kthLargest(scratch, q, positions.length);
  let ties = q;
  for (const k of positions) if (v.weights[k] > cut) ties--;
  let kept = 0;
  for (const k of positions) {
    const w = v.weights[k];
    if (w > cut || (w === cut && ties-- > 0)) positions[kept++] = k;
  }
  positions.length = kept;
  return positions.sort((x, y) => v.weights[y] - v.weights[x] || x - y);
}

/** Keeps the `size` largest values seen (a min-heap on score, in two typed arrays). */
class TopK {
  readonly keys: Int32Array;
  readonly scores: Float64Array;
  length = 0;
  constructor(private readonly size: number) {
    this.keys = new Int32Array(Math.max(0, size));
    this.scores = new Float64Array(Math.max(0, size));
  }

  push(key: number, score: number): void {
    if (this.length < this.size) {
      this.keys[this.length] = key;
      this.scores[this.length] = score;
      this.up(this.length++);
    } else if (this.size > 0 && score > this.scores[0]) {
      this.keys[0] = key;
      this.scores[0] = score;
      this.down(0);
    }
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a];
    this.keys[a] = this.keys[b];
    this.keys[b] = k;
    const s = this.scores[a];
    this.scores[a] = this.scores[b];
    this.scores[b] = s;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.scores[parent] <= this.scores[i]) break;
      this.swap(parent, i);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < this.length && this.scores[l] < this.scores[min]) min = l;
      if (r < this.length && this.scores[r] < this.scores[min]) min = r;
      if (min === i) return;
      this.swap(min, i);
      i = min;
    }
  }
}

/**
 * At most this many candidate scores are kept for reuse (200 MB): beyond, with an unusually large
 * `maxCandidates`, every candidate is scored, as it would be without ScoredCandidates.
 */
const MAX_KEPT_SCORES = 1 << 24;

/**
 * Exact scores of each article's candidates, kept so that the other end of a pair can reuse
 * them: many candidates are mutual (29% of the scores on 20k ABP articles come from here), and a
 * dot product costs O(m) where a look-up here costs at most `maxCandidates` comparisons. The score is the same either way round (the same products of
 * the shared terms, added in ascending term order: dot-scratch.ts).
 */
class ScoredCandidates {
  private readonly others: Int32Array;
  private readonly scores: Float64Array;
  private readonly counts: Int32Array;
  constructor(
    n: number,
    private readonly perArticle: number,
  ) {
    this.others = new Int32Array(n * perArticle);
    this.scores = new Float64Array(n * perArticle);
    this.counts = new Int32Array(n);
  }

  add(i: number, j: number, score: number): void {
    if (this.counts[i] === this.perArticle) return;
    const at = i * this.perArticle + this.counts[i]++;
    this.others[at] = j;
    this.scores[at] = score;
  }

  /** The score of (i, j) when `i` scored `j` as one of its candidates, else NaN. */
  find(i: number, j: number): number {
    const from = i * this.perArticle;
    const to = from + this.counts[i];
    for (let at = from; at < to; at++) if (this.others[at] === j) return this.scores[at];
    return NaN;
  }
}

/** Similar pairs of the space's vectors via the pruned inverted index (never all pairs). */
export function candidatePairs(space: TermSpace, options: CandidateOptions = {}): IndexPair[] {
  const o = { ...SIMILARITY_DEFAULTS, ...stripUndefined(options) };
  const n = space.vectors.length;
  const index = buildIndex(space, o.maxPosting);
  const { start, docs, weights } = index;
  const partial = new Float64Array(n);
  const scratch = new DotScratch(space.vocab.length);
  const found = new Map<number, IndexPair>();
  // Reused for every article (emptied by resetting their length).
  const best = new TopK(o.maxCandidates);
  const neighbors = new TopK(o.maxNeighbors);
  const touched = new Int32Array(n);
  const weightScratch = new Float64Array(space.vectors.reduce((m, v) => Math.max(m, v.ids.length), 0));
  const scored = new ScoredCandidates(n, n * best.keys.length <= MAX_KEPT_SCORES ? best.keys.length : 0);
  for (let i = 0; i < n; i++) {
    const v = space.vectors[i];
    let reached = 0;
    for (const k of queryPositions(v, index, o.queryTerms, weightScratch)) {
      const w = v.weights[k];
      for (let x = start[v.ids[k]], end = start[v.ids[k] + 1]; x < end; x++) {
        const j = docs[x];
        if (j === i) continue;
        if (partial[j] === 0) touched[reached++] = j;
        partial[j] += w * weights[x];
      }
    }
    best.length = 0;
    for (let t = 0; t < reached; t++) {
      const j = touched[t];
      best.push(j, partial[j]);
      partial[j] = 0;
    }
    let loaded = false;
    neighbors.length = 0;
    for (let c = 0; c < best.length; c++) {
      const j = best.keys[c];
      let score = j < i ? scored.find(j, i) : NaN;
      if (Number.isNaN(score)) {
        // Spread only when some candidate needs it: for many articles every score is known.
        if (!loaded) scratch.load(v);
        loaded = true;
        score = scratch.dot(space.vectors[j]);
      }
      scored.add(i, j, score);
      if (score >= o.minScore) neighbors.push(j, score);
    }
    for (let c = 0; c < neighbors.length; c++) {
      const j = neighbors.keys[c];
      const [a, b] = i < j ? [i, j] : [j, i];
      const key = a * n + b;
      if (!found.has(key)) found.set(key, { i: a, j: b, score: Math.min(1, neighbors.scores[c]) });
    }
  }
  return [...found.values()].sort((x, y) => x.i - y.i || x.j - y.j);
}

/** The quadratic baseline: every pair scored exactly (for benchmarks and recall checks only). */
export function allPairs(space: TermSpace, minScore = SIMILARITY_DEFAULTS.minScore): IndexPair[] {
  const n = space.vectors.length;
  const dense = new Float64Array(space.vocab.length);
  const out: IndexPair[] = [];
  for (let i = 0; i < n; i++) {
    const v = space.vectors[i];
    for (let k = 0; k < v.ids.length; k++) dense[v.ids[k]] = v.weights[k];
    for (let j = i + 1; j < n; j++) {
      const u = space.vectors[j];
      let score = 0;
      for (let k = 0; k < u.ids.length; k++) score += dense[u.ids[k]] * u.weights[k];
      if (score >= minScore) out.push({ i, j, score: Math.min(1, score) });
    }
    for (let k = 0; k < v.ids.length; k++) dense[v.ids[k]] = 0;
  }
  return out;
}

/** Options objects from the CLI carry `undefined` for unset flags; they must not hide defaults. */
export function stripUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
