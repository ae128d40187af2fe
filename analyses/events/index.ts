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
import { perDocReads } from '../per-doc-options.js';
import { packDocTerms, type PackedDocTerms } from '../similarity/doc-terms-codec.js';
import { corpusSimilarity } from '../similarity/compute.js';
import { groupEvents, groupSimilar, type EventInput, type EventMeta, type GroupingResult } from './compute.js';
import type { EventsOptions, EventsSummary } from './types.js';
import { eventsEventView, eventsOverview } from './section.js';

export type { EventsOptions, EventsSummary, EventGroup, EventLink, GroupingOptions } from './types.js';
export { DAY_LEVEL_EVENTS, GROUPING_DEFAULTS } from './types.js';
export type { EventInput, EventMeta, GroupingResult } from './compute.js';
export type { BCubed } from './bcubed.js';

/** B³ precision, recall and F1 of a clustering against gold groups. */
export { bcubed } from './bcubed.js';
/** Groups DocTerms-bearing inputs into events (the pure core; no text layer). */
export { groupEvents } from './compute.js';

function optionsOf(ctx: AnalysisContext): EventsOptions {
  return (ctx.options.events ?? {}) as EventsOptions;
}

/** Grouping inputs (without terms) of the articles of `ids`, from the corpus index. */
function eventMeta(ids: readonly string[], corpus: CorpusIndex): EventMeta[] {
  return ids.map((id) => {
    const d = corpus.byId.get(id)!;
    return { id, outlet: d.outlet, title: d.title, date: d.date, event: d.eventGiven ? d.event : undefined };
  });
}

/**
 * The events summary: vectors and candidate pairs come from corpusSimilarity, so the similarity
 * summary of the same per-article map reuses them instead of building them again.
 */
function summarizeEvents(perDoc: ReadonlyMap<string, PackedDocTerms>, corpus: CorpusIndex, ctx: AnalysisContext): GroupingResult {
  const options = optionsOf(ctx);
  const c = corpusSimilarity(perDoc, corpus, options);
  return groupSimilar(c, eventMeta(c.ids, corpus), options);
}

export const events: Analysis<PackedDocTerms, EventsSummary & { labels: Record<string, string> }> = {
  id: 'events',
  title: 'Event grouping',
  // 3: credit lines and lists (src/text/non-prose.ts) are not counted; 4: nor photo credits;
  // 5: nor page furniture; 6: nor photo gallery captions; 7: more furniture, staff credits;
  // 8: packed into arrays (similarity/doc-terms-codec.ts); 9: nor bylines, sign-offs, share lines, highlights boxes
  version: '9',
  // 2: groups with no common day merge only on a link ≥ dateBridgeThreshold (cluster.ts)
  // 3: date affinity over dated member pairs only (undated articles no longer bridge dates)
  // 4: an outlet's house-style terms damped in its own articles (similarity/vectors.ts houseStyle)
  // 5: links (each article's closest fellow member and the shared terms); names first seen in capitals shown as written elsewhere
  summaryVersion: '5',
  perDoc: (doc, ctx) => packDocTerms(docTerms(doc, optionsOf(ctx))),
  perDocOptions: perDocReads('maxTerms', 'title', 'bigrams'), // the feature options docTerms reads
  summarize: summarizeEvents,
  assignEvents: (summary) => ({
    events: new Map(Object.entries(summary.assignment)),
    labels: new Map(Object.entries(summary.labels)),
  }),
  overview: (summary, corpus, kit) => eventsOverview(summary, corpus, kit),
  eventView: (summary, event, corpus, kit) => eventsEventView(summary, event, corpus, kit),
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
