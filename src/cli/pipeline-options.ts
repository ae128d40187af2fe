/**
 * Options shared by the commands that run the pipeline (report, and analysis commands that need
 * corpus-wide context): --jobs, --no-cache, --cache-dir, --analyses, --lexicon; plus a clean
 * Ctrl-C: the run is aborted and nothing partial is written (see interruptSignal).
 */
import type { Command } from 'commander';
import type { Article } from '../corpus/article.js';
import { FramelensError } from '../corpus/diagnostics.js';
import { messages } from '../pipeline/messages.js';
import { runPipelineParallel, type ParallelOptions } from '../pipeline/run-parallel.js';
import { selectAnalyses } from '../pipeline/run.js';
import { checkLexiconFiles } from '../text/lexicon.js';
import { runPipelineOnQueue } from '../queue/coordinator.js';
import { noteFailedArticles } from './failed-articles.js';
import { createProgress } from './progress.js';

export interface PipelineCliOptions {
  jobs?: string;
  cache?: boolean;
  cacheDir?: string;
  analyses?: string;
  lexicon?: string[];
  quiet?: boolean;
  queue?: string;
  rejects?: string;
}

/** --jobs and the cache options: for every command that runs the per-article pass on the pipeline. */
export function addRunOptions(cmd: Command): Command {
  return cmd
    .option('-j, --jobs <n>', 'worker threads for the per-article pass (default: all cores)')
    .option('--no-cache', 'analyse every article again instead of reusing cached results')
    .option('--cache-dir <dir>', 'per-article result cache (default: $FRAMELENS_CACHE or ~/.cache/framelens)');
}

export function addPipelineOptions(cmd: Command): Command {
  return addRunOptions(cmd)
    .option('--analyses <ids>', 'comma-separated analyses to run (default: all)')
    .option('--lexicon <file...>', 'extra lexicon JSON files (add to or override shipped entries)')
    .option('--queue <url>', 'analyse on `framelens worker` processes through Redis: redis://host[:port][/db][?batch=N&attempts=N]');
}

let interrupt: AbortController | undefined;

/** What an interrupted command throws: the CLI exits with 130, as a shell does after Ctrl-C. */
export class InterruptedError extends FramelensError {
  readonly exitCode = 130;
}

/**
 * Aborted by the first Ctrl-C (SIGINT) of the process; a second Ctrl-C exits at once with 130.
 * Commands pass it to every stage that writes, so an interrupted command writes nothing.
 */
export function interruptSignal(): AbortSignal {
  if (!interrupt) {
    const controller = (interrupt = new AbortController());
    process.on('SIGINT', () => {
      if (controller.signal.aborted) process.exit(130);
      controller.abort(new InterruptedError(messages.interrupted()));
    });
  }
  return interrupt.signal;
}

/** The options as the pipeline takes them; throws on a bad --jobs, --analyses or --lexicon. */
function pipelineOptions(opts: PipelineCliOptions) {
  const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new FramelensError(messages.badJobs(String(opts.jobs)));
  const analyses = opts.analyses ? opts.analyses.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  selectAnalyses(analyses); // throws "framelens: unknown analysis …", which the CLI prints as it is
  checkLexiconFiles(opts.lexicon ?? []);
  return { jobs, analyses };
}

/** Checks the pipeline options before the corpus is read, so a typo does not wait for a large read. */
export function checkPipelineOptions(opts: PipelineCliOptions): void {
  pipelineOptions(opts);
}

/**
 * Runs the pipeline as the command's flags say; `extra` passes analysis options and, for commands
 * that summarise the per-article results themselves, `summaries: false`.
 */
export async function runPipelineFromCli(articles: Article[], opts: PipelineCliOptions, extra: Pick<ParallelOptions, 'options' | 'summaries'> = {}) {
  const { jobs, analyses } = pipelineOptions(opts);
  const progress = createProgress('analysing', { quiet: opts.quiet });
  const signal = interruptSignal();
  try {
    const common = {
      ...extra,
      cache: opts.cache === false ? (false as const) : opts.cacheDir,
      analyses,
      lexiconFiles: opts.lexicon,
      onProgress: (done: number, total: number) => progress.update(done, total),
      signal,
    };
    // --queue: the per-article pass runs on `framelens worker` processes (src/queue/coordinator.ts).
    const result = opts.queue ? await runPipelineOnQueue(articles, { ...common, jobs, queue: opts.queue }) : await runPipelineParallel(articles, { ...common, jobs });
    noteFailedArticles(articles, result, opts.rejects);
    return result;
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw error;
  } finally {
    progress.done();
  }
}

/**
 * One analysis's per-article pass (no summaries), each kept article's result turned into rows, in
 * corpus order; articles the pass failed on are left out (and noted, see --rejects).
 */
export async function rowsFromPass<T>(
  articles: Article[],
  opts: PipelineCliOptions,
  analysis: string,
  options: Record<string, unknown>,
  rowsOf: (doc: string, result: T) => Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const run = await runPipelineFromCli(articles, { ...opts, analyses: analysis }, { options: { [analysis]: options }, summaries: false });
  const results = run.perDoc.get(analysis) as ReadonlyMap<string, T>;
  const rows = run.articles.flatMap((a) => {
    const result = results.get(a.id);
    return result === undefined ? [] : rowsOf(a.id, result);
  });
  run.close();
  return rows;
}
