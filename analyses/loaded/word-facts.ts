/**
 * What a token's written form alone decides for the learned model's features: whether its lemma
 * may become a feature, its `suf=` suffix, its `shape=` flags and its polarity bucket. A few
 * thousand forms make up most tokens of any corpus, so each form is worked out once per process
 * and every later token of that form costs one array read by its word id (src/text/word-ids.ts)
 * instead of a regex, a polarity look-up and a few case conversions. features.ts
 * (buildTokenContext) keeps the facts of every token in the token context; token-scores.ts reads
 * them. tokenFeatures (features.ts) still spells each feature out from the token itself: it is
 * the definition these facts must agree with (test/analyses/loaded-scores.test.ts checks that
 * they do).
 *
 * The facts of a form are bits of one small integer: the table holds it inline (no object to
 * fetch from memory per token), and a document keeps them in one typed array.
 */
import { WordTable, wordId } from '../../src/text/word-ids.js';
import { polarityBucket } from './polarity.js';

/** The form is a word whose lemma may become a feature (features.ts, isGeneralWord). */
export const GENERAL = 1 << 0;
/** A lower-case form of five or more characters: its last three have a `suf=` feature. */
export const SUFFIX = 1 << 1;
/** `shape=allcaps`: two or more characters, all upper case, at least one letter. */
export const ALLCAPS = 1 << 2;
/** Starts with a capital letter (`shape=cap-mid` when the token is not first and not a PROPN). */
export const CAPITAL = 1 << 3;
/** `shape=hyphen` */
export const HYPHEN = 1 << 4;
/** `shape=long` */
export const LONG = 1 << 5;

/** Polarity buckets in the order of their codes (code = index + 1; 0: neutral). */
export const POLARITY_BUCKETS: readonly string[] = ['neg2', 'neg1', 'pos1', 'pos2'];
// Bits 6–8 hold the polarity: 0 until first asked (punctuation never asks, so no punctuation mark
// costs a wink look-up), then 1 + its bucket code.
const POLARITY_SHIFT = 6;
const POLARITY_MASK = 7 << POLARITY_SHIFT;

// Bits 9–29 hold the number of a SUFFIX form's suffix in `suffixes`, so the scorer finds its
// weight by index (token-scores.ts) instead of cutting and hashing a new string per token; the
// facts stay a small integer (up to 2^30), which the engine keeps unboxed.
const SUFFIX_SHIFT = 9;
/** Suffix number of forms whose suffix came after the first UNNUMBERED ones: read the suffix from the text. */
export const UNNUMBERED = (1 << 21) - 1;
/** The suffixes of SUFFIX forms seen so far, by number (suffixNumber). */
export const suffixes: string[] = [];
const suffixNumbers = new Map<string, number>();

/** Number of the suffix of a SUFFIX form in `suffixes`, or UNNUMBERED (meaningless for other forms). */
export function suffixNumber(facts: number): number {
  return facts >>> SUFFIX_SHIFT;
}

function numberSuffix(suffix: string): number {
  let number = suffixNumbers.get(suffix);
  if (number === undefined) {
    if (suffixes.length >= UNNUMBERED) return UNNUMBERED;
    suffixNumbers.set(suffix, (number = suffixes.length));
    suffixes.push(suffix);
  }
  return number;
}

const WORDY = /^[\p{L}][\p{L}'’-]*$/u;

// Facts by word id of the form (-1: not worked out yet). Grows with the vocabulary of the run.
const NOT_YET = -1;
const cache = new WordTable(NOT_YET);

/**
 * The facts of one written form (GENERAL | SUFFIX | …), worked out on its first occurrence.
 * `id` is the form's word id (src/text/word-ids.ts), when the caller has it.
 */
export function wordFacts(text: string, id = wordId(text)): number {
  let facts = cache.get(id);
  if (facts === NOT_YET) {
    const lower = text.toLowerCase();
    facts =
      (text.length >= 2 && WORDY.test(text) ? GENERAL : 0) |
      (lower.length >= 5 && lower === text ? SUFFIX | (numberSuffix(lower.slice(-3)) << SUFFIX_SHIFT) : 0) |
      (text.length > 1 && text === text.toUpperCase() && /\p{Lu}/u.test(text) ? ALLCAPS : 0) |
      (/^\p{Lu}/u.test(text) ? CAPITAL : 0) |
      (text.includes('-') ? HYPHEN : 0) |
      (text.length >= 10 ? LONG : 0);
    cache.set(id, facts);
  }
  return facts;
}

/**
 * The facts of `text` (word id `id`) with its polarity filled in (asked once per form,
 * polarity.ts). Read the bucket with polarityCode.
 */
export function withPolarity(facts: number, text: string, id = wordId(text)): number {
  if (facts & POLARITY_MASK) return facts;
  const bucket = polarityBucket(text);
  const filled = facts | ((1 + (bucket ? POLARITY_BUCKETS.indexOf(bucket) + 1 : 0)) << POLARITY_SHIFT);
  cache.set(id, filled);
  return filled;
}

/** Polarity bucket code of facts filled by withPolarity: 0 neutral (or never asked), else POLARITY_BUCKETS index + 1. */
export function polarityCode(facts: number): number {
  const stored = (facts & POLARITY_MASK) >> POLARITY_SHIFT;
  return stored ? stored - 1 : 0;
}
