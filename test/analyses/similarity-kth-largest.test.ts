import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kthLargest } from '../../analyses/similarity/kth-largest.js';

const descending = (values: number[]) => [...values].sort((a, b) => b - a);

describe('kthLargest', () => {
  it('returns the value a descending sort puts at position k − 1, ties and all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (values, pick) => {
          const k = 1 + (pick % values.length);
          expect(kthLargest(Float64Array.from(values), k)).toBe(descending(values)[k - 1]);
        },
      ),
    );
  });

  it('selects among the first `length` values only, leaving the rest of the array alone', () => {
    const values = Float64Array.from([3, 9, 1, 7, 100, 200]);
    expect(kthLargest(values, 2, 4)).toBe(7);
    expect([...values.subarray(4)]).toEqual([100, 200]);
  });

  it('handles sorted, reversed and constant input', () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => i);
    expect(kthLargest(sorted.slice(), 1)).toBe(999);
    expect(kthLargest(sorted.slice().reverse(), 1000)).toBe(0);
    expect(kthLargest(new Float64Array(500).fill(0.25), 40)).toBe(0.25);
  });
});
