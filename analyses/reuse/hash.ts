/**
 * 32-bit hashing for reuse detection: FNV-1a for strings, murmur3's finalizer as a cheap
 * family of hash functions (one per seed), and MinHash signatures built from them. Stable
 * across runs and machines, so signatures can be cached per article.
 *
 * The plain definitions (fnv1a, shingleHashes, minhash) say what the values are; the per-article
 * path (fingerprints.ts) gets the very same values from words laid out once as codes
 * (word-codes.ts): gramHashes, shingleMinhashInto and minhashInto, with no string per shingle.
 */
import { grown, WordCodes } from './word-codes.js';
import * as messages from './messages.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a string, unsigned 32-bit. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** murmur3 fmix32 of `x` xor `seed`: the seed picks one function of the family. */
export function mix32(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: 256 }, (_, i) => mix32(i + 1, 0x9e3779b9));

/** MinHash signature of a set of 32-bit shingle hashes (`k` ≤ 256 values; empty set → empty signature). */
export function minhash(shingles: Iterable<number>, k: number): number[] {
  const sig = new Array<number>(k).fill(0xffffffff);
  let any = false;
  for (const s of shingles) {
    any = true;
    for (let i = 0; i < k; i++) {
      const v = mix32(s, SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return any ? sig : [];
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function minhashJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return 0;
  let same = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i]) same++;
  return same / k;
}

/**
 * `minhash(shingleHashes(words.slice(from, to), n), k)` without the copy, the set and the n-gram
 * strings (the per-article path, for a plain list of words).
 */
export function shingleMinhash(words: readonly string[], n: number, k: number, from = 0, to = words.length): number[] {
  if (to <= from) return [];
  const codes = new WordCodes();
  for (let w = from; w < to; w++) codes.add(words[w]);
  const grams = new Uint32Array(Math.max(0, codes.count - n + 1));
  gramHashes(codes, n, grams);
  const sig = new Uint32Array(k);
  shingleMinhashInto(codes, grams, n, 0, codes.count, k, sig, 0);
  return Array.from(sig);
}

/** FNV-1a of words [from, to) of `words` joined by spaces, like `fnv1a(list.slice(from, to).join(' '))`. */
export function fnv1aWords(words: WordCodes, from: number, to: number): number {
  if (to <= from) return FNV_OFFSET;
  const codes = words.codes;
  let h = FNV_OFFSET;
  for (let c = words.starts[from], end = words.ends[to - 1]; c < end; c++) h = Math.imul(h ^ codes[c], FNV_PRIME);
  return h >>> 0;
}

/**
 * Hash of every word n-gram of `words` into `grams` (`grams[i]` for words i..i+n-1, for each
 * i ≤ count − n; `grams` must have room). Given `prefix`, the hashes of the shorter m-grams at the
 * same starts, each n-gram's hash carries on from its m-gram's (FNV reads left to right), so the
 * first m words are not read again.
 */
export function gramHashes(words: WordCodes, n: number, grams: Uint32Array, prefix?: Uint32Array, m = 0): void {
  if (!Number.isInteger(n) || n < 1 || (prefix && !(m >= 1 && m <= n))) throw new Error(messages.gramSize(n, m));
  const { codes, starts, ends } = words;
  for (let i = 0; i + n <= words.count; i++) {
    // a prefix hash is the FNV state after its m words; the space after them is codes[ends[i + m - 1]]
    let h = prefix ? prefix[i] : FNV_OFFSET;
    for (let c = prefix ? ends[i + m - 1] : starts[i], end = ends[i + n - 1]; c < end; c++) h = Math.imul(h ^ codes[c], FNV_PRIME);
    grams[i] = h;
  }
}

const single = new Uint32Array(1);

/**
 * MinHash of the n-gram set of words [from, to) (to > from) into `out[at, at + k)`, given the
 * n-gram hashes of `words` at every start (gramHashes); fewer than n words make one shingle of
 * them all. The values of `shingleMinhash` over the same words.
 */
export function shingleMinhashInto(words: WordCodes, grams: Uint32Array, n: number, from: number, to: number, k: number, out: Uint32Array, at: number): void {
  if (to - from > n) return minhashInto(grams, from, to - n + 1, k, out, at);
  single[0] = fnv1aWords(words, from, to);
  minhashInto(single, 0, 1, k, out, at);
}

// mix32's first step, h ^= h >>> 16, distributes over its xor with the seed: x ^ seed then
// mixes to the same bits as premix(x) ^ premix(seed), so it is done once per hash and per seed.
const premix = (x: number) => x ^ (x >>> 16);
const PREMIXED_SEEDS = Int32Array.from(SEEDS, premix);
let premixed = new Int32Array(1024);

/** The rest of mix32 after its first step, for a premixed value and seed. */
function mixPremixed(x: number, seed: number): number {
  let h = Math.imul(x ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * MinHash of the values `hashes[from, to)` (to > from; a value seen twice cannot lower a minimum
 * again) into `out[at, at + k)`: what `minhash` gives for them. Four seeds per pass over the
 * values, their minimums in locals: four independent chains of multiplies keep the CPU busy.
 */
export function minhashInto(hashes: Uint32Array, from: number, to: number, k: number, out: Uint32Array, at: number): void {
  const count = to - from;
  if (count > premixed.length) premixed = grown(premixed, count);
  const xs = premixed;
  for (let j = 0; j < count; j++) xs[j] = premix(hashes[from + j]);
  let i = 0;
  for (; i + 4 <= k; i += 4) {
    const s0 = PREMIXED_SEEDS[i];
    const s1 = PREMIXED_SEEDS[i + 1];
    const s2 = PREMIXED_SEEDS[i + 2];
    const s3 = PREMIXED_SEEDS[i + 3];
    let m0 = 0xffffffff;
    let m1 = 0xffffffff;
    let m2 = 0xffffffff;
    let m3 = 0xffffffff;
    for (let j = 0; j < count; j++) {
      const x = xs[j];
      m0 = Math.min(m0, mixPremixed(x, s0));
      m1 = Math.min(m1, mixPremixed(x, s1));
      m2 = Math.min(m2, mixPremixed(x, s2));
      m3 = Math.min(m3, mixPremixed(x, s3));
    }
    out[at + i] = m0;
    out[at + i + 1] = m1;
    out[at + i + 2] = m2;
    out[at + i + 3] = m3;
  }
  for (; i < k; i++) {
    let min = 0xffffffff;
    for (let j = 0; j < count; j++) min = Math.min(min, mixPremixed(xs[j], PREMIXED_SEEDS[i]));
    out[at + i] = min;
  }
}

/** Hashes of word n-grams (`n` consecutive words joined by a space); fewer words → one shingle of them all. */
export function shingleHashes(words: readonly string[], n: number): Set<number> {
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length <= n) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + n <= words.length; i++) out.add(fnv1a(words.slice(i, i + n).join(' ')));
  return out;
}
