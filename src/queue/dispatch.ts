/**
 * The coordinator's loop over the queue: keeps a window of batch jobs in BullMQ, collects each
 * result from Redis as soon as it is stored, and settles whatever went wrong:
 *   - a job that is gone while results are missing (Redis restarted without persistence) is added again;
 *   - a batch that failed after all its attempts is split into one job per missing article;
 *   - a one-article job that failed after all its attempts becomes a failure (the article is rejected;
 *     an analysis that merely throws does not fail its job: it is recorded in the result line);
 *   - a job that failed in an earlier run is retried once, so a fixed fault does not stick.
 * The truth is what Redis holds: every step is safe to repeat, so a restarted coordinator (or two
 * coordinators on the same corpus) just picks up where things stand.
 */
import type { Job, JobsOptions, Queue, QueueEvents, RedisClient } from 'bullmq';
import type { Article } from '../corpus/article.js';
import type { ArticleFailure } from '../pipeline/failed-articles.js';
import { JOB_NAME, batchJobId, type BatchJobData, type BatchJobResult } from './jobs.js';
import { ARTICLE_FAILED_RULE, articleFailed } from './messages.js';
import { fetchLines } from './result-store.js';

export interface DispatchOptions {
  /** Articles per job. */
  batchSize: number;
  /** Tries per job (BullMQ `attempts`). */
  attempts: number;
  /** Jobs kept in the queue at once; more are added as these finish. Bounds Redis memory. */
  maxQueued: number;
  /** Longest wait between two full checks of the queued jobs, in ms (events usually come first). */
  pollMs: number;
  signal?: AbortSignal;
  /** Called with the article index and its result line as each one arrives. */
  onResult: (index: number, line: string) => void;
  /** Called after each check with the number of articles settled (result or failure). */
  onSettled: (settled: number) => void;
}

interface Unit {
  jobId: string;
  /** Articles of the job, fixed when the job is made (its id hashes their keys). */
  indices: number[];
  /** Those still without a result. */
  missing: number[];
}

type JobPayload = Omit<BatchJobData, 'articles' | 'keys'>;

/** Jobs added per round trip. */
const ADD_CHUNK = 100;
/** Jobs checked concurrently (their commands share round trips). */
const CHECK_CHUNK = 64;
/** Pause after an event before checking, so a burst of completions costs one check. */
const EVENT_DEBOUNCE_MS = 20;

export class Dispatch {
  private readonly pending: Unit[] = [];
  private readonly queued = new Map<string, Unit>();
  private readonly touched = new Set<string>();
  private readonly retried = new Set<string>();
  private readonly startedAt = Date.now();
  private wakeUp: (() => void) | undefined;
  private settled = 0;
  readonly failures: ArticleFailure[] = [];

  constructor(
    private readonly queue: Queue<BatchJobData, BatchJobResult>,
    private readonly events: QueueEvents,
    private readonly client: RedisClient,
    private readonly articles: readonly Article[],
    private readonly keys: readonly string[],
    private readonly payload: JobPayload,
    private readonly options: DispatchOptions,
  ) {}

  /** Runs until every index in `todo` has a result or a failure. */
  async run(todo: readonly number[], alreadySettled: number): Promise<void> {
    this.settled = alreadySettled;
    for (let i = 0; i < todo.length; i += this.options.batchSize) this.pending.push(this.unit(todo.slice(i, i + this.options.batchSize)));
    const onEvent = ({ jobId }: { jobId: string }) => {
      if (!this.queued.has(jobId)) return;
      this.touched.add(jobId);
      setTimeout(() => this.wakeUp?.(), EVENT_DEBOUNCE_MS);
    };
    this.events.on('completed', onEvent);
    this.events.on('failed', onEvent);
    try {
      let lastFull = 0;
      while (this.pending.length || this.queued.size) {
        this.options.signal?.throwIfAborted();
        await this.topUp();
        const full = Date.now() - lastFull >= this.options.pollMs;
        if (full) lastFull = Date.now();
        const ids = full ? [...this.queued.keys()] : [...this.touched];
        this.touched.clear();
        for (let i = 0; i < ids.length; i += CHECK_CHUNK) {
          const units = ids.slice(i, i + CHECK_CHUNK).map((id) => this.queued.get(id));
          await Promise.all(units.map((unit) => unit && this.check(unit)));
        }
        this.options.onSettled(this.settled);
        if ((this.pending.length || this.queued.size) && !this.touched.size) await this.sleep(this.options.pollMs - (Date.now() - lastFull));
      }
    } finally {
      this.events.off('completed', onEvent);
      this.events.off('failed', onEvent);
    }
  }

