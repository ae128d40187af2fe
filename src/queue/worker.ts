/**
 * A queue worker: takes batch jobs from BullMQ, analyses the articles whose results are not in
 * Redis yet with the local pipeline's own worker-thread entry (`analyzeLines` in
 * src/pipeline/worker.ts), stores each result line under its content-hash key, then completes
 * the job. An analysis that throws on an article is recorded in that article's line, exactly as
 * in a local run, and the coordinator leaves the article out (src/pipeline/failed-articles.ts);
 * only a batch whose worker dies or that cannot be stored fails and is retried.
 *
 * The analysis runs on piscina threads (one per concurrent batch), so this thread stays free to
 * renew job locks: a batch only goes back to the queue when its process really died.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type Job, type RedisClient } from 'bullmq';
import { Piscina } from 'piscina';
import { packageRoot } from '../paths.js';
import type { LineBatchTask } from '../pipeline/worker.js';
import type { BatchJobData, BatchJobResult } from './jobs.js';
import { unpackLexicons } from './lexicons.js';
import type { QueueTarget } from './redis-url.js';
import { storeLines, storedFlags } from './result-store.js';

export interface QueueWorkerOptions {
  /** Where to take jobs from (see parseQueueUrl). */
  target: Pick<QueueTarget, 'connection' | 'name'>;
  /** Batches analysed at once, each on its own thread. Default 1. */
  concurrency?: number;
  /**
   * Job lock duration and stall-check interval, in ms: a batch whose worker died goes back to the
   * queue within about twice this. Default 30000 (BullMQ's default).
   */
  stallMs?: number;
  /**
   * Times a batch may lose its worker before it counts as failed. Default 2: one more than
   * BullMQ's default, so a kill plus one lock lost on an overloaded machine does not fail a batch.
   */
  maxStalledCount?: number;
  /** Seconds a stored result is kept. Default: no expiry. */
  resultTtlSeconds?: number;
  /**
   * Analyses one batch into result lines. Default: `analyzeLines` of src/pipeline/worker.ts on a
   * piscina pool. For embedding and for tests that inject faults; it must return one line per
   * article, in order.
   */
  runBatch?: (task: LineBatchTask) => Promise<string[]>;
  /** Receives what happens, for logging. Default: nothing. */
  onEvent?: (event: QueueWorkerEvent) => void;
}

export type QueueWorkerEvent =
  | { type: 'started'; jobId: string; articles: number; attempt: number }
  | { type: 'done'; jobId: string; analyzed: number; reused: number }
  | { type: 'failed'; jobId: string; reason: string }
  | { type: 'stalled'; jobId: string }
  | { type: 'error'; reason: string };

export interface QueueWorker {
  /** Waits until the worker is connected and taking jobs. */
  ready(): Promise<void>;
  /** Stops taking jobs; waits for the current batches unless `force` (they then return to the queue when their lock expires). */
  close(force?: boolean): Promise<void>;
}

/** The compiled worker-thread entry of the local pipeline (from the TypeScript sources, tests use dist/). */
export function pipelineWorkerFile(): string {
  const sibling = fileURLToPath(new URL('../pipeline/worker.js', import.meta.url));
  return existsSync(sibling) ? sibling : join(packageRoot(), 'dist', 'src', 'pipeline', 'worker.js');
}

/** A tiny fictional article analysed once per thread at start, so the first real batch does not pay for loading the model and lexicons. */
const WARM_UP: LineBatchTask = {
  articles: [{ id: 'framelens-warm-up', outlet: 'Warm-up Desk', title: 'Warm-up', text: 'The council said on Monday that the bridge would reopen.' }],
  analyses: [],
  context: { lexiconFiles: [], options: {}, outlets: ['Warm-up Desk'] },
};

/** Starts a worker; it runs until `close()`. */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const stallMs = options.stallMs ?? 30_000;
  const emit = options.onEvent ?? (() => {});
  const pool = options.runBatch
    ? undefined
    : new Piscina({ filename: pipelineWorkerFile(), name: 'analyzeLines', minThreads: concurrency, maxThreads: concurrency });
  const runBatch = options.runBatch ?? ((task: LineBatchTask) => pool!.run(task) as Promise<string[]>);

  const analyzeJob = async (job: Job<BatchJobData, BatchJobResult>, client: RedisClient): Promise<BatchJobResult> => {
    const { articles, keys, analyses, context, lexicons } = job.data;
    emit({ type: 'started', jobId: job.id!, articles: articles.length, attempt: job.attemptsMade + 1 });
    const stored = await storedFlags(client, keys);
    const todo = keys.map((_, i) => i).filter((i) => !stored[i]);
    if (todo.length) {
      const todoKeys = todo.map((i) => keys[i]);
      const task: LineBatchTask = { articles: todo.map((i) => articles[i]), keys: todoKeys, analyses, context: { ...context, lexiconFiles: unpackLexicons(lexicons) } };
      await storeLines(client, todoKeys, await runBatch(task), options.resultTtlSeconds);
    }
    return { analyzed: todo.length, reused: keys.length - todo.length };
  };

  const worker: Worker<BatchJobData, BatchJobResult> = new Worker(options.target.name, async (job) => analyzeJob(job, await worker.client), {
    connection: options.target.connection,
    concurrency,
    lockDuration: stallMs,
    stalledInterval: stallMs,
    maxStalledCount: options.maxStalledCount ?? 2,
    autorun: true,
  });
  worker.on('completed', (job, result) => emit({ type: 'done', jobId: job.id!, analyzed: result.analyzed, reused: result.reused }));
  worker.on('failed', (job, error) => emit({ type: 'failed', jobId: job?.id ?? '?', reason: error.message }));
  worker.on('stalled', (jobId) => emit({ type: 'stalled', jobId }));
  worker.on('error', (error) => emit({ type: 'error', reason: error.message }));

  return {
    async ready() {
      await Promise.all([worker.waitUntilReady(), ...Array.from({ length: concurrency }, () => pool?.run(WARM_UP))]);
    },
    async close(force = false) {
      try {
        await worker.close(force);
      } finally {
        await pool?.destroy();
      }
    },
  };
}
