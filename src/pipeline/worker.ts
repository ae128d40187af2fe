/**
 * Worker-thread entry (piscina): runs the per-article steps for one batch. It is the same
 * code the single-threaded path calls, so outputs cannot differ by job count.
 *   default export: ArticleResult objects
 *   `analyzeLines`: serialized result lines (used by the local parallel pipeline and the queue workers, src/queue/worker.ts)
 *   `summarizeOne`: one analysis's summary, read from the run's result store (summarize-parallel.ts)
 */
import type { Article } from '../corpus/article.js';
import type { AnalysisContext } from '../../analyses/types.js';
import { analyzeArticle, selectAnalyses, type ArticleResult } from './run.js';
import { analyzeArticleLine } from './analyze-line.js';
import { ResultStore } from './result-store.js';
import { summarizeTask, type SummarizeTask } from './summarize-parallel.js';

export interface BatchTask {
  articles: Article[];
  analyses: string[];
  context: AnalysisContext;
}

export interface LineBatchTask extends BatchTask {
  /** Cache key of each article (same order); omitted when the run has no cache. */
  keys?: string[];
}

export default function runBatch(task: BatchTask): ArticleResult[] {
  const analyses = selectAnalyses(task.analyses);
  return task.articles.map((article) => analyzeArticle(article, analyses, task.context));
}

export function analyzeLines(task: LineBatchTask): string[] {
  const analyses = selectAnalyses(task.analyses);
  return task.articles.map((article, i) => analyzeArticleLine(article, analyses, task.context, task.keys?.[i]));
}

export function summarizeOne(task: SummarizeTask): unknown {
  const [analysis] = selectAnalyses([task.analysis]);
  return summarizeTask(task, analysis, ResultStore.fromSnapshot(task.store));
}
