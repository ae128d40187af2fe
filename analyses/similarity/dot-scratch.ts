/**
 * Dot products of one sparse vector with many others — the inner loop of the candidate search
 * (candidates.ts), the outlet matrices (outlet-matrix.ts) and neighbour smoothing
 * (events/smooth.ts). The vector is spread once into a dense array over the vocabulary; each
 * other vector then costs O(its length). On a large corpus that array is megabytes (1.4M
 * dimensions on 20k articles), so reading it for every id would mostly miss the cache: a bit
 * filter of the spread ids (8 KB) is tested first, and the dense array is read only for ids the
 * filter lets through — the shared ones and a few collisions, whose weight there is 0.
 *
 * The products added are those of the shared ids, in ascending id order, as in sparseDot and
 * the plain dense loop (the skipped products are +0, which change no sum of non-negative
 * terms), so every score is the same to the last bit.
 */
import type { SparseVector } from './types.js';

const FILTER_WORDS = 2048; // 65,536 bits
const WORD_MASK = FILTER_WORDS - 1;

export class DotScratch {
  private readonly dense: Float64Array;
  private readonly filter = new Int32Array(FILTER_WORDS);
  private loaded: SparseVector | undefined;

  constructor(dimensions: number) {
    this.dense = new Float64Array(dimensions);
  }

  /** Spreads `v` (replacing the vector spread before). */
  load(v: SparseVector): void {
    this.unload();
    const { dense, filter } = this;
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k];
      dense[id] = v.weights[k];
      filter[(id >>> 5) & WORD_MASK] |= 1 << (id & 31);
    }
    this.loaded = v;
  }

  /** Dot product of `u` with the spread vector (their cosine when both are normalised). */
  dot(u: SparseVector): number {
    const { dense, filter } = this;
    const ids = u.ids;
    const weights = u.weights;
    let score = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (filter[(id >>> 5) & WORD_MASK] & (1 << (id & 31))) score += dense[id] * weights[k];
    }
    return score;
  }

  /** Clears the spread vector. */
  unload(): void {
    const v = this.loaded;
    if (!v) return;
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k];
      this.dense[id] = 0;
      this.filter[(id >>> 5) & WORD_MASK] = 0;
    }
    this.loaded = undefined;
  }
}
