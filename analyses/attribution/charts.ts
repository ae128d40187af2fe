/**
 * Vega-Lite charts of sourcing profiles: source-type mix per outlet (stacked shares), and
 * direct vs indirect speech with the share of anonymous sources per outlet.
 */
import type { CorpusIndex } from '../types.js';
import { KINDS, SOURCE_TYPES } from './summarize.js';
import type { AttributionSummary } from './types.js';
import { CAPS, outletColorScale, topOutlets } from '../../src/report/caps.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Outlets drawn: the CAPS.chartOutlets with the most articles that have attributions. */
export const outletsWithData = (summary: AttributionSummary, corpus: CorpusIndex) =>
  topOutlets(corpus, CAPS.chartOutlets, (o) => (summary.byOutlet[o]?.attributions ?? 0) > 0);

/** Share of each source type per outlet, as stacked horizontal bars. */
export function sourceTypeChart(summary: AttributionSummary, corpus: CorpusIndex): object | undefined {
  const outlets = outletsWithData(summary, corpus);
  if (!outlets.length) return undefined;
  const values = outlets.flatMap((outlet) => {
    const p = summary.byOutlet[outlet];
    return SOURCE_TYPES.map((type) => ({ outlet, type, count: p.sourceTypes[type], share: p.sourceTypes[type] / p.attributions }));
  });
  return {
    $schema: SCHEMA,
    description: 'Source types per outlet (share of attributions)',
    width: 480,
    height: Math.max(60, 24 * outlets.length),
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'outlet', type: 'nominal', sort: outlets, title: null },
      x: { field: 'share', type: 'quantitative', stack: 'normalize', axis: { format: '%' }, title: 'share of attributions' },
      color: { field: 'type', type: 'nominal', scale: { domain: SOURCE_TYPES }, title: 'source type' },
      tooltip: [{ field: 'outlet' }, { field: 'type' }, { field: 'count', type: 'quantitative' }, { field: 'share', type: 'quantitative', format: '.0%' }],
    },
  };
}

/** Attribution kinds per outlet (direct, mixed, indirect, according-to), coloured by outlet order. */
export function kindChart(summary: AttributionSummary, corpus: CorpusIndex): object | undefined {
  const outlets = outletsWithData(summary, corpus);
  if (!outlets.length) return undefined;
  const values = outlets.flatMap((outlet) => {
    const p = summary.byOutlet[outlet];
    return KINDS.map((kind) => ({ outlet, kind, share: p.kinds[kind] / p.attributions, count: p.kinds[kind] }));
  });
  return {
    $schema: SCHEMA,
    description: 'How each outlet reports speech',
    width: 120,
    height: 160,
    data: { values },
    mark: 'bar',
    encoding: {
      column: { field: 'kind', type: 'nominal', sort: KINDS, title: null },
      x: { field: 'outlet', type: 'nominal', sort: outlets, axis: null },
      y: { field: 'share', type: 'quantitative', axis: { format: '%' }, title: 'share of attributions' },
      color: { field: 'outlet', type: 'nominal', scale: outletColorScale(corpus, outlets), title: 'outlet' },
      tooltip: [{ field: 'outlet' }, { field: 'kind' }, { field: 'count', type: 'quantitative' }, { field: 'share', type: 'quantitative', format: '.0%' }],
    },
  };
}