  private unit(indices: number[]): Unit {
    return { jobId: batchJobId(indices.map((i) => this.keys[i])), indices, missing: [...indices] };
  }

  private jobOptions(jobId: string): JobsOptions {
    return {
      jobId,
      attempts: this.options.attempts,
      backoff: { type: 'fixed', delay: 1000 },
      removeOnComplete: true,
      // Failed jobs stay a week so the coordinator (or a restarted one) can read why.
      removeOnFail: { age: 7 * 24 * 3600 },
    };
  }

  /** Adds pending jobs until the window is full. Adding an id that exists is a no-op in BullMQ. */
  private async topUp(): Promise<void> {
    while (this.pending.length && this.queued.size < this.options.maxQueued) {
      const units = this.pending.splice(0, Math.min(ADD_CHUNK, this.options.maxQueued - this.queued.size));
      await this.add(units);
      for (const unit of units) {
        this.queued.set(unit.jobId, unit);
        this.touched.add(unit.jobId); // a job that already existed (earlier run) may be settled already
      }
    }
  }

  private async add(units: Unit[]): Promise<void> {
    await this.queue.addBulk(
      units.map((unit) => ({
        name: JOB_NAME,
        data: { ...this.payload, articles: unit.indices.map((i) => this.articles[i]), keys: unit.indices.map((i) => this.keys[i]) },
        opts: this.jobOptions(unit.jobId),
      })),
    );
  }

  /** Collects what a job has stored; settles its job when it is gone, failed or done. */
  private async check(unit: Unit): Promise<void> {
    const lines = await fetchLines(this.client, unit.missing.map((i) => this.keys[i]), this.payload.analyses.length);
    const missing: number[] = [];
    unit.missing.forEach((index, k) => {
      const line = lines[k];
      if (line) {
        this.options.onResult(index, line);
        this.settled++;
      } else missing.push(index);
    });
    unit.missing = missing;
    if (!missing.length) {
      this.queued.delete(unit.jobId);
      return;
    }
    // The state alone, not the job: reading a job loads its articles, and waiting jobs are checked every poll.
    const state = await this.queue.getJobState(unit.jobId);
    if (state === 'unknown') return this.add([unit]); // lost with a Redis restart, or removed on completion just now: adding again is harmless
    if (state === 'completed') {
      // Completed yet results are missing: they expired or were evicted. Run it again.
      await this.queue.remove(unit.jobId);
      return this.add([unit]);
    }
    if (state !== 'failed') return;
    const job = await this.queue.getJob(unit.jobId);
    return job ? this.settleFailed(unit, job) : this.add([unit]);
  }

  private async settleFailed(unit: Unit, job: Job<BatchJobData, BatchJobResult>): Promise<void> {
    if ((job.finishedOn ?? 0) < this.startedAt && !this.retried.has(unit.jobId)) {
      this.retried.add(unit.jobId);
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return;
    }
    this.queued.delete(unit.jobId);
    if (unit.indices.length > 1) {
      // Find the culprit: one job per article still missing, ahead of the untouched batches.
      this.pending.unshift(...unit.missing.map((i) => this.unit([i])));
      return;
    }
    const index = unit.indices[0];
    const id = this.articles[index].id;
    this.failures.push({ index, id, reason: articleFailed(id, job.attemptsMade, job.failedReason || 'unknown error'), ruleId: ARTICLE_FAILED_RULE });
    this.settled++;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.options.signal?.removeEventListener('abort', done);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
      this.options.signal?.addEventListener('abort', done);
    });
  }
}
