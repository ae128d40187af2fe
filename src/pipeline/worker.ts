/**
 * Worker-thread entry (piscina): runs the per-article steps for one batch. It is the same
 * code the single-threaded path calls, so outputs cannot differ by job count.
 *   default export: ArticleResult objects
 *   `analyzeLines`: serialized result lines (used by the queue workers, src/queue/worker.ts)
 *   `analyzeLineBytes`: the same lines as one UTF-8 buffer moved to the caller (the local parallel pipeline)
 *   `summarizeOne`: one analysis's summary, read from the run's result store (summarize-parallel.ts)
 */
import { Piscina } from 'piscina';
import type { Article } from '../corpus/article.js';
import type { AnalysisContext } from '../../analyses/types.js';
import { analyzeArticle, selectAnalyses, type ArticleResult } from './run.js';
import { analyzeArticleLines } from './analyze-line.js';
import { collectGarbageIfGrown } from './collect-garbage.js';
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
  return analyzeArticleLines(task.articles, analyses, task.context, task.keys);
}

/**
 * `analyzeLines` as one buffer of UTF-8 lines, moved to the calling thread instead of copied:
 * received as strings, 20k articles' results (≈ 1 GB) passed through the main thread's heap as
 * garbage, which V8 let grow by ≈ 0.8 GB before collecting it.
 */
export function analyzeLineBytes(task: LineBatchTask): Uint8Array {
  // TextEncoder gives the bytes an ArrayBuffer of their own (Buffer.from may share a pool): safe to move.
  return Piscina.move(new TextEncoder().encode(analyzeLines(task).join(''))) as unknown as Uint8Array;
}

/** Runs on worker threads only for large corpora (summarize-parallel.ts `threadsFrom`). */
export function summarizeOne(task: SummarizeTask): unknown {
  const [analysis] = selectAnalyses([task.analysis]);
  const summary = summarizeTask(task, analysis, ResultStore.fromSnapshot(task.store));
  // What the summary decoded would stay in this thread's heap while the other summaries run.
  collectGarbageIfGrown();
  return summary;
}
