/**
 * The overview page (index.html): corpus summary, corpus charts, the events × outlets coverage
 * matrix, the searchable articles table, diagnostics, then one section per analysis in registry
 * order. Analysis sections arrive rendered; this file lays out the corpus part around them.
 */
import type { CorpusIndex, Section } from '../../analyses/types.js';
import type { Diagnostic } from '../corpus/diagnostics.js';
import { html, type Html } from './html.js';
import type { ReportKit, TableColumn } from './kit.js';
import type { CorpusChart } from './corpus-charts.js';
import { messages } from './messages.js';
import { cliNote } from './caps.js';
import { DEFAULT_MAX_ROWS } from './table.js';

export interface OverviewInput {
  title: string;
  index: CorpusIndex;
  charts: CorpusChart[];
  sections: Section[];
  diagnostics: Diagnostic[];
  /** Where an article's title links to: its view, its original page, or nowhere. */
  articleLink(docId: string): string | undefined;
  /** Article views and event pages left out by the size budget, and the budget. */
  omitted: { count: number; maxBytes: number; events?: number };
  /** Outlets given their own column in the coverage matrix. Default 15. */
  matrixOutlets?: number;
}

function dateRange(index: CorpusIndex): string {
  const dates = index.docs.map((d) => d.date?.slice(0, 10)).filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} – ${dates[dates.length - 1]}`) : '—';
}

function summary(input: OverviewInput, kit: ReportKit): Html {
  const { index } = input;
  const words = index.docs.reduce((sum, d) => sum + d.words, 0);
  const item = (label: string, value: string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<dl class="summary">
${item('Articles', kit.number(index.docs.length, 0))}${item('Outlets', kit.number(index.outlets.length, 0))}${item('Events', kit.number(index.events.length, 0))}${item('Dates', dateRange(index))}${item('Words', kit.number(words, 0))}
</dl>`;
}

function coverageMatrix(input: OverviewInput, kit: ReportKit): Html {
  const { index } = input;
  if (index.events.length === 0) {
    return html`<p class="muted">No events are known for this corpus: give articles an <code>event</code> field, or run the events analysis to group them.</p>`;
  }
  const columns = index.outlets.slice(0, input.matrixOutlets ?? 15);
  // Largest events first (index order), as many as a table keeps: a corpus without event ids has
  // thousands of one-article groups, and all of them made 1.1 MB of this page on 20k articles.
  const shown = index.events.slice(0, DEFAULT_MAX_ROWS);
  const rowOf = new Map(
    shown.map((event) => {
      const row: Record<string, string | number> = { event: index.eventLabels.get(event) ?? event, id: event, articles: 0, outlets: 0, other: 0 };
      columns.forEach((_, i) => (row[`o${i}`] = 0));
      return [event, row];
    }),
  );
  const outletsOf = new Map<string, Set<string>>();
  for (const d of index.docs) {
    const row = d.event === undefined ? undefined : rowOf.get(d.event);
    if (!row) continue;
    (row.articles as number)++;
    (outletsOf.get(d.event!) ?? outletsOf.set(d.event!, new Set()).get(d.event!)!).add(d.outlet);
    const col = columns.indexOf(d.outlet);
    if (col >= 0) (row[`o${col}`] as number)++;
    else (row.other as number)++;
  }
  const rows: Array<Record<string, string | number>> = shown.map((event) => ({ ...rowOf.get(event)!, outlets: outletsOf.get(event)?.size ?? 0 }));
  type Row = (typeof rows)[number];
  const table: TableColumn<Row>[] = [
    { key: 'event', label: 'Event', href: (r) => kit.eventHref(String(r.id)) },
    { key: 'articles', label: 'Articles', numeric: true, digits: 0 },
    { key: 'outlets', label: 'Outlets', numeric: true, digits: 0 },
    ...columns.map((outlet, i): TableColumn<Row> => ({ key: `o${i}`, label: outlet, numeric: true, digits: 0 })),
    ...(index.outlets.length > columns.length
      ? [{ key: 'other', label: `${index.outlets.length - columns.length} other outlets`, numeric: true, digits: 0 } as TableColumn<Row>]
      : []),
  ];
  const unpaged = input.omitted.events ? html`<p class="note">${messages.eventsWithoutPage(input.omitted.events)}</p>` : '';
  return html`<p>How many articles each outlet published on each event; an empty cell (0) is an outlet that did not cover it.</p>
${unpaged}${kit.table('coverage', table, rows, { search: ['event'], maxRows: Infinity, total: index.events.length, more: cliNote('events', '--summary') })}`;
}

