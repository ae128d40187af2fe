/**
 * Average-link agglomerative clustering over the sparse candidate graph.
 *
 * The mean cosine between two groups of L2-normalised vectors equals the dot product of their
 * summed vectors divided by |A|·|B|, so average link is computed exactly from running sums —
 * pairs the candidate search skipped still count with their true similarity. Only groups joined
 * by at least one candidate edge (inside the date window) are ever compared, and stale links are
 * re-scored lazily, so the cost is about O(E log E) heap work plus sparse sum merges (smaller
 * into larger), never all pairs.
 *
 * Dates: two groups' content link is multiplied by their date affinity, the mean over member
 * pairs of exp(−max(0, |Δdays| − slack) / decay), undated pairs counting 1. Stories on one event
 * appear the same day or the next (in the AllSides crawl, 92% of same-story pairs whose links
 * carry a date are ≤ 1 day apart); a follow-up two or three days later is usually a new event
 * (the next vote, the reaction), so it needs much stronger content evidence to join. The hard
 * window still cuts candidate edges further apart than `dateWindowDays`. Each group keeps a
 * histogram of its days, so the affinity costs O(distinct days²), not O(members²).
 *
 * Defaults (threshold 0.12, date window 3 days, slack 1 day, decay 1 day, with the similarity
 * defaults): threshold and similarity weights chosen by a sweep of threshold 0.10–0.30, name
 * weight 1–2, title weight 2–8 on development slices — the AllSides NeuS `val` split (no dates)
 * and ECB+ — and the date terms (window 2–7, slack 0–1, decay 0.5–2 days, threshold 0.10–0.12)
 * on the older half of the dated AllSides crawl (roundup ids ≥ 5859, April–July 2021), taking a
 * point on the plateau where every set stayed within 0.02 B³ F1 of its best rather than the
 * best of any one set; the sample corpus's planted events come out exactly. The newer half of
 * the crawl, the NeuS `test` split and ECB+ subtopics are the reported slices. Scores with these
 * defaults are in src/eval/events.ts (`framelens eval events`).
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
  /** Summed vector of the members; a single article's is its own vector until its group first grows. */
  sum: Map<number, number> | SparseVector;
  version: number;
  /** Members per whole day number (dated members only). */
  days: Map<number, number>;
  /** The heaviest `PROFILE_TERMS` entries of `sum`, ids ascending (rebuilt lazily after a merge). */
  profile?: { ids: Int32Array; weights: Float64Array };
}

/**
 * Terms of a group's summed vector used for its links. Articles keep at most a few hundred terms,
 * so small groups are scored exactly; a large group's long tail of rare terms (each shared by few
 * members) is cut, which bounds the cost of one link at O(PROFILE_TERMS).
 */
const PROFILE_TERMS = 1000;

function profileOf(g: Group): { ids: Int32Array; weights: Float64Array } {
  if (g.profile) return g.profile;
  // A lone article's vector is already a profile (ids ascending) unless it is longer than one.
  if (!(g.sum instanceof Map) && g.sum.ids.length <= PROFILE_TERMS) return (g.profile = g.sum);
  let entries = [...termsOf(g.sum)];
  if (entries.length > PROFILE_TERMS) entries = entries.sort((x, y) => y[1] - x[1]).slice(0, PROFILE_TERMS);
  entries.sort((x, y) => x[0] - y[0]);
  g.profile = { ids: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1]) };
  return g.profile;
}

/** Entries of a summed vector in insertion order (a lone vector's: ids ascending). */
function* termsOf(sum: Group['sum']): Iterable<[number, number]> {
  if (sum instanceof Map) {
    yield* sum;
    return;
  }
  for (let k = 0; k < sum.ids.length; k++) yield [sum.ids[k], sum.weights[k]];
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
    const sum = gk.sum instanceof Map ? gk.sum : (gk.sum = new Map(termsOf(gk.sum)));
    for (const [k, v] of termsOf(gd.sum)) sum.set(k, (sum.get(k) ?? 0) + v);
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
