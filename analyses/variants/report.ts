/**
 * Report sections of the variants analysis: the overview (preference chart, one sentence per
 * set with links to example uses, a table of all rows, discovered candidate pairs) and the
 * event view (which outlet used which form for this event).
 */
import { html, join, type Html } from '../../src/report/html.js';
import type { ReportKit } from '../../src/report/kit.js';
import type { CorpusIndex, Section } from '../types.js';
import { candidateChart, preferenceChart } from './charts.js';
import { candidateChartCaption, candidateSentence, chartCaption, preferenceSentence } from './messages.js';
import type { VariantsSummary } from './summarize.js';
import type { VariantRow } from './types.js';
import { CAPS, cliNote, eventOutlets, topOutlets } from '../../src/report/caps.js';
import { itemsOfEvent } from '../../src/report/items-of-event.js';
import { plural } from '../../src/plural.js';

/** Candidate pairs drawn in the chart (the list shows up to 10). */
const CANDIDATE_PANELS = 6;

/**
 * One line per variant set: which form each outlet prefers, for the `outlets` given (the largest,
 * so a line stays readable with hundreds of outlets); the others are counted.
 */
function setParagraphs(
  summary: VariantsSummary,
  rows: VariantRow[],
  kit: ReportKit,
  outlets: ReadonlySet<string>,
  examplesOf: VariantsSummary['examples'] = summary.examples,
  minOutlets = 1,
): Html[] {
  return summary.sets
    .map((set) => {
      const using = rows.filter((r) => r.set === set.id && r.count > 0);
      const mine = using.filter((r) => outlets.has(r.group));
      const users = new Set(using.map((r) => r.group)).size;
      if (!mine.length || users < minOutlets) return undefined;
      const others = users - new Set(mine.map((r) => r.group)).size;
      const more = others > 0 ? ` (and ${plural(others, 'more outlet')}: see the table)` : '';
      const examples = Object.entries(examplesOf[set.id] ?? {}).flatMap(([form, list]) =>
        list.slice(0, 2).map((e) => html`<a href="${kit.articleHref(e.doc, { start: e.start, end: e.end })}" title="${e.outlet}">“${form}”</a>`),
      );
      const shown = examples.length ? html`Examples: ${join(examples, ', ')}. ` : '';
      return html`<li><strong>${set.label}</strong> <small>(${set.category})</small>: ${preferenceSentence(set.label, mine).slice(set.label.length + 2)}${more} <small>${shown}${set.note}</small></li>`;
    })
    .filter((x): x is Html => x !== undefined);
}

export function variantsOverview(summary: VariantsSummary, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const parts: Html[] = [];
  if (!summary.sets.length) parts.push(html`<p>No form of any known variant set occurs in the corpus.</p>`);
  const chart = preferenceChart(summary, corpus);
  if (chart) parts.push(kit.chart('preferences', chart, chartCaption(summary.outlets.filter((r) => r.count > 0), summary.sets.length)));
  const items = setParagraphs(summary, summary.outlets, kit, new Set(topOutlets(corpus, CAPS.chartOutlets)));
  if (items.length) parts.push(html`<ul class="variant-sets">${items}</ul>`);
  if (summary.outlets.length) {
    parts.push(
      kit.table(
        'variants-preferences',
        [
          { key: 'group', label: 'Outlet', cell: (r) => kit.outlet(r.group) },
          { key: 'set', label: 'Set' },
          { key: 'form', label: 'Form' },
          { key: 'count', label: 'Uses', numeric: true },
          { key: 'share', label: 'Share', numeric: true, cell: (r) => `${kit.number(r.share * 100, 0)}%` },
        ],
        summary.outlets.filter((r) => r.count > 0).map((r) => ({ group: r.group, set: r.set, form: r.form, count: r.count, share: r.share })),
        { caption: 'Uses of each form per outlet and its share of the set.', more: cliNote('variants') },
      ),
    );
  }
  if (summary.discovered.length) {
    parts.push(html`<h4>Possible variants found in the corpus</h4><p>Proper-noun pairs spelled alike whose use splits by outlet, strongest split first; add real ones to a variants file with <code>--variants</code>.</p>`);
    const pairs = candidateChart(summary, corpus, { pairs: CANDIDATE_PANELS });
    if (pairs) parts.push(kit.chart('candidate-pairs', pairs, candidateChartCaption(summary.discovered, CANDIDATE_PANELS)));
    parts.push(html`<ol class="variant-candidates">${summary.discovered.slice(0, 10).map((c) => html`<li>${candidateSentence(c)}</li>`)}</ol>`);
  }
  return { id: 'variants', title: 'Naming variants', html: join(parts) };
}

const rowEvent = (r: VariantsSummary['eventOutlets'][number]) => r.event;

/**
 * An event page lists the sets at least two of its outlets used: one outlet's "war" or "global
 * warming" is no naming contrast, and on a 20k-article corpus such lines filled event pages. Its
 * examples are the event's own articles'.
 */
const EVENT_MIN_OUTLETS = 2;

export function variantsEventView(summary: VariantsSummary, event: string, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const rows = itemsOfEvent(summary.eventOutlets, corpus, event, rowEvent);
  if (!rows.some((r) => r.count > 0)) return undefined;
  const label = corpus.eventLabels.get(event) ?? event;
  const listed = new Set(eventOutlets(corpus, event, CAPS.eventOutlets, (o) => rows.some((r) => r.group === o && r.count > 0)));
  const items = setParagraphs(summary, rows, kit, listed, summary.eventExamples[event] ?? {}, EVENT_MIN_OUTLETS);
  if (!items.length) return undefined;
  return { id: 'variants', title: `Naming variants: ${label}`, html: html`<ul class="variant-sets">${items}</ul>` };
}
