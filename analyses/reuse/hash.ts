/**
 * 32-bit hashing for reuse detection: FNV-1a for strings, murmur3's finalizer as a cheap
 * family of hash functions (one per seed), and MinHash signatures built from them. Stable
 * across runs and machines, so signatures can be cached per article.
 */

/** FNV-1a of a string, unsigned 32-bit. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
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
export function minhashJaccard(a: readonly number[], b: readonly number[]): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return 0;
  let same = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i]) same++;
  return same / k;
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
