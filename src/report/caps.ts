/**
 * Evidence caps for report sections: how many outlets a chart or heatmap draws, how many examples
 * a table keeps, per outlet and in total. Sections pick their items with these helpers so that a
 * 20k-article report stays within its size budget; what is left out is counted and the note
 * says where to find it (the CLI command that lists every row).
 */
import type { CorpusIndex } from '../../analyses/types.js';
import { outletColors } from './palette.js';

/** Report-wide caps, the same for every section so pages look alike at any corpus size. */
export const CAPS = {
  /** Outlets drawn in an overview chart or heatmap (the ones with the most articles). */
  chartOutlets: 15,
  /** Outlets drawn in an event page's chart or heatmap (most articles on the event first). */
  eventChartOutlets: 8,
  /** Rows of an overview evidence table (examples, sources, passages). */
  overviewRows: 200,
  /** Rows of an event page's evidence table. */
  eventRows: 12,
  /** Examples of one outlet in one table (so one prolific outlet cannot fill it). */
  perOutlet: 5,
  /** Outlets listed with their own rates, terms or sources on an event page (as many as its columns). */
  eventOutlets: 8,
} as const;

/** The first `n` outlets in corpus order (most articles first) that pass `has`. */
export function topOutlets(corpus: CorpusIndex, n: number, has: (outlet: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const outlet of corpus.outlets) {
    if (out.length >= n) break;
    if (has(outlet)) out.push(outlet);
  }
  return out;
}

const eventCounts = new WeakMap<CorpusIndex, Map<string, Map<string, number>>>();

/** Articles per outlet of each event, counted once per corpus (every event page asks). */
function outletCounts(corpus: CorpusIndex, event: string): Map<string, number> {
  let byEvent = eventCounts.get(corpus);
  if (!byEvent) {
    byEvent = new Map();
    for (const d of corpus.docs) {
      if (!d.event) continue;
      const counts = byEvent.get(d.event) ?? byEvent.set(d.event, new Map()).get(d.event)!;
      counts.set(d.outlet, (counts.get(d.outlet) ?? 0) + 1);
    }
    eventCounts.set(corpus, byEvent);
  }
  return byEvent.get(event) ?? new Map();
}

/** Outlets of one event, most articles on it first (ties in corpus order), at most `n`. */
export function eventOutlets(corpus: CorpusIndex, event: string, n: number, has: (outlet: string) => boolean = () => true): string[] {
  const counts = outletCounts(corpus, event);
  return corpus.outlets
    .filter((o) => counts.has(o) && has(o))
    .sort((a, b) => counts.get(b)! - counts.get(a)!)
    .slice(0, n);
}

/**
 * A Vega-Lite colour scale for a subset of outlets with their report-wide colours, so a chart that
 * draws only some outlets still colours each as every other page does (and lists only those).
 */
export function outletColorScale(corpus: CorpusIndex, outlets: readonly string[]): { domain: string[]; range: string[] } {
  const colorOf = outletColors(corpus.outlets);
  return { domain: [...outlets], range: outlets.map(colorOf) };
}

/**
 * Items taken round-robin over their groups (first item of every group, then the second …),
 * at most `perGroup` from one group and `total` in all; input order is kept inside a group and
 * groups come in order of first appearance. Shows the breadth of the evidence, not one outlet's.
 */
export function roundRobin<T>(items: readonly T[], groupOf: (item: T) => string, perGroup: number, total: number): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    const list = groups.get(key) ?? groups.set(key, []).get(key)!;
    if (list.length < perGroup) list.push(item);
  }
  const out: T[] = [];
  for (let round = 0; out.length < total; round++) {
    let added = false;
    for (const list of groups.values()) {
      if (round >= list.length) continue;
      out.push(list[round]);
      added = true;
      if (out.length >= total) break;
    }
    if (!added) break;
  }
  return out;
}

/** "framelens <command> <corpus> --format csv lists all of them." — where the rows a cap leaves out are. */
export function cliNote(command: string, flags = ''): string {
  return `\`framelens ${command} <corpus>${flags ? ` ${flags}` : ''} --format csv\` lists all of them.`;
}
