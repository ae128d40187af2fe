/**
 * Report section of the `events` analysis: the list of events (label, size, outlets, dates),
 * with how the grouping was made and, when the corpus gave event ids, how well content grouping
 * agrees with them. (The event × outlet coverage matrix is drawn by the report pages.)
 */
import { html } from '../../src/report/html.js';
import type { ReportKit } from '../../src/report/kit.js';
import type { CorpusIndex, Section } from '../types.js';
import type { EventsSummary } from './types.js';
import { formatCount, plural } from '../../src/plural.js';
import { cliNote } from '../../src/report/caps.js';

function agreementSentence(summary: EventsSummary, kit: ReportKit): string {
  const a = summary.agreement;
  if (!a) return 'No article came with an event id, so every event below was found by grouping similar stories.';
  return (
    `${plural(a.items, 'article')} came with event ids; grouping them by content alone agrees with those ids at ` +
    `B³ precision ${kit.number(a.precision, 2)}, recall ${kit.number(a.recall, 2)} (F1 ${kit.number(a.f1, 2)}).`
  );
}

/** "2025-06-09 – 2025-06-10" by day: an article's date may carry a time ("2025-06-10T05:30:00Z"). */
export function dateRange(first: string | undefined, last: string | undefined): string {
  const [a, b] = [first?.slice(0, 10), last?.slice(0, 10)];
  if (!a) return '';
  return !b || a === b ? a : `${a} – ${b}`;
}

/** Overview section: events table. */
export function eventsOverview(summary: EventsSummary, corpus: CorpusIndex, kit: ReportKit): Section {
  const grouped = summary.events.filter((e) => !e.given).length;
  const rows = summary.events.map((e) => ({
    id: e.id,
    label: e.label,
    size: e.size,
    outlets: e.outlets.length,
    dates: dateRange(e.firstDate, e.lastDate),
    terms: e.terms.join(', '),
    source: e.given ? 'given' : 'grouped',
  }));
  const table = kit.table(
    'events-list',
    [
      { key: 'label', label: 'Event', cell: (r) => html`<a href="${kit.eventHref(r.id)}">${r.label}</a>` },
      { key: 'size', label: 'Articles', numeric: true },
      { key: 'outlets', label: 'Outlets', numeric: true },
      { key: 'dates', label: 'Dates' },
      { key: 'terms', label: 'Distinctive terms' },
      { key: 'source', label: 'Event id' },
    ],
    rows,
    // The largest events first (a table keeps 1,000 rows): the CLI lists them all.
    { caption: `${plural(summary.events.length, 'event')} over ${plural(corpus.docs.length, 'article')}; ${formatCount(grouped)} of them found by grouping.`, more: cliNote('events', '--summary') },
  );
  return {
    id: 'events',
    title: 'Event grouping',
    html: html`<p>${agreementSentence(summary, kit)}</p>${table}`,
  };
}
