import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_RECORD_BYTES } from '../../src/corpus/types.js';
import { workerHeapMb } from '../../src/pipeline/run-parallel.js';

describe('workerHeapMb', () => {
  it('caps a worker that reads news-length articles well below what V8 would let it grow to', () => {
    const batches = Array.from({ length: 600 }, () => Array.from({ length: 32 }, () => 6_000));
    expect(workerHeapMb(batches)).toBeLessThan(512);
  });

  it('leaves room for the longest article the reader lets through (reading a 5 MB one peaked at 548 MB)', () => {
    expect(workerHeapMb([[DEFAULT_MAX_RECORD_BYTES]])).toBeGreaterThanOrEqual(2 * 548);
  });

  it('grows with the largest batch, not with the number of batches', () => {
    const small = [[10_000, 10_000]];
    const many = Array.from({ length: 100 }, () => [10_000, 10_000]);
    const larger = [[10_000, 10_000], [10_000, 400_000]];
    expect(workerHeapMb(many)).toBe(workerHeapMb(small));
    expect(workerHeapMb(larger)).toBeGreaterThan(workerHeapMb(small));
  });
});
