/**
 * Report sections of the loaded-language analysis: the overview (rates by outlet × category,
 * share inside quotes, a rates table, examples in their sentences with links to the article
 * view) and the event view (the same for one event's articles). Markup only via `html`.
 */
import { html, join, type Html } from '../../src/report/html.js';
import type { ReportKit } from '../../src/report/kit.js';
import type { CorpusIndex, Section } from '../types.js';
import { chartOutlets, keyLabel, rateRows, ratesChart, voiceChart } from './charts.js';
import { CAPS, cliNote, eventOutlets, roundRobin } from '../../src/report/caps.js';
import { itemsOfEvent } from '../../src/report/items-of-event.js';
import { markerLabel, QUOTE_CLASS_LABELS, ratesCaption, voiceCaption } from './messages.js';
import type { GroupStats, LoadedExample, LoadedSummary } from './types.js';

const MORE = cliNote('loaded');

/** " The 15 outlets with the most articles are drawn; the table lists 30 of 336." when the chart is capped. */
function drawnNote(drawn: number, all: number, listed = all): string {
  if (drawn >= all) return '';
  return ` The ${drawn} outlets with the most articles are drawn; the table below lists ${listed < all ? `${listed} of ${all}` : `all ${all}`}.`;
}

function ratesTable(id: string, summary: LoadedSummary, stats: Record<string, GroupStats>, kit: ReportKit, outlets?: string[]): Html {
  const rows = rateRows(summary, stats, outlets).filter((r) => r.count > 0).map((r) => ({ ...r, quoted: Math.round(r.quotedShare * 100), top: topItems(stats[r.outlet], r.key) }));
  return kit.table(
    id,
    [
      { key: 'outlet', label: 'Outlet', cell: (r) => kit.outlet(r.outlet) },
      { key: 'category', label: 'Category' },
      { key: 'count', label: 'Markers', numeric: true },
      { key: 'rate', label: 'Per 1,000 words', numeric: true, cell: (r) => kit.number(r.rate, 2) },
      { key: 'quoted', label: '% inside quotes', numeric: true },
      { key: 'top', label: 'Top items' },
    ],
    rows,
    { caption: 'Markers per outlet and category; "inside quotes" counts markers within direct or partial quotes (the speaker’s words, not the outlet’s).', more: MORE },
  );
}

function kindLabel(e: Pick<LoadedExample, 'category' | 'subcategory'>): string {
  return e.category === 'quote' ? keyLabel(`quote:${e.subcategory}`) : markerLabel(e.category, e.subcategory);
}

function topItems(stats: GroupStats | undefined, key: string): string {
  return (stats?.top[key] ?? []).slice(0, 5).map(([item, n]) => `${item} (${n})`).join(', ');
}

/**
 * Examples spread over outlets and kinds: round-robin over outlet × kind, at most CAPS.perOutlet
 * per outlet, `max` in all; the note counts the rest.
 */
function examplesTable(id: string, all: LoadedExample[], kit: ReportKit, max: number): Html {
  const spread = roundRobin(all, (e) => `${e.outlet}\u0000${e.category}\u0000${e.subcategory ?? ''}`, 1, Infinity);
  const examples = roundRobin(spread, (e) => e.outlet, CAPS.perOutlet, max);
  const rows = examples.map((e) => ({
    ...e,
    kind: kindLabel(e),
    quote: e.quoteClass ? QUOTE_CLASS_LABELS[e.quoteClass] : '',
    context: e.sentence?.text ?? '',
  }));
  return kit.table(
    id,
    [
      { key: 'outlet', label: 'Outlet', cell: (r) => kit.outlet(r.outlet) },
      { key: 'kind', label: 'Kind' },
      { key: 'text', label: 'Marker', cell: (r) => html`<a href="${kit.articleHref(r.doc, { start: r.start, end: r.end })}">${r.text}</a>` },
      { key: 'quote', label: 'In quote' },
      { key: 'context', label: 'Sentence', cell: (r) => sentenceWithMark(r) },
      { key: 'reason', label: 'Why' },
    ],
    rows,
    { caption: 'Examples with their sentence; the marker links to its place in the article.', limit: 30, total: all.length, more: MORE },
  );
}

/** The sentence with the marker emphasised (both are corpus text: escaped by `html`). */
function sentenceWithMark(e: LoadedExample): Html {
  const s = e.sentence;
  if (!s || e.start < s.start || e.end > s.end) return html`${s?.text ?? ''}`;
  const a = e.start - s.start;
  const b = e.end - s.start;
  return html`${s.text.slice(0, a)}<mark>${s.text.slice(a, b)}</mark>${s.text.slice(b)}`;
}

export function loadedOverview(summary: LoadedSummary, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const parts: Html[] = [];
  const drawn = chartOutlets(summary, corpus);
  const note = drawnNote(drawn.length, summary.outlets.length);
  const rates = ratesChart(summary, corpus, summary.byOutlet, drawn);
  if (!rates) parts.push(html`<p>No loaded-language markers were found in the corpus.</p>`);
  else parts.push(kit.chart('rates', rates, ratesCaption(rateRows(summary, summary.byOutlet, drawn)) + note));
  const voice = voiceChart(summary, corpus, drawn);
  if (voice) parts.push(kit.chart('voice', voice, voiceCaption(rateRows(summary, summary.byOutlet, drawn).filter((r) => !r.key.startsWith('quote:'))) + note));
  if (rates) {
    parts.push(ratesTable('loaded-rates', summary, summary.byOutlet, kit));
    parts.push(html`<h4>Examples</h4>`, examplesTable('loaded-examples', summary.examples, kit, CAPS.overviewRows));
  }
  return { id: 'loaded', title: 'Loaded language', html: join(parts) };
}

const exampleEvent = (e: LoadedExample) => e.event;

export function loadedEventView(summary: LoadedSummary, event: string, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const stats = summary.byEvent[event];
  if (!stats) return undefined;
  const examples = itemsOfEvent(summary.examples, corpus, event, exampleEvent);
  if (!examples.length && !Object.values(stats).some((s) => Object.values(s.counts).some((n) => n > 0))) return undefined;
  const label = corpus.eventLabels.get(event) ?? event;
  const drawn = eventOutlets(corpus, event, CAPS.eventChartOutlets, (o) => !!stats[o]);
  const listed = eventOutlets(corpus, event, CAPS.eventOutlets, (o) => !!stats[o]);
  const chart = ratesChart(summary, corpus, stats, drawn);
  const parts: Html[] = [];
  if (chart) parts.push(kit.chart(`rates-${event}`, chart, ratesCaption(rateRows(summary, stats, drawn)) + drawnNote(drawn.length, Object.keys(stats).length, listed.length)));
  parts.push(ratesTable(`loaded-rates-${event}`, summary, stats, kit, listed), examplesTable(`loaded-examples-${event}`, examples, kit, CAPS.eventRows));
  return { id: 'loaded', title: `Loaded language: ${label}`, html: join(parts) };
}
