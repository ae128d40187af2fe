/**
 * The kill test: Redis on loopback, three `framelens worker` processes, the `report --queue`
 * coordinator on the sample corpus; one worker is SIGKILLed in the middle of a batch. The report
 * folder must be byte-identical to a local run, and enqueueing the corpus again must add no work.
 * When ../shared is there, the same on 2,000 articles of article-bias-prediction (pipeline data
 * compared, killed when half the results are in; FRAMELENS_QUEUE_ABP_N changes the count).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { runPipelineParallel } from '../../src/pipeline/run-parallel.js';
import type { PipelineResult } from '../../src/pipeline/run.js';
import { runPipelineOnQueue } from '../../src/queue/coordinator.js';
import { cliEntry, hasBuild, hasRedis, redisSkipMessage, repoRoot, samplePath, startRedis, startWorker, stopAll, tempDir, waitFor, type RedisServer, type WorkerProcess } from './fleet-fixture.js';

const STALL_MS = '2000';
/** Generous: a loaded CI machine is slow; the run itself takes about 30 s. */
const TIMEOUT_MS = 300_000;

interface CliRun extends Promise<{ code: number | null; stderr: string }> {
  stderr(): string;
}

function runCli(args: string[]): CliRun {
  let stderr = '';
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cliEntry, ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
  return Object.assign(done, { stderr: () => stderr });
}

/** Every file under `dir`, report-relative, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

function expectSameFolders(actual: string, expected: string): void {
  const files = listFiles(expected);
  expect(listFiles(actual)).toEqual(files);
  for (const file of files) {
    const same = readFileSync(join(actual, file)).equals(readFileSync(join(expected, file)));
    expect(same, `${file} differs from the local run`).toBe(true);
  }
}

const startedBatches = (log: string) => [...log.matchAll(/batch (\S+) started/g)].map((m) => m[1]);

describe.skipIf(!hasRedis)(`a fleet of worker processes on Redis (${hasRedis ? 'redis-server present' : redisSkipMessage})`, () => {
  let redis: RedisServer;
  let workers: WorkerProcess[] = [];
  let localDir: string;

  beforeAll(async () => {
    if (!hasBuild) throw new Error(`the queue tests run the built CLI: run \`npx tsc -p .\` first (${cliEntry} is missing)`);
    redis = await startRedis();
    localDir = join(tempDir('framelens-queue-local-'), 'report');
    const local = await runCli(['report', samplePath, '-o', localDir, '--no-cache', '-j', '1', '--quiet']);
    expect(local.code, local.stderr).toBe(0);
  });
  afterAll(stopAll);

  it('writes a report byte-identical to a local run although one of three workers is SIGKILLed mid-batch', async () => {
    workers = await Promise.all([0, 1, 2].map(() => startWorker(redis.url, ['--stall-ms', STALL_MS])));
    const outDir = join(tempDir('framelens-queue-dist-'), 'report');
    const coordinator = runCli(['report', samplePath, '-o', outDir, '--no-cache', '--quiet', '--queue', `${redis.url}?batch=3`]);

    // Kill the second worker the moment it starts its second batch: the run is under way (it has
    // finished one batch) and this one is certainly unfinished (the kill is sent from the log line).
    const victim = workers[1];
    const killed = new Promise<string>((resolve) => {
      const onLog = () => {
        const started = startedBatches(victim.log());
        if (started.length < 2) return;
        victim.process.kill('SIGKILL');
        victim.process.stderr!.off('data', onLog);
        resolve(started[1]);
      };
      victim.process.stderr!.on('data', onLog);
    });
    const batch = await Promise.race([
      killed,
      coordinator.then(() => {
        throw new Error(`the run ended before the second worker started two batches; worker logs: ${workers.map((w) => w.log()).join(' | ')}`);
      }),
    ]);
    await victim.exited;
    expect(victim.log(), 'the kill came after the batch was done').not.toContain(`batch ${batch} done`);

    const { code, stderr } = await coordinator;
    expect(code, stderr).toBe(0);
    // Another worker took the batch over after the stall interval and finished it.
    const survivors = workers[0].log() + workers[2].log();
    expect(survivors).toContain(`batch ${batch} done`);
    expectSameFolders(outDir, localDir);
  }, TIMEOUT_MS);

  it('adds no work when the same corpus is enqueued again, and writes the same report', async () => {
    const survivors = [workers[0], workers[2]];
    const before = survivors.map((w) => startedBatches(w.log()).length);
    const outDir = join(tempDir('framelens-queue-again-'), 'report');
    const { code, stderr } = await runCli(['report', samplePath, '-o', outDir, '--no-cache', '--quiet', '--queue', `${redis.url}?batch=3`]);
    expect(code, stderr).toBe(0);
    expect(survivors.map((w) => startedBatches(w.log()).length)).toEqual(before);
    expectSameFolders(outDir, localDir);
  }, TIMEOUT_MS);

  it('stops a worker on SIGTERM with exit code 0', async () => {
    const worker = workers[0];
    worker.process.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.log()).toContain('framelens worker: stopped');
  });
});

const abpPath = join(repoRoot, '../shared/data/article-bias-prediction/articles_sample.jsonl.gz');
const ABP_N = Number(process.env.FRAMELENS_QUEUE_ABP_N ?? 2000);
/**
 * Opt-in for now (FRAMELENS_QUEUE_ABP=1): the text layer does not yet give the same tokens for an
 * article whatever was analysed before it in the same thread (e.g. "woman’s" is one token or two),
 * so no two runs that split the corpus differently — local --jobs 1 vs 2, or any fleet — agree
 * on this corpus. Make it the default once analyzeDoc is deterministic.
 */
