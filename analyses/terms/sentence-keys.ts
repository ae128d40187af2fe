/**
 * The key of every sentence of a token stream, for the repeated-sentence rule of the terms
 * summary (repeated-sentences.ts): what makes two sentences "the same line" when an outlet
 * prints it in many articles. Read straight off a packed TermsDoc (no unpacking) or a plain one.
 *
 *   TermsDoc | PackedTermsDoc ─sentenceKeys─▶ one 53-bit hash per sentence (0: not a candidate)
 *
 * A key is the letters and digits of the sentence's tokens, lower-cased, one space between
 * tokens: punctuation and spacing do not count ("p.m." reads "pm"), and any number reads "0" (a
 * number token, or a run of digits in a word), so "Update at 5:30 p.m. ET." and "Update at
 * 11:05 p.m. ET" are one key, "… a.m. ET" another, and "Copyright 2019 …" one key over the
 * years. Tokens the text layer already took out of the count (non-prose sentences, outlet names:
 * kind `p` with letters) are part of the key, as they are part of the line. A sentence is a
 * candidate only when it holds a content word (kind `w`): taking out one of stop words and
 * numbers alone would change no count.
 */
import { CASE_BIT, LOWER_A, isPackedTermsDoc, packTermsDoc, type PackedTermsDoc } from './terms-codec.js';
import type { TermsDoc } from './types.js';

/** Keys of a document's sentences, by sentence index (the order of TermsDoc.sentences). */
export interface SentenceKeys {
  /** 53-bit hash of each sentence's key, or 0 when the sentence is no candidate. */
  hashes: Float64Array;
  /** Words in each sentence's key (the length the repeat thresholds look at). */
  words: Uint16Array;
}

const WORD = 0x77; // w
const NUMBER = 0x6e; // n
const SPACE = 0x20;
const ZERO = 0x30; // any number: a number token, or a run of digits in a word ("5:30" → "0")
const SKIP = 0; // the kind of a token whose characters are not read

// Per non-ASCII code unit, 0 until first seen, then 1 + what it puts into a key (its lower case
// when a letter, "0" when a digit) or 1 for nothing: a look-up instead of a regular expression per character.
const foldedCode = new Uint32Array(0x10000);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

function foldNonAscii(c: number): number {
  let folded = foldedCode[c];
  if (folded === 0) {
    const char = String.fromCharCode(c);
    folded = foldedCode[c] = LETTER_OR_DIGIT.test(char) ? 1 + (DIGIT.test(char) ? ZERO : char.toLowerCase().charCodeAt(0)) : 1;
  }
  return folded - 1; // 0: not part of a key
}

/** The key of every sentence of a document (see the file header). */
export function sentenceKeys(doc: TermsDoc | PackedTermsDoc): SentenceKeys {
  // a plain document (tests, the library) is packed first: one definition of the key
  return packedKeys(isPackedTermsDoc(doc) ? doc : packTermsDoc(doc));
}

/**
 * The keys read off the packed text (tokens joined by spaces, sentence starts upper-cased in
 * `kinds`) in one pass over its characters: only letters and digits enter a key, lower-cased,
 * a run of digits as one "0" and a number token as "0", one space between tokens that put
 * anything in. The characters go into two 32-bit hashes (FNV-1a and a multiplicative one): 53
 * bits together, so two different lines of one outlet share a hash with odds far below one in
 * a million even over millions of sentences. One loop over characters, no call per token: it
 * runs over the whole corpus, and a call per token cost four times the hashing itself.
 */
function packedKeys(doc: PackedTermsDoc): SentenceKeys {
  const { kinds } = doc;
  const text = doc.spaced ? textWithSpacedTokens(doc) : doc.text;
  let count = 0;
  for (let t = 0; t < kinds.length; t++) if (kinds.charCodeAt(t) < LOWER_A) count++;
  const out: SentenceKeys = { hashes: new Float64Array(count), words: new Uint16Array(count) };
  let sentence = -1; // tokens before the first sentence start belong to none (none in practice)
  let a = 0; // the two hashes of the current sentence
  let b = 0;
  let words = 0; // tokens of the sentence that put something into its key
  let content = false; // the sentence holds a content word (kind w)
  let t = -1; // the current token, its kind (SKIP once a number token is in), whether it put anything in
  let kind = SKIP;
  let fed = false;
  let digits = false; // the last character put in was a digit run's "0"
  for (let k = -1; k < text.length; k++) {
    const c = k < 0 ? SPACE : text.charCodeAt(k);
    let f: number; // what goes into the key: a lower-case letter, "0" for a number, 0 for nothing
    if (c === SPACE) {
      if (++t >= kinds.length) break;
      const code = kinds.charCodeAt(t);
      if (code < LOWER_A) {
        if (sentence >= 0) store(out, sentence, a, b, words, content);
        sentence++;
        a = 0x811c9dc5 | 0; // int32 from the start, as Math.imul keeps it
        b = 0x9747b28c | 0;
        words = 0;
        content = false;
      }
      kind = code | CASE_BIT;
      fed = digits = false;
      if (kind === WORD) content = true;
      if (kind !== NUMBER || sentence < 0) continue;
      f = ZERO;
      kind = SKIP;
    } else {
      if (kind === SKIP || sentence < 0) continue;
      // branches, not a look-up table: measured faster here
      if (c < 0x80) {
        if (c >= 0x61 && c <= 0x7a) f = c;
        else if (c >= 0x41 && c <= 0x5a) f = c + 0x20;
        else if (c >= 0x30 && c <= 0x39) f = ZERO;
        else continue;
      } else {
        f = foldNonAscii(c);
        if (f === 0) continue;
      }
    }
    if (f === ZERO) {
      if (digits) continue;
      digits = true;
    } else {
      digits = false;
    }
    if (!fed) {
      if (words++ > 0) {
        a = Math.imul(a ^ SPACE, 0x01000193);
        b = (Math.imul(b, 31) + SPACE) | 0;
      }
      fed = true;
    }
    a = Math.imul(a ^ f, 0x01000193);
    b = (Math.imul(b, 31) + f) | 0;
  }
  if (sentence >= 0) store(out, sentence, a, b, words, content);
  return out;
}

/** Sets a finished sentence's hash (0 without a content word) and length. A function, not a closure: a closure would move the loop's variables out of registers. */
function store(out: SentenceKeys, sentence: number, a: number, b: number, words: number, content: boolean): void {
  out.hashes[sentence] = content ? (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff) || 1 : 0;
  out.words[sentence] = Math.min(words, 0xffff);
}

/**
 * The packed text with each token that holds a space (written empty there, its text in
 * `spaced`) put back with its spaces as no-break spaces, which no key holds: rare, so a copy.
 */
function textWithSpacedTokens(doc: PackedTermsDoc): string {
  const tokens = doc.text.split(' ');
  for (const [i, text] of Object.entries(doc.spaced ?? {})) tokens[Number(i)] = text.replace(/ /g, '\u00a0');
  return tokens.join(' ');
}
