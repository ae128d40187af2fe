/**
 * Contraction tails: "n't", "'s", "'re", "'ll" glued to the word before them, which the text
 * layer (analyze.ts) counts as part of that word in `AnalyzedDoc.words`. A token is a tail when
 * its whole text matches CONTRACTION_TAIL; ASCII is decided by code, because the case-insensitive
 * Unicode regex costs about a microsecond a call and is asked for every glued "'s" of a corpus.
 */

/** The definition: n't (any case), or an apostrophe and one or two letters. */
export const CONTRACTION_TAIL = /^(?:n['’]t|['’]\p{L}{1,2})$/iu;

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;
/** ASCII letter: setting bit 0x20 folds A–Z onto a–z and sends every other ASCII code outside a–z. */
const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** Whether `text` is a contraction tail (same answer as `CONTRACTION_TAIL.test(text)`). */
export function isContractionTailText(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 0x6e || first === 0x4e) return text.length === 3 && isApostrophe(text.charCodeAt(1)) && (text.charCodeAt(2) | 0x20) === 0x74;
  if (!isApostrophe(first)) return false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Non-ASCII letters (and astral ones, two units each) are left to the regex.
    if (c >= 128) return CONTRACTION_TAIL.test(text);
    if (!isAsciiLetter(c)) return false;
  }
  return text.length === 2 || text.length === 3;
}
