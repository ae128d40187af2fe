/**
 * A Map for look-ups made once per token, keyed by word forms or lemmas. Such keys follow Zipf's
 * law: a thousand or so of them make up most tokens, while the Map grows with every new word of
 * the run. A look-up in a large Map mostly waits for memory, so the keys asked for again are
 * copied into a small second Map that stays in the processor's cache; the large one is asked
 * only for the rest. Measured on article-bias-prediction after a few thousand articles: the
 * per-token look-up of word-facts.ts alone took a fifth of the loaded-language pass with one Map. Used by word-facts.ts and
 * token-scores.ts; the values are the same as with one Map, only where they are kept differs.
 */
export class HotMap<K, V> {
  private readonly hot = new Map<K, V>();
  /** The other keys, with how often each was asked for. */
  private readonly cold = new Map<K, { value: V; asked: number }>();

  /**
   * @param hotSize Most keys kept in the small Map. Default 4096: with word forms of news text,
   * it answers over 80 % of look-ups and still fits the cache (1,024 and 16,384 were slower).
   */
  constructor(private readonly hotSize = 4096) {}

  get(key: K): V | undefined {
    const value = this.hot.get(key);
    if (value !== undefined) return value;
    const cold = this.cold.get(key);
    if (!cold) return undefined;
    // Asked for twice since it was set: likely a frequent key. The first keys to qualify keep their place.
    if (++cold.asked >= 2 && this.hot.size < this.hotSize) {
      this.hot.set(key, cold.value);
      this.cold.delete(key);
    }
    return cold.value;
  }

  set(key: K, value: V): this {
    const cold = this.cold.get(key);
    if (cold) cold.value = value;
    else if (this.hot.has(key)) this.hot.set(key, value);
    else this.cold.set(key, { value, asked: 0 });
    return this;
  }
}
