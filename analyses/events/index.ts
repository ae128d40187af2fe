/**
 * The `events` analysis: groups stories across outlets into events (content similarity, shared
 * names, date proximity) and labels them. Registered first in analyses/index.ts: the pipeline
 * calls `assignEvents` to give every article without an `event` its group before any other
 * summary is broken down by event. Given event ids are kept; the summary reports how well the
 * content grouping agrees with them (B³).
 */
import type { Article } from '../../src/corpus/article.js';
import type { Analysis, AnalysisContext, CorpusIndex } from '../types.js';
import { docTerms } from '../similarity/features.js';
import type { DocTerms } from '../similarity/types.js';
import { groupEvents, type EventInput, type GroupingResult } from './compute.js';
import type { EventsOptions, EventsSummary } from './types.js';
import { eventsOverview } from './section.js';

export type { EventsOptions, EventsSummary, EventGroup, GroupingOptions } from './types.js';
export { GROUPING_DEFAULTS } from './types.js';
export type { EventInput, GroupingResult } from './compute.js';
export type { BCubed } from './bcubed.js';

/** B³ precision, recall and F1 of a clustering against gold groups. */
export { bcubed } from './bcubed.js';
/** Groups DocTerms-bearing inputs into events (the pure core; no text layer). */
export { groupEvents } from './compute.js';

function optionsOf(ctx: AnalysisContext): EventsOptions {
  return (ctx.options.events ?? {}) as EventsOptions;
}

/** Grouping inputs from the corpus index and the per-article terms. */
export function eventInputs(perDoc: ReadonlyMap<string, DocTerms>, corpus: CorpusIndex): EventInput[] {
  return corpus.docs
    .filter((d) => perDoc.has(d.id))
    .map((d) => ({
      id: d.id,
      terms: perDoc.get(d.id)!,
      outlet: d.outlet,
      title: d.title,
      date: d.date,
      event: d.eventGiven ? d.event : undefined,
    }));
}

export const events: Analysis<DocTerms, EventsSummary & { labels: Record<string, string> }> = {
  id: 'events',
  title: 'Events',
  version: '2',
  perDoc: (doc, ctx) => docTerms(doc, optionsOf(ctx)),
  summarize: (perDoc, corpus, ctx): GroupingResult => groupEvents(eventInputs(perDoc, corpus), optionsOf(ctx)),
  assignEvents: (summary) => ({
    events: new Map(Object.entries(summary.assignment)),
    labels: new Map(Object.entries(summary.labels)),
  }),
  overview: (summary, corpus, kit) => eventsOverview(summary, corpus, kit),
};

/** Groups articles into events with the full text layer (for notebooks and the CLI). */
export async function groupArticles(articles: readonly Article[], options: EventsOptions = {}): Promise<GroupingResult> {
  const { analyzeDoc } = await import('../../src/text/analyze.js');
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  const inputs: EventInput[] = articles.map((a) => ({
    id: a.id,
    terms: docTerms(analyzeDoc(a, { outlets }), options),
    outlet: a.outlet,
    title: a.title,
    date: a.date,
    event: a.event || undefined,
  }));
  return groupEvents(inputs, options);
}
