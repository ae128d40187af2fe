/**
 * Vega-Lite specs of the loaded-language summary: rates per 1,000 words by outlet × category
 * (grouped bars, outlet colours in corpus order), and the share of each category's markers that
 * sits inside quoted speech rather than the outlet's own voice.
 */
import type { CorpusIndex } from '../types.js';
import { CAPS, outletColorScale, topOutlets } from '../../src/report/caps.js';
import { CATEGORY_LABELS, QUOTE_CLASS_LABELS } from './messages.js';
import type { LoadedSummary, QuoteClass } from './types.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Width of the grouped-bar charts in pixels (categories × drawn outlets share it). */
const CHART_WIDTH = 760;

/** Human label of a summary key (`quote:scare` → "scare quote"). */
export function keyLabel(key: string): string {
  return key.startsWith('quote:') ? QUOTE_CLASS_LABELS[key.slice(6) as QuoteClass] : (CATEGORY_LABELS[key] ?? key);
}

/** One row per outlet × category with its rate, count and quoted share (all outlets of `stats`, or only `outlets`). */
export function rateRows(summary: LoadedSummary, stats = summary.byOutlet, outlets: readonly string[] = summary.outlets) {
  return outlets.filter((o) => stats[o]).flatMap((outlet) =>
    summary.keys.map((key) => {
      const s = stats[outlet];
      const count = s.counts[key] ?? 0;
      return { outlet, key, category: keyLabel(key), rate: s.rates[key] ?? 0, count, quotedShare: count ? (s.quoted[key] ?? 0) / count : 0 };
    }),
  );
}

/** Outlets a chart draws by default: the CAPS.chartOutlets with the most articles that have stats. */
export function chartOutlets(summary: LoadedSummary, corpus: CorpusIndex, stats = summary.byOutlet): string[] {
  return topOutlets(corpus, CAPS.chartOutlets, (o) => !!stats[o]);
}

/** Grouped bars: rate per 1,000 words for each category, one bar per outlet (default: the largest outlets). */
export function ratesChart(summary: LoadedSummary, corpus: CorpusIndex, stats = summary.byOutlet, outlets = chartOutlets(summary, corpus, stats)): object | undefined {
  const values = rateRows(summary, stats, outlets);
  if (!values.some((v) => v.count > 0)) return undefined;
  return {
    $schema: SCHEMA,
    description: 'Loaded-language markers per 1,000 words, by category and outlet.',
    data: { values },
    // With xOffset a width step sizes each outlet's bar, not the category: give the chart its width instead.
    width: CHART_WIDTH,
    height: 220,
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'category', type: 'nominal', title: null, sort: summary.keys.map(keyLabel), axis: { labelAngle: -30 } },
      xOffset: { field: 'outlet', type: 'nominal', sort: outlets },
      y: { field: 'rate', type: 'quantitative', title: 'per 1,000 words' },
      color: { field: 'outlet', type: 'nominal', scale: outletColorScale(corpus, outlets), title: 'outlet' },
      tooltip: [
        { field: 'outlet' },
        { field: 'category' },
        { field: 'rate', title: 'per 1,000 words', format: '.2f' },
        { field: 'count', title: 'markers', format: ',' },
      ],
    },
  };
}

/** Bars of the share of each category's markers found inside direct or partial quotes (default: the largest outlets). */
export function voiceChart(summary: LoadedSummary, corpus: CorpusIndex, outlets = chartOutlets(summary, corpus)): object | undefined {
  const values = rateRows(summary, summary.byOutlet, outlets).filter((r) => !r.key.startsWith('quote:') && r.count > 0);
  if (!values.length) return undefined;
  return {
    $schema: SCHEMA,
    description: 'Share of loaded-language markers inside quoted speech, by category and outlet.',
    data: { values },
    width: CHART_WIDTH,
    height: 180,
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'category', type: 'nominal', title: null, sort: summary.keys.map(keyLabel), axis: { labelAngle: -30 } },
      xOffset: { field: 'outlet', type: 'nominal', sort: outlets },
      y: { field: 'quotedShare', type: 'quantitative', title: 'share inside quotes', axis: { format: '%' }, scale: { domain: [0, 1] } },
      color: { field: 'outlet', type: 'nominal', scale: outletColorScale(corpus, outlets), title: 'outlet' },
      tooltip: [
        { field: 'outlet' },
        { field: 'category' },
        { field: 'quotedShare', title: 'inside quotes', format: '.0%' },
        { field: 'count', title: 'markers', format: ',' },
      ],
    },
  };
}
