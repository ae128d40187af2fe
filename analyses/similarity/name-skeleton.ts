/**
 * Spelling-tolerant keys for names, part of step 2 of the similarity flow (vectors.ts keys name
 * mentions and proper nouns by them). On 20k articles it runs for 600k distinct names and
 * capitalised terms, so keys in plain ASCII — nearly all — take a loop over their characters
 * that gives the same string as the Unicode path without normalising or running regular
 * expressions.
 */

/**
 * Spelling-tolerant name key: lower case, accents dropped, and in words of five letters or more
 * the vowels after the first letter dropped, so transliteration variants of one name share a
 * dimension (Kastrovich / Kastrovych, Orlesk / Orlisk — outlets' spelling is itself framing,
 * but it must not split their stories into two events). Shorter words stay as they are.
 */
export function nameSkeleton(key: string): string {
  return asciiSkeleton(key) ?? unicodeSkeleton(key);
}

/** The definition, for any text: the ASCII fast path must give the same key (tested). */
export function unicodeSkeleton(key: string): string {
  return key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length >= 5 ? w[0] + w.slice(1).replace(/[aeiouy]/g, '') : w))
    .join(' ');
}

/** Character codes of the skeleton being built (reused). */
const codes: number[] = [];

const isVowel = (c: number) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121; // aeiouy

/**
 * unicodeSkeleton of an ASCII key, undefined for any other key. In ASCII, normalising changes
 * nothing, the letters and numbers are A–Z, a–z and 0–9, and every other character separates
 * words.
 */
function asciiSkeleton(key: string): string | undefined {
  codes.length = 0;
  let word = -1; // where the current word starts in `codes`, -1 between words
  for (let i = 0; i <= key.length; i++) {
    let c = i < key.length ? key.charCodeAt(i) : 32; // a space ends the last word
    if (c >= 128) return undefined;
    if (c >= 65 && c <= 90) c += 32; // lower case
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (word < 0) {
        if (codes.length) codes.push(32);
        word = codes.length;
      }
      codes.push(c);
    } else if (word >= 0) {
      if (codes.length - word >= 5) {
        let kept = word + 1;
        for (let k = word + 1; k < codes.length; k++) if (!isVowel(codes[k])) codes[kept++] = codes[k];
        codes.length = kept;
      }
      word = -1;
    }
  }
  return String.fromCharCode(...codes);
}
