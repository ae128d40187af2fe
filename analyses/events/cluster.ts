/**
 * Average-link agglomerative clustering over the sparse candidate graph.
 *
 * The mean cosine between two groups of L2-normalised vectors equals the dot product of their
 * summed vectors divided by |A|·|B|, so average link is computed exactly from running sums —
 * pairs the candidate search skipped still count with their true similarity. Only groups joined
 * by at least one candidate edge (inside the date window) are ever compared, and stale links are
 * re-scored lazily, so the cost is about O(E log E) heap work plus one merge of two sorted sparse
 * sums per join, never all pairs (20,830 articles: about 3 s; bench/similarity.mjs).
 *
 * Dates: two groups' content link is multiplied by their date affinity, the mean over member
 * pairs of exp(−max(0, |Δdays| − slack) / decay), undated pairs counting 1. Stories on one event
 * appear the same day or the next (in the AllSides crawl, 92% of same-story pairs whose links
 * carry a date are ≤ 1 day apart); a follow-up two or three days later is usually a new event
 * (the next vote, the reaction), so it needs much stronger content evidence to join. The hard
 * window still cuts candidate edges further apart than `dateWindowDays`. Each group keeps a
 * histogram of its days, so the affinity costs O(distinct days²), not O(members²).
 *
 * Defaults (threshold 0.18 on neighbour-smoothed vectors — 2 neighbours, weight 0.2, neighbours
 * at cosine ≥ 0.1, see smooth.ts — date window 3 days, slack 1 day, decay 1 day, with the
 * similarity defaults): the date terms were chosen earlier (window 2–7, slack 0–1, decay 0.5–2)
 * on the older half of the dated AllSides crawl (roundup ids ≥ 5859, April–July 2021). The
 * smoothing and the threshold were chosen by a sweep (neighbours 2–5, weight 0.2–0.45, neighbour
 * floor 0–0.15, threshold 0.16–0.28) on development slices — the older half of the AllSides
 * crawl and its dated leads, the NeuS `val` split (no dates) and ECB+ subtopics — taking a point
 * on the plateau where the mean over those slices stayed within 0.003 of its best (thresholds
 * 0.18–0.22) rather than the best of any one set: its lowest, because the sample corpus's planted
 * events come out exactly up to 0.19, so 0.18 leaves a margin. The newer half of the crawl, the
 * NeuS `test` split and the whole crawl are the reported figures, with ECB+ (README,
 * "Evaluation"; `framelens eval events`).
 */
import { sparseDot } from '../similarity/cosine.js';
import type { SparseVector } from '../similarity/types.js';

export interface ClusterInput {
  vectors: readonly SparseVector[];
  /** Candidate edges `i < j` with their cosine. */
  edges: ReadonlyArray<{ i: number; j: number; score: number }>;
  /** Day number per vector (NaN when unknown). */
  days?: ArrayLike<number>;
}

/** How date distance weakens a link (see the file header). */
export interface DateAffinity {
  /** Candidate edges between dated articles further apart than this are dropped. */
  windowDays: number;
  /** Days apart that cost nothing. */
  slackDays: number;
  /** Beyond the slack, the link shrinks by e for every this many days. `Infinity` turns it off. */
  decayDays: number;
}

interface Group {
  members: number[];
  /** Summed vector of the members (ids ascending); a single article's is its own vector. */
  sum: SparseVector;
  version: number;
  /** Members per whole day number (dated members only). */
  days: Map<number, number>;
  /** The heaviest `PROFILE_TERMS` entries of `sum`, ids ascending (rebuilt lazily after a merge). */
  profile?: SparseVector;
}

/**
 * Terms of a group's summed vector used for its links. Articles keep at most a few hundred terms,
 * so small groups are scored exactly; a large group's long tail of rare terms (each shared by few
 * members) is cut, which bounds the cost of one link at O(PROFILE_TERMS).
 */
const PROFILE_TERMS = 1000;

function profileOf(g: Group): SparseVector {
  if (g.profile) return g.profile;
  const { ids, weights } = g.sum;
  // A lone article's vector is its own profile, even a smoothed one a little longer than
  // PROFILE_TERMS: cutting it would cost a sort for every article of the corpus.
  if (ids.length <= PROFILE_TERMS || g.members.length === 1) return (g.profile = g.sum);
  // The cut-off weight from a typed-array sort (no comparator); ties at the cut-off are kept
  // lowest ids first.
  const cut = Float64Array.from(weights).sort()[weights.length - PROFILE_TERMS];
  let ties = PROFILE_TERMS;
  for (let k = 0; k < weights.length; k++) if (weights[k] > cut) ties--;
  const keptIds = new Int32Array(PROFILE_TERMS);
  const keptWeights = new Float64Array(PROFILE_TERMS);
  let kept = 0;
  for (let k = 0; k < ids.length; k++) {
    if (weights[k] > cut || (weights[k] === cut && ties-- > 0)) {
      keptIds[kept] = ids[k];
      keptWeights[kept++] = weights[k];
    }
  }
  return (g.profile = { ids: keptIds, weights: keptWeights });
}

/**
 * Sum of two sparse vectors by a merge over ascending ids (`a`'s weight first in each sum). Typed
 * arrays, not a Map per group: building and growing those Maps made garbage collection the
 * clustering's largest cost on 20k articles.
 */
