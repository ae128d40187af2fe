/**
 * Why two articles are similar: the terms that weigh most in their cosine. Each shared dimension
 * adds the product of its two weights to the cosine, so the heaviest products are the evidence a
 * reader can check (and search for with `kwic`).
 */
import type { SparseVector } from './types.js';

/** Between the words of a term: spaces, and marks such as a possessive's apostrophe ("Ulmaren’s"). */
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/**
 * Adds `term` to `kept` unless it says again what a kept term says: the same word in another case,
 * or one word of a kept name or bigram ("Lavrov" after "Sergey Lavrov"). Returns whether it was added.
 */
export function keepDistinct(kept: string[], term: string): boolean {
  const lower = term.toLowerCase();
  if (kept.some((t) => { const l = t.toLowerCase(); return l === lower || l.split(WORD_BREAK).includes(lower); })) return false;
  kept.push(term);
  return true;
}

/**
 * The `k` shared terms with the largest contribution to the cosine of `a` and `b` (both with
 * ascending ids), heaviest first, ties by id; `display` names each dimension. O(|a| + |b|).
 */
export function sharedTerms(a: SparseVector, b: SparseVector, display: readonly string[], k = 5): string[] {
  const ids: number[] = [];
  const products: number[] = [];
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) {
      ids.push(x);
      products.push(a.weights[i++] * b.weights[j++]);
    } else if (x < y) i++;
    else j++;
  }
  const order = ids.map((_, n) => n).sort((m, n) => products[n] - products[m] || ids[m] - ids[n]);
  const kept: string[] = [];
  for (const n of order) {
    keepDistinct(kept, display[ids[n]]);
    if (kept.length === k) break;
  }
  return kept;
}
