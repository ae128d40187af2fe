/**
 * Faults around the coordinator, with workers in this process (so faults can be injected: through
 * `runBatch`, or by making an analysis throw): an article an analysis throws on is left out
 * exactly as in a local run; an article whose job keeps failing lands in the rejects while the run
 * completes; results are written once; a restarted coordinator and a restarted Redis both resume.
 * Outcomes are compared with a local run (`runPipelineParallel`) on the same articles.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANALYSES } from '../../analyses/index.js';
import type { Article } from '../../src/corpus/article.js';
import { encodeLine } from '../../src/pipeline/result-line.js';
import { runPipelineParallel } from '../../src/pipeline/run-parallel.js';
import type { PipelineResult } from '../../src/pipeline/run.js';
import { analyzeLines, type LineBatchTask } from '../../src/pipeline/worker.js';
import { runPipelineOnQueue, type QueueRunResult } from '../../src/queue/coordinator.js';
import { resultKey } from '../../src/queue/jobs.js';
import { parseQueueUrl } from '../../src/queue/redis-url.js';
import { fetchLines, storeLines } from '../../src/queue/result-store.js';
import { startQueueWorker, type QueueWorker } from '../../src/queue/worker.js';
import { Queue } from 'bullmq';
import { expectSameFolders, hasRedis, redisSkipMessage, samplePath, startRedis, stopAll, tempDir, waitFor, type RedisServer } from './fleet-fixture.js';

const sample: Article[] = readFileSync(samplePath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

/** The same corpus under new ids, so its content-hash keys are new to Redis. */
const renamed = (suffix: string) => sample.map((a) => ({ ...a, id: `${a.id}-${suffix}` }));

/** The last article whose outlet appears earlier, so leaving it out keeps the corpus's outlet order. */
const victim = [...sample].reverse().find((a, k) => sample.findIndex((b) => b.outlet === a.outlet) < sample.length - 1 - k)!;

/** The corpus of the analysis-fault tests (its own keys, so its failed line never meets the other tests) and the article terms throws on. */
const throwing = renamed('throws');
const thrower = throwing[sample.indexOf(victim)];

/** Plain JSON of what a report is made of. */
function reportData(result: PipelineResult): string {
  return JSON.stringify({
    articles: result.articles.map((a) => a.id),
    summaries: [...result.summaries],
    perDoc: [...result.perDoc].map(([id, docs]) => [id, [...docs]]),
    docs: result.index.docs,
  });
}

/** What a local run on one thread makes of `articles`: its report data, failures and diagnostics. */
async function localRun(articles: Article[]) {
  const local = await runPipelineParallel(articles, { jobs: 1, cache: false });
  try {
    return { data: reportData(local), failures: local.failures, diagnostics: local.diagnostics };
  } finally {
    local.close();
  }
}

/** Reads a queue run's report data and closes it. */
function queueData(result: QueueRunResult): string {
  try {
    return reportData(result);
  } finally {
    result.close();
  }
}

/** The pipeline's worker-thread entry run inline. */
const inline = async (task: LineBatchTask): Promise<string[]> => analyzeLines(task);

/** The same, but the whole batch fails when it holds `id`, as if its worker crashed on that article. */
function crashingOn(id: string) {
  return async (task: LineBatchTask): Promise<string[]> => {
    if (task.articles.some((a) => a.id === id)) throw new Error(`injected worker crash on '${id}'`);
    return analyzeLines(task);
  };
}

/** Makes the terms analysis throw on `thrower` only, wherever it runs in this process. */
function termsThrowOnThrower() {
  const original = ANALYSES.terms.perDoc;
  vi.spyOn(ANALYSES.terms, 'perDoc').mockImplementation((doc, ctx) => {
    if (doc.article.id === thrower.id) throw new Error('injected analysis fault');
    return original(doc, ctx);
  });
}

/** Runs `framelens report` in this process and returns what it wrote on stderr. */
async function reportCli(args: string[]): Promise<string> {
  const stderr: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const program = new Command('framelens').exitOverride();
    (await import('../../src/cli/report.js')).register(program);
    await program.parseAsync(['node', 'framelens', 'report', ...args]);
  } finally {
    spy.mockRestore();
    stdout.mockRestore();
  }
  return stderr.join('');
}

