/**
 * Report sections of the terms analysis: the overview (what each outlet's repeated sentences left
 * out of its counts, distinctive-terms chart, per-outlet term
 * lists whose terms open to KWIC lines linked to the article view, the two-outlet scatter and a
 * sortable table) and the event view ("for this event, outlet A says X where B says Y").
 * Markup only through the `html` template and the ReportKit; corpus text is always escaped.
 */
import { html, join, type Html } from '../../src/report/html.js';
import type { ReportKit } from '../../src/report/kit.js';
import type { CorpusIndex, Section } from '../types.js';
import { distinctiveChart, scatterChart } from './charts.js';
import { distinctiveCaption, eventContrast, overviewIntro, repeatedExample, repeatedIntro, scatterCaption } from './messages.js';
import type { TermsGroupSummary, TermsSummary } from './summarize.js';
import type { KeyTerm, KwicRow } from './types.js';
import { CAPS, cliNote } from '../../src/report/caps.js';
import { plural } from '../../src/plural.js';

/** Repeated sentences quoted (with a link to an article holding each) under the intro. */
const REPEATED_QUOTED = 3;
/** Characters of a quoted repeated sentence. */
const QUOTE_CHARS = 80;

/**
 * One sentence on what the repeated-sentence rule left out, quoting the most widespread line of
 * the outlets with the most left out, each linked to the first article holding it.
 */
function repeatedNote(summary: TermsSummary, kit: ReportKit): Html {
  const { repeated } = summary;
  if (!repeated.length) return html``;
  const quoted = [...repeated]
    .sort((a, b) => b.sentences - a.sentences)
    .slice(0, REPEATED_QUOTED)
    .flatMap((o) => {
      const line = o.top[0];
      const span = line?.examples[0];
      if (!span) return [];
      const text = line.text.length > QUOTE_CHARS ? `${line.text.slice(0, QUOTE_CHARS - 1)}…` : line.text;
      return [html`<a href="${kit.articleHref(span.doc, { start: span.start, end: span.end })}">“${text}”</a> ${repeatedExample(o.outlet, line.docs)}`];
    });
  return html`<p class="muted">${repeatedIntro(repeated)}${quoted.length ? html`, for example ${quoted.map((q, i) => html`${i ? (i === quoted.length - 1 ? ' and ' : ', ') : ''}${q}`)}` : ''}.</p>`;
}

/** Outlets listed with their terms on the overview (the table keeps all). */
const LISTED_OUTLETS = 12;
/** KWIC lines under one term: on the overview and on an event page (`framelens kwic` lists every one). */
const KWIC_LINES = { overview: 5, event: 2 };

function kwicList(all: KwicRow[] | undefined, kit: ReportKit, max: number): Html {
  if (!all?.length) return html``;
  const lines = all.slice(0, max);
  return html`<ol class="kwic">${lines.map(
    (l) => html`<li><a href="${kit.articleHref(l.doc, { start: l.start, end: l.end })}"><span class="kwic-left">${l.left}</span> <mark>${l.match}</mark> <span class="kwic-right">${l.right}</span></a></li>`,
  )}</ol>${all.length > max ? html`<p class="muted">${all.length - max} more: <code>framelens kwic</code> lists every use.</p>` : ''}`;
}

function termItem(t: KeyTerm, group: TermsGroupSummary, kit: ReportKit, kwicLines: number): Html {
  const label = html`<strong>${t.term}</strong> <small>${kit.number(t.count)} vs ${kit.number(t.otherCount)}, z ${kit.number(t.z, 1)}</small>`;
  const lines = group.examples[t.term];
  return lines?.length ? html`<li><details><summary>${label}</summary>${kwicList(lines, kit, kwicLines)}</details></li>` : html`<li>${label}</li>`;
}

function groupTerms(group: TermsGroupSummary, kit: ReportKit, count: number, kwicLines: number): Html {
  const terms = group.top.slice(0, count);
  if (!terms.length) return html`<p class="muted">No term stands out.</p>`;
  return html`<ul class="terms-list">${terms.map((t) => termItem(t, group, kit, kwicLines))}</ul>`;
}

