/**
 * Stable sort of uint32 keys carrying a uint32 payload, in two 16-bit counting passes (LSD radix):
 * linear time and two extra arrays, where a Map from key to an array of entries costs an object
 * per key. Used to group the sentence index of reuse detection by key (sentence-matches.ts).
 */

/** One counting pass by the 16 bits of the key at `shift`, stable, from (keys, refs) into (toKeys, toRefs). */
function pass(keys: Uint32Array, refs: Uint32Array, toKeys: Uint32Array, toRefs: Uint32Array, shift: number): void {
  const next = new Uint32Array(0x10001);
  for (let e = 0; e < keys.length; e++) next[((keys[e] >>> shift) & 0xffff) + 1]++;
  for (let b = 1; b <= 0xffff; b++) next[b] += next[b - 1];
  for (let e = 0; e < keys.length; e++) {
    const to = next[(keys[e] >>> shift) & 0xffff]++;
    toKeys[to] = keys[e];
    toRefs[to] = refs[e];
  }
}

/** Sorts `keys` ascending in place and moves `refs` along; equal keys keep their order. */
export function sortByKey(keys: Uint32Array, refs: Uint32Array): void {
  const tmpKeys = new Uint32Array(keys.length);
  const tmpRefs = new Uint32Array(refs.length);
  pass(keys, refs, tmpKeys, tmpRefs, 0);
  pass(tmpKeys, tmpRefs, keys, refs, 16);
}
