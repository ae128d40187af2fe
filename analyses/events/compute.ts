/**
 * Event grouping, the pure core of the `events` analysis:
 *   1. TF-IDF vectors + candidate pairs (analyses/similarity, never all pairs; in the pipeline
 *      built once for this summary and the similarity summary, see similarity/compute.ts)
 *   2. neighbour smoothing: each vector takes in a little of its nearest candidates' vectors,
 *      pairs re-scored (smooth.ts)
 *   3. average-link clustering over those pairs within the date window, links weakened by
 *      date distance beyond a day; optionally lone articles then join the group they clearly
 *      prefer (cluster.ts)
 *   4. groups that hold articles with a given event id take the id most of them carry; others get
 *      a new id `e<rank>-<slug of terms>`; every group is labelled (label.ts)
 *   5. final events (given ids stay), agreement (B³ of the grouping against the given ids)
 */
import { computeSimilarity, resolveSimilarityOptions, round, type SimilarityComputation } from '../similarity/compute.js';
import { sharedTerms } from '../similarity/shared-terms.js';
import type { DocTerms } from '../similarity/types.js';
import type { PackedDocTerms } from '../similarity/doc-terms-codec.js';
import { bcubed } from './bcubed.js';
import { averageLinkClusters } from './cluster.js';
import { smoothVectors } from './smooth.js';
import { GroupDescriber, headlineLabel, slug, type GroupLabel } from './label.js';
import { GROUPING_DEFAULTS, type EventGroup, type EventLink, type EventsOptions, type EventsSummary } from './types.js';
import { stripUndefined } from '../similarity/candidates.js';

/** What grouping needs to know about one article besides its terms. */
export interface EventMeta {
  id: string;
  outlet?: string;
  title?: string;
  /** ISO date, when known. */
  date?: string;
  /** Given event id, when the input has one. */
  event?: string;
}

/** What grouping needs to know about one article. */
export interface EventInput extends EventMeta {
  terms: DocTerms | PackedDocTerms;
}

export interface GroupingResult extends EventsSummary {
  /** Label per final event id. */
  labels: Record<string, string>;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string | undefined): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isNaN(t) ? NaN : t / DAY_MS;
}

function majority(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, c] of counts) if (best === undefined || c > counts.get(best)! || (c === counts.get(best)! && v < best)) best = v;
  return best;
}

/** Groups articles into events (see the file header for the steps). */
export function groupEvents(docs: readonly EventInput[], options: EventsOptions = {}): GroupingResult {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const c = computeSimilarity(
    docs.map((d) => d.id),
    (id) => byId.get(id)?.terms,
    options,
    (id) => byId.get(id)?.outlet,
  );
  return groupSimilar(c, c.ids.map((id) => byId.get(id)!), options);
}

/**
 * Steps 2–5 from vectors and candidate pairs already built (step 1, possibly shared with the
 * similarity summary: `c` is only read). `inputs` are the articles of `c.ids`, same order.
 */
