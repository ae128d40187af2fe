/**
 * Every user-facing sentence of the report in one place: chart captions are generated from the
 * numbers here, so a reader can check the sentence against the chart above it.
 */

import { plural } from '../plural.js';

const nf = new Intl.NumberFormat('en-US');

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '0%';
}

export const messages = {
  outletChartCaption(counts: Array<{ outlet: string; count: number }>, total: number, hidden: number): string {
    if (counts.length === 0) return 'The corpus has no articles.';
    const top = counts[0];
    const last = counts[counts.length - 1];
    if (counts.length === 1) return `All ${plural(total, 'article')} come from ${top.outlet}.`;
    const more = hidden > 0 ? ` The ${plural(hidden, 'smallest outlet')} are grouped as "other".` : '';
    return (
      `${top.outlet} contributes the most articles (${nf.format(top.count)} of ${nf.format(total)}, ${percent(top.count, total)}); ` +
      `${last.outlet} the fewest shown (${nf.format(last.count)}).${more}`
    );
  },
  dateChartCaption(dated: number, total: number, first: string, last: string, peak: { key: string; count: number }, unit: 'day' | 'month'): string {
    if (dated === 0) return 'No article has a date, so there is no timeline.';
    const undated = total - dated;
    const missing = undated > 0 ? ` ${plural(undated, 'article')} without a date ${undated === 1 ? 'is' : 'are'} left out.` : '';
    return (
      `${plural(dated, 'dated article')} from ${first} to ${last}; the busiest ${unit} is ${peak.key} with ${plural(peak.count, 'article')}.` + missing
    );
  },
  eventChartCaption(rows: Array<{ label: string; count: number; outlets: number }>, totalEvents: number, outlets: number): string {
    if (rows.length === 0) return 'No events are known for this corpus.';
    const top = rows[0];
    const shared = rows.filter((r) => r.outlets === outlets).length;
    const shown = rows.length < totalEvents ? ` (the ${rows.length} largest of ${nf.format(totalEvents)} shown)` : '';
    // With hundreds of outlets no event has them all: say how wide the widest coverage is instead.
    const widest = Math.max(...rows.map((r) => r.outlets));
    const coverage =
      shared > 0
        ? `${plural(shared, 'event')} ${shared === 1 ? 'is' : 'are'} covered by every outlet`
        : `no event${shown ? ' shown' : ''} is covered by all ${plural(outlets, 'outlet')}, the widest by ${nf.format(widest)}`;
    return `"${top.label}" is the most covered event with ${plural(top.count, 'article')} from ${plural(top.outlets, 'outlet')}; ${coverage}${shown}.`;
  },
  corpusSummary(articles: number, outlets: number, events: number): string {
    return `${plural(articles, 'article')} from ${plural(outlets, 'outlet')}${events > 0 ? ` on ${plural(events, 'event')}` : ''}.`;
  },
  articlesOmitted(omitted: number, maxBytes: number): string {
    return (
      `${plural(omitted, 'article view')} ${omitted === 1 ? 'was' : 'were'} left out to keep the report under ` +
      `${Math.round(maxBytes / 1e6)} MB; their titles link to the original page when it has a URL.`
    );
  },
  eventCoverage(articles: number, outlets: number, first?: string, last?: string): string {
    const dates = first ? (first === last ? `, on ${first}` : `, from ${first} to ${last}`) : '';
    return `${plural(articles, 'article')} from ${plural(outlets, 'outlet')}${dates}.`;
  },
  notCoveredBy(outlets: string[]): string {
    return `Not covered by: ${outlets.join(', ')}.`;
  },
  moreOutlets(count: number): string {
    return `and ${plural(count, 'more outlet')}; the articles table on the overview lists their articles (filter by event).`;
  },
  moreArticles(count: number): string {
    return `and ${plural(count, 'more article')}`;
  },
  sectionFailed(analysis: string, error: unknown): string {
    return `The ${analysis} section could not be rendered: ${error instanceof Error ? error.message : String(error)}`;
  },
  invalidHighlight(analysis: string, doc: string, start: number, end: number): string {
    return `Analysis ${analysis} returned a highlight [${start}, ${end}) outside the text of article ${doc}; it is not shown.`;
  },
  overBudget(cited: number, kept: number, bytes: number, maxBytes: number): string {
    return (
      `The ${plural(cited, 'article')} cited as evidence would need about ${(bytes / 1e6).toFixed(1)} MB with the overview and event pages, ` +
      `over the ${(maxBytes / 1e6).toFixed(1)} MB budget: ${plural(kept, 'article view')} ${kept === 1 ? 'is' : 'are'} kept (most cited first); ` +
      `links to the others go to their original page.`
    );
  },
  rowsOmitted(omitted: number, total: number, more?: string): string {
    const shown = total - omitted;
    const where = more ? `. ${more}` : `; the other ${nf.format(omitted)} were left out to keep the report within its size budget.`;
    return `${nf.format(shown)} of ${nf.format(total)} rows ${shown === 1 ? 'is' : 'are'} in this table and its CSV download${where}`;
  },
  eventsOverBudget(events: number, paged: number, maxBytes: number): string {
    const kept = paged === 0 ? 'no event has its own page; they are' : `the ${plural(paged, 'largest event')} ${paged === 1 ? 'has its' : 'have their'} own page; the others are`;
    return `Pages for all ${plural(events, 'event')} would not fit the ${(maxBytes / 1e6).toFixed(1)} MB budget: ${kept} listed in the events table and their articles in the articles table.`;
  },
  overFloor(bytes: number, maxBytes: number): string {
    return (
      `The report is ${(bytes / 1e6).toFixed(2)} MB, over the ${(maxBytes / 1e6).toFixed(1)} MB budget: the overview, its charts and the shared ` +
      `scripts are always written (event pages and article views were left out first).`
    );
  },
  eventsWithoutPage(count: number): string {
    return `${plural(count, 'smaller event')} ${count === 1 ? 'has' : 'have'} no page of ${count === 1 ? 'its' : 'their'} own, to keep the report within its size budget; their rows link here.`;
  },
  citedBy(analyses: string[]): string {
    return `linked as evidence from the ${analyses.join(', ')} ${analyses.length === 1 ? 'section' : 'sections'}`;
  },
  notAReport(dir: string): string {
    return `${dir} exists and is not a framelens report; choose another output folder.`;
  },
};
