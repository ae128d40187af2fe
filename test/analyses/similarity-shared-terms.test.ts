import { describe, expect, it } from 'vitest';
import { keepDistinct, sharedTerms } from '../../analyses/similarity/shared-terms.js';
import { sparseDot } from '../../analyses/similarity/cosine.js';
import type { SparseVector } from '../../analyses/similarity/types.js';

const vec = (entries: Array<[number, number]>): SparseVector => ({ ids: Int32Array.from(entries.map((e) => e[0])), weights: Float64Array.from(entries.map((e) => e[1])) });
const display = ['flood', 'river', 'Sergey Lavrov', 'Lavrov', 'gas', 'Ulmaren’s interior ministry', 'Ulmaren', 'Flood'];

describe('sharedTerms', () => {
  it('lists only terms both articles use, by their product of weights, heaviest first', () => {
    const a = vec([[0, 0.6], [1, 0.3], [2, 0.5], [4, 0.55]]);
    const b = vec([[0, 0.2], [1, 0.9], [2, 0.4], [5, 0.8]]);
    // products: flood 0.12, river 0.27, Sergey Lavrov 0.20; gas and the ministry are in one article only
    expect(sharedTerms(a, b, display)).toEqual(['river', 'Sergey Lavrov', 'flood']);
    expect(sharedTerms(a, b, display, 1)).toEqual(['river']);
    expect(sparseDot(a, b)).toBeCloseTo(0.12 + 0.27 + 0.2, 10);
  });

  it('breaks ties by dimension and returns nothing for articles with no term in common', () => {
    expect(sharedTerms(vec([[0, 0.5], [1, 0.5]]), vec([[0, 0.5], [1, 0.5]]), display)).toEqual(['flood', 'river']);
    expect(sharedTerms(vec([[0, 1]]), vec([[4, 1]]), display)).toEqual([]);
  });
});

describe('keepDistinct', () => {
  it('drops a term that repeats a kept one in another case or as one of its words', () => {
    const kept: string[] = [];
    for (const t of ['Sergey Lavrov', 'Lavrov', 'flood', 'Flood', 'Ulmaren’s interior ministry', 'Ulmaren', 'river']) keepDistinct(kept, t);
    expect(kept).toEqual(['Sergey Lavrov', 'flood', 'Ulmaren’s interior ministry', 'river']);
  });

  it('drops a term of several words when one of them is already in a kept term', () => {
    const kept = ['Jana Korvel', 'gas'];
    for (const t of ['Korvel say', 'Mr. Korvel', 'gas price', 'fixed price', 'price']) keepDistinct(kept, t);
    expect(kept).toEqual(['Jana Korvel', 'gas', 'fixed price']);
  });
});
