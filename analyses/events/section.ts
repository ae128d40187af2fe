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
import { CAPS, cliNote } from '../../src/report/caps.js';

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

/**
 * Event page: what ties the event's articles together by content (EventLink) — each article's
 * most similar fellow member and the words that weigh most in that cosine, weakest ties first,
 * since those are the memberships worth checking.
 */
export function eventsEventView(summary: EventsSummary, event: string, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const members = corpus.docs.filter((d) => d.event === event);
  if (members.length < 2) return undefined;
  const rows = members.flatMap((d) => {
    const link = summary.links[d.id];
    const other = link && corpus.byId.get(link.doc);
    // A link into another event (the corpus gave this one's ids) is no evidence for this one.
    if (!link || other?.event !== event) return [];
    return [{ doc: d.id, outlet: d.outlet, title: d.title, other: other.id, otherOutlet: other.outlet, otherTitle: other.title, score: link.score, shared: link.shared.join(', ') }];
  });
  if (!rows.length) return undefined;
  rows.sort((a, b) => a.score - b.score || (a.doc < b.doc ? -1 : 1));
  const unlinked = members.length - rows.length;
  const weakest = rows[0];
  const text =
    `Each article's most similar article in this event (TF-IDF cosine) and the words that weigh most in that similarity, weakest ties first. ` +
    `The weakest is ${kit.number(weakest.score, 2)}, the strongest ${kit.number(rows[rows.length - 1].score, 2)}.` +
    (unlinked ? ` ${plural(unlinked, 'article')} ${unlinked === 1 ? 'has' : 'have'} no close match here: ${unlinked === 1 ? 'it' : 'they'} joined through the group as a whole or by the event id the corpus gave.` : '');
  const article = (id: string, outlet: string, title: string) => html`${kit.outlet(outlet)}: <a href="${kit.articleHref(id)}">${title || '(untitled)'}</a>`;
  const table = kit.table(
    'event-links',
    [
      { key: 'title', label: 'Article', cell: (r) => article(r.doc, r.outlet, r.title) },
      { key: 'otherTitle', label: 'Closest in this event', cell: (r) => article(r.other, r.otherOutlet, r.otherTitle) },
      { key: 'score', label: 'Cosine', numeric: true },
      { key: 'shared', label: 'Shared terms' },
    ],
    rows,
    { maxRows: CAPS.eventRows, more: cliNote('events') },
  );
  return { id: 'events', title: 'What ties these articles together', html: html`<p>${text}</p>${table}` };
}
