/**
 * Types and defaults of the similarity analysis (TF-IDF document vectors, cosine, candidate
 * pairs). `DocTerms` is the per-article ingredient that `similarity`, `events` and the library
 * functions share; everything else is built from it in summarize, without article text.
 */

/** Per-article ingredient: counts of content lemmas and of name-mention keys (no text, no offsets). */
export interface DocTerms {
  /** Lemma → count over content words (nouns, proper nouns, verbs, adjectives, adverbs, numbers), stop words dropped. */
  terms: Record<string, number>;
  /** Name-mention alias key → count (`Sergey Lavrov`). */
  names: Record<string, number>;
}

export interface FeatureOptions {
  /** Keep at most this many lemmas per article (the most frequent), so the cache stays compact. Default 300. */
  maxTerms?: number;
  /** Also count pairs of content lemmas that follow each other (stop words between are skipped). Default true. */
  bigrams?: boolean;
  /** Count headline words too (they name the event most precisely). Default true. */
  title?: boolean;
}

export interface VectorOptions {
  /** Multiplier on name-mention weights before L2 normalisation (shared names are strong event evidence). Default 1.5. */
  nameWeight?: number;
  /** Weight of a headline term occurrence relative to a body occurrence. Default 2. */
  titleWeight?: number;
  /**
   * Multiplier on an outlet's house-style terms in its own articles: terms only it uses, in two
   * or more of its articles (its name, bylines), and terms most of whose articles are its own and
   * that a tenth of its articles use (scraped furniture, house spelling; vectors.ts houseStyle):
   * they would pull an outlet's stories on different events together. Applies when outlets are
   * known and there are at least two. Default 0.3.
   */
  outletTermWeight?: number;
}

export interface CandidateOptions {
  /** Terms per article (highest TF-IDF weight first) used to look up candidates in the inverted index. Default 40. */
  queryTerms?: number;
  /**
   * Terms found in more than this many articles are not used to generate candidates (they still count in
   * the cosine). A constant cap keeps candidate generation linear in corpus size. Default 250.
   */
  maxPosting?: number;
  /** Candidates per article scored exactly (best partial scores first). Default 60. */
  maxCandidates?: number;
  /** Pairs below this cosine are dropped. Default 0.05. */
  minScore?: number;
  /** Keep at most this many neighbours per article (the union over both ends is returned). Default 25. */
  maxNeighbors?: number;
}

/** All similarity options (the `similarity` key of `ctx.options`). */
export type SimilarityOptions = FeatureOptions & VectorOptions & CandidateOptions;

export const SIMILARITY_DEFAULTS: Required<SimilarityOptions> = {
  maxTerms: 300,
  title: true,
  bigrams: true,
  nameWeight: 1.5,
  titleWeight: 2,
  outletTermWeight: 0.3,
  queryTerms: 40,
  maxPosting: 250,
  maxCandidates: 60,
  minScore: 0.05,
  maxNeighbors: 25,
};

/** A sparse, L2-normalised vector: term ids ascending with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** One similar pair (`a` before `b` in input order). */
export interface SimilarPair {
  a: string;
  b: string;
  /** Cosine similarity of the TF-IDF vectors, 0–1. */
  score: number;
  /** The terms that weigh most in that cosine (shared-terms.ts), when asked for. */
  shared?: string[];
}
