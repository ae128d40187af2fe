/**
 * The `similarity` analysis and library: TF-IDF vectors (sublinear tf, smoothed IDF, lemmas,
 * weighted name mentions), cosine, similar pairs via a pruned inverted index (never all pairs),
 * and outlet × outlet mean similarity per event.
 */
import type { Article } from '../../src/corpus/article.js';
import type { Analysis, AnalysisContext } from '../types.js';
import { computeSimilarity, namedPairs } from './compute.js';
import { docTerms } from './features.js';
import { perDocReads } from '../per-doc-options.js';
import { packDocTerms, type PackedDocTerms } from './doc-terms-codec.js';
import { similarityEventView, similarityOverview } from './section.js';
import { summarizeSimilarity, type SimilaritySummary, type SimilaritySummaryOptions } from './summary.js';
import type { DocTerms, SimilarityOptions, SimilarPair } from './types.js';
import { heatmapSpec, pooledCells } from './charts.js';

export type { DocTerms, SimilarityOptions, SimilarPair, SparseVector, FeatureOptions, VectorOptions, CandidateOptions } from './types.js';
export type { SimilaritySummary, SimilaritySummaryOptions } from './summary.js';
export type { EventSimilarity, OutletCell } from './outlet-matrix.js';
export { SIMILARITY_DEFAULTS } from './types.js';
/** Per-article ingredient (lemma and name counts) of one analyzed article. */
export { docTerms } from './features.js';
/** DocTerms in parallel arrays (what perDoc returns and the cache stores), and back. */
export { packDocTerms, unpackDocTerms, type PackedDocTerms } from './doc-terms-codec.js';
/** L2-normalised TF-IDF vectors of a list of DocTerms (keyed or packed). */
export { buildVectors } from './vectors.js';
/** Cosine of two normalised sparse vectors. */
export { sparseDot } from './cosine.js';

function optionsOf(ctx: AnalysisContext): SimilaritySummaryOptions {
  return (ctx.options.similarity ?? {}) as SimilaritySummaryOptions;
}

/**
 * Similar pairs among precomputed DocTerms (best first; never all pairs), each with the terms
 * that weigh most in its cosine. `outletOf` lets each outlet's house-style terms count less in
 * its own articles, as in the report (vectors.ts).
 */
export function similarPairs(
  docs: ReadonlyMap<string, DocTerms | PackedDocTerms>,
  options: SimilarityOptions = {},
  outletOf?: (id: string) => string | undefined,
): SimilarPair[] {
  return namedPairs(computeSimilarity([...docs.keys()], (id) => docs.get(id), options, outletOf), true);
}

/** The `k` most similar articles to `docId` among `pairs` (best first). */
export function nearest(pairs: readonly SimilarPair[], docId: string, k = 10): Array<{ doc: string; score: number; shared?: string[] }> {
  return pairs
    .filter((p) => p.a === docId || p.b === docId)
    .map((p) => ({ doc: p.a === docId ? p.b : p.a, score: p.score, ...(p.shared ? { shared: p.shared } : {}) }))
    .sort((x, y) => y.score - x.score || (x.doc < y.doc ? -1 : 1))
    .slice(0, k);
}

/** Similar pairs among articles, running the text layer first (for notebooks and the CLI). */
export async function similarity(articles: readonly Article[], options: SimilarityOptions = {}): Promise<{ docs: string[]; pairs: SimilarPair[] }> {
  const { analyzeDoc } = await import('../../src/text/analyze.js');
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  const terms = new Map(articles.map((a) => [a.id, docTerms(analyzeDoc(a, { outlets }), options)]));
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet]));
  return { docs: [...terms.keys()], pairs: similarPairs(terms, options, (id) => outletOf.get(id)) };
}

export const similarityAnalysis: Analysis<PackedDocTerms, SimilaritySummary> = {
  id: 'similarity',
  title: 'Similarity',
  // 3: credit lines and lists (src/text/non-prose.ts) are not counted; 4: nor photo credits;
  // 5: nor page furniture; 6: nor photo gallery captions; 7: more furniture, staff credits;
  // 8: packed into arrays (doc-terms-codec.ts); 9: nor bylines, sign-offs, share lines, highlights boxes
  version: '9',
  // 2: an outlet's house-style terms damped in its own articles (vectors.ts houseStyle)
  summaryVersion: '2',
  perDoc: (doc, ctx) => packDocTerms(docTerms(doc, optionsOf(ctx))),
  perDocOptions: perDocReads('maxTerms', 'title', 'bigrams'), // the feature options docTerms reads
  summarize: (perDoc, corpus, ctx) => summarizeSimilarity(perDoc, corpus, optionsOf(ctx)),
  charts: (summary, corpus): Record<string, object> => {
    const cells = pooledCells(summary.byEvent);
    return cells.length ? { heatmap: heatmapSpec(cells, corpus, 'Mean cosine between outlets on the same events') } : {};
  },
  overview: (summary, corpus, kit) => similarityOverview(summary, corpus, kit),
  eventView: (summary, event, corpus, kit) => similarityEventView(summary, event, corpus, kit),
};
