/**
 * Faults around the coordinator, with workers in this process (so an analyzer fault can be
 * injected through `runBatch`): an article that crashes the analyzer lands in the rejects while
 * the run completes; results are written once; a restarted coordinator and a restarted Redis
 * both resume. Outcomes are compared with a local `runPipeline` on the same articles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { runPipeline, type ArticleResult, type PipelineResult } from '../../src/pipeline/run.js';
import runBatch, { type BatchTask } from '../../src/pipeline/worker.js';
import { runPipelineOnQueue } from '../../src/queue/coordinator.js';
import { parseQueueUrl } from '../../src/queue/redis-url.js';
import { storeResults, fetchResults } from '../../src/queue/result-store.js';
import { startQueueWorker, type QueueWorker } from '../../src/queue/worker.js';
import { Queue } from 'bullmq';
import { hasRedis, redisSkipMessage, samplePath, startRedis, stopAll, tempDir, waitFor, type RedisServer } from './fleet-fixture.js';

const sample: Article[] = readFileSync(samplePath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

/** The same corpus under new ids, so its content-hash keys are new to Redis. */
const renamed = (suffix: string) => sample.map((a) => ({ ...a, id: `${a.id}-${suffix}` }));

/** The last article whose outlet appears earlier, so leaving it out keeps the corpus's outlet order. */
const victim = [...sample].reverse().find((a, k) => sample.findIndex((b) => b.outlet === a.outlet) < sample.length - 1 - k)!;

/** Plain JSON of what a report is made of. */
function reportData(result: PipelineResult): string {
  return JSON.stringify({
    summaries: [...result.summaries],
    perDoc: [...result.perDoc].map(([id, docs]) => [id, [...docs]]),
    docs: result.index.docs,
  });
}

/** The pipeline's worker-thread entry run inline, failing on one article as if the analyzer threw on it. */
function crashingOn(id: string) {
  return async (task: BatchTask): Promise<ArticleResult[]> => {
    if (task.articles.some((a) => a.id === id)) throw new Error(`injected analyzer fault on '${id}'`);
    return runBatch(task);
  };
}

describe.skipIf(!hasRedis)(`the coordinator under faults (${hasRedis ? 'redis-server present' : redisSkipMessage})`, () => {
  let redis: RedisServer;
  let workers: QueueWorker[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    redis = await startRedis({ persist: true });
    workers = [0, 1].map(() =>
      startQueueWorker({
        target: parseQueueUrl(redis.url),
        // Short, so a batch whose worker lost Redis mid-way is taken over in seconds.
        stallMs: 2000,
        runBatch: crashingOn(victim.id),
        onEvent: (e) => void (e.type === 'error' && errors.push(e.reason)),
      }),
    );
    await Promise.all(workers.map((w) => w.ready()));
  });
  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.close(true)));
    await stopAll();
  });

  it('rejects an article that crashes the analyzer after every attempt and still summarises the rest like a local run', async () => {
    const result = await runPipelineOnQueue(sample, { queue: `${redis.url}?batch=4&attempts=2`, pollMs: 200 });
    expect(result.failures).toEqual([
      { index: sample.indexOf(victim), id: victim.id, reason: expect.stringMatching(/after 2 attempts: injected analyzer fault/) },
    ]);
    expect(result.stats).toMatchObject({ articles: sample.length, failed: 1, analyzed: sample.length - 1 });
    const local = runPipeline(sample.filter((a) => a !== victim));
    expect(reportData(result)).toBe(reportData(local));
  });

  it('lists the crashing article in the --rejects file and writes the report from the command line', async () => {
    const dir = tempDir('framelens-queue-cli-');
    const rejects = join(dir, 'rejects.jsonl');
    const out = join(dir, 'report');
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const program = new Command('framelens').exitOverride();
      (await import('../../src/cli/report.js')).register(program);
      await program.parseAsync(['node', 'framelens', 'report', samplePath, '-o', out, '--no-cache', '--rejects', rejects, '--queue', `${redis.url}?batch=4&attempts=1`]);
    } finally {
      spy.mockRestore();
      stdout.mockRestore();
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const lines = readFileSync(rejects, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ ruleId: 'queue:analysis-failed', text: victim.id, reason: expect.stringContaining('injected analyzer fault') })]);
    expect(stderr.join('')).toMatch(/error analysis failed on article .* queue:analysis-failed/);
    // The report's diagnostics table lists it too.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('queue:analysis-failed');
  });

  it('stores a result once: a batch reported twice changes nothing', async () => {
    const key = 'test-stored-once';
    await storeResults(await redisClient(), [key], [{ words: 1, results: { first: true } }]);
    await storeResults(await redisClient(), [key], [{ words: 2, results: { second: true } }]);
    expect(await fetchResults(await redisClient(), [key])).toEqual([{ words: 1, results: { first: true } }]);
  });

  it('adds no jobs when the finished corpus is enqueued again', async () => {
    const corpus = sample.filter((a) => a !== victim);
    const again = await runPipelineOnQueue(corpus, { queue: `${redis.url}?batch=4` });
    expect(again.stats).toMatchObject({ stored: corpus.length, analyzed: 0, batches: 0 });
  });

  it('resumes from the stored results when the coordinator is stopped mid-run and started again', async () => {
    const corpus = renamed('resume');
    const controller = new AbortController();
    const first = runPipelineOnQueue(corpus, {
      queue: `${redis.url}?batch=2`,
      pollMs: 100,
      signal: controller.signal,
      onProgress: (done) => done > 0 && controller.abort(new Error('coordinator stopped')),
    });
    await expect(first).rejects.toThrow('coordinator stopped');
    const second = await runPipelineOnQueue(corpus, { queue: `${redis.url}?batch=2`, pollMs: 100 });
    expect(second.stats.stored).toBeGreaterThan(0);
    expect(second.stats.stored + second.stats.analyzed).toBe(corpus.length);
    expect(reportData(second)).toBe(reportData(runPipeline(corpus)));
  });

  it('finishes when Redis restarts mid-run (workers and coordinator reconnect)', async () => {
    const corpus = renamed('restart');
    let progressed = false;
    const run = runPipelineOnQueue(corpus, { queue: `${redis.url}?batch=2`, pollMs: 100, onProgress: (done) => (progressed ||= done > 0) });
    await waitFor('the first results', () => (progressed ? true : undefined));
    await redis.stop();
    await new Promise((r) => setTimeout(r, 500));
    await redis.restart();
    const result = await run;
    expect(result.failures).toEqual([]);
    expect(reportData(result)).toBe(reportData(runPipeline(corpus)));
  });

  let queue: Queue | undefined;
  async function redisClient() {
    queue ??= new Queue('framelens-test-client', { connection: parseQueueUrl(redis.url).connection });
    return queue.client;
  }
  afterAll(async () => queue?.close());
});
