/**
 * Messages of the reuse analysis, as functions of the values they report, so the wording lives
 * in one place.
 */

/** packReuseDoc: a sentence's MinHash signature does not have the length its word count implies. */
export function packSignature(words: number, length: number): string {
  return `framelens: a reuse sentence print with ${words} words needs a signature of ${words > 0 ? 'SENTENCE_SIG' : 'no'} values, got ${length}`;
}

/** reuseTable: a packed fingerprint's hashes do not hold what its spans say (a damaged cache entry or another version). */
export function packedLength(id: string, expected: number, got: number): string {
  return `framelens: the packed reuse fingerprint of ${id} should hold ${expected} hash values for its sentences, got ${got}`;
}

/** gramHashes: the n-gram size (the `shingle` option) is not a positive whole number, or the prefix is not shorter. */
export function gramSize(n: number, m: number): string {
  return `framelens: reuse shingles need a whole number of words, at least 1 (got ${n}${m ? `, continuing ${m}-grams` : ''})`;
}
