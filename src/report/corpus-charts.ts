/**
 * The corpus charts of the overview: articles per outlet, per date and per event, as Vega-Lite
 * specs with inlined, pre-aggregated data (small at any corpus size) and captions computed from
 * the same numbers. Outlets beyond the first `maxOutlets` are grouped as "other".
 */
import type { CorpusIndex } from '../../analyses/types.js';
import { messages } from './messages.js';
import { OTHER_COLOR } from './palette.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface CorpusChart {
  name: string;
  spec: object;
  caption: string;
}

export interface CorpusChartOptions {
  /** Outlets drawn with their own colour; the rest are "other". Default 20. */
  maxOutlets?: number;
  /** Events drawn in the per-event chart. Default 25. */
  maxEvents?: number;
}

/** The outlet shown for a doc's outlet: itself when among the first `max`, else the other bucket. */
function outletBuckets(index: CorpusIndex, max: number) {
  const shown = index.outlets.slice(0, max);
  const hidden = index.outlets.length - shown.length;
  const other = hidden > 0 ? `other (${hidden} outlets)` : undefined;
  const set = new Set(shown);
  return { shown, hidden, other, bucket: (outlet: string) => (set.has(outlet) ? outlet : other!) };
}

function colorScale(domain: string[], colorOf: (outlet: string) => string) {
  return { domain, range: domain.map((o) => colorOf(o) ?? OTHER_COLOR) };
}

/** Articles per outlet, most first. */
export function outletChart(index: CorpusIndex, colorOf: (outlet: string) => string, options: CorpusChartOptions = {}): CorpusChart {
  const { shown, hidden, other, bucket } = outletBuckets(index, options.maxOutlets ?? 20);
  const counts = new Map<string, number>();
  for (const d of index.docs) counts.set(bucket(d.outlet), (counts.get(bucket(d.outlet)) ?? 0) + 1);
  const domain = other ? [...shown, other] : shown;
  const values = domain.map((outlet) => ({ outlet, articles: counts.get(outlet) ?? 0 }));
  return {
    name: 'articles-per-outlet',
    caption: messages.outletChartCaption(
      shown.map((outlet) => ({ outlet, count: counts.get(outlet) ?? 0 })),
      index.docs.length,
      hidden,
    ),
    spec: {
      $schema: SCHEMA,
      description: 'Articles per outlet',
      width: 560,
      height: { step: 20 },
      data: { values },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'outlet', type: 'nominal', sort: domain, title: null, axis: { labelLimit: 240 } },
        x: { field: 'articles', type: 'quantitative', title: 'Articles' },
        color: { field: 'outlet', type: 'nominal', scale: colorScale(domain, colorOf), legend: null },
      },
    },
  };
}

const DAY = /^(\d{4}-\d{2}-\d{2})/;

