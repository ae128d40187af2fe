/**
 * keyness (keyness.ts) over the summed groups of a TermTable (term-table.ts), for the terms
 * summary: the same statistics, the same pruning, the same terms in the same order (ties by
 * term id = code-unit order of the term, as keyness breaks them by its sorted vocabulary), but
 * each group's work follows the terms it holds instead of the whole vocabulary:
 *
 * - over-used terms need a count in the group, so only the group's own terms are scored;
 * - an under-used term the group does not hold has its z set by its pooled count alone (count 0
 *   in the group, the rest's count = the pooled count, prior α_w from the pooled count), so one z
 *   per distinct pooled count, taken in z order, stands for all such terms.
 */
import { checkPrior } from './keyness.js';
import { logLikelihood, logOddsDirichlet, logRatio } from './stats.js';
import type { SparseGroup } from './term-table.js';
import { ratePer10k } from './term-counts.js';
import { largestK } from './top-k.js';
import type { GroupKeyness, KeyTerm } from './types.js';

/** Options of sparseKeyness: those of keyness the summary uses. */
export interface SparseKeynessOptions {
  /** Terms whose count over all groups is below this are dropped before scoring. */
  minCount: number;
  /** Dirichlet prior strength α0. Default: the pooled token count. */
  prior?: number;
  /** Over- and under-used terms kept per group. Default: all. */
  limit?: number;
  /** Compare every other group with this group instead of with the rest. */
  reference?: string;
  /** Also list under-used terms. Default true. */
  bottom?: boolean;
}

/**
 * A vocabulary (a TermTable's terms) with the arrays by term id that scoring needs, kept between
 * calls: the summary scores a hundred groupings, and arrays the size of the vocabulary for each
 * would cost more than the scoring. Every call leaves them zeroed.
 */
export class KeynessVocabulary {
  readonly pooled: Float64Array;
  /** KEPT: pruned in; HELD: in the group being scored. */
  readonly flags: Uint8Array;
  readonly referenceCount: Float64Array;

  constructor(readonly terms: readonly string[]) {
    this.pooled = new Float64Array(terms.length);
    this.flags = new Uint8Array(terms.length);
    this.referenceCount = new Float64Array(terms.length);
  }
}

/**
 * Keyness of every group (but the reference) of `groups`, whose ids index `vocabulary.terms`;
 * the same result as keyness() over the groups' counts as Maps, in the same order.
 */
export function sparseKeyness(groups: readonly SparseGroup[], vocabulary: KeynessVocabulary, options: SparseKeynessOptions): GroupKeyness[] {
  checkPrior(options.prior);
  const reference = options.reference !== undefined ? groups.find((g) => g.name === options.reference) : undefined;
  if (options.reference !== undefined && !reference) throw new Error(`framelens: reference group '${options.reference}' not found`);
  const { terms, pooled, flags, referenceCount } = vocabulary;
  const union: number[] = [];
  try {
    return scoreGroups(groups, reference, terms, pooled, flags, referenceCount, union, options);
  } finally {
    for (const id of union) pooled[id] = flags[id] = referenceCount[id] = 0;
  }
}

