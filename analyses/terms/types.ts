/**
 * Types of the terms analysis: the compact per-article token stream (TermsDoc), the options of
 * counting, keyness and KWIC (with their defaults), and the plain-JSON results.
 * Flow: AnalyzedDoc | Article ─▶ TermsDoc ─▶ term counts per group ─▶ keyness ─▶ summary/report.
 */

/**
 * The per-article token stream of the terms analysis, not the text (the registered analysis
 * stores it packed into strings: PackedTermsDoc in terms-codec.ts). It is smaller than
 * per-article n-gram count maps (one entry per token instead of one per distinct uni-, bi- and
 * trigram in two forms) and still lets summarize count any n-gram in surface or lemma form and
 * cut KWIC lines (with spans) for the terms that turn out distinctive.
 */
export interface TermsDoc {
  /** Word and number tokens: the denominator of rates. */
  words: number;
  /** Surface text of every token, punctuation included, exactly `article.text.slice(start, end)`. */
  text: string[];
  /** UTF-16 start offset of every token in `article.text`; end = start + text[i].length. */
  start: number[];
  /** Lower-cased lemma by token index, only where it differs from the lower-cased surface. */
  lemma: Record<number, string>;
  /** One character per token: `w` word, `s` stop word, `n` number, `p` punctuation or symbol. */
  kind: string;
  /** Token indices where sentences start; n-grams never cross a sentence boundary. */
  sentences: number[];
}

/** A TermsDoc with the metadata needed to group it. */
export interface TermsDocWithMeta extends TermsDoc {
  id: string;
  outlet: string;
  event?: string;
  /** Article text when known (KWIC then slices exact context instead of rebuilding it). */
  source?: string;
}

/**
 * How documents are grouped: by a metadata field, or by a function of the document's metadata
 * and the input exactly as the caller passed it (so any field of an Article can be the group).
 */
export type GroupBy =
  | 'outlet'
  | 'event'
  | 'event-outlet'
  | 'all'
  | ((meta: { id: string; outlet: string; event?: string }, input: unknown) => string | undefined);

/** Options of n-gram counting (termCounts, keyness, summarize). */
export interface CountOptions {
  /** Largest n-gram length (1 = unigrams only). Default 1. */
  ngram?: number;
  /** Smallest n-gram length. Default 1. */
  minNgram?: number;
  /** Count lemmas instead of lower-cased surface forms. Default false. */
  lemma?: boolean;
  /** Keep stop words (n-grams that start or end with one). Default false. */
  stopWords?: boolean;
  /** Keep numbers (n-grams holding a number token). Default false. */
  numbers?: boolean;
  /** Grouping of documents. Default 'outlet'. */
  by?: GroupBy;
}

/** Term counts of one group. */
export interface GroupCounts {
  /** Word tokens in the group (rate denominator, the same for every n-gram length). */
  tokens: number;
  /** Documents in the group. */
  docs: number;
  /** Count per term. */
  counts: Map<string, number>;
  /** Documents holding each term. */
  docFreq: Map<string, number>;
}

/** Anything keyness accepts as the counts of one group. */
export type CountsLike = GroupCounts | Map<string, number> | Record<string, number> | { tokens?: number; counts: Map<string, number> | Record<string, number> };

/** Options of keyness (each group against the rest, a reference group or a background). */
export interface KeynessOptions {
  /** Compare every other group with this group instead of with the rest. Default: the rest. */
  reference?: string;
  /** Compare every group with these background counts instead of with the rest. */
  background?: CountsLike;
  /** Terms whose count over all groups (and background) is below this are dropped before scoring. Default 3. */
  minCount?: number;
  /**
   * Strength α0 of the informative Dirichlet prior (Monroe et al. 2008): α_w = α0 · p_w with
   * p_w the pooled frequency of w. Default: the pooled token count, i.e. the corpus itself is
   * the prior (α_w = pooled count of w). Much weaker priors rank terms seen in one group only
   * far below frequent shared ones, because their variance is dominated by 1/α_w.
   */
  prior?: number;
  /** Keep at most this many over- and this many under-used terms per group. Default: all. */
  limit?: number;
  /** Groups to score (others still count as "rest"). Default: all groups. */
  groups?: string[];
}

/** One scored term of one group. */
export interface KeyTerm {
  term: string;
  /** Occurrences in the group. */
  count: number;
  /** Occurrences in the comparison (rest, reference or background). */
  otherCount: number;
  /** Per 10k tokens in the group. */
  rate: number;
  /** Per 10k tokens in the comparison. */
  otherRate: number;
  /** Log-odds ratio with informative Dirichlet prior (δ̂ of Monroe et al.). */
  delta: number;
  /** z-score of delta: positive = used more by the group. */
  z: number;
  /** Log-likelihood G² (Dunning 1993), ≥ 0; direction is the sign of z or logRatio. */
  g2: number;
  /** Hardie's Log Ratio: log2 of the ratio of relative frequencies (zero counts taken as 0.5). */
  logRatio: number;
}

/** Keyness of one group. */
export interface GroupKeyness {
  group: string;
  tokens: number;
  otherTokens: number;
  /** Over-used terms, highest z first. */
  top: KeyTerm[];
  /** Under-used terms, lowest z first. */
  bottom: KeyTerm[];
}

/** Options of KWIC. */
export interface KwicOptions {
  /** Words of context on each side. Default 8. */
  window?: number;
  /** Match lemmas: "protest" finds "protests", "protested". Default false. */
  lemma?: boolean;
  /** Match case exactly. Default false. */
  caseSensitive?: boolean;
  /** Group label of each row. Default 'outlet'. */
  by?: GroupBy;
  /** Stop after this many rows. Default: all. */
  limit?: number;
}

/** One KWIC line; start/end are UTF-16 offsets of the match in the article text. */
export interface KwicRow {
  doc: string;
  group: string;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
}

/** Where a left-out sentence stands: doc id and the UTF-16 span of the sentence in its text. */
export interface SentenceSpan {
  doc: string;
  start: number;
  end: number;
  /** The sentence as its tokens read, whitespace collapsed (the exact text is `article.text.slice(start, end)`). */
  text: string;
}

/** One sentence an outlet repeats in many of its articles (repeated-sentences.ts). */
export interface RepeatedSentence {
  /** The sentence as its first example reads. */
  text: string;
  /** Articles of the outlet holding it. */
  docs: number;
  /** Different events among those articles. */
  events: number;
  /** Where it stands in the first few of them (corpus order). */
  examples: SentenceSpan[];
}

/** An outlet's repeated sentences, left out of its word counts. */
export interface OutletRepeatedSentences {
  outlet: string;
  /** Different repeated sentences (keys). */
  repeated: number;
  /** Sentences left out: every occurrence in every article. */
  sentences: number;
  /** Articles with at least one sentence left out. */
  docs: number;
  /** Word and number tokens left out (also taken off the outlet's token count, the rate denominator). */
  tokens: number;
  /** The repeated sentences found in the most articles (at most 5, most first). */
  top: RepeatedSentence[];
}
