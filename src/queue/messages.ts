/**
 * Every user-facing text of the queue layer (coordinator, workers, the `--queue` URL), as
 * functions. The CLI prints them; the library only returns or throws them.
 */

export const badQueueUrl = (url: string, why: string) =>
  `--queue must look like redis://[user:password@]host[:port][/db][?batch=N&attempts=N&name=Q], got '${url}': ${why}`;
export const badQueueParam = (name: string, value: string, want: string) => `--queue parameter ${name}=${value}: expected ${want}`;
export const unknownQueueParam = (name: string, known: readonly string[]) =>
  `--queue parameter '${name}' is unknown (known: ${known.join(', ')})`;

/** The reason given for an article whose one-article job failed every attempt (its worker died or could not store the result). */
export const articleFailed = (id: string, attempts: number, reason: string) =>
  `article '${id}' left out: its job failed ${attempts} time${attempts === 1 ? '' : 's'} (${reason})`;
export const ARTICLE_FAILED_RULE = 'queue:analysis-failed';

export const workerReady = (where: string, queue: string, concurrency: number) =>
  `framelens worker: ready on ${where}, queue '${queue}', concurrency ${concurrency}; stop with Ctrl-C or SIGTERM`;
export const workerClosing = (force: boolean) =>
  force
    ? 'framelens worker: stopping now; unfinished batches go back to the queue after the stall interval'
    : 'framelens worker: finishing the current batches, then stopping (signal again to stop at once)';
export const workerClosed = () => 'framelens worker: stopped';
export const batchStarted = (jobId: string, articles: number, attempt: number) =>
  `framelens worker: batch ${jobId} started (${articles} articles, attempt ${attempt})`;
export const batchDone = (jobId: string, analyzed: number, reused: number) =>
  `framelens worker: batch ${jobId} done (${analyzed} analysed, ${reused} already stored)`;
export const batchFailed = (jobId: string, reason: string) => `framelens worker: batch ${jobId} failed: ${reason}`;
export const jobStalled = (jobId: string) => `framelens worker: batch ${jobId} stalled (its worker stopped); queued again`;
export const redisTrouble = (reason: string) => `framelens worker: redis: ${reason} (reconnecting)`;
