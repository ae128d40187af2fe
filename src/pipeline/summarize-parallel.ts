/**
 * Step 4 of the parallel pipeline (run-parallel.ts) on every core. An analysis that assigns
 * events runs on this thread, because every analysis after it reads those events (only those
 * that declare `independentOfEvents` run beside it, on worker threads); the analyses between two
 * such points are independent and run at the same time on worker threads,
 * each reading its per-article results from the same store files (descriptors are shared by the
 * threads of a process). Summaries are pure functions of their inputs, so the output is the
 * same bytes as summarising one analysis after the other.
 *
 * Analyses whose per-article results are the same bytes for every article (`events` and
 * `similarity` both keep DocTerms, stored once per result line) get the same map object, and an
 * analysis whose map was already summarised on this thread is summarised here too, while the
 * other independent summaries run on the workers: a summary can then reuse what an earlier one
 * built from that map (the similarity summary takes the vectors and candidate pairs the events
 * grouping built, analyses/similarity/compute.ts) instead of decoding the map and building them
 * again on another thread.
 */
import { Piscina } from 'piscina';
import type { Article } from '../corpus/article.js';
import type { AnalysisContext, AnyAnalysis, CorpusIndex } from '../../analyses/types.js';
import { collectGarbageIfGrown } from './collect-garbage.js';
import { buildCorpusIndex } from './corpus-index.js';
import { LazyResultMap } from './lazy-result-map.js';
import type { ResultStore, ResultStoreSnapshot } from './result-store.js';
import { applyEventAssignments } from './run.js';
import { readSummaries, writeSummaries } from './summary-cache.js';

/** What a worker thread needs to summarise one analysis (see worker.ts `summarizeOne`). */
export interface SummarizeTask {
  analysis: string;
  /** The analysis's position in the store's result lines. */
  part: number;
  ids: string[];
  store: ResultStoreSnapshot;
  index: CorpusIndex;
  context: AnalysisContext;
}

