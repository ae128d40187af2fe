/**
 * Reading a pipeline result in a notebook: one analysis's summary, its charts, one article's
 * highlights. Thin views over PipelineResult; nothing is recomputed.
 */
import type { Highlight } from '../../analyses/types.js';
import type { PipelineResult } from '../pipeline/run.js';

function analysisOf(result: PipelineResult, id: string) {
  const analysis = result.analyses.find((a) => a.id === id);
  if (!analysis) throw new Error(`framelens: analysis '${id}' did not run (ran: ${result.analyses.map((a) => a.id).join(', ')})`);
  return analysis;
}

/** The summary of one analysis (e.g. `summaryOf(result, 'terms')`). */
export function summaryOf<S = unknown>(result: PipelineResult, id: string): S {
  analysisOf(result, id);
  return result.summaries.get(id) as S;
}

/** The named Vega-Lite specs one analysis draws from its summary. */
export function chartsOf(result: PipelineResult, id: string): Record<string, object> {
  const analysis = analysisOf(result, id);
  return analysis.charts?.(result.summaries.get(id), result.index) ?? {};
}

/** Every highlight of one article, from every analysis that ran, sorted by position. */
export function highlightsOf(result: PipelineResult, docId: string): Highlight[] {
  const meta = result.index.byId.get(docId);
  if (!meta) throw new Error(`framelens: no article '${docId}' in this result`);
  return result.analyses
    .flatMap((a) => a.highlights?.(result.perDoc.get(a.id)?.get(docId), meta, result.summaries.get(a.id)) ?? [])
    .sort((x, y) => x.start - y.start || y.end - x.end);
}
