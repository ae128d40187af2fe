/**
 * The pipeline with its per-article pass on a BullMQ worker fleet:
 *   1. keys: the content-hash key of every article (src/pipeline/cache.ts), as a local run computes them
 *   2. reuse: results already stored in Redis (earlier or interrupted runs, other corpora with the same articles)
 *   3. dispatch: the rest go to the queue in batches; workers store each result under its key (dispatch.ts)
 *   4. summarize: the results in article order go through `summarizeCorpus`, exactly as in a local run
 * Articles the analyzer failed on after every attempt are left out and returned as failures, so
 * the report is still produced; the CLI lists them as rejects.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Article } from '../corpus/article.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { articleKey, contextKey } from '../pipeline/cache.js';
import {
  createContext,
  selectAnalyses,
  summarizeCorpus,
  type ArticleResult,
  type PipelineOptions,
  type PipelineResult,
} from '../pipeline/run.js';
import { Dispatch, type ArticleFailure } from './dispatch.js';
import type { BatchJobData, BatchJobResult } from './jobs.js';
import { packLexicons } from './lexicons.js';
import { parseQueueUrl, type QueueTarget } from './redis-url.js';
import { fetchResults } from './result-store.js';

export type { ArticleFailure } from './dispatch.js';

export interface QueueRunOptions extends PipelineOptions {
  /** A `--queue` URL (see parseQueueUrl) or its parsed form. */
  queue: string | QueueTarget;
  /** Jobs kept in the queue at once (each holds `batchSize` articles). Default 200. */
  maxQueued?: number;
  /** Longest wait between two full checks of the queued jobs, in ms. Default 1000. */
  pollMs?: number;
  /** Stops waiting (Ctrl-C): queued jobs stay, workers finish them, a later run reuses their results. */
  signal?: AbortSignal;
}

export interface QueueRunStats {
  articles: number;
  /** Articles whose results were already in Redis. */
  stored: number;
  /** Articles analysed by workers during this run. */
  analyzed: number;
  /** Articles the analyzer failed on (left out of the result). */
  failed: number;
  /** Jobs made for this run (before any split). */
  batches: number;
}

export type QueueRunResult = PipelineResult & { stats: QueueRunStats; failures: ArticleFailure[] };

/** Runs the pipeline with the per-article pass on the queue's workers. */
export async function runPipelineOnQueue(articles: Article[], options: QueueRunOptions): Promise<QueueRunResult> {
  const target = typeof options.queue === 'string' ? parseQueueUrl(options.queue) : options.queue;
  // 1. keys
  const analyses = selectAnalyses(options.analyses);
  const context = createContext(articles, options);
  const runKey = contextKey(analyses, context);
  const keys = articles.map((a) => articleKey(a, runKey));
  const results: Array<ArticleResult | undefined> = new Array(articles.length);
  const progress = (done: number) => options.onProgress?.(done, articles.length);

  const queue = new Queue<BatchJobData, BatchJobResult>(target.name, { connection: target.connection });
  const events = new QueueEvents(target.name, { connection: target.connection });
  try {
    // 2. reuse
    const client = await queue.client;
    (await fetchResults(client, keys)).forEach((result, i) => (results[i] = result));
    const todo = articles.map((_, i) => i).filter((i) => !results[i]);
    const stored = articles.length - todo.length;
    progress(articles.length - todo.length);

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
        onResult: (index, result) => (results[index] = result),
        onSettled: progress,
      },
    );
    await dispatch.run(todo, articles.length - todo.length);

    // 4. summarize what succeeded, in input order
    const failed = new Set(dispatch.failures.map((f) => f.index));
    const kept = articles.filter((_, i) => !failed.has(i));
    if (!kept.length && dispatch.failures.length) throw new FramelensError(`the analyzer failed on every article; first: ${dispatch.failures[0].reason}`);
    const summary = summarizeCorpus(
      kept,
      results.filter((_, i) => !failed.has(i)) as ArticleResult[],
      analyses,
      context,
    );
    const stats: QueueRunStats = {
      articles: articles.length,
      stored,
      analyzed: todo.length - failed.size,
      failed: failed.size,
      batches: Math.ceil(todo.length / batchSize),
    };
    return { ...summary, stats, failures: dispatch.failures };
  } finally {
    await Promise.allSettled([events.close(), queue.close()]);
  }
}