function articlesTable(input: OverviewInput, kit: ReportKit): Html {
  const { index } = input;
  const rows = index.docs.map((d) => ({
    id: d.id,
    title: d.title || '(untitled)',
    outlet: d.outlet,
    date: d.date?.slice(0, 10) ?? '',
    event: d.event ? (index.eventLabels.get(d.event) ?? d.event) : '',
    eventId: d.event ?? '',
    words: d.words,
  }));
  type Row = (typeof rows)[number];
  const columns: TableColumn<Row>[] = [
    { key: 'title', label: 'Title', href: (r) => input.articleLink(r.id) },
    { key: 'outlet', label: 'Outlet' },
    { key: 'date', label: 'Date', nowrap: true },
    ...(index.events.length ? [{ key: 'event', label: 'Event', href: (r: Row) => (r.eventId ? kit.eventHref(r.eventId) : undefined) }] : []),
    { key: 'words', label: 'Words', numeric: true, digits: 0 },
  ];
  const omitted = input.omitted.count > 0 ? html`<p class="note">${messages.articlesOmitted(input.omitted.count, input.omitted.maxBytes)}</p>` : '';
  return html`${omitted}${kit.table('articles', columns, rows, {
    maxRows: Infinity, // the index of every article: search and filters need them all
    search: ['title', 'outlet'],
    filters: index.events.length ? ['outlet', 'event'] : ['outlet'],
  })}`;
}

function diagnosticsTable(diagnostics: Diagnostic[], kit: ReportKit): Html {
  const rows = diagnostics.map((d) => ({
    where: d.file ? `${d.file}${d.line !== undefined ? `:${d.line}` : d.record !== undefined ? `#${d.record}` : ''}` : '',
    severity: d.severity,
    reason: d.reason,
    rule: d.ruleId,
  }));
  return kit.table(
    'diagnostics',
    [
      { key: 'where', label: 'Where' },
      { key: 'severity', label: 'Severity' },
      { key: 'reason', label: 'Reason' },
      { key: 'rule', label: 'Rule' },
    ],
    rows,
    { filters: ['severity', 'rule'] },
  );
}

/** The overview page body. Charts are placed through `kit` so the page collects their specs. */
export function renderOverviewBody(input: OverviewInput, kit: ReportKit): Html {
  const { index } = input;
  const toc = [
    html`<li><a href="#corpus">Corpus</a></li>`,
    html`<li><a href="#events">Events</a></li>`,
    html`<li><a href="#articles">Articles</a></li>`,
    input.diagnostics.length ? html`<li><a href="#diagnostics">Diagnostics</a></li>` : html``,
    ...input.sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`),
  ];
  return html`<h1>${input.title}</h1>
<p>${messages.corpusSummary(index.docs.length, index.outlets.length, index.events.length)}</p>
<nav aria-label="Sections"><ul>${toc}</ul></nav>
<section id="corpus"><h2>Corpus</h2>
${summary(input, kit)}
<div class="charts">${input.charts.map((c) => kit.chart(c.name, c.spec, c.caption))}</div>
</section>
<section id="events"><h2>Events</h2>
${coverageMatrix(input, kit)}
</section>
<section id="articles"><h2>Articles</h2>
${articlesTable(input, kit)}
</section>
${input.diagnostics.length ? html`<section id="diagnostics"><h2>Diagnostics</h2>${diagnosticsTable(input.diagnostics, kit)}</section>` : ''}
${input.sections.map((s) => html`<section id="${s.id}" class="analysis"><h2>${s.title}</h2>${s.html}</section>`)}`;
}