/** Articles per day (or per month when the dates span more than 120 days), stacked by outlet. */
export function dateChart(index: CorpusIndex, colorOf: (outlet: string) => string, options: CorpusChartOptions = {}): CorpusChart | undefined {
  const dated = index.docs.flatMap((d) => {
    const day = DAY.exec(d.date ?? '')?.[1];
    return day && !Number.isNaN(Date.parse(day)) ? [{ day, outlet: d.outlet }] : [];
  });
  if (dated.length === 0) return undefined;
  const days = dated.map((d) => d.day).sort();
  const first = days[0];
  const last = days[days.length - 1];
  const unit: 'day' | 'month' = (Date.parse(last) - Date.parse(first)) / 86_400_000 > 120 ? 'month' : 'day';
  const keyOf = (day: string) => (unit === 'month' ? day.slice(0, 7) : day);
  const { shown, other, bucket } = outletBuckets(index, options.maxOutlets ?? 20);
  const cells = new Map<string, { date: string; outlet: string; rank: number; articles: number }>();
  const rankOf = (outlet: string) => (outlet === other ? shown.length : shown.indexOf(outlet));
  const perKey = new Map<string, number>();
  for (const d of dated) {
    const key = keyOf(d.day);
    const outlet = bucket(d.outlet);
    const id = `${key}\u0000${outlet}`;
    const cell = cells.get(id) ?? { date: unit === 'month' ? `${key}-01` : key, outlet, rank: rankOf(outlet), articles: 0 };
    cell.articles++;
    cells.set(id, cell);
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  let peak = { key: '', count: 0 };
  for (const [key, count] of perKey) if (count > peak.count || (count === peak.count && key < peak.key)) peak = { key, count };
  const domain = other ? [...shown, other] : shown;
  const timeUnit = unit === 'month' ? 'utcyearmonth' : 'utcyearmonthdate';
  return {
    name: 'articles-per-date',
    caption: messages.dateChartCaption(dated.length, index.docs.length, first, last, peak, unit),
    spec: {
      $schema: SCHEMA,
      description: `Articles per ${unit}`,
      width: 560,
      height: 200,
      data: { values: [...cells.values()].sort((a, b) => a.date.localeCompare(b.date) || domain.indexOf(a.outlet) - domain.indexOf(b.outlet)) },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'date', type: 'temporal', timeUnit, title: unit === 'month' ? 'Month' : 'Date', bandPosition: 0 },
        y: { field: 'articles', type: 'quantitative', aggregate: 'sum', title: 'Articles' },
        color: { field: 'outlet', type: 'nominal', scale: colorScale(domain, colorOf), title: 'Outlet' },
        // Stack in the report's outlet order, so colours line up with the legend.
        order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      },
    },
  };
}

/** Articles per event (largest first), stacked by outlet. */
export function eventChart(index: CorpusIndex, colorOf: (outlet: string) => string, options: CorpusChartOptions = {}): CorpusChart | undefined {
  if (index.events.length === 0) return undefined;
  const events = index.events.slice(0, options.maxEvents ?? 25);
  const wanted = new Set(events);
  const { shown, other, bucket } = outletBuckets(index, options.maxOutlets ?? 20);
  const label = (event: string) => index.eventLabels.get(event) ?? event;
  const cells = new Map<string, { event: string; outlet: string; rank: number; articles: number }>();
  const rankOf = (outlet: string) => (outlet === other ? shown.length : shown.indexOf(outlet));
  const outletsPerEvent = new Map<string, Set<string>>();
  const totals = new Map<string, number>();
  for (const d of index.docs) {
    if (!d.event || !wanted.has(d.event)) continue;
    const outlet = bucket(d.outlet);
    const id = `${d.event}\u0000${outlet}`;
    const cell = cells.get(id) ?? { event: label(d.event), outlet, rank: rankOf(outlet), articles: 0 };
    cell.articles++;
    cells.set(id, cell);
    totals.set(d.event, (totals.get(d.event) ?? 0) + 1);
    if (!outletsPerEvent.has(d.event)) outletsPerEvent.set(d.event, new Set());
    outletsPerEvent.get(d.event)!.add(d.outlet);
  }
  const domain = other ? [...shown, other] : shown;
  return {
    name: 'articles-per-event',
    caption: messages.eventChartCaption(
      events.map((e) => ({ label: label(e), count: totals.get(e) ?? 0, outlets: outletsPerEvent.get(e)?.size ?? 0 })),
      index.events.length,
      index.outlets.length,
    ),
    spec: {
      $schema: SCHEMA,
      description: 'Articles per event',
      width: 560,
      height: { step: 20 },
      data: { values: [...cells.values()] },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'event', type: 'nominal', sort: events.map(label), title: null, axis: { labelLimit: 260 } },
        x: { field: 'articles', type: 'quantitative', aggregate: 'sum', title: 'Articles' },
        color: { field: 'outlet', type: 'nominal', scale: colorScale(domain, colorOf), title: 'Outlet' },
        // Stack in the report's outlet order, so colours line up with the legend.
        order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      },
    },
  };
}
