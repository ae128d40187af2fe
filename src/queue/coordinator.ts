/**
 * The pipeline with its per-article pass on a BullMQ worker fleet:
 *   1. keys: the content-hash key of every article (src/pipeline/cache.ts), as a local run computes them
 *   2. reuse: result lines already stored in Redis (earlier or interrupted runs, other corpora with the same articles)
 *   3. dispatch: the rest go to the queue in batches; workers store each result line under its key (dispatch.ts)
 *   3½. failed articles leave the run: those an analysis threw on (recorded in their lines) and those
 *      whose job failed every attempt, through the same code as a local run (src/pipeline/failed-articles.ts)
 *   4. summarize: the lines, spilled to a temp file as they arrive, go through the local pipeline's
 *      own step 4 (`summarizeStore`), so the report is the same bytes as a local run's
 * The coordinator never holds the results in its heap: like a local run it keeps byte offsets.
 */
import { availableParallelism } from 'node:os';
import { Queue, QueueEvents } from 'bullmq';
import type { Article } from '../corpus/article.js';
import { articleKey, contextKey } from '../pipeline/cache.js';
import { failureDiagnostics, leaveOutFailedArticles, type ArticleFailure } from '../pipeline/failed-articles.js';
import { LazyResultMap } from '../pipeline/lazy-result-map.js';
import { ResultStore } from '../pipeline/result-store.js';
import { createContext, selectAnalyses, type PipelineOptions, type PipelineResult } from '../pipeline/run.js';
import { summarizeStore } from '../pipeline/summarize-parallel.js';
import type { Diagnostic } from '../corpus/diagnostics.js';
import { Dispatch } from './dispatch.js';
import type { BatchJobData, BatchJobResult } from './jobs.js';
import { packLexicons } from './lexicons.js';
import { parseQueueUrl, type QueueTarget } from './redis-url.js';
import { fetchLines } from './result-store.js';
import { pipelineWorkerFile } from './worker.js';

export type { ArticleFailure } from '../pipeline/failed-articles.js';

/** Stored lines read per step when reusing results. */
const REUSE_CHUNK = 1000;

export interface QueueRunOptions extends PipelineOptions {
  /** A `--queue` URL (see parseQueueUrl) or its parsed form. */
  queue: string | QueueTarget;
  /** Jobs kept in the queue at once (each holds `batchSize` articles). Default 200. */
  maxQueued?: number;
  /** Longest wait between two full checks of the queued jobs, in ms. Default 1000. */
  pollMs?: number;
  /** Threads for the summaries, once every result is in. Default: available cores. */
  jobs?: number;
  /** Stops waiting (Ctrl-C): queued jobs stay, workers finish them, a later run reuses their results. */
  signal?: AbortSignal;
}

export interface QueueRunStats {
  articles: number;
  /** Articles whose results were already in Redis. */
  stored: number;
  /** Articles analysed by workers during this run. */
  analyzed: number;
  /** Articles left out (an analysis threw on them, or their job failed every attempt). */
  failed: number;
  /** Jobs made for this run (before any split). */
  batches: number;
}

export type QueueRunResult = PipelineResult & {
  stats: QueueRunStats;
  /** Articles left out, in input order (see src/pipeline/failed-articles.ts). */
  failures: ArticleFailure[];
  /** One error per failure, pointing at the article's input record. */
  diagnostics: Diagnostic[];
  /** Closes the temp file the per-article results are read from; `perDoc` can no longer be read after. */
  close(): void;
};

/** Runs the pipeline with the per-article pass on the queue's workers. */
export async function runPipelineOnQueue(articles: Article[], options: QueueRunOptions): Promise<QueueRunResult> {
  const target = typeof options.queue === 'string' ? parseQueueUrl(options.queue) : options.queue;
  // 1. keys
  const analyses = selectAnalyses(options.analyses);
  const context = createContext(articles, options);
  const runKey = contextKey(analyses, context);
  const keys = articles.map((a) => articleKey(a, runKey));
  const store = new ResultStore(articles.length, analyses.length);
  store.openSpill();
  const progress = (done: number) => options.onProgress?.(done, articles.length);

  const queue = new Queue<BatchJobData, BatchJobResult>(target.name, { connection: target.connection });
  const events = new QueueEvents(target.name, { connection: target.connection });
  try {
    // 2. reuse
    const client = await queue.client;
    // Chunk by chunk, so a huge corpus's stored lines are never all in memory at once.
    for (let start = 0; start < keys.length; start += REUSE_CHUNK) {
      const lines = await fetchLines(client, keys.slice(start, start + REUSE_CHUNK), analyses.length);
      lines.forEach((line, k) => line && store.add(start + k, line));
    }
    const todo = articles.map((_, i) => i).filter((i) => !store.has(i));
    const stored = articles.length - todo.length;
    progress(stored);

    // 3. dispatch
    await events.waitUntilReady();
    const batchSize = target.batchSize;
    const dispatch = new Dispatch(
      queue,
      events,
      client,
      articles,
      keys,
      { analyses: analyses.map((a) => a.id), context: { ...context, lexiconFiles: [] }, lexicons: packLexicons(context.lexiconFiles) },
      {
        batchSize,
        attempts: target.attempts,
        maxQueued: options.maxQueued ?? 200,
        pollMs: options.pollMs ?? 1000,
        signal: options.signal,
        onResult: (index, line) => store.add(index, line),
        onSettled: progress,
      },
    );
    await dispatch.run(todo, stored);

    // 3½. failed articles leave the run; 4. summaries of the rest, in input order
    const kept = leaveOutFailedArticles(articles, store, analyses, dispatch.failures);
    const { index, summaries } = await summarizeStore(kept.articles, kept.store, analyses, context, {
      jobs: Math.max(1, options.jobs ?? availableParallelism()),
      workerFile: pipelineWorkerFile(),
    });
    const ids = kept.articles.map((a) => a.id);
    const perDoc = new Map<string, Map<string, unknown>>(analyses.map((a, k) => [a.id, new LazyResultMap(ids, kept.store, k)]));
    const stats: QueueRunStats = {
      articles: articles.length,
      stored,
      analyzed: todo.length - dispatch.failures.length,
      failed: kept.failures.length,
      batches: Math.ceil(todo.length / batchSize),
    };
    return {
      articles: kept.articles,
      index,
      perDoc,
      summaries,
      analyses,
      context,
      stats,
      failures: kept.failures,
      diagnostics: failureDiagnostics(articles, kept.failures),
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  } finally {
    await Promise.allSettled([events.close(), queue.close()]);
  }
}
