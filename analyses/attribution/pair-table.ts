/**
 * A hash table from a pair of non-negative integers to two numbers (open addressing, linear
 * probing, one Float64Array). cue-model.ts keeps its two-value features in these: the scorer
 * looks up about a dozen pairs for every token of every article, so each entry holds its two
 * keys and both values together — a probe reads one cache line and no second array — which is
 * several times cheaper than a `Map` lookup followed by a weight lookup.
 */
const STRIDE = 4; // a, b, first value, second value: 32 bytes, two entries to a cache line
const EMPTY = -1;

export class PairTable {
  private readonly mask: number;
  /** The entries: `[a, b, first, second]` per position; `find` gives an entry's offset. */
  readonly entries: Float64Array;
  /** Number of pairs stored. */
  size = 0;

  /** `capacity`: how many pairs will be stored (the table does not grow). */
  constructor(capacity: number) {
    let slots = 2;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.entries = new Float64Array(slots * STRIDE).fill(EMPTY);
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a ^ Math.imul(b, 0x85ebca77), 0x9e3779b1);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** Stores the values of (a, b), replacing earlier ones. */
  set(a: number, b: number, first: number, second = 0): void {
    const e = this.entries;
    let at = this.slot(a, b) * STRIDE;
    while (e[at] !== EMPTY && (e[at] !== a || e[at + 1] !== b)) at = (at + STRIDE) & (this.mask * STRIDE + STRIDE - 1);
    if (e[at] === EMPTY) {
      if (this.size * 2 >= this.mask + 1) throw new Error('framelens: PairTable is full');
      this.size++;
    }
    e[at] = a;
    e[at + 1] = b;
    e[at + 2] = first;
    e[at + 3] = second;
  }

  /** Offset of the entry of (a, b) in `entries` (its values at +2 and +3), or -1. */
  find(a: number, b: number): number {
    const e = this.entries;
    const wrap = this.mask * STRIDE + STRIDE - 1;
    for (let at = this.slot(a, b) * STRIDE; ; at = (at + STRIDE) & wrap) {
      const key = e[at];
      if (key === EMPTY) return -1;
      if (key === a && e[at + 1] === b) return at;
    }
  }

  /** The first value of (a, b), or -1 when absent. */
  get(a: number, b: number): number {
    const at = this.find(a, b);
    return at < 0 ? -1 : this.entries[at + 2];
  }
}
