/**
 * Report parts of the `similarity` analysis: the pooled outlet × outlet heatmap on the
 * overview, and each event's heatmap on its page, each with a caption generated from the numbers.
 */
import { html } from '../../src/report/html.js';
import type { ReportKit } from '../../src/report/kit.js';
import type { CorpusIndex, Section } from '../types.js';
import { heatmapOutlets, heatmapSpec, pooledCells } from './charts.js';
import { CAPS, eventOutlets } from '../../src/report/caps.js';
import type { OutletCell } from './outlet-matrix.js';
import type { SimilaritySummary } from './summary.js';
import { plural } from '../../src/plural.js';

/**
 * "X and Y are closest (0.61), A and B furthest apart (0.12).", among the outlets drawn: with
 * hundreds of outlets the extremes of all pairs were two small outlets sharing one event (a
 * cosine of 0.99 from one reprinted story), not what the chart shows.
 */
function extremes(cells: OutletCell[], drawn: readonly string[]): string {
  const shown = new Set(drawn);
  const all = cells.filter((c) => c.a < c.b);
  const among = all.filter((c) => shown.has(c.a) && shown.has(c.b));
  const cross = among.length ? among : all;
  if (!cross.length) return 'Only one outlet covered it, so there is nothing to compare.';
  const sorted = [...cross].sort((x, y) => y.mean - x.mean);
  const hi = sorted[0];
  const lo = sorted[sorted.length - 1];
  if (sorted.length === 1) return `${hi.a} and ${hi.b} have a mean cosine of ${hi.mean.toFixed(2)} over ${plural(hi.pairs, 'article pair')}.`;
  return `${hi.a} and ${hi.b} are closest (mean cosine ${hi.mean.toFixed(2)}); ${lo.a} and ${lo.b} are furthest apart (${lo.mean.toFixed(2)}).`;
}

/** Outlets of `cells` (each appears as `a`). */
function outletCount(cells: OutletCell[]): number {
  return new Set(cells.map((c) => c.a)).size;
}

/** " The 15 outlets with the most articles are drawn, of 139." when the heatmap leaves some out. */
function drawnNote(drawn: string[], cells: OutletCell[]): string {
  const all = outletCount(cells);
  return drawn.length < all ? ` The ${drawn.length} outlets with the most articles are drawn, of ${all}.` : '';
}

/** Overview: pooled heatmap over all events. */
export function similarityOverview(summary: SimilaritySummary, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const cells = pooledCells(summary.byEvent);
  if (!cells.length) return undefined;
  const drawn = heatmapOutlets(cells, corpus);
  const caption = `Mean TF-IDF cosine between outlets' articles on the same event, over ${plural(summary.byEvent.length, 'event')}. ${extremes(cells, drawn)}${drawnNote(drawn, cells)}`;
  return {
    id: 'similarity',
    title: 'How alike the outlets tell the same events',
    html: html`<p>${plural(summary.pairs.length, 'similar article pair')} found among ${plural(summary.docs, 'article')} without comparing all pairs.</p>${kit.chart(
      'similarity-heatmap',
      heatmapSpec(cells, corpus, 'Mean cosine between outlets on the same events', drawn),
      caption,
    )}`,
  };
}

/** Event page: the event's outlet × outlet heatmap. */
export function similarityEventView(summary: SimilaritySummary, event: string, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const e = summary.byEvent.find((x) => x.event === event);
  if (!e || e.cells.length === 0) return undefined;
  const mean = e.crossOutletMean === undefined ? '' : ` Across outlets the mean cosine is ${e.crossOutletMean.toFixed(2)}.`;
  const present = new Set(e.cells.map((c) => c.a));
  const drawn = eventOutlets(corpus, event, CAPS.eventChartOutlets, (o) => present.has(o));
  const caption = `Mean cosine between the ${e.docs} articles on this event, by outlet.${mean} ${extremes(e.cells, drawn)}${drawnNote(drawn, e.cells)}${e.truncated ? ' (Only the first articles of this large event were compared.)' : ''}`;
  return {
    id: 'similarity',
    title: 'How alike the outlets tell it',
    html: kit.chart('similarity-heatmap', heatmapSpec(e.cells, corpus, 'Mean cosine between outlets on this event', drawn), caption),
  };
}
