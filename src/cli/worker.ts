/**
 * `framelens worker --queue redis://host:port[/db] [--concurrency N]`: a long-running process that
 * analyses batches from the queue (see src/queue/worker.ts). Start any number, on any machines
 * that reach the Redis server. SIGTERM or Ctrl-C finishes the current batches and exits; a
 * second signal exits at once (the batches go back to the queue after the stall interval).
 */
import type { Command } from 'commander';
import { FramelensError } from '../corpus/diagnostics.js';
import { batchDone, batchFailed, batchStarted, jobStalled, redisTrouble, workerClosed, workerClosing, workerReady } from '../queue/messages.js';
import { parseQueueUrl } from '../queue/redis-url.js';
import { startQueueWorker, type QueueWorkerEvent } from '../queue/worker.js';

interface WorkerCliOptions {
  queue: string;
  concurrency: string;
  stallMs: string;
  resultTtl?: string;
  verbose?: boolean;
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FramelensError(`${flag} must be a positive integer, got '${value}'`);
  return n;
}

function logLine(event: QueueWorkerEvent, verbose: boolean): string | undefined {
  switch (event.type) {
    case 'started':
      return verbose ? batchStarted(event.jobId, event.articles, event.attempt) : undefined;
    case 'done':
      return verbose ? batchDone(event.jobId, event.analyzed, event.reused) : undefined;
    case 'failed':
      return batchFailed(event.jobId, event.reason);
    case 'stalled':
      return jobStalled(event.jobId);
    case 'error':
      return redisTrouble(event.reason);
  }
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('analyse articles from a Redis queue for `report --queue` (run any number, anywhere)')
    .requiredOption('--queue <url>', 'redis://[user:password@]host[:port][/db] (rediss:// for TLS); ?name=Q picks a queue other than "framelens"')
    .option('--concurrency <n>', 'batches analysed at once, one thread each (about one per core)', '1')
    .option('--stall-ms <ms>', 'job lock and stall-check interval: a dead worker\'s batch is retried after about twice this', '30000')
    .option('--result-ttl <seconds>', 'expire stored results after this long (default: keep)')
    .option('-v, --verbose', 'log every batch started and done')
    .action(async (opts: WorkerCliOptions) => {
      const target = parseQueueUrl(opts.queue);
      const concurrency = positiveInt('--concurrency', opts.concurrency);
      const worker = startQueueWorker({
        target,
        concurrency,
        stallMs: positiveInt('--stall-ms', opts.stallMs),
        resultTtlSeconds: opts.resultTtl === undefined ? undefined : positiveInt('--result-ttl', opts.resultTtl),
        onEvent: (event) => {
          const line = logLine(event, Boolean(opts.verbose));
          if (line) process.stderr.write(line + '\n');
        },
      });
      let signals = 0;
      const stopped = new Promise<void>((resolve, reject) => {
        const stop = () => {
          const force = ++signals > 1;
          process.stderr.write(workerClosing(force) + '\n');
          if (force) process.exit(130);
          worker.close().then(resolve, reject);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      await worker.ready();
      process.stderr.write(workerReady(target.display, target.name, concurrency) + '\n');
      await stopped;
      process.stderr.write(workerClosed() + '\n');
      // Closed connections can linger a few seconds; supervisors want the exit now.
      process.exit(0);
    });
}
