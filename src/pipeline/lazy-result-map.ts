/**
 * One analysis's per-article results as a read-only Map (doc id → result) whose values are read
 * from the ResultStore when asked for, so summaries and the report see a plain Map while the
 * heap holds one analysis's results at most.
 *
 * Values are parsed on each access; once the accesses exceed a few passes over the map (an
 * analysis that looks documents up again and again), every value is parsed once and kept until
 * `release()`.
 */
import type { ResultStore } from './result-store.js';
import { messages } from './messages.js';

/** Accesses per entry after which every value is kept in memory. */
const PASSES_BEFORE_KEEPING = 3;

export class LazyResultMap extends Map<string, unknown> {
  private readonly present: number[] = [];
  private readonly indexOf = new Map<string, number>();
  private reads = 0;
  private kept = false;

  constructor(
    ids: readonly string[],
    private readonly store: ResultStore,
    private readonly analysis: number,
  ) {
    super();
    ids.forEach((id, i) => {
      if (!store.hasPart(i, analysis)) return;
      this.present.push(i);
      this.indexOf.set(id, i);
    });
  }

  private read(i: number): unknown {
    if (this.kept) return undefined;
    if (++this.reads > PASSES_BEFORE_KEEPING * (this.present.length + 1)) this.keep();
    return this.store.part(i, this.analysis);
  }

  private keep(): void {
    for (const [id, i] of this.indexOf) super.set(id, this.store.part(i, this.analysis));
    this.kept = true;
  }

  /** Drops the values kept in memory (they are read again when asked for). */
  release(): void {
    super.clear();
    this.kept = false;
    this.reads = 0;
  }

  override get size(): number {
    return this.indexOf.size;
  }

  override has(id: string): boolean {
    return this.indexOf.has(id);
  }

  override get(id: string): unknown {
    const i = this.indexOf.get(id);
    if (i === undefined) return undefined;
    return this.kept ? super.get(id) : this.read(i);
  }

  override *entries(): IterableIterator<[string, unknown]> {
    for (const id of this.indexOf.keys()) yield [id, this.get(id)];
  }

  override keys(): IterableIterator<string> {
    return this.indexOf.keys();
  }

  override *values(): IterableIterator<unknown> {
    for (const id of this.indexOf.keys()) yield this.get(id);
  }

  override [Symbol.iterator](): IterableIterator<[string, unknown]> {
    return this.entries();
  }

  override forEach(callback: (value: unknown, key: string, map: Map<string, unknown>) => void, thisArg?: unknown): void {
    for (const [id, value] of this.entries()) callback.call(thisArg, value, id, this);
  }

  override set(): this {
    throw new Error(messages.readOnly());
  }

  override delete(): boolean {
    throw new Error(messages.readOnly());
  }

  override clear(): void {
    throw new Error(messages.readOnly());
  }
}
