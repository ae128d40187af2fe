/**
 * Word counts of attribution contents (extract.ts: `words`, `quotedWords`, the gap a continued
 * quote may follow across). A word is a match of WORD: letters or digits, joined by apostrophes
 * or hyphens ("don't" and "well-known" are one word each). The count is read code unit by code
 * unit rather than by running WORD: one match object per word of every content was about a
 * twentieth of the attribution pass. Text holding a surrogate (an astral letter, an emoji) is
 * counted by WORD itself, so the answer is WORD's in every case.
 */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Per BMP code unit: 0 not yet known, 1 letter or digit, 2 neither. */
const unitClass = new Uint8Array(0x10000);

function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let known = unitClass[c];
  if (known === 0) unitClass[c] = known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
/** The marks that join two runs into one word: ' ’ - */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45;

/** WORD's own count: matches from `from` starting before `to`, no more than `limit + 1`. */
function countByPattern(text: string, from: number, to: number, limit: number): number {
  let n = 0;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to && n <= limit; m = WORD.exec(text)) n++;
  return n;
}

/**
 * Words in `text[from, to)`, counting no further than `limit + 1`: read in place rather than
 * sliced, as the gap before a quote may be most of the article. A word running past `to`
 * counts once, as its part inside would.
 */
export function countWords(text: string, from = 0, to = text.length, limit = Infinity): number {
  const length = text.length;
  let n = 0;
  let k = from;
  while (n <= limit) {
    // The next word start: WORD's next match begins at the first letter or digit.
    let c = 0;
    while (k < length && !isLetterOrDigit((c = text.charCodeAt(k)))) {
      if (isSurrogate(c)) return countByPattern(text, from, to, limit);
      k++;
    }
    if (k >= length || k >= to) break;
    n++;
    // The match runs over letters and digits, and over a joining mark when one follows it.
    for (;;) {
      while (k < length && isLetterOrDigit((c = text.charCodeAt(k)))) k++;
      if (k < length && isSurrogate(c)) return countByPattern(text, from, to, limit);
      if (k + 1 < length && isJoiner(c) && isLetterOrDigit(text.charCodeAt(k + 1))) k++;
      else break;
    }
  }
  return n;
}
