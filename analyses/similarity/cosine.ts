/**
 * Cosine of L2-normalised sparse vectors: a merge over ascending term ids, O(|a| + |b|).
 * (ml-distance's cosine needs dense arrays of vocabulary length; the tests use it as the oracle.)
 */
import type { SparseVector } from './types.js';

/** Dot product of two sparse vectors with ascending ids; their cosine when both are normalised. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) sum += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Densifies a sparse vector (for checks against dense libraries). */
export function toDense(v: SparseVector, length: number): number[] {
  const out = new Array<number>(length).fill(0);
  v.ids.forEach((id, i) => (out[id] = v.weights[i]));
  return out;
}
