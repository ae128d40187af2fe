/**
 * A hash table from a pair of non-negative integers to a few integers (open addressing, linear
 * probing, one Int32Array). cue-model.ts keeps its two-value features in these: the scorer
 * looks up about a dozen pairs for every token of every article, so each entry holds its two
 * keys and its values together — a probe reads one cache line and no second array — which is
 * several times cheaper than a `Map` lookup followed by a weight lookup. Values are integers
 * (weights in fixed point, slot numbers): four bytes each keep the tables small enough to stay
 * in cache between articles.
 */
const EMPTY = -1;

export class PairTable {
  private readonly mask: number;
  /** Entry width: the two keys, then the values. */
  readonly stride: number;
  /** The entries: `[a, b, value…]` per position; `find` gives an entry's offset. */
  readonly entries: Int32Array;
  /** Number of pairs stored. */
  size = 0;

  /** `capacity`: how many pairs will be stored (the table does not grow); `values`: integers per pair. */
  constructor(capacity: number, values = 1) {
    let slots = 2;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.stride = 2 + values;
    this.entries = new Int32Array(slots * this.stride).fill(EMPTY);
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a ^ Math.imul(b, 0x85ebca77), 0x9e3779b1);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** Offset of the entry of (a, b), stored or the free one it would take. */
  private probe(a: number, b: number): number {
    const e = this.entries;
    const { stride } = this;
    for (let at = this.slot(a, b) * stride; ; at += stride) {
      if (at === e.length) at = 0;
      const key = e[at];
      if (key === EMPTY || (key === a && e[at + 1] === b)) return at;
    }
  }

  /** Offset of the entry of (a, b), adding it (values 0) when absent. */
  add(a: number, b: number): number {
    const at = this.probe(a, b);
    if (this.entries[at] === EMPTY) {
      if (this.size * 2 >= this.mask + 1) throw new Error('framelens: PairTable is full');
      this.size++;
      this.entries.fill(0, at + 2, at + this.stride);
      this.entries[at] = a;
      this.entries[at + 1] = b;
    }
    return at;
  }

  /** Offset of the entry of (a, b) in `entries` (its values from +2), or -1. */
  find(a: number, b: number): number {
    const e = this.entries;
    const { stride } = this;
    for (let at = this.slot(a, b) * stride; ; at += stride) {
      if (at === e.length) at = 0;
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
