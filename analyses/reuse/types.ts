/**
 * Types and defaults of reuse detection (near-duplicate articles and reused passages).
 * `ReuseDoc` is the per-article fingerprint; summaries are built from fingerprints alone.
 */

/** Fingerprint of one sentence (no text: offsets into the article and hashes). */
export interface SentencePrint {
  start: number;
  end: number;
  /** Word tokens in the sentence. */
  words: number;
  /** Hash of the normalised sentence (lower-cased words, punctuation dropped). */
  hash: number;
  /** MinHash of its word bigrams, for near-identical sentences (a word changed or dropped). */
  sig: number[];
}

/** Per-article fingerprint for reuse detection. */
export interface ReuseDoc {
  sentences: SentencePrint[];
  /** MinHash of the article's word shingles: estimates article-level Jaccard. */
  sig: number[];
}

export interface ReuseOptions {
  /** Sentences with fewer words are ignored (datelines, "Read more."). Default 6. */
  minWords?: number;
  /** Words per shingle for article-level Jaccard. Default 4. */
  shingle?: number;
  /** Two sentences match when their bigram MinHash agreement reaches this (1 = identical). Default 0.5. */
  sentenceMatch?: number;
  /** A passage needs at least this many matching sentences. Default 2. */
  minSentences?: number;
  /** Unmatched sentences allowed inside a passage, on either side (an inserted or rewritten sentence). Default 1. */
  maxGap?: number;
  /**
   * Sentences found in more than this many articles are boilerplate (sign-up prompts, bylines) and never
   * start a match; the cap also bounds the work per sentence. Default 50.
   */
  maxPosting?: number;
  /** Also look for reuse between two articles of the same outlet (updates, boilerplate). Default false. */
  sameOutlet?: boolean;
  /** Article pairs at or above this shingle Jaccard are near-duplicates. Default 0.8. */
  nearDuplicate?: number;
}

export const REUSE_DEFAULTS: Required<ReuseOptions> = {
  minWords: 6,
  shingle: 4,
  sentenceMatch: 0.5,
  minSentences: 2,
  maxGap: 1,
  maxPosting: 50,
  sameOutlet: false,
  nearDuplicate: 0.8,
};

/** Number of MinHash values per sentence (bands of 2) and per article. */
export const SENTENCE_SIG = 12;
export const DOC_SIG = 64;

/** Character span into one article (`text` added where the article text is at hand, e.g. the CLI). */
export interface PassageSpan {
  start: number;
  end: number;
  text?: string;
}

/** A run of matching sentences shared by two articles. */
export interface ReusedPassage {
  a: string;
  b: string;
  aSpan: PassageSpan;
  bSpan: PassageSpan;
  /** Matching sentences in the run. */
  sentences: number;
  /** Of those, identical after normalisation. */
  identical: number;
  /** Estimated shingle Jaccard of the two whole articles. */
  jaccard: number;
  /** The article published first, when both dates are known and differ (the likely source). */
  earlier?: string;
}

/** Article pairs that share at least one passage, or are near-duplicates. */
export interface ReusePair {
  a: string;
  b: string;
  jaccard: number;
  nearDuplicate: boolean;
  passages: number;
  /** Share of each article's sentences inside shared passages. */
  aShare: number;
  bShare: number;
  earlier?: string;
}

export interface ReuseSummary {
  passages: ReusedPassage[];
  pairs: ReusePair[];
}