export function groupSimilar(c: SimilarityComputation, inputs: readonly EventMeta[], options: EventsOptions = {}): GroupingResult {
  const o = { ...GROUPING_DEFAULTS, ...stripUndefined(options) };
  const days = Float64Array.from(inputs, (d) => dayNumber(d.date));
  const smooth = smoothVectors(
    c.space.vectors,
    c.indexPairs,
    days,
    {
      neighbors: o.smoothNeighbors,
      weight: o.smoothWeight,
      neighborMinScore: o.smoothMinScore,
      windowDays: o.dateWindowDays,
      dimensions: c.space.vocab.length,
      minScore: resolveSimilarityOptions(options).minScore,
    },
  );
  const clusters = averageLinkClusters({ vectors: smooth.vectors, edges: smooth.edges, days }, o.threshold, {
    windowDays: o.dateWindowDays,
    slackDays: o.dateSlackDays,
    decayDays: o.dateDecayDays,
    bridgeThreshold: o.dateBridgeThreshold,
  }, o.attachLoners ? { minScore: o.attachMinScore, ratio: o.attachRatio } : undefined);

  // 4. ids and labels of the content groups
  const grouped: Record<string, string> = {};
  const clusterOf = new Map<string, string>();
  const labels: Record<string, string> = {};
  const usedIds = new Set(inputs.map((d) => d.event).filter((e): e is string => !!e));
  // A group without given ids is also a final event, with the same members: described once.
  const described = new Map<string, GroupLabel>();
  const describer = new GroupDescriber(c.space);
  // Groups are ranked largest first: a later group whose majority is a given id already taken is
  // a split-off part of that event and gets its own name (`border-clash/2`), so splits show.
  const namedGiven = new Set<string>();
  clusters.forEach((members, rank) => {
    const given = majority(members.map((i) => inputs[i].event).filter((e): e is string => !!e));
    const description = describer.describe(members);
    const { terms, central } = description;
    let id = given;
    if (given && namedGiven.has(given)) {
      let part = 2;
      while (usedIds.has(`${given}/${part}`)) part++;
      id = `${given}/${part}`;
    }
    if (given) namedGiven.add(given);
    if (!id) {
      id = `e${rank + 1}-${slug(terms)}`;
      while (usedIds.has(id)) id += '-x';
      labels[id] = headlineLabel(inputs[central].title ?? '', terms);
      described.set(id, description);
    }
    usedIds.add(id);
    for (const i of members) {
      grouped[inputs[i].id] = id;
      clusterOf.set(inputs[i].id, String(rank));
    }
  });

  const links = closestInGroup(c, inputs, clusters);

  // 5. final events: given ids stay as given
  const assignment: Record<string, string> = {};
  for (const d of inputs) assignment[d.id] = d.event || grouped[d.id];
  const position = new Map(c.ids.map((id, i) => [id, i]));
  const finalGroups = new Map<string, number[]>();
  for (const d of inputs) {
    const e = assignment[d.id];
    (finalGroups.get(e) ?? finalGroups.set(e, []).get(e)!).push(position.get(d.id)!);
  }
  const outletOrder = new Map<string, number>();
  for (const d of inputs) if (d.outlet !== undefined && !outletOrder.has(d.outlet)) outletOrder.set(d.outlet, outletOrder.size);
  const events: EventGroup[] = [...finalGroups].map(([id, members]) => {
    const { terms, central } = described.get(id) ?? describer.describe(members);
    labels[id] ??= headlineLabel(inputs[central].title ?? '', terms);
    const dated = members.map((i) => inputs[i].date).filter((x): x is string => !!x && !Number.isNaN(Date.parse(x)));
    dated.sort((x, y) => Date.parse(x) - Date.parse(y));
    const outlets = [...new Set(members.map((i) => inputs[i].outlet).filter((x): x is string => x !== undefined))];
    outlets.sort((x, y) => outletOrder.get(x)! - outletOrder.get(y)!);
    return {
      id,
      label: labels[id],
      terms,
      size: members.length,
      docs: members.map((i) => inputs[i].id),
      outlets,
      firstDate: dated[0],
      lastDate: dated[dated.length - 1],
      given: members.some((i) => inputs[i].event === id),
    };
  });
  events.sort((x, y) => y.size - x.size || (x.id < y.id ? -1 : 1));

  const givenIds = new Map(inputs.filter((d) => d.event).map((d) => [d.id, d.event!]));
  // Scored by cluster, not by id: two groups that both took the same given id are still two groups.
  const agreement = givenIds.size ? bcubed(clusterOf, givenIds) : undefined;
  return { events, assignment, grouped, links, agreement, pairs: smooth.edges.length, labels };
}

/** Each grouped article's most similar fellow member by raw cosine, with the shared terms behind it (see EventLink). */
function closestInGroup(c: SimilarityComputation, inputs: readonly EventMeta[], clusters: readonly number[][]): Record<string, EventLink> {
  const groupOf = new Int32Array(inputs.length).fill(-1);
  clusters.forEach((members, g) => { for (const i of members) groupOf[i] = g; });
  const best = new Int32Array(inputs.length).fill(-1);
  const bestScore = new Float64Array(inputs.length);
  for (const { i, j, score } of c.indexPairs) {
    if (groupOf[i] < 0 || groupOf[i] !== groupOf[j]) continue;
    if (score > bestScore[i]) [best[i], bestScore[i]] = [j, score];
    if (score > bestScore[j]) [best[j], bestScore[j]] = [i, score];
  }
  const links: Record<string, EventLink> = {};
  for (let i = 0; i < inputs.length; i++) {
    if (best[i] < 0) continue;
    links[inputs[i].id] = { doc: inputs[best[i]].id, score: round(bestScore[i]), shared: sharedTerms(c.space.vectors[i], c.space.vectors[best[i]], c.space.display) };
  }
  return links;
}
