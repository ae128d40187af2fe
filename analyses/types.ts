/**
 * The analysis contract. An analysis is one module in `analyses/` registered in `analyses/index.ts`.
 *
 *   AnalyzedDoc ──perDoc──▶ D (compact, plain JSON, independent per article: cacheable, parallel)
 *   Map<doc, D> + CorpusIndex ──summarize──▶ S (plain JSON; per outlet / per event aggregates)
 *   S ──charts / overview / eventView──▶ Vega-Lite specs and report HTML
 *   D ──highlights──▶ spans for the article view
 *
 * perDoc must be a pure function of the document and the context; summarize must not re-read
 * article text (it sees only what perDoc kept), so summaries can be merged across machines.
 */
import type { AnalyzedDoc } from '../src/text/types.js';
import type { Html, ReportKit } from '../src/report/kit.js';

/** What every analysis may know about an article without its text. */
export interface DocMeta {
  id: string;
  outlet: string;
  title: string;
  date?: string;
  url?: string;
  /** Event id: given by the input, else assigned by the `events` analysis. */
  event?: string;
  /** True when `event` came from the input rather than from grouping. */
  eventGiven?: boolean;
  /** Word tokens (denominator of rates). */
  words: number;
}

export interface CorpusIndex {
  docs: DocMeta[];
  byId: Map<string, DocMeta>;
  /** Outlets in a stable order (most articles first, then by name): colours and columns follow it. */
  outlets: string[];
  /** Event ids in a stable order (most articles first, then by id). */
  events: string[];
  /** Human label per event id (from the events analysis; falls back to the id). */
  eventLabels: Map<string, string>;
}

/**
 * Events (the largest, `CorpusIndex.events` order) for which summaries keep per-event detail:
 * keyness within the event, examples, rates per outlet. A corpus without event ids has thousands
 * of one-article groups (10,720 on 20k ABP articles), whose detail made the terms and loaded
 * summaries 150 MB each and the attribution summary 61 MB; a report shows a few dozen event pages
 * and lists 1,000 events.
 */
export const DETAILED_EVENTS = 1000;

/** The events of `corpus` summaries keep detail for (see DETAILED_EVENTS). */
export function detailedEvents(corpus: Pick<CorpusIndex, 'events'>): Set<string> {
  return new Set(corpus.events.slice(0, DETAILED_EVENTS));
}

/** Options and shared resources an analysis sees. */
export interface AnalysisContext {
  /** Extra lexicon files given with `--lexicon` (they add to or override shipped entries). */
  lexiconFiles: string[];
  /** Per-analysis options, keyed by analysis id (e.g. `{terms: {ngram: 2}}`). */
  options: Record<string, Record<string, unknown> | undefined>;
  /** Canonical outlet names of the corpus (so mentions of them are typed as media). */
  outlets: string[];
}

/** A span to highlight in the article view, with the reason shown in the findings panel. */
export interface Highlight {
  start: number;
  end: number;
  /** Highlight kind; one legend entry and one toggle per kind (e.g. `loaded:label`, `attribution:cue`). */
  kind: string;
  /** Short label ("delegitimizing label"). */
  label: string;
  /** Why it was flagged ("lexicon 'labels': junta — used to deny legitimacy"). */
  reason: string;
}

/** A block of report HTML with the charts it references. */
export interface Section {
  id: string;
  title: string;
  html: Html;
}

export interface Analysis<D = unknown, S = unknown> {
  /** Registry key and CLI/JSON name. */
  id: string;
  /** Human title for report headings. */
  title: string;
  /** Bump when perDoc output changes: the per-article cache is keyed by content hash + version. */
  version: string;
  /**
   * Bump when summarize's output changes for the same per-article results (default none): cached
   * summaries (src/pipeline/summary-cache.ts) are keyed by it and by `version`.
   */
  summaryVersion?: string;
  perDoc(doc: AnalyzedDoc, ctx: AnalysisContext): D;
  /**
   * The part of this analysis's options (`ctx.options[id]`) that `perDoc` reads, or undefined
   * for none. The per-article cache is keyed by it alone, so a run that changes only what the
   * summary reads (a grouping threshold) reuses the cached results. Default: all of them.
   */
  perDocOptions?(options: unknown): unknown;
  summarize(perDoc: ReadonlyMap<string, D>, corpus: CorpusIndex, ctx: AnalysisContext): S;
  /**
   * True when `summarize` reads no event ids (neither `corpus.events`, `eventLabels` nor
   * `docs[].event`): the parallel pipeline then summarises it on a worker thread while the
   * events are being grouped, instead of after. Default false.
   */
  independentOfEvents?: boolean;
  /** Event ids per doc, for analyses that group stories (only `events`). */
  assignEvents?(summary: S, corpus: CorpusIndex): { events: Map<string, string>; labels: Map<string, string> };
  /** Named Vega-Lite specs for the overview (also written to `charts/<id>-<name>.vl.json` and `.svg`). */
  charts?(summary: S, corpus: CorpusIndex): Record<string, object>;
  /** The overview-page section. Call `kit.chart(...)` to place charts from `charts()`. */
  overview?(summary: S, corpus: CorpusIndex, kit: ReportKit): Section | undefined;
  /** The analysis's part of one event page. */
  eventView?(summary: S, event: string, corpus: CorpusIndex, kit: ReportKit): Section | undefined;
  /**
   * Every highlight kind `highlights` may return on this corpus (more is fine, none missing), so
   * the report can colour kinds without reading every article's findings first. Optional: without
   * it the report reads them all.
   */
  highlightKinds?(summary: S): string[];
  /** Spans to highlight in one article's view; `summary` lets cross-article findings (reuse) mark their side. */
  highlights?(doc: D, meta: DocMeta, summary: S): Highlight[];
}

/** Erases the type parameters for the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAnalysis = Analysis<any, any>;