export interface SummarizeOptions {
  /** Threads for the independent summaries; 1 = this thread, one after the other. */
  jobs: number;
  /**
   * Fewer articles than this are summarised on this thread: a worker thread costs ≈ 0.8 s to
   * start. From this size on, this thread also collects its garbage after each summary it
   * computes and once all are in (collect-garbage.ts). Default 1000.
   */
  threadsFrom?: number;
  /** The compiled worker file (worker.ts). */
  workerFile: string;
  /** Where this run's summaries are cached (summary-cache.ts): read when there, written when computed. */
  cache?: { dir: string; key: string };
  /** Called with an analysis's seconds once its summary is there. */
  onSummary?: (analysis: AnyAnalysis, seconds: number) => void;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Per analysis position, the first position whose results are the same bytes for every article
 * (a back-referenced part points at the bytes of the part it repeats, result-line.ts).
 */
export function sameResults(store: ResultStoreSnapshot): number[] {
  const k = store.analysisCount;
  const same = Array.from({ length: k }, (_, a) => a);
  for (let a = 1; a < k; a++) {
    for (let b = 0; b < a; b++) {
      if (same[b] !== b) continue;
      let equal = true;
      for (let i = 0; equal && i < store.size; i++) {
        equal = store.starts[i * k + a] === store.starts[i * k + b] && store.lengths[i * k + a] === store.lengths[i * k + b];
      }
      if (equal) {
        same[a] = b;
        break;
      }
    }
  }
  return same;
}

/** The corpus index and every analysis's summary, in registry order. */
export async function summarizeStore(
  articles: Article[],
  store: ResultStore,
  analyses: AnyAnalysis[],
  context: AnalysisContext,
  options: SummarizeOptions,
): Promise<{ index: CorpusIndex; summaries: Map<string, unknown>; fromCache: boolean }> {
  const ids = articles.map((a) => a.id);
  const index = buildCorpusIndex(articles, new Map(articles.map((a, i) => [a.id, store.words(i)])));
  const cached = options.cache && readSummaries(options.cache.dir, options.cache.key, analyses.map((a) => a.id));
  if (cached) {
    for (const analysis of analyses) applyEventAssignments(analysis, cached.get(analysis.id), index);
    return { index, summaries: cached, fromCache: true };
  }
  const found = new Map<string, unknown>();
  const snapshot = store.snapshot();
  const same = sameResults(snapshot);
  const column = (analysis: AnyAnalysis) => same[analyses.indexOf(analysis)];
  // One map per distinct column of results, dropped once its last analysis has summarised (what
  // summaries built from it and keep for the next one goes with it).
  const maps = new Map<number, LazyResultMap>();
  const users = new Map<number, number>();
  for (const analysis of analyses) users.set(column(analysis), (users.get(column(analysis)) ?? 0) + 1);
  const done = (col: number) => {
    users.set(col, users.get(col)! - 1);
    if (users.get(col) === 0) maps.delete(col);
  };
  const summarisedHere = new Set<number>();
  const large = articles.length >= (options.threadsFrom ?? 1000);
  // What a summary built and did not keep is garbage V8 would keep until the heap doubles.
  const tidy = () => large && collectGarbageIfGrown();
  const inThisThread = (analysis: AnyAnalysis) => {
    const started = process.hrtime.bigint();
    const col = column(analysis);
    const perDoc = maps.get(col) ?? maps.set(col, new LazyResultMap(ids, store, col)).get(col)!;
    found.set(analysis.id, analysis.summarize(perDoc, index, context));
    perDoc.release();
    summarisedHere.add(col);
    done(col);
    tidy();
    options.onSummary?.(analysis, seconds(started));
  };
  // All threads start now: they load their modules while this thread groups the events.
  const pool = options.jobs > 1 && large ? new Piscina({ filename: options.workerFile, name: 'summarizeOne', minThreads: options.jobs, maxThreads: options.jobs }) : undefined;
  const onWorker = async (analysis: AnyAnalysis) => {
    const started = process.hrtime.bigint();
    const task: SummarizeTask = { analysis: analysis.id, part: column(analysis), ids, store: snapshot, index, context };
    found.set(analysis.id, await pool!.run(task));
    done(column(analysis));
    options.onSummary?.(analysis, seconds(started));
  };
  try {
    // Summaries that read no events start on the workers at once, beside the events grouping
    // (the task copies the index as it is then; they do not read what grouping adds to it).
    const early = pool ? analyses.filter((a) => a.independentOfEvents && !a.assignEvents) : [];
    const earlyDone = Promise.all(early.map(onWorker));
    earlyDone.catch(() => {}); // awaited below; this only keeps a failure from counting as unhandled meanwhile
    let independent: AnyAnalysis[] = [];
    const flush = async () => {
      const batch = independent;
      independent = [];
      // Summaries that reuse what this thread built go first: what they share is dropped after them.
      const here = batch.filter((a) => summarisedHere.has(column(a)));
      const rest = batch.filter((a) => !here.includes(a));
      if (!pool || batch.length < 2) return [...here, ...rest].forEach(inThisThread);
      const away = Promise.all(rest.map(onWorker));
      if (here.length) {
        await nextTick(); // lets the pool hand out its tasks before this thread gets busy
        here.forEach(inThisThread);
      }
      await away;
    };
    for (const analysis of analyses) {
      if (early.includes(analysis)) continue;
      if (!analysis.assignEvents) {
        independent.push(analysis);
        continue;
      }
      await flush();
      if (early.length) await nextTick(); // lets the pool hand out the early tasks first
      inThisThread(analysis);
      applyEventAssignments(analysis, found.get(analysis.id), index);
    }
    await flush();
    await earlyDone;
  } finally {
    await pool?.destroy();
  }
  tidy();
  const summaries = new Map(analyses.map((a) => [a.id, found.get(a.id)]));
  if (options.cache) writeSummaries(options.cache.dir, options.cache.key, summaries);
  return { index, summaries, fromCache: false };
}

/** Worker side: one analysis's summary from a snapshot of the store. */
export function summarizeTask(task: SummarizeTask, analysis: AnyAnalysis, store: ResultStore): unknown {
  const perDoc = new LazyResultMap(task.ids, store, task.part);
  return analysis.summarize(perDoc, task.index, task.context);
}
