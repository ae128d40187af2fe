/**
 * Vega-Lite specs of the terms summary: per-outlet distinctive terms (diverging bars of the
 * log-odds z-score, counts in the tooltip) and a Scattertext-style frequency-vs-frequency
 * scatter of two outlets (log scales, most distinctive terms labelled).
 */
import type { CorpusIndex } from '../types.js';
import type { TermsSummary } from './summarize.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface DistinctiveChartOptions {
  /** Outlets shown, in corpus order. Default 8. */
  outlets?: number;
  /** Over-used terms per outlet. Default 8. */
  over?: number;
  /** Under-used terms per outlet. Default 4. */
  under?: number;
}

const TOOLTIP = [
  { field: 'group', title: 'outlet' },
  { field: 'term' },
  { field: 'count', title: 'uses in outlet', format: ',' },
  { field: 'otherCount', title: 'uses elsewhere', format: ',' },
  { field: 'rate', title: 'per 10k tokens', format: '.2f' },
  { field: 'otherRate', title: 'per 10k elsewhere', format: '.2f' },
  { field: 'z', title: 'log-odds z', format: '.2f' },
  { field: 'g2', title: 'G²', format: '.1f' },
  { field: 'logRatio', title: 'log ratio', format: '.2f' },
];

/** Diverging bars: for each outlet, its most over-used (outlet colour) and under-used (grey) terms. */
export function distinctiveChart(summary: TermsSummary, corpus: CorpusIndex, options: DistinctiveChartOptions = {}): object {
  const shown = summary.outlets.filter((o) => o.top.length || o.bottom.length).slice(0, options.outlets ?? 8);
  const values = shown.flatMap((o) =>
    [...o.top.slice(0, options.over ?? 8), ...o.bottom.slice(0, options.under ?? 4)].map((t) => ({ group: o.group, ...t, direction: t.z >= 0 ? 'more' : 'less' })),
  );
  return {
    $schema: SCHEMA,
    description: 'Distinctive terms per outlet: log-odds z-score with informative Dirichlet prior against all other outlets.',
    data: { values },
    facet: { row: { field: 'group', title: null, sort: corpus.outlets, header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' } } },
    spec: {
      width: 360,
      height: { step: 14 },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'term', type: 'nominal', sort: { field: 'z', order: 'descending' }, title: null },
        x: { field: 'z', type: 'quantitative', title: 'log-odds z-score (− used less, + used more than the other outlets)' },
        color: {
          condition: { test: 'datum.z < 0', value: '#b9b9b9' },
          field: 'group',
          type: 'nominal',
          scale: { domain: corpus.outlets },
          legend: null,
        },
        tooltip: TOOLTIP,
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/** Frequency of every plotted term in outlet A (x) against outlet B (y), log scales, add-one rates. */
export function scatterChart(summary: TermsSummary): object | undefined {
  const scatter = summary.scatter;
  if (!scatter || !scatter.points.length) return undefined;
  // Add-one rates keep terms one outlet never uses on the log scale (at its floor).
  const points = scatter.points.map((p) => ({ ...p, x: ((p.countA + 1) / scatter.tokensA) * 10_000, y: ((p.countB + 1) / scatter.tokensB) * 10_000 }));
  // Label the most distinctive terms of each side, skipping any that would overprint a label already placed.
  const placed: Array<[number, number]> = [];
  const labelled = new Set<string>();
  const candidates = [...points].sort((p, q) => Math.abs(q.z) - Math.abs(p.z));
  for (const p of candidates) {
    if (labelled.size >= 20) break;
    const lx = Math.log10(p.x);
    const ly = Math.log10(p.y);
    if (placed.some(([x, y]) => Math.abs(x - lx) < 0.12 && Math.abs(y - ly) < 0.05)) continue;
    placed.push([lx, ly]);
    labelled.add(p.term);
  }
  const values = points.map((p) => ({ ...p, label: labelled.has(p.term) ? p.term : '' }));
  const zMax = Math.max(1, ...values.map((v) => Math.abs(v.z)));
  return {
    $schema: SCHEMA,
    description: `Term frequency in ${scatter.a} against ${scatter.b}.`,
    width: 520,
    height: 520,
    data: { values },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: { type: 'log' }, title: `${scatter.a}: uses per 10k tokens (add-one)` },
      y: { field: 'y', type: 'quantitative', scale: { type: 'log' }, title: `${scatter.b}: uses per 10k tokens (add-one)` },
    },
    layer: [
      {
        mark: { type: 'circle', opacity: 0.7, tooltip: true },
        encoding: {
          color: { field: 'z', type: 'quantitative', scale: { scheme: 'redblue', domain: [-zMax, zMax], reverse: true }, title: `z (${scatter.a} vs ${scatter.b})` },
          tooltip: [
            { field: 'term' },
            { field: 'countA', title: `uses in ${scatter.a}`, format: ',' },
            { field: 'countB', title: `uses in ${scatter.b}`, format: ',' },
            { field: 'rateA', title: `per 10k in ${scatter.a}`, format: '.2f' },
            { field: 'rateB', title: `per 10k in ${scatter.b}`, format: '.2f' },
            { field: 'z', title: 'log-odds z', format: '.2f' },
          ],
        },
      },
      {
        transform: [{ filter: "datum.label !== ''" }],
        mark: { type: 'text', align: 'left', dx: 4, dy: -4, fontSize: 10 },
        encoding: { text: { field: 'label' } },
      },
    ],
  };
}
