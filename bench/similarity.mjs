/**
 * Similarity and event grouping at scale, against plain all-pairs cosine in the same run.
 *
 * Corpus: the first 1k, 5k, 10k and all 20,830 articles of
 * ../shared/data/article-bias-prediction/articles_sample.jsonl.gz. Per size it times
 *   - the sub-quadratic similarity (TF-IDF vectors + pruned inverted index; candidates.ts),
 *   - the whole event grouping (groupEvents: vectors, candidates, neighbour smoothing,
 *     average-link clustering, labels),
 *   - plain all-pairs cosine on the same vectors. All-pairs runs while its predicted CPU time
 *     (quadratic from the last size it ran at) stays under the cap (BENCH_SIM_CAP_S, default
 *     60 s); from the size where it would exceed the cap it stops, and the row says so and gives
 *     the quadratic prediction instead. Where it ran, `recall_at_0_3` is the share of its pairs
 *     with cosine ≥ 0.3 that the candidate search also found.
 * Times are CPU seconds of this process (user + system, so garbage-collector threads count),
 * which other jobs on a shared machine disturb far less than wall time; the grouping's wall time
 * is printed too. Then a summary line with the log–log growth exponents of the CPU times
 * (1 = linear, 2 = quadratic).
 *
 * The per-article pass (analyzeDoc → docTerms) is done once for the largest size and timed on
 * its own; it is independent per article (bench/per-analysis.mjs measures it). It takes about
 * ten minutes on two shared cores, so BENCH_SIM_CACHE=1 keeps its result in
 * bench/out/similarity-terms.json and reads it back on the next run. BENCH_SIM_CHEAP=1 (or
 * `--quick`, which also runs only 1k and 2k) swaps in a regex tokenizer. BENCH_SIM_SIZES
 * overrides the sizes. Imports the compiled library from dist/ (run `npx tsc -p .` first).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDoc } from '../dist/src/text/analyze.js';
import { docTerms } from '../dist/analyses/similarity/features.js';
import { buildVectors } from '../dist/analyses/similarity/vectors.js';
import { allPairs, candidatePairs } from '../dist/analyses/similarity/candidates.js';
import { groupEvents } from '../dist/analyses/events/compute.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, '..', 'shared', 'data', 'article-bias-prediction', 'articles_sample.jsonl.gz');
const cacheFile = join(root, 'bench', 'out', 'similarity-terms.json');
const CAP_S = Number(process.env.BENCH_SIM_CAP_S ?? 60);
const quick = process.argv.includes('--quick');

if (!existsSync(file)) {
  console.log(JSON.stringify({ bench: 'similarity', skipped: `data not found: ${file}` }));
  process.exit(0);
}

const rows = gunzipSync(readFileSync(file))
  .toString('utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const articles = rows.map((r, i) => ({
  id: String(r.ID ?? i),
  outlet: String(r.source ?? 'unknown'),
  title: String(r.title ?? ''),
  text: String(r.content_original ?? r.content ?? ''),
  date: r.date || undefined,
}));
const sizes = (process.env.BENCH_SIM_SIZES ?? (quick ? '1000,2000' : `1000,5000,10000,${articles.length}`))
  .split(',')
  .map(Number)
  .filter((n) => n > 0 && n <= articles.length);
const largest = Math.max(...sizes);
const cheap = quick || process.env.BENCH_SIM_CHEAP === '1';
const useCache = !cheap && process.env.BENCH_SIM_CACHE === '1';

/** The cheap stand-in for the text layer: word counts, no lemmas, no names. */
function cheapTerms(article) {
  const terms = {};
  for (const w of article.text.toLowerCase().match(/\p{L}[\p{L}'-]{2,}/gu) ?? []) terms[w] = (terms[w] ?? 0) + 1;
  return { terms, names: {} };
}

const seconds = (t0) => (performance.now() - t0) / 1000;
const cpuSeconds = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Runs `f` once: its result, wall seconds and CPU seconds of this process (user + system). */
function timed(f) {
  const t = performance.now();
  const c = process.cpuUsage();
  const result = f();
  return [result, seconds(t), cpuSeconds(c)];
}

let t0 = performance.now();
const outlets = [...new Set(articles.map((a) => a.outlet))];
let terms;
let source = cheap ? 'cheap regex' : 'text layer (analyzeDoc → docTerms)';
if (useCache && existsSync(cacheFile)) {
  const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
  if (cached.length >= largest) {
    terms = cached.slice(0, largest);
    source += ', read from bench/out cache';
  }
}
terms ??= articles.slice(0, largest).map((a) => (cheap ? cheapTerms(a) : docTerms(analyzeDoc(a, { outlets }))));
if (useCache && !source.includes('cache')) {
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(terms));
}
const perArticleSeconds = seconds(t0);
console.log(
  JSON.stringify({
    bench: 'similarity',
    stage: 'per-article',
    tokenizer: source,
    articles: largest,
    seconds: round(perArticleSeconds, 1),
  }),
);

const results = [];
let lastAllPairs;
let stoppedAt;
for (const n of sizes) {
  const docs = terms.slice(0, n);
  const docOutlets = articles.slice(0, n).map((a) => a.outlet);
  const [space, vectorSeconds, vectorCpu] = timed(() => buildVectors(docs, {}, docOutlets));
  const [pairs, candidateSeconds, candidateCpu] = timed(() => candidatePairs(space));
  const [grouping, groupSeconds, groupCpu] = timed(() =>
    groupEvents(articles.slice(0, n).map((a, i) => ({ id: a.id, terms: docs[i], outlet: a.outlet, title: a.title, date: a.date }))),
  );

  const predicted = lastAllPairs ? lastAllPairs.seconds * (n / lastAllPairs.n) ** 2 : 0;
  let allPairsSeconds = null;
  let allPairsCpu = null;
  let recall = null;
  if (stoppedAt === undefined && predicted <= CAP_S) {
    let exact;
    [exact, allPairsSeconds, allPairsCpu] = timed(() => allPairs(space, 0.3));
    lastAllPairs = { n, seconds: allPairsCpu };
    const found = new Set(pairs.map((p) => p.i * n + p.j));
    recall = exact.length ? exact.filter((p) => found.has(p.i * n + p.j)).length / exact.length : 1;
  } else {
    stoppedAt ??= n;
  }
  const row = {
    bench: 'similarity',
    articles: n,
    vectors_cpu_s: round(vectorCpu),
    candidates_cpu_s: round(candidateCpu),
    pairs: pairs.length,
    events_cpu_s: round(groupCpu),
    events_wall_s: round(groupSeconds),
    events: grouping.events.length,
    all_pairs_cpu_s: allPairsCpu === null ? null : round(allPairsCpu, 2),
    all_pairs_wall_s: allPairsSeconds === null ? null : round(allPairsSeconds, 2),
    all_pairs:
      allPairsSeconds === null
        ? `stopped: predicted ${Math.round(predicted)} s (quadratic from ${lastAllPairs.n} articles) is over the ${CAP_S} s cap`
        : 'ran',
    all_pairs_predicted_s: allPairsSeconds === null ? round(predicted, 1) : undefined,
    speedup_vs_all_pairs: round((allPairsCpu ?? predicted) / (vectorCpu + candidateCpu), 1),
    recall_at_0_3: recall === null ? null : round(recall),
  };
  results.push(row);
  console.log(JSON.stringify(row));
}

/** Least-squares slope of log(time) on log(n): 1 = linear, 2 = quadratic. */
function exponent(key) {
  const pts = results.filter((r) => r[key] > 0).map((r) => [Math.log(r.articles), Math.log(r[key])]);
  if (pts.length < 2) return null;
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const num = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return round(num / den, 2);
}
console.log(
  JSON.stringify({
    bench: 'similarity',
    summary: true,
    articles: largest,
    candidates_cpu_growth_exponent: exponent('candidates_cpu_s'),
    events_cpu_growth_exponent: exponent('events_cpu_s'),
    all_pairs_cpu_growth_exponent: exponent('all_pairs_cpu_s'),
    all_pairs_stopped_at: stoppedAt ?? null,
    events_cpu_s_at_largest: results.at(-1)?.events_cpu_s,
    events_wall_s_at_largest: results.at(-1)?.events_wall_s,
  }),
);
