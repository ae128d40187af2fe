/**
 * `Analysis.perDocOptions` for an analysis whose perDoc reads the given keys of its options: the
 * per-article cache is then keyed by those alone (src/pipeline/cache.ts).
 */
export function perDocReads(...keys: string[]): (options: unknown) => Record<string, unknown> | undefined {
  return (options) => {
    const o = (options ?? {}) as Record<string, unknown>;
    const picked = Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
    return Object.keys(picked).length ? picked : undefined;
  };
}