export function termsOverview(summary: TermsSummary, corpus: CorpusIndex, kit: ReportKit): Section {
  const parts: Html[] = [html`<p>${overviewIntro(summary)}</p>`, repeatedNote(summary, kit)];
  parts.push(kit.chart('distinctive', distinctiveChart(summary, corpus), distinctiveCaption(summary)));
  parts.push(
    join(
      summary.outlets
        .slice(0, LISTED_OUTLETS)
        .map((o) => html`<div class="terms-outlet"><h4>${kit.outlet(o.group)} <small>${plural(o.docs, 'article')}, ${plural(o.tokens, 'token')}</small></h4>${groupTerms(o, kit, 10, KWIC_LINES.overview)}</div>`),
    ),
  );
  const scatter = scatterChart(summary);
  if (scatter && summary.scatter) parts.push(kit.chart('scatter', scatter, scatterCaption(summary.scatter)));
  const rows = summary.outlets.flatMap((o) =>
    o.top.slice(0, 10).map((t, rank) => ({ outlet: o.group, rank: rank + 1, term: t.term, count: t.count, otherCount: t.otherCount, rate: t.rate, z: t.z, g2: t.g2, logRatio: t.logRatio })),
  );
  parts.push(
    kit.table(
      'terms-keyness',
      [
        { key: 'outlet', label: 'Outlet', cell: (r) => kit.outlet(r.outlet) },
        { key: 'rank', label: 'Rank', numeric: true },
        { key: 'term', label: 'Term' },
        { key: 'count', label: 'Uses', numeric: true },
        { key: 'otherCount', label: 'Uses elsewhere', numeric: true },
        { key: 'rate', label: 'Per 10k tokens', numeric: true, cell: (r) => kit.number(r.rate, 2) },
        { key: 'z', label: 'z', numeric: true, cell: (r) => kit.number(r.z, 2) },
        { key: 'g2', label: 'G²', numeric: true, cell: (r) => kit.number(r.g2, 1) },
        { key: 'logRatio', label: 'Log ratio', numeric: true, cell: (r) => kit.number(r.logRatio, 2) },
      ],
      rows,
      { caption: 'Top ten distinctive terms of every outlet against all the others.', more: cliNote('keyness') },
    ),
  );
  return { id: 'terms', title: 'Word choice', html: join(parts) };
}

export function termsEventView(summary: TermsSummary, event: string, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const found = summary.events.find((e) => e.event === event);
  if (!found) return undefined;
  const label = corpus.eventLabels.get(event) ?? event;
  // The outlets with the most articles on the event, in corpus order among equals.
  const rank = new Map(corpus.outlets.map((o, i) => [o, i]));
  const largest = [...found.outlets].sort((a, b) => b.docs - a.docs || (rank.get(a.group) ?? 0) - (rank.get(b.group) ?? 0)).slice(0, CAPS.eventOutlets);
  const parts: Html[] = [html`<p>${eventContrast({ ...found, outlets: found.outlets.length > 1 ? largest : found.outlets }, 'this event')}</p>`];
  if (found.top.length) {
    parts.push(html`<p>Words that set this event apart from the others: ${found.top.slice(0, 8).map((t, i) => html`${i ? ', ' : ''}“${t.term}” (${kit.number(t.count)})`)}.</p>`);
  }
  const withTerms = found.outlets.filter((o) => o.top.length);
  const listed = largest.filter((o) => o.top.length);
  parts.push(
    join(listed.map((o) => html`<div class="terms-outlet"><h4>${kit.outlet(o.group)} <small>${plural(o.docs, 'article')}</small></h4>${groupTerms(o, kit, 5, KWIC_LINES.event)}</div>`)),
  );
  if (withTerms.length > listed.length) {
    parts.push(html`<p class="muted">${withTerms.length - listed.length} more outlets with distinctive terms on this event; <code>framelens keyness</code> lists them.</p>`);
  }
  return { id: 'terms', title: `Word choice: ${label}`, html: join(parts) };
}