describe.skipIf(!hasRedis)(`the coordinator under faults (${hasRedis ? 'redis-server present' : redisSkipMessage})`, () => {
  let redis: RedisServer;
  let workers: QueueWorker[] = [];
  const errors: string[] = [];
  /** Queue on which analyses run unharmed (the test decides whether one throws). */
  const PLAIN = 'name=plain';

  beforeAll(async () => {
    redis = await startRedis({ persist: true });
    const start = (name: string, runBatch: (task: LineBatchTask) => Promise<string[]>) =>
      startQueueWorker({
        target: parseQueueUrl(`${redis.url}?${name}`),
        // Short, so a batch whose worker lost Redis mid-way is taken over in seconds.
        stallMs: 2000,
        runBatch,
        onEvent: (e) => void (e.type === 'error' && errors.push(e.reason)),
      });
    workers = [start('name=framelens', crashingOn(victim.id)), start('name=framelens', crashingOn(victim.id)), start(PLAIN, inline)];
    await Promise.all(workers.map((w) => w.ready()));
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.close(true)));
    await stopAll();
  });

  it('leaves out an article an analysis throws on exactly as a local run does: same failure, diagnostics and summaries', async () => {
    termsThrowOnThrower();
    const result = await runPipelineOnQueue(throwing, { queue: `${redis.url}?batch=4&${PLAIN}`, pollMs: 200 });
    const local = await localRun(throwing);
    expect(result.failures).toEqual([
      { index: throwing.indexOf(thrower), id: thrower.id, reason: expect.stringContaining('terms: injected analysis fault'), ruleId: 'pipeline:analysis-failed' },
    ]);
    expect(result.failures).toEqual(local.failures);
    expect(result.diagnostics).toEqual(local.diagnostics);
    expect(result.stats).toMatchObject({ articles: throwing.length, failed: 1, analyzed: throwing.length });
    expect(queueData(result)).toBe(local.data);
    // Left out of everything, not only of the analysis that threw.
    vi.restoreAllMocks();
    expect(local.data).toBe((await localRun(throwing.filter((a) => a !== thrower))).data);
  });

  it('writes the same report folder and --rejects lines as a local run when an analysis throws on an article', async () => {
    termsThrowOnThrower();
    const dir = tempDir('framelens-queue-throws-');
    const input = join(dir, 'throwing.jsonl');
    writeFileSync(input, throwing.map((a) => JSON.stringify(a) + '\n').join(''));
    const run = (name: string, extra: string[]) =>
      reportCli([input, '-o', join(dir, name), '--no-cache', '--quiet', '--rejects', join(dir, `${name}.rejects.jsonl`), ...extra]);
    const localErr = await run('local', ['-j', '1']);
    const queueErr = await run('queue', ['--queue', `${redis.url}?batch=4&${PLAIN}`]);
    expectSameFolders(join(dir, 'queue'), join(dir, 'local'), { sameProcess: true });
    const rejects = readFileSync(join(dir, 'queue.rejects.jsonl'), 'utf8');
    expect(rejects).toBe(readFileSync(join(dir, 'local.rejects.jsonl'), 'utf8'));
    expect(rejects.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { file: input, line: throwing.indexOf(thrower) + 1, reason: expect.stringContaining('injected analysis fault'), ruleId: 'pipeline:analysis-failed', text: thrower.id },
    ]);
    // Errors show even under --quiet, the same in both modes.
    expect(queueErr).toBe(localErr);
    expect(queueErr).toMatch(/throwing\.jsonl:\d+ error article .* left out: analysis failed \(terms: injected analysis fault\) pipeline:analysis-failed/);
    expect(readFileSync(join(dir, 'queue', 'index.html'), 'utf8')).toContain('pipeline:analysis-failed');
  });

  it('rejects an article whose job fails every attempt (a worker that keeps crashing on it) and still summarises the rest like a local run', async () => {
    const result = await runPipelineOnQueue(sample, { queue: `${redis.url}?batch=4&attempts=2`, pollMs: 200 });
    expect(result.failures).toEqual([
      { index: sample.indexOf(victim), id: victim.id, reason: expect.stringMatching(/its job failed 2 times \(injected worker crash/), ruleId: 'queue:analysis-failed' },
    ]);
    expect(result.stats).toMatchObject({ articles: sample.length, failed: 1, analyzed: sample.length - 1 });
    expect(queueData(result)).toBe((await localRun(sample.filter((a) => a !== victim))).data);
  });

  it('lists the article whose job failed in the --rejects file and writes the report from the command line', async () => {
    const dir = tempDir('framelens-queue-cli-');
    const rejects = join(dir, 'rejects.jsonl');
    const out = join(dir, 'report');
    const stderr = await reportCli([samplePath, '-o', out, '--no-cache', '--rejects', rejects, '--queue', `${redis.url}?batch=4&attempts=1`]);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const lines = readFileSync(rejects, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ ruleId: 'queue:analysis-failed', text: victim.id, reason: expect.stringContaining('injected worker crash') })]);
    expect(stderr).toMatch(/error article .* left out: its job failed .* queue:analysis-failed/);
    // The report's diagnostics table lists it too.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('queue:analysis-failed');
  });

  it('stores a result once: a batch reported twice changes nothing', async () => {
    const key = 'test-stored-once';
    const first = encodeLine(key.padEnd(40, '0'), 1, ['{"first":true}']);
    await storeLines(await redisClient(), [key], [first]);
    await storeLines(await redisClient(), [key], [encodeLine(key.padEnd(40, '0'), 2, ['{"second":true}'])]);
    expect(await fetchLines(await redisClient(), [key], 1)).toEqual([first]);
  });

  it('treats a damaged stored line as missing and deletes it, so the article is analysed again', async () => {
    const key = 'test-damaged';
    const line = encodeLine(key.padEnd(40, '0'), 1, ['{"value":1}']);
    const client = await redisClient();
    await (client as unknown as { set(k: string, v: string): Promise<unknown> }).set(resultKey(key), line.replace('1}', '2}'));
    expect(await fetchLines(client, [key], 1)).toEqual([undefined]);
    await storeLines(client, [key], [line]);
    expect(await fetchLines(client, [key], 1)).toEqual([line]);
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
    expect(queueData(second)).toBe((await localRun(corpus)).data);
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
    expect(queueData(result)).toBe((await localRun(corpus)).data);
  });

  let queue: Queue | undefined;
  async function redisClient() {
    queue ??= new Queue('framelens-test-client', { connection: parseQueueUrl(redis.url).connection });
    return queue.client;
  }
  afterAll(async () => queue?.close());
});
