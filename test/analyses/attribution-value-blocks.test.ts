import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SLOTS, ValueBlocks } from '../../analyses/attribution/value-blocks.js';

const SYMBOLS = 400;
type Pair = readonly [number, number, number, number];

/** The weights `blocks` reads for (a, b), [0, 0] when it has none. */
function read(blocks: ValueBlocks, a: number, b: number): [number, number] {
  const at = blocks.find(a, b);
  return at < 0 ? [0, 0] : [blocks.weights[at], blocks.weights[at + 1]];
}

/** Pairs with distinct (a, b): the small side from `small` values, the large side from all. */
const pairs = (small: number, smallIsA: boolean) =>
  fc
    .uniqueArray(fc.tuple(fc.nat(SYMBOLS - 1), fc.nat(small - 1), fc.integer({ min: -60000, max: 60000 }), fc.integer({ min: -60000, max: 60000 })), {
      selector: ([large, s]) => `${large}|${s}`,
      maxLength: 300,
    })
    .map((list) => list.map(([large, s, w1, w2]): Pair => (smallIsA ? [s * 7, large, w1, w2] : [large, s * 7, w1, w2])));

describe('ValueBlocks', () => {
  it('reads back the weights of every stored pair and none for any other pair, whichever side is small', () => {
    fc.assert(
      fc.property(pairs(18, false), pairs(6, true), fc.array(fc.tuple(fc.integer({ min: -1, max: SYMBOLS - 1 }), fc.integer({ min: -1, max: SYMBOLS - 1 })), { maxLength: 50 }), (byA, byB, probes) => {
        for (const list of [byA, byB]) {
          if (!list.length) continue;
          const blocks = ValueBlocks.of(list, SYMBOLS)!;
          const stored = new Map(list.map(([a, b, w1, w2]) => [`${a}|${b}`, [w1, w2]]));
          for (const [a, b, w1, w2] of list) expect(read(blocks, a, b)).toEqual([w1, w2]);
          for (const [a, b] of probes) expect(read(blocks, a, b)).toEqual(stored.get(`${a}|${b}`) ?? [0, 0]);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('declines pairs whose both sides take more than MAX_SLOTS values', () => {
    const wide: Pair[] = Array.from({ length: MAX_SLOTS + 1 }, (_, k) => [k, k + 1, 1, 2]);
    expect(ValueBlocks.of(wide, SYMBOLS)).toBeNull();
    expect(ValueBlocks.of(wide.slice(1), SYMBOLS)).not.toBeNull();
  });
});
