/**
 * The pipeline on every core, with bounded memory:
 *   1. keys: a content hash per article (cache.ts), when the cache is on
 *   2. reuse: result lines found in the cache packs of this context (pack-cache.ts), unless an
 *      outlet name added to the corpus since could be mentioned in the article (outlet-relevance.ts)
 *   3. analyse: the rest in batches on piscina worker threads (inline for one job); each result
 *      line is appended to the run's spill file (a new cache pack, or a hidden temp file)
 *   3½. articles an analysis threw on leave the run as failures (failed-articles.ts, shared with --queue)
 *   4. summarize: each analysis reads its results back from disk as a lazy Map (lazy-result-map.ts);
 *      independent summaries run at the same time on worker threads (summarize-parallel.ts); a
 *      re-run on the same articles reads the summaries from the cache instead (summary-cache.ts)
 * Results are placed by article index and summaries read the same bytes whatever produced them,
 * so output is byte-identical for any job count and for cold or warm caches.
 */
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Article } from '../corpus/article.js';
import type { Diagnostic } from '../corpus/diagnostics.js';
import { packageRoot } from '../paths.js';
import type { AnalysisContext, AnyAnalysis } from '../../analyses/types.js';
import { analyzeArticleLines } from './analyze-line.js';
import { articleKey, contextKey, defaultCacheDir } from './cache.js';
import { collectGarbage } from './collect-garbage.js';
import { failureDiagnostics, leaveOutFailedArticles, type ArticleFailure } from './failed-articles.js';
import { LazyResultMap } from './lazy-result-map.js';
import { buildCorpusIndex } from './corpus-index.js';
import { mayMention } from './outlet-relevance.js';
import { openPackCache, packDir, type WiderPacks } from './pack-cache.js';
import { ResultStore } from './result-store.js';
import { createContext, selectAnalyses, type PipelineOptions, type PipelineResult } from './run.js';
import { summarizeStore } from './summarize-parallel.js';
import { summaryKey } from './summary-cache.js';
import type { LineBatchTask } from './worker.js';

export interface ParallelOptions extends PipelineOptions {
  /** Worker threads for the per-article pass. Default: available cores. 1 = this thread. */
  jobs?: number;
  /** Cache folder, or false to skip the cache. Default: defaultCacheDir(). */
  cache?: string | false;
  /** Articles per worker task. Default 32. */
  batchSize?: number;
  /** Corpus size from which independent summaries run on worker threads. Default 1000. */
  summaryThreadsFrom?: number;
  /**
   * Summaries computed at the same time. Default: `jobs`. Each holds its analysis's decoded
   * results, so on a large corpus 1 trades summary wall time for a lower peak RSS.
   */
  summaryJobs?: number;
  /** Stops the run (Ctrl-C): pending work is dropped, nothing is cached, and the promise rejects. */
  signal?: AbortSignal;
  /**
   * False: stop after the per-article pass (and its cache), with no summaries and no events
   * assigned, for callers that summarise the per-article results their own way. Default true.
   */
  summaries?: boolean;
}

export interface RunStats {
  articles: number;
  /** Articles served from the cache. */
  cached: number;
  /** Articles analysed in this run. */
  analyzed: number;
  jobs: number;
  /** Seconds spent on steps 1–3 (keys, cache, per-article pass). */
  analyse_s: number;
  /** CPU seconds of the whole process (worker threads included) during steps 1–3. */
  analyse_cpu_s: number;
  /** Seconds spent on step 4. */
  summarize_s: number;
  /** Seconds of step 4 per analysis (reading its results back included). */
  summarize_by_analysis: Record<string, number>;
  /** True when the summaries were read from the cache (the same articles were summarised before). */
  summaries_cached: boolean;
}

export interface ParallelResult extends PipelineResult {
  stats: RunStats;
  /** Articles left out because an analysis threw on them (failed-articles.ts), in input order. */
  failures: ArticleFailure[];
  /** One error per failure, pointing at the article's input record. */
  diagnostics: Diagnostic[];
  /** Closes the files per-article results are read from; `perDoc` can no longer be read after. */
  close(): void;
}

function workerFile(): string {
  const sibling = fileURLToPath(new URL('./worker.js', import.meta.url));
  // From the TypeScript sources (tests) the compiled worker lives in dist/.
  return existsSync(sibling) ? sibling : join(packageRoot(), 'dist', 'src', 'pipeline', 'worker.js');
}

const NEWLINE = 0x0a;
/** Articles to analyse from which a run is large enough to collect garbage between phases. */
const LARGE_RUN = 1000;
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

