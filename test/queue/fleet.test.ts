/**
 * The kill test: Redis on loopback, three `framelens worker` processes, the `report --queue`
 * coordinator on the sample corpus; one worker is SIGKILLed in the middle of a batch. The report
 * folder must be byte-identical to a local run, and enqueueing the corpus again must add no work.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const coordinator = runCli(['report', samplePath, '-o', outDir, '--no-cache', '--quiet', '--queue', `${redis.url}?batch=2`]);

    // Once every worker holds a batch (the first one includes loading the language model, so it
    // takes seconds), kill the second worker in the middle of its batch.
    const victim = workers[1];
    await waitFor('every worker to start a batch', () => (workers.every((w) => startedBatches(w.log()).length) ? true : undefined), 120_000).catch((error) => {
      throw new Error(`${error.message}; coordinator: ${coordinator.stderr()}; workers: ${workers.map((w) => w.log()).join(' | ')}`);
    });
    const batch = startedBatches(victim.log())[0];
    victim.process.kill('SIGKILL');
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
    const { code, stderr } = await runCli(['report', samplePath, '-o', outDir, '--no-cache', '--quiet', '--queue', `${redis.url}?batch=2`]);
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
