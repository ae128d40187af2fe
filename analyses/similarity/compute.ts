/**
 * The similarity flow in one call, shared by the `similarity` and `events` summaries and the
 * library: DocTerms per article → TF-IDF vectors → candidate pairs (inverted index, never all
 * pairs; see candidates.ts for the complexity) → pairs named by article id.
 */
import { candidatePairs, stripUndefined, type IndexPair } from './candidates.js';
import { SIMILARITY_DEFAULTS, type DocTerms, type SimilarPair, type SimilarityOptions } from './types.js';
import { buildVectors, type TermSpace } from './vectors.js';

export interface SimilarityComputation {
  /** Article ids in vector order. */
  ids: string[];
  space: TermSpace;
  /** Pairs by vector index, `i < j`, ascending. */
  indexPairs: IndexPair[];
}

/** Resolves options against the defaults (unset and `undefined` fields take the default). */
export function resolveSimilarityOptions(options: SimilarityOptions = {}): Required<SimilarityOptions> {
  return { ...SIMILARITY_DEFAULTS, ...stripUndefined(options) };
}

/** Vectors and candidate pairs for the given articles' DocTerms, in the order of `ids`. */
export function computeSimilarity(
  ids: readonly string[],
  termsOf: (id: string) => DocTerms | undefined,
  options: SimilarityOptions = {},
  outletOf?: (id: string) => string | undefined,
): SimilarityComputation {
  const o = resolveSimilarityOptions(options);
  const present = ids.filter((id) => termsOf(id) !== undefined);
  const outlets = outletOf ? present.map((id) => outletOf(id) ?? '') : undefined;
  const space = buildVectors(present.map((id) => termsOf(id)!), o, outlets);
  return { ids: present, space, indexPairs: candidatePairs(space, o) };
}

/** Index pairs → id pairs, best first. */
export function namedPairs(c: SimilarityComputation): SimilarPair[] {
  return c.indexPairs
    .map(({ i, j, score }) => ({ a: c.ids[i], b: c.ids[j], score: round(score) }))
    .sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
}

/** Four decimals: enough for ranking, stable in JSON snapshots. */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
