/**
 * Vega-Lite specs of variant preferences: one panel per variant set (or per candidate pair found
 * in the corpus), one stacked bar per outlet showing the share of each competing form (counts in
 * the tooltip).
 */
import type { CorpusIndex } from '../types.js';
import type { VariantsSummary } from './summarize.js';
import { CAPS, topOutlets } from '../../src/report/caps.js';

/** One bar segment: an outlet's uses of one form in one panel. */
interface ShareRow {
  panel: string;
  group: string;
  form: string;
  count: number;
  share: number;
}

/** Stacked bars of form shares per outlet, one panel per entry of `panels` (in that order). */
function shareChart(values: ShareRow[], panels: string[], corpus: CorpusIndex, description: string, panelTitle: string): object {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    data: { values },
    facet: { row: { field: 'panel', title: null, sort: panels, header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' } } },
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
          { field: 'panel', title: panelTitle },
          { field: 'form' },
          { field: 'count', title: 'uses', format: ',' },
          { field: 'share', format: '.0%' },
        ],
      },
    },
    resolve: { scale: { color: 'independent', y: 'independent' }, legend: { color: 'independent' } },
  };
}

/** Form shares per outlet, one panel per set (the `sets` most used sets, the `outlets` largest outlets). */
export function preferenceChart(summary: VariantsSummary, corpus: CorpusIndex, options: { sets?: number; outlets?: number } = {}): object | undefined {
  const uses = new Map<string, number>();
  for (const r of summary.outlets) uses.set(r.set, (uses.get(r.set) ?? 0) + r.count);
  const shown = summary.sets.filter((s) => (uses.get(s.id) ?? 0) > 0).sort((a, b) => uses.get(b.id)! - uses.get(a.id)!).slice(0, options.sets ?? 8);
  if (!shown.length) return undefined;
  const labels = new Map(shown.map((s) => [s.id, s.label]));
  // The outlets with the most articles among those using a shown set (the table lists every outlet).
  const using = new Set(summary.outlets.filter((r) => labels.has(r.set) && r.count > 0).map((r) => r.group));
  const outlets = new Set(topOutlets(corpus, options.outlets ?? CAPS.chartOutlets, (o) => using.has(o)));
  const values = summary.outlets
    .filter((r) => labels.has(r.set) && r.count > 0 && outlets.has(r.group))
    .map((r) => ({ panel: labels.get(r.set)!, group: r.group, form: r.form, count: r.count, share: r.share }));
  return shareChart(values, shown.map((s) => s.label), corpus, 'Share of each competing form per outlet, per variant set.', 'set');
}

/** Spelling shares per outlet for the strongest candidate pairs found in the corpus (`pairs` of them). */
export function candidateChart(summary: VariantsSummary, corpus: CorpusIndex, options: { pairs?: number; outlets?: number } = {}): object | undefined {
  const shown = summary.discovered.slice(0, options.pairs ?? 6);
  if (!shown.length) return undefined;
  const using = new Set(shown.flatMap((c) => c.byOutlet.map(([outlet]) => outlet)));
  const outlets = new Set(topOutlets(corpus, options.outlets ?? CAPS.chartOutlets, (o) => using.has(o)));
  const panel = (c: (typeof shown)[number]) => `${c.a} / ${c.b}`;
  const values = shown.flatMap((c) =>
    c.byOutlet
      .filter(([outlet]) => outlets.has(outlet))
      .flatMap(([group, a, b]) =>
        ([[c.a, a], [c.b, b]] as const).filter(([, n]) => n > 0).map(([form, count]) => ({ panel: panel(c), group, form, count, share: count / (a + b) })),
      ),
  );
  return shareChart(values, shown.map(panel), corpus, 'Share of each spelling per outlet, for candidate variant pairs found in the corpus.', 'pair');
}
