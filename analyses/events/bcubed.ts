/**
 * B³ (B-cubed) precision, recall and F1 of a clustering against gold groups (Bagga & Baldwin
 * 1998): per item, precision is the share of its predicted cluster that shares its gold group,
 * recall the share of its gold group that shares its predicted cluster; both are averaged over
 * items. Used by the events summary (agreement with given event ids) and src/eval/events.ts.
 */

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  /** Items scored (those present in both labelings). */
  items: number;
}

/** B³ of `predicted` against `gold`, both item → cluster label; items missing from either are ignored. */
export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  const items = [...predicted.keys()].filter((k) => gold.has(k));
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0, items: 0 };
  const count = (labels: Array<string>) => {
    const m = new Map<string, number>();
    for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const predSize = count(items.map((k) => predicted.get(k)!));
  const goldSize = count(items.map((k) => gold.get(k)!));
  // Overlap of (predicted cluster, gold group) pairs; \u0000 cannot occur in ids we build.
  const overlap = count(items.map((k) => `${predicted.get(k)}\u0000${gold.get(k)}`));
  let p = 0;
  let r = 0;
  for (const k of items) {
    const both = overlap.get(`${predicted.get(k)}\u0000${gold.get(k)}`)!;
    p += both / predSize.get(predicted.get(k)!)!;
    r += both / goldSize.get(gold.get(k)!)!;
  }
  const precision = p / items.length;
  const recall = r / items.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, items: items.length };
}
