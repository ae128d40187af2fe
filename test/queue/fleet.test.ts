/**
 * The kill test: Redis on loopback, three `framelens worker` processes, the `report --queue`
 * coordinator; one worker is SIGKILLed in the middle of a batch. The report folder must be
 * byte-identical to a local run (`report -j N`, worker threads). On the sample corpus, and
 * enqueueing it again must add no work; when ../shared is there, also on the first 2,000 articles
 * of article-bias-prediction, killed once half the batches are done (FRAMELENS_QUEUE_ABP_N
 * changes the count; 0 skips it).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, expectSameFolders, hasBuild, hasRedis, redisSkipMessage, repoRoot, samplePath, startRedis, startWorker, stopAll, tempDir, track, type RedisServer, type WorkerProcess } from './fleet-fixture.js';

const STALL_MS = '2000';
/** Generous: a loaded CI machine is slow; the run itself takes about 30 s. */
const TIMEOUT_MS = 300_000;

interface CliRun extends Promise<{ code: number | null; stderr: string }> {
  stderr(): string;
}

function runCli(args: string[]): CliRun {
  let stderr = '';
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = track(spawn(process.execPath, [cliEntry, ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] }));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
  return Object.assign(done, { stderr: () => stderr });
}

const startedBatches = (log: string) => [...log.matchAll(/batch (\S+) started/g)].map((m) => m[1]);
const doneBatches = (log: string) => [...log.matchAll(/batch (\S+) done/g)].map((m) => m[1]);

/**
 * SIGKILLs `victim` the moment it starts a batch once `ready()` holds, so that batch is certainly
 * unfinished (the kill is sent from its log line). Resolves with the batch id; fails when the
 * coordinator ends first. Checks that the victim did not finish it, and that a survivor did once
 * the run is over (call `takenOver` after the coordinator ended).
 */
async function killMidBatch(victim: WorkerProcess, workers: WorkerProcess[], coordinator: CliRun, ready: () => boolean) {
  const killed = new Promise<string>((resolve) => {
    const onLog = () => {
      const started = startedBatches(victim.log());
      const current = started[started.length - 1];
      // Only while its latest batch is under way: a log chunk may end with that batch's `done` line.
      if (!current || doneBatches(victim.log()).includes(current) || !ready()) return;
      victim.process.kill('SIGKILL');
      victim.process.stderr!.off('data', onLog);
      resolve(current);
    };
    victim.process.stderr!.on('data', onLog);
  });
  const batch = await Promise.race([
    killed,
    coordinator.then(({ stderr }) => {
      throw new Error(`the run ended before the kill; coordinator: ${stderr}; worker logs: ${workers.map((w) => w.log()).join(' | ')}`);
    }),
  ]);
  await victim.exited;
  expect(victim.log(), 'the kill came after the batch was done').not.toContain(`batch ${batch} done`);
  return {
    batch,
    takenOver: () => expect(workers.filter((w) => w !== victim).map((w) => w.log()).join('')).toContain(`batch ${batch} done`),
  };
}

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

    // Kill the second worker the moment it starts a batch: that batch is certainly unfinished. Not
    // its second one: on a fast machine the other workers can take every batch after its first.
    const victim = workers[1];
    const kill = await killMidBatch(victim, workers, coordinator, () => startedBatches(victim.log()).length >= 1);

    const { code, stderr } = await coordinator;
    expect(code, stderr).toBe(0);
    // Another worker took the batch over after the stall interval and finished it.
    kill.takenOver();
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
/**
 * 2,000 as the issue asks; on an idle 2-core machine the whole test (local run, queue run, both
 * reports) takes about two minutes. Any count works (e.g. 500 for a quick local check).
 */
const ABP_N = Number(process.env.FRAMELENS_QUEUE_ABP_N ?? 2000);
const ABP_BATCH = 16;
const hasAbp = existsSync(abpPath);
const abpSkip = !hasRedis
  ? redisSkipMessage
  : !hasAbp
    ? 'skipped: ../shared/data/article-bias-prediction is absent (a fresh clone has no ../shared)'
    : ABP_N <= 0
      ? 'skipped: FRAMELENS_QUEUE_ABP_N=0'
      : 'data present';

/** Writes the first ABP_N articles of article-bias-prediction as a corpus JSONL (in a temp folder, never in the repo). */
function writeAbpCorpus(path: string): void {
  const rows = gunzipSync(readFileSync(abpPath)).toString('utf8').split('\n', ABP_N * 2).filter(Boolean).map((l) => JSON.parse(l));
  const articles = rows
    .map((r, i) => ({ id: `abp-${i}`, outlet: String(r.source ?? ''), title: String(r.title ?? ''), text: String(r.content_original ?? r.content ?? '') }))
    .filter((a) => a.outlet && a.text.trim())
    .slice(0, ABP_N);
  writeFileSync(path, articles.map((a) => JSON.stringify(a) + '\n').join(''));
}

describe.skipIf(abpSkip !== 'data present')(`${ABP_N} articles of article-bias-prediction on a fleet (${abpSkip})`, () => {
  let redis: RedisServer;
  beforeAll(async () => {
    if (!hasBuild) throw new Error(`the queue tests run the built CLI: run \`npx tsc -p .\` first (${cliEntry} is missing)`);
    redis = await startRedis();
  });
  afterAll(stopAll);

  it('writes a report byte-identical to a local run on two threads although a worker is SIGKILLed halfway', async () => {
    const dir = tempDir('framelens-queue-abp-');
    const input = join(dir, 'abp.jsonl');
    writeAbpCorpus(input);
    const common = [input, '--no-cache', '--quiet'];
    const local = await runCli(['report', ...common, '-o', join(dir, 'local'), '-j', '2']);
    expect(local.code, local.stderr).toBe(0);

    // A longer stall interval than on the sample: under load a worker's lock renewal can lag.
    const workers = await Promise.all([0, 1, 2].map(() => startWorker(redis.url, ['--stall-ms', '5000'])));
    const coordinator = runCli(['report', ...common, '-o', join(dir, 'queue'), '--queue', `${redis.url}?batch=${ABP_BATCH}`]);
    const batches = Math.ceil(ABP_N / ABP_BATCH);
    const done = () => workers.reduce((n, w) => n + doneBatches(w.log()).length, 0);
    const kill = await killMidBatch(workers[1], workers, coordinator, () => done() >= batches / 2);

    const { code, stderr } = await coordinator;
    expect(code, stderr).toBe(0);
    kill.takenOver();
    expectSameFolders(join(dir, 'queue'), join(dir, 'local'));
  }, 900_000);
});
