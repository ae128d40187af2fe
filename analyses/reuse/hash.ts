/**
 * 32-bit hashing for reuse detection: FNV-1a for strings, murmur3's finalizer as a cheap
 * family of hash functions (one per seed), and MinHash signatures built from them. Stable
 * across runs and machines, so signatures can be cached per article.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a string, unsigned 32-bit. */
export function fnv1a(text: string): number {
  return fnvUpdate(FNV_OFFSET, text) >>> 0;
}

/** FNV-1a state `h` carried on over the characters of `text` (FNV reads a string left to right, so pieces chain). */
function fnvUpdate(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** `fnv1a(words.slice(from, to).join(' '))` without building the string. */
export function fnv1aJoined(words: readonly string[], from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let w = from; w < to; w++) {
    if (w > from) h = Math.imul(h ^ 32, FNV_PRIME);
    h = fnvUpdate(h, words[w]);
  }
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
 * strings: a shingle seen twice cannot lower a minimum again, so duplicates need no removing.
 */
export function shingleMinhash(words: readonly string[], n: number, k: number, from = 0, to = words.length): number[] {
  if (to <= from) return [];
  const sig = new Uint32Array(k).fill(0xffffffff);
  const seeds = SEED_ARRAY;
  const add = (s: number) => {
    for (let i = 0; i < k; i++) {
      const v = mix32(s, seeds[i]);
      if (v < sig[i]) sig[i] = v;
    }
  };
  if (to - from <= n) add(fnv1aJoined(words, from, to));
  else for (let i = from; i + n <= to; i++) add(fnv1aJoined(words, i, i + n));
  return Array.from(sig);
}

const SEED_ARRAY = Uint32Array.from(SEEDS);

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
