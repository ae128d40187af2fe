/**
 * Step 4 of the parallel pipeline (run-parallel.ts) on every core. An analysis that assigns
 * events runs on this thread, alone, because every analysis after it reads those events; the
 * analyses between two such points are independent and run at the same time on worker threads,
 * each reading its per-article results from the same store files (descriptors are shared by the
 * threads of a process). Summaries are pure functions of their inputs, so the output is the
 * same bytes as summarising one analysis after the other.
 */
import { Piscina } from 'piscina';
import type { Article } from '../corpus/article.js';
import type { AnalysisContext, AnyAnalysis, CorpusIndex } from '../../analyses/types.js';
import { buildCorpusIndex } from './corpus-index.js';
import { LazyResultMap } from './lazy-result-map.js';
import type { ResultStore, ResultStoreSnapshot } from './result-store.js';
import { applyEventAssignments } from './run.js';
import { readSummaries, writeSummaries } from './summary-cache.js';

/** What a worker thread needs to summarise one analysis (see worker.ts `summarizeOne`). */
export interface SummarizeTask {
  analysis: string;
  /** The analysis's position in the store's result lines. */
  part: number;
  ids: string[];
  store: ResultStoreSnapshot;
  index: CorpusIndex;
  context: AnalysisContext;
}

export interface SummarizeOptions {
  /** Threads for the independent summaries; 1 = this thread, one after the other. */
  jobs: number;
  /** Fewer articles than this are summarised on this thread: a worker thread costs ≈ 0.8 s to start. Default 1000. */
  threadsFrom?: number;
  /** The compiled worker file (worker.ts). */
  workerFile: string;
  /** Where this run's summaries are cached (summary-cache.ts): read when there, written when computed. */
  cache?: { dir: string; key: string };
  /** Called with an analysis's seconds once its summary is there. */
  onSummary?: (analysis: AnyAnalysis, seconds: number) => void;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** The corpus index and every analysis's summary, in registry order. */
export async function summarizeStore(
  articles: Article[],
  store: ResultStore,
  analyses: AnyAnalysis[],
  context: AnalysisContext,
  options: SummarizeOptions,
): Promise<{ index: CorpusIndex; summaries: Map<string, unknown>; fromCache: boolean }> {
  const ids = articles.map((a) => a.id);
  const index = buildCorpusIndex(articles, new Map(articles.map((a, i) => [a.id, store.words(i)])));
  const cached = options.cache && readSummaries(options.cache.dir, options.cache.key, analyses.map((a) => a.id));
  if (cached) {
    for (const analysis of analyses) applyEventAssignments(analysis, cached.get(analysis.id), index);
    return { index, summaries: cached, fromCache: true };
  }
  const found = new Map<string, unknown>();
  const inThisThread = (analysis: AnyAnalysis) => {
    const started = process.hrtime.bigint();
    const perDoc = new LazyResultMap(ids, store, analyses.indexOf(analysis));
    found.set(analysis.id, analysis.summarize(perDoc, index, context));
    perDoc.release();
    options.onSummary?.(analysis, seconds(started));
  };
  const pool = options.jobs > 1 && articles.length >= (options.threadsFrom ?? 1000) ? new Piscina({ filename: options.workerFile, name: 'summarizeOne', maxThreads: options.jobs }) : undefined;
  try {
    let independent: AnyAnalysis[] = [];
    const flush = async () => {
      const batch = independent;
      independent = [];
      if (!pool || batch.length < 2) return batch.forEach(inThisThread);
      const snapshot = store.snapshot();
      await Promise.all(
        batch.map(async (analysis) => {
          const started = process.hrtime.bigint();
          const task: SummarizeTask = { analysis: analysis.id, part: analyses.indexOf(analysis), ids, store: snapshot, index, context };
          found.set(analysis.id, await pool.run(task));
          options.onSummary?.(analysis, seconds(started));
        }),
      );
    };
    for (const analysis of analyses) {
      if (!analysis.assignEvents) {
        independent.push(analysis);
        continue;
      }
      await flush();
      inThisThread(analysis);
      applyEventAssignments(analysis, found.get(analysis.id), index);
    }
    await flush();
  } finally {
    await pool?.destroy();
  }
  const summaries = new Map(analyses.map((a) => [a.id, found.get(a.id)]));
  if (options.cache) writeSummaries(options.cache.dir, options.cache.key, summaries);
  return { index, summaries, fromCache: false };
}

/** Worker side: one analysis's summary from a snapshot of the store. */
export function summarizeTask(task: SummarizeTask, analysis: AnyAnalysis, store: ResultStore): unknown {
  const perDoc = new LazyResultMap(task.ids, store, task.part);
  return analysis.summarize(perDoc, task.index, task.context);
}
