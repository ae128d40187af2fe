/**
 * The attribution analysis: who is quoted, how (direct, indirect, mixed, according-to), with
 * which verb and stance, and whose voice each outlet carries. Registered in analyses/index.ts;
 * public API of `framelens/analyses/attribution`.
 *
 *   AnalyzedDoc ─perDoc (extract.ts)─▶ AttributionDoc ─summarize─▶ AttributionSummary ─▶ charts, report, highlights
 */
import type { Analysis, AnalysisContext, Highlight } from '../types.js';
import { kindChart, sourceTypeChart } from './charts.js';
import { extractAttributions } from './extract.js';
import { attributionEventView, attributionOverview } from './report.js';
import { summarizeAttributions } from './summarize.js';
import type { AttributionDoc, AttributionOptions, AttributionSummary } from './types.js';
import { perDocReads } from '../per-doc-options.js';

const optionsOf = (ctx: AnalysisContext) => (ctx.options.attribution ?? {}) as AttributionOptions;

/** Highlights of one article: `attribution:source`, `attribution:cue`, `attribution:content`. */
export function attributionHighlights(doc: AttributionDoc): Highlight[] {
  const out: Highlight[] = [];
  const seen = new Set<string>();
  const push = (h: Highlight) => {
    const key = `${h.kind}:${h.start}:${h.end}`;
    if (!seen.has(key)) (seen.add(key), out.push(h));
  };
  for (const a of doc.attributions) {
    const who = a.resolved ?? a.source?.text ?? 'no source';
    if (a.source) push({ start: a.source.start, end: a.source.end, kind: 'attribution:source', label: `source (${a.sourceType})`, reason: a.chain.length > 1 ? `resolved: ${a.chain.map((s) => s.text).join(' → ')}` : `${a.sourceType} source: ${who}` });
    push({ start: a.cue.start, end: a.cue.end, kind: 'attribution:cue', label: `cue: ${a.verb} (${a.stance})`, reason: a.reason });
    if (a.content) push({ start: a.content.start, end: a.content.end, kind: 'attribution:content', label: `${a.kind} content`, reason: `attributed to ${who} by "${a.cue.text}"` });
  }
  return out;
}

export const attribution: Analysis<AttributionDoc, AttributionSummary> = {
  id: 'attribution',
  title: 'Attribution',
  // 2: attribution check model, source rules, sources cut at scraped name seams
  // 3: cue model with the word-pair templates, trained five epochs (cached results are stale)
  // 4: sources step over relative clauses, keep hyphen-glued words whole, are never a time expression
  //    alone, follow the cue after a '' quote
  // 5: a cue no longer runs from a relative clause's verb into the main verb ("who answered the
  //    phone said"); text layer 5 mentions (places, no demonyms) change source types
  // 6: phrases of anonymity ("who declined to be named", "said on condition of anonymity") are
  //    neither cues nor content (anonymity.ts)
  version: '6',
  // 2: per-event profiles for the DETAILED_EVENTS largest events, unless allEvents;
  // 3: a surname one full name owns corpus-wide counts as that person (surname-merge.ts);
  // 4: and a person's forms of a full name count as one ("Donald J. Trump", "Donald Trump");
  // 5: a name's source type is the one most of its attributions have (summarize.ts settleTypes)
  summaryVersion: '5',
  perDoc: (doc, ctx) => ({
    attributions: extractAttributions(doc, { lexiconFiles: ctx.lexiconFiles, outlets: ctx.outlets, threshold: optionsOf(ctx).threshold }),
  }),
  perDocOptions: perDocReads('threshold'),
  summarize: (perDoc, corpus, ctx) => summarizeAttributions(perDoc, corpus, optionsOf(ctx)),
  charts(summary, corpus) {
    const charts: Record<string, object> = {};
    const types = sourceTypeChart(summary, corpus);
    if (types) charts['source-types'] = types;
    const kinds = kindChart(summary, corpus);
    if (kinds) charts.kinds = kinds;
    return charts;
  },
  overview: attributionOverview,
  eventView: attributionEventView,
  highlightKinds: () => ['attribution:source', 'attribution:cue', 'attribution:content'],
  highlights: attributionHighlights,
};

export { extractAttributions, type ExtractOptions } from './extract.js';
export { summarizeAttributions, profileOf, sourceName } from './summarize.js';
export { sourceTypeChart, kindChart } from './charts.js';
export { loadCueModel, type CueModel } from './cue-model.js';
export { loadStances, stanceOf } from './stance.js';
export type * from './types.js';
