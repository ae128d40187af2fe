/**
 * Types of the naming-variants analysis: variant sets (from data/lexicons/variants.json and
 * user files), matches with spans, preference rows and discovered candidate pairs.
 */

export type VariantCategory = 'place' | 'person' | 'organization' | 'framing';

/** One competing form of a name. */
export interface VariantForm {
  /** Display form ("Kyiv"). */
  form: string;
  /** Literal strings that count as this form; default `[form]`. */
  match?: string[];
  note: string;
}

/** A set of competing forms for the same referent. */
export interface VariantSet {
  /** Stable id ("kyiv"); a user set with the same id replaces the shipped one. */
  id: string;
  /** Human label ("Kyiv / Kiev"). */
  label: string;
  category: VariantCategory;
  note: string;
  forms: VariantForm[];
  /** 'sensitive' to match case exactly (Turkey vs turkey). Default 'insensitive'. */
  case?: 'sensitive' | 'insensitive';
}

/** The JSON shape of a variants lexicon file. */
export interface VariantLexiconFile {
  name?: string;
  description?: string;
  sets: VariantSet[];
}

/** One occurrence of a variant form; start/end are UTF-16 offsets into the article text. */
export interface VariantMatch {
  set: string;
  form: string;
  start: number;
  end: number;
  text: string;
}

/** Preference of one group for one form of one set. */
export interface VariantRow {
  group: string;
  set: string;
  form: string;
  count: number;
  /** count / all forms of the set in the group. */
  share: number;
}

/** Options of discoverVariants. */
export interface DiscoverOptions {
  /** A form needs at least this many uses to be considered. Default 3. */
  minCount?: number;
  /** Largest normalized edit distance between transliteration keys for a spelling pair. Default 0.2. */
  maxDistance?: number;
  /** Smallest Cramér's V of the outlet × form table. Default 0.3. */
  minV?: number;
  /** Largest share of the rarer form's documents that also use the other form. Default 0.5. */
  maxCoUse?: number;
  /** Significance level of the chi-square test of the split (0.1, 0.05, 0.01 or 0.001). Default 0.05. */
  alpha?: number;
  /** Only the most frequent forms are compared pairwise (bounds the quadratic step). Default 3000. */
  maxForms?: number;
  /** Candidates returned. Default 20. */
  limit?: number;
}

/** A proposed variant pair whose use splits by outlet. */
export interface VariantCandidate {
  a: string;
  b: string;
  /** 'transliteration' (same key) or 'spelling' (keys within the edit distance). */
  reason: 'transliteration' | 'spelling';
  /** Normalized edit distance of the transliteration keys (0 for same key). */
  distance: number;
  countA: number;
  countB: number;
  /** Outlets using either form. */
  outlets: number;
  /** Pearson chi-square of the outlet × form table, and its degrees of freedom. */
  chi2: number;
  df: number;
  /** Cramér's V (0 = both outlets mix forms alike, 1 = each outlet uses one form only). */
  v: number;
  /** Documents using both forms / documents using the rarer form. */
  coUse: number;
  /** Counts per outlet: [outlet, uses of a, uses of b], most uses first. */
  byOutlet: Array<[string, number, number]>;
}