export async function runPipelineParallel(articles: Article[], options: ParallelOptions = {}): Promise<ParallelResult> {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const analyses = selectAnalyses(options.analyses);
  const context = createContext(articles, options);
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const store = new ResultStore(articles.length, analyses.length);
  try {
    // 1–2. keys and cached results
    const cacheDir = options.cache === false ? undefined : (options.cache ?? defaultCacheDir());
    let keys: string[] | undefined;
    if (cacheDir) {
      // Outlet names are checked per article (outlet-relevance.ts), so a new outlet does not void the cache.
      const ctxKey = contextKey(analyses, context, { outlets: false, perDoc: true });
      keys = articles.map((a) => articleKey(a, ctxKey));
      const header = { outlets: context.outlets };
      openPackCache(store, packDir(cacheDir, ctxKey), byKey(keys), header, (i, changed) => mayMention(articles[i].text, changed), widerPacks(articles, analyses, context, cacheDir));
    } else {
      store.openSpill();
    }
    const todo = articles.map((_, i) => i).filter((i) => !store.has(i));
    // Reading a large corpus left its decoded files behind as garbage (≈ 0.5 GB at 20k articles):
    // reclaimed now, not after the analysis threads have grown beside it.
    if (todo.length >= LARGE_RUN) collectGarbage();
    let done = articles.length - todo.length;
    options.onProgress?.(done, articles.length);

    // 3. per-article pass
    const finish = (i: number, line: string | Uint8Array) => {
      store.add(i, line);
      options.onProgress?.(++done, articles.length);
    };
    const batchSize = options.batchSize ?? 32;
    const batches: number[][] = [];
    for (let i = 0; i < todo.length; i += batchSize) batches.push(todo.slice(i, i + batchSize));
    options.signal?.throwIfAborted();
    if (jobs === 1 || batches.length <= 1) {
      const keyOf = keys;
      for (const batch of batches) {
        const lines = analyzeArticleLines(
          batch.map((i) => articles[i]),
          analyses,
          context,
          keyOf && batch.map((i) => keyOf[i]),
        );
        batch.forEach((i, k) => finish(i, lines[k]));
        await nextTick(); // let Ctrl-C and progress through
        options.signal?.throwIfAborted();
      }
    } else {
      await runOnPool(batches, articles, keys, analyses, context, Math.min(jobs, batches.length), finish, options.signal);
    }
    store.commit();
    const analyseSeconds = seconds(started);
    const analyseCpu = process.cpuUsage(cpuStarted);

    // 4. summaries, one analysis's results in memory at a time per thread
    const summarizing = process.hrtime.bigint();
    const byAnalysis: Record<string, number> = {};
    const kept = leaveOutFailedArticles(articles, store, analyses);
    const keyOf = keys && new Map(articles.map((a, i) => [a, keys![i]]));
    const { index, summaries, fromCache } = options.summaries === false
      ? { index: buildCorpusIndex(kept.articles, new Map(kept.articles.map((a, i) => [a.id, kept.store.words(i)]))), summaries: new Map<string, unknown>(), fromCache: false }
      : await summarizeStore(kept.articles, kept.store, analyses, context, {
          jobs: Math.max(1, options.summaryJobs ?? jobs),
          cache: cacheDir && keyOf ? { dir: cacheDir, key: summaryKey(contextKey(analyses, context), kept.articles.map((a) => keyOf.get(a)!), analyses) } : undefined,
          threadsFrom: options.summaryThreadsFrom,
          workerFile: workerFile(),
          onSummary: (a, s) => (byAnalysis[a.id] = s),
        });
    const ids = kept.articles.map((a) => a.id);
    const perDoc = new Map<string, Map<string, unknown>>(analyses.map((a, k) => [a.id, new LazyResultMap(ids, kept.store, k)]));
    const result: PipelineResult = { articles: kept.articles, index, perDoc, summaries, analyses, context };
    return {
      ...result,
      failures: kept.failures,
      diagnostics: failureDiagnostics(articles, kept.failures),
      stats: {
        articles: articles.length,
        cached: articles.length - todo.length,
        analyzed: todo.length,
        jobs,
        analyse_s: analyseSeconds,
        analyse_cpu_s: (analyseCpu.user + analyseCpu.system) / 1e6,
        summarize_s: seconds(summarizing),
        summarize_by_analysis: byAnalysis,
        summaries_cached: fromCache,
      },
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** Key → the indices of the articles with that key. */
function byKey(keys: readonly string[]): Map<string, number[]> {
  const wanted = new Map<string, number[]>();
  keys.forEach((key, i) => wanted.set(key, [...(wanted.get(key) ?? []), i]));
  return wanted;
}

/**
 * A run of some of the analyses also reads the packs of a run of all of them with the same
 * lexicons and per-article options (what `report` runs), so `framelens events` after a report
 * analyses nothing again.
 */
function widerPacks(articles: readonly Article[], analyses: AnyAnalysis[], context: AnalysisContext, cacheDir: string): WiderPacks[] {
  const all = selectAnalyses();
  if (analyses.length === all.length) return [];
  const key = contextKey(all, context, { outlets: false, perDoc: true });
  return [{
    dir: packDir(cacheDir, key),
    wanted: byKey(articles.map((a) => articleKey(a, key))),
    layout: { width: all.length, columns: analyses.map((a) => all.indexOf(a)) },
  }];
}

/**
 * What a worker needs of an article. `meta` holds every other field of the input record (authors,
 * labels, source URLs …) and no analysis reads it: it stays in this thread instead of being
 * copied to a worker.
 */
function withoutMeta({ meta: _meta, ...article }: Article): Article {
  return article;
}

/** Heap an analysis worker needs besides its articles: models, lexicons, one batch's garbage. */
const WORKER_BASE_MB = 384;
/**
 * Old-generation cap of an analysis worker, in MB. V8 sizes a thread's heap from the machine's
 * memory and lets it grow far past what a batch needs before it collects (on 20k articles the
 * two workers' heaps reached ≈ 1.9 GB together while each held < 100 MB of live data); a cap
 * makes it collect sooner, at no measurable CPU cost. The cap grows with the run's articles so a
 * worker is never starved: reading an article peaks at ≈ 110 bytes of heap per character (a
 * 5 MB article, the default record limit: 548 MB), and a batch keeps its texts (2 bytes per
 * character) and result lines (≈ 7 bytes per character) until it returns.
 */
export function workerHeapMb(batchLengths: number[][]): number {
  let need = 0;
  for (const lengths of batchLengths) {
    let total = 0;
    let longest = 0;
    for (const n of lengths) {
      total += n;
      longest = Math.max(longest, n);
    }
    need = Math.max(need, 160 * longest + 12 * total);
  }
  return WORKER_BASE_MB + Math.ceil(need / (1 << 20));
}

/**
 * Young generation of an analysis worker, in MB (V8 keeps two semi-spaces and a large-object
 * space of a third each: 64 MB semi-spaces; the default is 16). An article's pass builds
 * several MB of tokens and findings that live until its result line is written; in a small
 * young generation a scavenge in the middle of an article promotes them, and the old
 * generation collects them later at greater cost, on a core the other worker needs too.
 * 2 jobs, runs interleaved with as many at the default: 5,000 ABP articles analyse in 28.1–31.4 s
 * against 30.9–34.4 s (four each); 20,730 in 95.9–103.6 s (CPU 188–203 s) against 107.5–109.8 s
 * (208–213 s), the same report, peak RSS 1.70 GB against 1.51–1.53 GB (two each).
 */
const WORKER_YOUNG_MB = 192;

async function runOnPool(
  batches: number[][],
  articles: Article[],
  keys: string[] | undefined,
  analyses: AnyAnalysis[],
  context: AnalysisContext,
  threads: number,
  finish: (i: number, line: string | Uint8Array) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const resourceLimits = {
    maxOldGenerationSizeMb: workerHeapMb(batches.map((batch) => batch.map((i) => articles[i].text.length))),
    maxYoungGenerationSizeMb: WORKER_YOUNG_MB,
  };
  const pool = new Piscina({ filename: workerFile(), name: 'analyzeLineBytes', maxThreads: threads, minThreads: threads, resourceLimits });
  // Every queued batch listens to the signal until it runs: not a leak.
  if (signal) setMaxListeners(batches.length + 10, signal);
  try {
    const ids = analyses.map((a) => a.id);
    await Promise.all(
      batches.map(async (batch) => {
        const task: LineBatchTask = { articles: batch.map((i) => withoutMeta(articles[i])), keys: keys && batch.map((i) => keys[i]), analyses: ids, context };
        const bytes: Uint8Array = await pool.run(task, { signal });
        let start = 0;
        for (const i of batch) {
          const end = bytes.indexOf(NEWLINE, start) + 1;
          finish(i, bytes.subarray(start, end));
          start = end;
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
}
