/**
 * Similarity at scale: time of the sub-quadratic candidate search (TF-IDF vectors + pruned
 * inverted index, analyses/similarity/candidates.ts) and of event grouping, from 1k to all
 * 20,830 articles of ../shared/data/article-bias-prediction/articles_sample.jsonl.gz, against a
 * plain all-pairs cosine on the same vectors in the same run. All-pairs runs while its predicted
 * time stays under 60 s (quadratic from the last measured size) and is extrapolated beyond.
 * Where all-pairs ran, `recall` is the share of its pairs with cosine ≥ 0.3 that the candidate
 * search also found.
 *
 * The per-article pass is the real text layer (analyzeDoc → docTerms), timed separately and done
 * once for the largest size; BENCH_SIM_CHEAP=1 swaps in a regex tokenizer (lower-cased words, no
 * lemmas or names) to time the corpus-wide part quickly. BENCH_SIM_SIZES overrides the sizes.
 * Prints one JSON line per size, then a summary line with the log–log growth exponents.
 * Imports the compiled library from dist/ (run `npx tsc -p .` first).
 */
import { existsSync, readFileSync } from 'node:fs';
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
const BUDGET_S = 60;

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
const sizes = (process.env.BENCH_SIM_SIZES ?? `1000,2000,5000,10000,${articles.length}`)
  .split(',')
  .map(Number)
  .filter((n) => n > 0 && n <= articles.length);
const largest = Math.max(...sizes);
const cheap = process.env.BENCH_SIM_CHEAP === '1';

/** The cheap stand-in for the text layer: word counts, no lemmas, no names. */
function cheapTerms(article) {
  const terms = {};
  for (const w of article.text.toLowerCase().match(/\p{L}[\p{L}'-]{2,}/gu) ?? []) terms[w] = (terms[w] ?? 0) + 1;
  return { terms, names: {} };
}

const seconds = (t0) => (performance.now() - t0) / 1000;
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

let t0 = performance.now();
const outlets = [...new Set(articles.map((a) => a.outlet))];
const terms = articles.slice(0, largest).map((a) => (cheap ? cheapTerms(a) : docTerms(analyzeDoc(a, { outlets }))));
const perArticleSeconds = seconds(t0);
console.log(
  JSON.stringify({
    bench: 'similarity',
    stage: 'per-article',
    tokenizer: cheap ? 'cheap regex' : 'text layer (analyzeDoc → docTerms)',
    articles: largest,
    seconds: round(perArticleSeconds, 1),
    articles_per_s: Math.round(largest / perArticleSeconds),
  }),
);

const results = [];
let lastAllPairs;
for (const n of sizes) {
  const docs = terms.slice(0, n);
  const docOutlets = articles.slice(0, n).map((a) => a.outlet);
  t0 = performance.now();
  const space = buildVectors(docs, {}, docOutlets);
  const vectorSeconds = seconds(t0);
  t0 = performance.now();
  const pairs = candidatePairs(space);
  const candidateSeconds = seconds(t0);
  t0 = performance.now();
  groupEvents(articles.slice(0, n).map((a, i) => ({ id: a.id, terms: docs[i], outlet: a.outlet, title: a.title, date: a.date })));
  const groupSeconds = seconds(t0);

  const predicted = lastAllPairs ? lastAllPairs.seconds * (n / lastAllPairs.n) ** 2 : 0;
  let allPairsSeconds;
  let extrapolated = false;
  let recall;
  if (predicted < BUDGET_S) {
    t0 = performance.now();
    const exact = allPairs(space, 0.3);
    allPairsSeconds = seconds(t0);
    lastAllPairs = { n, seconds: allPairsSeconds };
    const found = new Set(pairs.map((p) => p.i * n + p.j));
    recall = exact.length ? exact.filter((p) => found.has(p.i * n + p.j)).length / exact.length : 1;
  } else {
    allPairsSeconds = predicted;
    extrapolated = true;
  }
  const row = {
    bench: 'similarity',
    articles: n,
    vectors_s: round(vectorSeconds),
    candidates_s: round(candidateSeconds),
    pairs: pairs.length,
    events_s: round(groupSeconds),
    all_pairs_s: round(allPairsSeconds, 2),
    all_pairs_extrapolated: extrapolated,
    speedup: round(allPairsSeconds / (vectorSeconds + candidateSeconds), 1),
    recall_at_0_3: recall === undefined ? null : round(recall),
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
const measuredAllPairs = results.filter((r) => !r.all_pairs_extrapolated);
console.log(
  JSON.stringify({
    bench: 'similarity',
    summary: true,
    articles: largest,
    candidates_growth_exponent: exponent('candidates_s'),
    events_growth_exponent: exponent('events_s'),
    all_pairs_growth_exponent: measuredAllPairs.length >= 2 ? exponent.call(null, 'all_pairs_s') : null,
    candidates_s_at_largest: results.at(-1)?.candidates_s,
    all_pairs_s_at_largest: results.at(-1)?.all_pairs_s,
  }),
);
