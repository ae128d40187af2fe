/**
 * Steps 1–2 for one article, serialized: the result line (result-line.ts) the parallel pipeline
 * and its cache store. Serializing here, in the worker, keeps the main thread's share of the
 * work to one write per article; and a fresh result and a cached one are the same bytes, so a
 * run reads identical inputs whatever the job count or cache state. An analysis that throws on
 * one article is recorded as a failure for that article instead of stopping the run.
 */
import type { Article } from '../corpus/article.js';
import { analyzeDoc } from '../text/analyze.js';
import type { AnalysisContext, AnyAnalysis } from '../../analyses/types.js';
import { encodeLine, encodePart } from './result-line.js';

/** The key of lines that are never looked up (runs without a cache). */
export const NO_KEY = '0'.repeat(40);

export function analyzeArticleLine(article: Article, analyses: AnyAnalysis[], context: AnalysisContext, key = NO_KEY): string {
  let doc: ReturnType<typeof analyzeDoc>;
  try {
    doc = analyzeDoc(article, { outlets: context.outlets });
  } catch (error) {
    const failed = encodePart(undefined, `text layer: ${(error as Error).message ?? error}`);
    return encodeLine(key, 0, analyses.map(() => failed));
  }
  const parts = analyses.map((analysis) => {
    try {
      return encodePart(analysis.perDoc(doc, context));
    } catch (error) {
      return encodePart(undefined, error);
    }
  });
  return encodeLine(key, doc.words, parts);
}
