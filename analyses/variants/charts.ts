/**
 * Vega-Lite spec of variant preferences: for each variant set, one stacked bar per outlet
 * showing the share of each competing form (counts in the tooltip).
 */
import type { CorpusIndex } from '../types.js';
import type { VariantsSummary } from './summarize.js';
import { CAPS, topOutlets } from '../../src/report/caps.js';

/** Stacked bars of form shares per outlet, one panel per set (the `sets` most used sets, the `outlets` largest outlets). */
export function preferenceChart(summary: VariantsSummary, corpus: CorpusIndex, options: { sets?: number; outlets?: number } = {}): object | undefined {
  const uses = new Map<string, number>();
  for (const r of summary.outlets) uses.set(r.set, (uses.get(r.set) ?? 0) + r.count);
  const shown = summary.sets.filter((s) => (uses.get(s.id) ?? 0) > 0).sort((a, b) => uses.get(b.id)! - uses.get(a.id)!).slice(0, options.sets ?? 8);
  if (!shown.length) return undefined;
  const labels = new Map(shown.map((s) => [s.id, s.label]));
  // The outlets with the most articles among those using a shown set (the table lists every outlet).
  const using = new Set(summary.outlets.filter((r) => labels.has(r.set) && r.count > 0).map((r) => r.group));
  const outlets = new Set(topOutlets(corpus, options.outlets ?? CAPS.chartOutlets, (o) => using.has(o)));
  const values = summary.outlets.filter((r) => labels.has(r.set) && r.count > 0 && outlets.has(r.group)).map((r) => ({ ...r, label: labels.get(r.set) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Share of each competing form per outlet, per variant set.',
    data: { values },
    facet: { row: { field: 'label', title: null, sort: shown.map((s) => s.label), header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' } } },
    spec: {
      width: 420,
      height: { step: 16 },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'group', type: 'nominal', title: null, sort: corpus.outlets },
        x: { field: 'count', type: 'quantitative', stack: 'normalize', title: 'share of uses', axis: { format: '%' } },
        color: { field: 'form', type: 'nominal', title: 'form' },
        tooltip: [
          { field: 'group', title: 'outlet' },
          { field: 'label', title: 'set' },
          { field: 'form' },
          { field: 'count', title: 'uses', format: ',' },
          { field: 'share', format: '.0%' },
        ],
      },
    },
    resolve: { scale: { color: 'independent', y: 'independent' }, legend: { color: 'independent' } },
  };
}
