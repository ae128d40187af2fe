/**
 * keyness: which terms each group uses more (and less) than the rest, a reference group or a
 * background corpus. Scores are the log-odds z-score with informative Dirichlet prior, G² and
 * Log Ratio (see stats.ts), always next to the raw counts.
 *
 * Built for hundreds of groups: terms below `minCount` are pruned first; each group's counts
 * become a dense array over the pruned vocabulary once; the best `limit` terms per direction are
 * picked with a heap instead of a sort.
 */
import { ratePer10k } from './term-counts.js';
import { logLikelihood, logOddsDirichlet, logRatio } from './stats.js';
import { largestK } from './top-k.js';
import type { CountsLike, GroupKeyness, KeyTerm, KeynessOptions } from './types.js';

interface NormalizedCounts {
  tokens: number;
  counts: Map<string, number>;
}

/** Accepts a GroupCounts, a Map or record of counts, or `{tokens, counts}`; tokens default to the sum of counts. */
export function normalizeCounts(input: CountsLike): NormalizedCounts {
  const raw = input instanceof Map ? input : 'counts' in input && typeof input.counts === 'object' ? input.counts : (input as Record<string, number>);
  const counts = raw instanceof Map ? (raw as Map<string, number>) : new Map(Object.entries(raw as Record<string, number>));
  let tokens = !(input instanceof Map) && 'tokens' in input && typeof input.tokens === 'number' ? input.tokens : undefined;
  if (tokens === undefined) {
    tokens = 0;
    for (const c of counts.values()) tokens += c;
  }
  return { tokens, counts };
}

/** Throws on a prior strength that is not > 0 (an option error). */
export function checkPrior(prior: number | undefined): void {
  if (prior !== undefined && !(prior > 0)) throw new Error(`framelens: keyness prior must be > 0, got ${prior}`);
}

/** Scores every group's terms. Groups come back in input order (the reference group is skipped). */
export function keyness(countsByGroup: Map<string, CountsLike> | Record<string, CountsLike>, options: KeynessOptions = {}): GroupKeyness[] {
  const groups = new Map<string, NormalizedCounts>();
  for (const [name, counts] of countsByGroup instanceof Map ? countsByGroup : Object.entries(countsByGroup)) {
    groups.set(name, normalizeCounts(counts));
  }
  const minCount = options.minCount ?? 3;
  checkPrior(options.prior);
  if (options.reference !== undefined && !groups.has(options.reference)) {
    throw new Error(`framelens: reference group '${options.reference}' not found (groups: ${[...groups.keys()].slice(0, 10).join(', ')}…)`);
  }
  const background = options.background ? normalizeCounts(options.background) : undefined;

  // 1. pooled counts (groups + background) and the pruned vocabulary
  const pooled = new Map<string, number>();
  let pooledTokens = 0;
  for (const source of [...groups.values(), ...(background ? [background] : [])]) {
    pooledTokens += source.tokens;
    for (const [term, c] of source.counts) pooled.set(term, (pooled.get(term) ?? 0) + c);
  }
  const terms = [...pooled.keys()].filter((t) => pooled.get(t)! >= minCount).sort();
  const index = new Map(terms.map((t, i) => [t, i]));
  const dense = (counts: Map<string, number>) => {
    const out = new Float64Array(terms.length);
    for (const [term, c] of counts) {
      const i = index.get(term);
      if (i !== undefined) out[i] = c;
    }
    return out;
  };
  const pooledTotal = pooledTokens || 1;
  const alpha0 = options.prior ?? pooledTotal;
  const alphaW = new Float64Array(terms.length);
  for (let i = 0; i < terms.length; i++) alphaW[i] = (alpha0 * pooled.get(terms[i])!) / pooledTotal;
  const groupTotals = background ? undefined : dense(sumCounts(groups.values()));
  const groupTokens = [...groups.values()].reduce((s, g) => s + g.tokens, 0);
  const reference = options.reference !== undefined ? groups.get(options.reference)! : undefined;
  const referenceDense = reference ? dense(reference.counts) : background ? dense(background.counts) : undefined;
  const wanted = options.groups ? new Set(options.groups) : undefined;

  // 2. score each group against its comparison
  const results: GroupKeyness[] = [];
  for (const [name, group] of groups) {
    if (name === options.reference || (wanted && !wanted.has(name))) continue;
    const own = dense(group.counts);
    const other = referenceDense ?? rest(groupTotals!, own);
    const otherTokens = reference ? reference.tokens : background ? background.tokens : groupTokens - group.tokens;
    const z = new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      z[i] = logOddsDirichlet(own[i], group.tokens, other[i], otherTokens, alphaW[i], alpha0).z;
    }
    const describe = (i: number): KeyTerm => {
      const lo = logOddsDirichlet(own[i], group.tokens, other[i], otherTokens, alphaW[i], alpha0);
      return {
        term: terms[i],
        count: own[i],
        otherCount: other[i],
        rate: ratePer10k(own[i], group.tokens),
        otherRate: ratePer10k(other[i], otherTokens),
        delta: lo.delta,
        z: lo.z,
        g2: logLikelihood(own[i], group.tokens, other[i], otherTokens),
        logRatio: logRatio(own[i], group.tokens, other[i], otherTokens),
      };
    };
    const limit = options.limit ?? terms.length;
    // Over-use needs the term in the group; under-use needs it in the comparison.
    const top = largestK(terms.length, limit, (i) => z[i], (i) => own[i] > 0 && z[i] > 0).map(describe);
    const bottom = largestK(terms.length, limit, (i) => -z[i], (i) => other[i] > 0 && z[i] < 0).map(describe);
    results.push({ group: name, tokens: group.tokens, otherTokens, top, bottom });
  }
  return results;
}

/** total − own, element-wise (a plain loop: TypedArray.from with a callback is many times slower). */
function rest(total: Float64Array, own: Float64Array): Float64Array {
  const out = new Float64Array(own.length);
  for (let i = 0; i < own.length; i++) out[i] = total[i] - own[i];
  return out;
}

function sumCounts(groups: Iterable<NormalizedCounts>): Map<string, number> {
  const total = new Map<string, number>();
  for (const g of groups) for (const [term, c] of g.counts) total.set(term, (total.get(term) ?? 0) + c);
  return total;
}