function scoreGroups(
  groups: readonly SparseGroup[],
  reference: SparseGroup | undefined,
  terms: readonly string[],
  pooled: Float64Array,
  flags: Uint8Array,
  referenceCount: Float64Array,
  union: number[],
  options: SparseKeynessOptions,
): GroupKeyness[] {
  // 1. pooled counts and the pruned vocabulary (ascending ids = keyness's sorted terms)
  let pooledTokens = 0;
  for (const g of groups) {
    pooledTokens += g.tokens;
    for (let k = 0; k < g.ids.length; k++) {
      if (pooled[g.ids[k]] === 0) union.push(g.ids[k]);
      pooled[g.ids[k]] += g.counts[k];
    }
  }
  const pruned = Int32Array.from(union.filter((id) => pooled[id] >= options.minCount)).sort();
  for (const id of pruned) flags[id] = KEPT;
  const pooledTotal = pooledTokens || 1;
  const alpha0 = options.prior ?? pooledTotal;
  const alphaOf = (id: number) => (alpha0 * pooled[id]) / pooledTotal;
  if (reference) for (let k = 0; k < reference.ids.length; k++) referenceCount[reference.ids[k]] = reference.counts[k];
  const byPooledCount = reference ? undefined : pooledCountClasses(pruned, pooled);
  const limit = options.limit ?? pruned.length;

  // 2. score each group against its comparison
  const results: GroupKeyness[] = [];
  const candidates = new Candidates();
  for (const group of groups) {
    if (group === reference) continue;
    const otherTokens = reference ? reference.tokens : pooledTokens - group.tokens;
    const otherOf = (id: number, own: number) => (reference ? referenceCount[id] : pooled[id] - own);
    const zOf = (id: number, own: number) => logOddsDirichlet(own, group.tokens, otherOf(id, own), otherTokens, alphaOf(id), alpha0).z;
    const describe = (c: number): KeyTerm => {
      const id = candidates.ids[c];
      const own = candidates.own[c];
      const other = otherOf(id, own);
      const lo = logOddsDirichlet(own, group.tokens, other, otherTokens, alphaOf(id), alpha0);
      return {
        term: terms[id],
        count: own,
        otherCount: other,
        rate: ratePer10k(own, group.tokens),
        otherRate: ratePer10k(other, otherTokens),
        delta: lo.delta,
        z: lo.z,
        g2: logLikelihood(own, group.tokens, other, otherTokens),
        logRatio: logRatio(own, group.tokens, other, otherTokens),
      };
    };
    candidates.length = 0;
    for (let k = 0; k < group.ids.length; k++) {
      const id = group.ids[k];
      if (group.counts[k] <= 0) continue;
      flags[id] |= HELD;
      if (flags[id] & KEPT) candidates.push(id, group.counts[k], zOf(id, group.counts[k]));
    }
    const held = (id: number) => (flags[id] & HELD) !== 0;
    // Over-use needs the term in the group; under-use needs it in the comparison.
    const { z, ids } = candidates;
    const top = largestK(candidates.length, limit, (c) => z[c], (c) => z[c] > 0, (c) => ids[c]).map(describe);
    let bottom: KeyTerm[] = [];
    if (options.bottom ?? true) {
      if (byPooledCount) absentUnderUsed(byPooledCount, held, limit, zOf, candidates);
      else for (const id of pruned) if (!held(id)) candidates.push(id, 0, zOf(id, 0));
      const { z: zs, ids: is, own } = candidates; // the arrays may have grown
      bottom = largestK(candidates.length, limit, (c) => -zs[c], (c) => otherOf(is[c], own[c]) > 0 && zs[c] < 0, (c) => is[c]).map(describe);
    }
    for (let k = 0; k < group.ids.length; k++) flags[group.ids[k]] &= ~HELD;
    results.push({ group: group.name, tokens: group.tokens, otherTokens, top, bottom });
  }
  return results;
}

/** Scored terms of one group as parallel arrays (term id, count in the group, z), reused group after group. */
class Candidates {
  ids = new Int32Array(1024);
  own = new Float64Array(1024);
  z = new Float64Array(1024);
  length = 0;

  push(id: number, own: number, z: number): void {
    if (this.length === this.ids.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const grown = new (a.constructor as new (n: number) => T)(2 * a.length);
        grown.set(a);
        return grown;
      };
      this.ids = grow(this.ids);
      this.own = grow(this.own);
      this.z = grow(this.z);
    }
    this.ids[this.length] = id;
    this.own[this.length] = own;
    this.z[this.length++] = z;
  }
}

const KEPT = 1;
const HELD = 2;

/** Pruned term ids grouped by pooled count, ascending within each class. */
interface PooledCountClasses {
  ids: number[][];
}

function pooledCountClasses(pruned: Int32Array, pooled: Float64Array): PooledCountClasses {
  const byCount = new Map<number, number[]>();
  for (const id of pruned) {
    const list = byCount.get(pooled[id]);
    if (list) list.push(id);
    else byCount.set(pooled[id], [id]);
  }
  return { ids: [...byCount.values()] };
}

/**
 * Adds the `limit` most under-used terms the group does not hold, by (z, id), to `out`: every
 * such term's z is that of its pooled count, so the counts are ranked once and their terms read
 * in that order.
 */
function absentUnderUsed(classes: PooledCountClasses, held: (id: number) => boolean, limit: number, zOf: (id: number, own: number) => number, out: Candidates): void {
  const zOfClass = classes.ids.map((ids) => zOf(ids[0], 0));
  const order = classes.ids
    .map((_, c) => c)
    .filter((c) => zOfClass[c] < 0)
    .sort((a, b) => (zOfClass[a] < zOfClass[b] ? -1 : zOfClass[a] > zOfClass[b] ? 1 : 0));
  let added = 0;
  for (let start = 0; start < order.length && added < limit; ) {
    // classes with the same z interleave by id
    let end = start + 1;
    while (end < order.length && zOfClass[order[end]] === zOfClass[order[start]]) end++;
    const ids = end - start === 1 ? classes.ids[order[start]] : order.slice(start, end).flatMap((c) => classes.ids[c]).sort((a, b) => a - b);
    for (const id of ids) {
      if (added >= limit) break;
      if (held(id)) continue;
      out.push(id, 0, zOfClass[order[start]]);
      added++;
    }
    start = end;
  }
}
