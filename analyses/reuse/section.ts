/**
 * Report parts of the `reuse` analysis: the list of reused passages, each side linked to its
 * span in the article view (where it is highlighted as `reuse:passage`), overall and per event.
 */
import { html } from '../../src/report/html.js';
import type { ReportKit } from '../../src/report/kit.js';
import type { CorpusIndex, Section } from '../types.js';
import type { ReusedPassage, ReuseSummary } from './types.js';
import { CAPS, cliNote } from '../../src/report/caps.js';
import { itemsOfEvent } from '../../src/report/items-of-event.js';
import { plural } from '../../src/plural.js';

/** The first `max` passages (the summary lists the longest first); the note counts the rest. */
function passageTable(id: string, all: ReusedPassage[], corpus: CorpusIndex, kit: ReportKit, caption: string, max: number) {
  const passages = all.slice(0, max);
  const side = (doc: string, span: { start: number; end: number }) => {
    const meta = corpus.byId.get(doc);
    return html`${kit.outlet(meta?.outlet ?? '')} <a href="${kit.articleHref(doc, span)}">${meta?.title || doc}</a>`;
  };
  const rows = passages.map((p, i) => ({
    n: i,
    a: p.a,
    b: p.b,
    aOutlet: corpus.byId.get(p.a)?.outlet ?? '',
    bOutlet: corpus.byId.get(p.b)?.outlet ?? '',
    sentences: p.sentences,
    identical: p.identical,
    chars: p.aSpan.end - p.aSpan.start,
    jaccard: p.jaccard,
    earlier: p.earlier ? (corpus.byId.get(p.earlier)?.outlet ?? p.earlier) : 'unknown',
  }));
  return kit.table(
    id,
    [
      { key: 'aOutlet', label: 'One side', cell: (r) => side(r.a, passages[r.n].aSpan) },
      { key: 'bOutlet', label: 'Other side', cell: (r) => side(r.b, passages[r.n].bSpan) },
      { key: 'sentences', label: 'Sentences', numeric: true },
      { key: 'identical', label: 'Identical', numeric: true },
      { key: 'chars', label: 'Characters', numeric: true },
      { key: 'jaccard', label: 'Article Jaccard', numeric: true },
      { key: 'earlier', label: 'Published first' },
    ],
    rows,
    { caption, total: all.length, more: cliNote('reuse') },
  );
}

function describe(passages: ReusedPassage[], summary: ReuseSummary, corpus: CorpusIndex): string {
  if (!passages.length) return 'No passage of two or more sentences appears in articles of two different outlets.';
  const outletPairs = new Set(
    passages.map((p) => [corpus.byId.get(p.a)?.outlet, corpus.byId.get(p.b)?.outlet].sort().join(' / ')),
  );
  const dups = summary.pairs.filter((p) => p.nearDuplicate).length;
  return (
    `${plural(passages.length, 'reused passage')} between ${plural(outletPairs.size, 'outlet pair')}` +
    `; the longest runs ${plural(passages[0].sentences, 'sentence')}. ${plural(dups, 'article pair')} ${dups === 1 ? 'is a near-duplicate' : 'are near-duplicates'}.`
  );
}

/** Overview: the reused passages, longest first (capped). */
export function reuseOverview(summary: ReuseSummary, corpus: CorpusIndex, kit: ReportKit): Section {
  const text = describe(summary.passages, summary, corpus);
  return {
    id: 'reuse',
    title: 'Copied text',
    html: html`<p>${text}</p>${summary.passages.length ? passageTable('reuse-passages', summary.passages, corpus, kit, text, CAPS.overviewRows) : ''}`,
  };
}

/** The event both articles of a passage or pair belong to, if they share one. */
const sharedEvent = (p: { a: string; b: string }, corpus: CorpusIndex) => {
  const event = corpus.byId.get(p.a)?.event;
  return event !== undefined && corpus.byId.get(p.b)?.event === event ? event : undefined;
};

/** Event page: passages whose two articles both belong to the event. */
export function reuseEventView(summary: ReuseSummary, event: string, corpus: CorpusIndex, kit: ReportKit): Section | undefined {
  const passages = itemsOfEvent(summary.passages, corpus, event, sharedEvent);
  if (!passages.length) return undefined;
  const text = describe(passages, { passages, pairs: itemsOfEvent(summary.pairs, corpus, event, sharedEvent) }, corpus);
  return { id: 'reuse', title: 'Copied text', html: html`<p>${text}</p>${passageTable('reuse-passages', passages, corpus, kit, text, CAPS.eventRows)}` };
}
