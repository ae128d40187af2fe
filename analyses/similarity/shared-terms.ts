/**
 * Why two articles are similar: the terms that weigh most in their cosine. Each shared dimension
 * adds the product of its two weights to the cosine, so the heaviest products are the evidence a
 * reader can check (and search for with `kwic`).
 */
import type { SparseVector } from './types.js';

/** Between the words of a term: spaces, and marks such as a possessive's apostrophe ("Ulmaren’s"). */
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/**
 * Adds `term` to `kept` unless it says again what a kept term says: it is a kept term in another
 * case or one of a kept term's words ("Lavrov" after "Sergey Lavrov"), or it has several words
 * and one of them is in a kept term ("Lavrov say" or "Mr. Lavrov" after "Sergey Lavrov").
 * Returns whether it was added.
 */
export function keepDistinct(kept: string[], term: string): boolean {
  const words = term.toLowerCase().split(WORD_BREAK).filter(Boolean);
  const single = words.length === 1;
  for (const t of kept) {
    const keptWords = t.toLowerCase().split(WORD_BREAK);
    if (single ? keptWords.includes(words[0]) : words.some((w) => keptWords.includes(w))) return false;
  }
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
