/**
 * summarize for `similarity`: vectors and candidate pairs over the corpus, then the outlet ×
 * outlet mean similarity per event (events come from the input or the `events` analysis).
 */
import type { CorpusIndex } from '../types.js';
import { corpusSimilarity, namedPairs } from './compute.js';
import { outletMatrices, type EventSimilarity } from './outlet-matrix.js';
import type { DocTerms, SimilarityOptions, SimilarPair } from './types.js';
import type { PackedDocTerms } from './doc-terms-codec.js';

export interface SimilaritySummary {
  docs: number;
  /** Similar pairs found (each article's best neighbours), best first. */
  pairs: SimilarPair[];
  byEvent: EventSimilarity[];
}

export interface SimilaritySummaryOptions extends SimilarityOptions {
  /** Articles per event compared for the outlet heatmap. Default 200. */
  maxEventDocs?: number;
}

/** The similarity summary of a corpus (vectors and pairs shared with the events summary of the same map, see compute.ts). */
export function summarizeSimilarity(
  perDoc: ReadonlyMap<string, DocTerms | PackedDocTerms>,
  corpus: CorpusIndex,
  options: SimilaritySummaryOptions = {},
): SimilaritySummary {
  const c = corpusSimilarity(perDoc, corpus, options);
  return { docs: c.ids.length, pairs: namedPairs(c), byEvent: outletMatrices(c, corpus, options.maxEventDocs ?? 200) };
}