function addSparse(a: SparseVector, b: SparseVector): SparseVector {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  const weights = new Float64Array(ids.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const x = i < a.ids.length ? a.ids[i] : Infinity;
    const y = j < b.ids.length ? b.ids[j] : Infinity;
    if (x === y) {
      ids[n] = x;
      weights[n++] = a.weights[i++] + b.weights[j++];
    } else if (x < y) {
      ids[n] = x;
      weights[n++] = a.weights[i++];
    } else {
      ids[n] = y;
      weights[n++] = b.weights[j++];
    }
  }
  return { ids: ids.slice(0, n), weights: weights.slice(0, n) };
}

/** Mean date affinity over the member pairs of two groups; undated pairs count 1. */
function dateAffinity(a: Group, b: Group, d: DateAffinity): number {
  if (!a.days.size || !b.days.size || d.decayDays === Infinity) return 1;
  const pairs = a.members.length * b.members.length;
  let dated = 0;
  let sum = 0;
  for (const [x, cx] of a.days) {
    for (const [y, cy] of b.days) {
      dated += cx * cy;
      sum += cx * cy * Math.exp(-Math.max(0, Math.abs(x - y) - d.slackDays) / d.decayDays);
    }
  }
  return (sum + pairs - dated) / pairs;
}

function link(a: Group, b: Group, d: DateAffinity): number {
  return (sparseDot(profileOf(a), profileOf(b)) / (a.members.length * b.members.length)) * dateAffinity(a, b, d);
}

/** Binary max-heap of candidate merges, with lazy deletion by version. */
class MergeHeap {
  private readonly h: Array<[number, number, number, number, number]> = [];
  get size(): number {
    return this.h.length;
  }
  push(item: [score: number, a: number, b: number, va: number, vb: number]): void {
    const h = this.h;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p][0] >= h[i][0]) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  pop(): [number, number, number, number, number] | undefined {
    const h = this.h;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l][0] > h[m][0]) m = l;
        if (r < h.length && h[r][0] > h[m][0]) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}

const NO_DATES: DateAffinity = { windowDays: Infinity, slackDays: 0, decayDays: Infinity };

/**
 * Groups of vector indexes (each ascending), merged while average link × date affinity ≥
 * threshold. A number for `dates` is the hard window alone (no decay).
 */
export function averageLinkClusters(input: ClusterInput, threshold: number, dates: number | Partial<DateAffinity> = {}): number[][] {
  const d: DateAffinity = typeof dates === 'number' ? { ...NO_DATES, windowDays: dates } : { ...NO_DATES, ...dates };
  const n = input.vectors.length;
  const groups: Array<Group | undefined> = input.vectors.map((v, i) => {
    const day = Math.floor(input.days?.[i] ?? NaN);
    return {
      members: [i],
      sum: v,
      days: Number.isNaN(day) ? new Map() : new Map([[day, 1]]),
      version: 0,
    };
  });
  // Union-find from a merged-away group to the group that absorbed it.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const heap = new MergeHeap();
  const rescored = new Map<number, number>();
  for (const { i, j, score } of input.edges) {
    if (i === j || score < threshold) continue; // below the threshold an edge can never surface
    const di = input.days?.[i] ?? NaN;
    const dj = input.days?.[j] ?? NaN;
    if (Math.abs(di - dj) > d.windowDays) continue; // NaN compares false: undated pairs stay linked
    const weighted = score * dateAffinity(groups[i]!, groups[j]!, d);
    if (weighted >= threshold) heap.push([weighted, i, j, 0, 0]);
  }
  // Lazy evaluation: merging A and B gives link(A∪B, C) = weighted mean of link(A, C) and
  // link(B, C), never more than the larger, so a stale heap entry is an upper bound (the date
  // affinity, a mean over pairs too, keeps this nearly so). A stale entry is re-scored when it
  // surfaces instead of re-scoring every neighbour at each merge.
  while (heap.size) {
    const [top, x, y, vx, vy] = heap.pop()!;
    if (top < threshold) break;
    const a = find(x);
    const b = find(y);
    if (a === b) continue;
    const ga = groups[a]!;
    const gb = groups[b]!;
    if (a !== x || b !== y || ga.version !== vx || gb.version !== vy) {
      // Many stale entries can name the same two groups (one per original edge): score them once.
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const stamp = groups[lo]!.version * (n + 1) + groups[hi]!.version;
      if (rescored.get(lo * n + hi) === stamp) continue;
      rescored.set(lo * n + hi, stamp);
      const score = link(ga, gb, d);
      if (score >= threshold) heap.push([score, a, b, ga.version, gb.version]);
      continue;
    }
    const [keep, drop] = ga.members.length >= gb.members.length ? [a, b] : [b, a];
    const gk = groups[keep]!;
    const gd = groups[drop]!;
    gk.sum = addSparse(gk.sum, gd.sum);
    for (const m of gd.members) gk.members.push(m);
    for (const [day, c] of gd.days) gk.days.set(day, (gk.days.get(day) ?? 0) + c);
    groups[drop] = undefined;
    parent[drop] = keep;
    gk.version++;
    gk.profile = undefined;
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (g) out.push(g.members.sort((x, y) => x - y));
  }
  return out.sort((x, y) => y.length - x.length || x[0] - y[0]);
}
