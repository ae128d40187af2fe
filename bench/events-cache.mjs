/**
 * `framelens events` on the cached parallel pass against the direct path it replaced (the text
 * layer and DocTerms on one thread, then grouping), on the same articles in one run: cold with a
 * fresh cache, again with another threshold (every article's terms from the cache, grouping
 * again), and again with the same options (the grouping from the summary cache). Prints seconds
 * and the ratio to the direct path, and whether the cold run grouped exactly as the direct path.
 * Corpus: the first BENCH_EVENTS_N (default 2,000; 300 with --quick) article-bias-prediction
 * articles when ../shared is present, else the sample corpus. Imports dist/ (`npx tsc -p .`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDoc } from '../dist/src/text/analyze.js';
import { docTerms } from '../dist/analyses/similarity/features.js';
import { groupEvents } from '../dist/analyses/events/compute.js';
import { runPipelineParallel } from '../dist/src/pipeline/run-parallel.js';
import { TERMS_ANALYSES } from '../dist/src/cli/events.js';
import { abpArticles } from './lib/abp.mjs';

const N = Number(process.env.BENCH_EVENTS_N ?? (process.argv.includes('--quick') ? 300 : 2000));
const { name, articles } = abpArticles(N);
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

let t0 = process.hrtime.bigint();
const outlets = [...new Set(articles.map((a) => a.outlet))];
const direct = groupEvents(articles.map((a) => ({ id: a.id, terms: docTerms(analyzeDoc(a, { outlets })), outlet: a.outlet, title: a.title, date: a.date })));
const directSeconds = seconds(t0);

const cache = mkdtempSync(join(tmpdir(), 'framelens-bench-events-'));
const run = async (label, events) => {
  const started = process.hrtime.bigint();
  const result = await runPipelineParallel(articles, { analyses: TERMS_ANALYSES.split(','), cache, options: { events } });
  const s = seconds(started);
  const grouped = result.summaries.get('events').grouped;
  const stats = result.stats;
  result.close();
  console.log(JSON.stringify({ bench: 'events-cache', corpus: name, articles: articles.length, run: label, seconds: +s.toFixed(2), vs_direct: +(s / directSeconds).toFixed(3), cached: stats.cached, summaries_cached: stats.summaries_cached, jobs: stats.jobs }));
  return grouped;
};
try {
  console.log(JSON.stringify({ bench: 'events-cache', corpus: name, articles: articles.length, run: 'direct (one thread, no cache)', seconds: +directSeconds.toFixed(2) }));
  const cold = await run('cold', {});
  const same = Object.keys(direct.grouped).every((id) => cold[id] === direct.grouped[id]);
  console.log(JSON.stringify({ bench: 'events-cache', corpus: name, cold_groups_as_direct: same }));
  await run('warm, another threshold', { threshold: 0.22 });
  await run('warm, same options', {});
} finally {
  rmSync(cache, { recursive: true, force: true });
}