const abpWanted = process.env.FRAMELENS_QUEUE_ABP === '1';
const hasAbp = existsSync(abpPath);
const abpSkip = !hasAbp
  ? 'skipped: ../shared/data/article-bias-prediction is absent'
  : !abpWanted
    ? 'skipped unless FRAMELENS_QUEUE_ABP=1 until the text layer is deterministic across articles'
    : 'data present';

/** The first ABP_N articles of article-bias-prediction with text, as Articles. */
function abpArticles(): Article[] {
  const rows = gunzipSync(readFileSync(abpPath)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return rows
    .map((r, i) => ({ id: `abp-${i}`, outlet: String(r.source ?? ''), title: String(r.title ?? ''), text: String(r.content_original ?? r.content ?? '') }))
    .filter((a) => a.outlet && a.text.trim())
    .slice(0, ABP_N);
}

function pipelineData(result: PipelineResult): string {
  return JSON.stringify({ summaries: [...result.summaries], perDoc: [...result.perDoc].map(([id, docs]) => [id, [...docs]]), docs: result.index.docs });
}

describe.skipIf(!hasRedis || !hasAbp || !abpWanted)(
  `${ABP_N} articles of article-bias-prediction on a fleet (${!hasRedis ? redisSkipMessage : abpSkip})`,
  () => {
    let redis: RedisServer;
    beforeAll(async () => {
      if (!hasBuild) throw new Error(`the queue tests run the built CLI: run \`npx tsc -p .\` first (${cliEntry} is missing)`);
      redis = await startRedis();
    });
    afterAll(stopAll);

    it('gives the same summaries and per-article results as a local run when a worker is SIGKILLed halfway', async () => {
      const articles = abpArticles();
      const workers = await Promise.all([0, 1, 2].map(() => startWorker(redis.url, ['--stall-ms', STALL_MS])));
      let killed = false;
      const result = await runPipelineOnQueue(articles, {
        queue: `${redis.url}?batch=16`,
        onProgress: (done, total) => {
          if (!killed && done >= total / 2) {
            killed = true;
            workers[1].process.kill('SIGKILL');
          }
        },
      });
      expect(killed).toBe(true);
      expect(result.failures).toEqual([]);
      const local = await runPipelineParallel(articles, { jobs: 2, cache: false });
      try {
        expect(pipelineData(result)).toBe(pipelineData(local));
      } finally {
        local.close?.();
      }
    }, 1_800_000);
  },
);
