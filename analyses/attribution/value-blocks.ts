/**
 * Fixed-point weights of a two-value cue feature whose values on one side come from a small set
 * ("w|p+1": a word and a POS tag; "w|inq": a word and the quote flag; "s:p|w": a probability
 * bucket and a word), stored as one block per value of the large side with a slot per value of
 * the small side. cue-model.ts scores every token with these: in a hash table (pair-table.ts)
 * the pairs of one frequent word lie on as many cache lines as it has tag contexts, in a block on
 * two or three, and no hash is computed. Pairs are read by value ids, as in a PairTable.
 */

/** Most distinct small-side values a block holds a slot for (more: keep the pair table). */
export const MAX_SLOTS = 32;

export class ValueBlocks {
  /** Whether blocks are indexed by the first value (`a`) and slots by the second, or the reverse. */
  readonly blocksByA: boolean;
  /** Per value id of the block side, the offset of its block in `weights` (-1: no block). */
  readonly blockOf: Int32Array;
  /** Per value id of the slot side, the offset of its slot within a block (-1: no slot). */
  readonly slotOf: Int32Array;
  /** `[first, second]` per slot of each block; 0 where the pair has no weight. */
  readonly weights: Int32Array;

  /**
   * Blocks for `pairs` (value ids below `symbolCount`, two weights each), or null when neither
   * side has at most MAX_SLOTS distinct values.
   */
  static of(pairs: ReadonlyArray<readonly [number, number, number, number]>, symbolCount: number): ValueBlocks | null {
    const as = new Set(pairs.map(([a]) => a));
    const bs = new Set(pairs.map(([, b]) => b));
    if (Math.min(as.size, bs.size) > MAX_SLOTS) return null;
    return new ValueBlocks(pairs, symbolCount, as.size >= bs.size ? as : bs, as.size >= bs.size);
  }

  private constructor(pairs: ReadonlyArray<readonly [number, number, number, number]>, symbolCount: number, blockValues: Set<number>, blocksByA: boolean) {
    this.blocksByA = blocksByA;
    const slotValues = new Set(pairs.map(([a, b]) => (blocksByA ? b : a)));
    const width = 2 * slotValues.size;
    this.blockOf = new Int32Array(symbolCount).fill(-1);
    this.slotOf = new Int32Array(symbolCount).fill(-1);
    [...blockValues].forEach((v, k) => (this.blockOf[v] = k * width));
    [...slotValues].forEach((v, k) => (this.slotOf[v] = 2 * k));
    this.weights = new Int32Array(blockValues.size * width);
    for (const [a, b, w1, w2] of pairs) {
      const at = this.find(a, b);
      this.weights[at] = w1;
      this.weights[at + 1] = w2;
    }
  }

  /** Offset of the weights of (a, b) in `weights`, or -1 when neither pass can have one. */
  find(a: number, b: number): number {
    if (a < 0 || b < 0) return -1;
    const block = this.blockOf[this.blocksByA ? a : b];
    const slot = this.slotOf[this.blocksByA ? b : a];
    return block < 0 || slot < 0 ? -1 : block + slot;
  }
}
