/**
 * The similarity flow in one call, shared by the `similarity` and `events` summaries and the
 * library: DocTerms per article → TF-IDF vectors → candidate pairs (inverted index, never all
 * pairs; see candidates.ts for the complexity) → pairs named by article id.
 *
 * Both summaries need the same vectors and pairs. `corpusSimilarity` computes them once per
 * per-article map and options: the pipeline hands `events` and `similarity` the same map when
 * their per-article results are the same bytes (src/pipeline/summarize-parallel.ts), and runs
 * them on the same thread, so the second summary reuses what the first built.
 */
import type { CorpusIndex } from '../types.js';
import { candidatePairs, stripUndefined, type IndexPair } from './candidates.js';
import { SIMILARITY_DEFAULTS, type DocTerms, type SimilarPair, type SimilarityOptions } from './types.js';
import type { PackedDocTerms } from './doc-terms-codec.js';
import { buildVectors, type TermSpace } from './vectors.js';
import { sharedTerms } from './shared-terms.js';

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
  termsOf: (id: string) => DocTerms | PackedDocTerms | undefined,
  options: SimilarityOptions = {},
  outletOf?: (id: string) => string | undefined,
): SimilarityComputation {
  const present: string[] = [];
  const terms: Array<DocTerms | PackedDocTerms> = [];
  for (const id of ids) {
    const t = termsOf(id);
    if (t === undefined) continue;
    present.push(id);
    terms.push(t);
  }
  return computeOver(present, terms, options, outletOf);
}

function computeOver(
  ids: string[],
  terms: Iterable<DocTerms | PackedDocTerms>,
  options: SimilarityOptions,
  outletOf: ((id: string) => string | undefined) | undefined,
): SimilarityComputation {
  const o = resolveSimilarityOptions(options);
  const outlets = outletOf ? ids.map((id) => outletOf(id) ?? '') : undefined;
  const space = buildVectors(terms, o, outlets);
  return { ids, space, indexPairs: candidatePairs(space, o) };
}

/** The options that shape vectors and candidate pairs (feature options shape the DocTerms themselves). */
function computationKey(options: SimilarityOptions): string {
  const o = resolveSimilarityOptions(options);
  return JSON.stringify([o.nameWeight, o.titleWeight, o.outletTermWeight, o.queryTerms, o.maxPosting, o.maxCandidates, o.minScore, o.maxNeighbors]);
}

/** Computations per per-article map, then per corpus index and options key (weak: they go with the map). */
const computed = new WeakMap<ReadonlyMap<string, DocTerms | PackedDocTerms>, WeakMap<CorpusIndex, Map<string, SimilarityComputation>>>();

/**
 * Vectors and candidate pairs of a summary's articles (corpus order, those `perDoc` has), built
 * once per (`perDoc`, `corpus`, vector and candidate options) and shared by every summary that
 * asks with the same three; read it, do not change it. Each article's DocTerms is read from
 * `perDoc` once and not kept.
 */
export function corpusSimilarity(perDoc: ReadonlyMap<string, DocTerms | PackedDocTerms>, corpus: CorpusIndex, options: SimilarityOptions = {}): SimilarityComputation {
  const byCorpus = computed.get(perDoc) ?? computed.set(perDoc, new WeakMap()).get(perDoc)!;
  const byKey = byCorpus.get(corpus) ?? byCorpus.set(corpus, new Map()).get(corpus)!;
  const key = computationKey(options);
  let c = byKey.get(key);
  if (!c) {
    const ids = corpus.docs.filter((d) => perDoc.has(d.id)).map((d) => d.id);
    function* terms() {
      for (const id of ids) yield perDoc.get(id)!;
    }
    byKey.set(key, (c = computeOver(ids, terms(), options, (id) => corpus.byId.get(id)?.outlet)));
  }
  return c;
}

/** Index pairs → id pairs, best first; `withShared` adds each pair's shared terms. */
export function namedPairs(c: SimilarityComputation, withShared = false): SimilarPair[] {
  const { vectors, display } = c.space;
  return c.indexPairs
    .map(({ i, j, score }): SimilarPair => ({
      a: c.ids[i],
      b: c.ids[j],
      score: round(score),
      ...(withShared ? { shared: sharedTerms(vectors[i], vectors[j], display) } : {}),
    }))
    .sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
}

/** The shared terms of two of `c`'s articles, by id: for the few pairs a caller shows (shared-terms.ts). */
export function sharedTermsOf(c: SimilarityComputation): (a: string, b: string) => string[] {
  const at = new Map(c.ids.map((id, i) => [id, i]));
  return (a, b) => sharedTerms(c.space.vectors[at.get(a)!], c.space.vectors[at.get(b)!], c.space.display);
}

/** Four decimals: enough for ranking, stable in JSON snapshots. */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
