/** The value of `key` in `map`, made and stored first when there is none (per-group accumulators in summaries). */
export function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
