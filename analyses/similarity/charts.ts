/**
 * Vega-Lite spec of the similarity summary: an outlet × outlet heatmap of mean cosine (one per
 * event, and one pooled over all events), with the value written in each cell.
 */
import type { CorpusIndex } from '../types.js';
import type { EventSimilarity, OutletCell } from './outlet-matrix.js';
import { CAPS, topOutlets } from '../../src/report/caps.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Outlets a heatmap draws by default: the CAPS.chartOutlets with the most articles among those in `cells`. */
export function heatmapOutlets(cells: OutletCell[], corpus: CorpusIndex, max: number = CAPS.chartOutlets): string[] {
  const present = new Set(cells.map((c) => c.a));
  return topOutlets(corpus, max, (o) => present.has(o));
}

/**
 * Heatmap of outlet × outlet mean similarity from cells (both orders present), drawn for
 * `outlets` only (default: the largest outlets) so a 300-outlet corpus still gives a readable chart.
 */
export function heatmapSpec(all: OutletCell[], corpus: CorpusIndex, title: string, outlets: string[] = heatmapOutlets(all, corpus)): object {
  const shown = new Set(outlets);
  const cells = all.filter((c) => shown.has(c.a) && shown.has(c.b));
  const side = Math.max(120, Math.min(560, outlets.length * 34));
  return {
    $schema: SCHEMA,
    description: title,
    width: side,
    height: side,
    data: { values: cells },
    encoding: {
      x: { field: 'b', type: 'nominal', sort: outlets, title: null, axis: { labelAngle: -40 } },
      y: { field: 'a', type: 'nominal', sort: outlets, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: {
          color: { field: 'mean', type: 'quantitative', title: 'mean cosine', scale: { scheme: 'blues', domain: [0, 1] } },
          tooltip: [
            { field: 'a', title: 'outlet' },
            { field: 'b', title: 'outlet' },
            { field: 'mean', title: 'mean cosine', format: '.2f' },
            { field: 'pairs', title: 'article pairs' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'mean', type: 'quantitative', format: '.2f' },
          color: { condition: { test: 'datum.mean > 0.5', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}

/** Cells pooled over events: each outlet pair's mean over all its same-event article pairs. */
export function pooledCells(byEvent: EventSimilarity[]): OutletCell[] {
  const sums = new Map<string, OutletCell & { sum: number }>();
  for (const e of byEvent) {
    for (const c of e.cells) {
      const key = `${c.a}\u0000${c.b}`;
      const cell = sums.get(key) ?? sums.set(key, { a: c.a, b: c.b, mean: 0, pairs: 0, sum: 0 }).get(key)!;
      cell.sum += c.mean * c.pairs;
      cell.pairs += c.pairs;
    }
  }
  return [...sums.values()].map(({ a, b, sum, pairs }) => ({ a, b, pairs, mean: Math.round((sum / pairs) * 1000) / 1000 }));
}
