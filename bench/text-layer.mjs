/**
 * Text-layer throughput: bare `nlp.readDoc` versus the whole text layer (`analyzeDoc`: tokens
 * with offsets, sentences, paragraphs, quotes, mentions) over the same texts, in one process.
 * Warm-up first, then runs that alternate the two variants chunk by chunk (see measure());
 * medians of CPU time (see time()).
 *
 * The baseline reads with a new wink instance each run (same model, same pipe as the text
 * layer). A wink instance keeps every unknown word it reads, and adding a word is most of what
 * reading it costs; re-reading the same texts on one instance would time bare readDoc on a
 * vocabulary that has already seen these very texts, which no user's single pass over a corpus
 * gets (about 10% faster here). That figure is printed too, as warm_vocabulary_tokens_per_s.
 *
 * Corpora: the sample corpus repeated to ≥ 300k tokens (else test/fixtures or the markdown
 * sample), and the first BENCH_ABP_N (default 1000) articles of
 * ../shared/data/article-bias-prediction/articles_sample.jsonl.gz when present.
 * Prints one JSON line per corpus, then the combined line last:
 * {"baseline_tokens_per_s", "pipeline_tokens_per_s", "ratio", "tokens"}.
 * Imports the compiled library from dist/ (run `npx tsc -p .` first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDoc } from '../dist/src/text/analyze.js';
import * as nlpModule from '../dist/src/text/nlp.js';
import { freshNlp } from './lib/fresh-wink.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ABP_N = Number(process.env.BENCH_ABP_N ?? 1000);
const MIN_TOKENS = 300_000;

function jsonlTexts(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).map((r) => r.text ?? r.content ?? '').filter(Boolean);
}

function filesUnder(dir, ext) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

function sampleTexts() {
  for (const file of ['data/sample/articles.jsonl', 'data/sample/jsonl/articles.jsonl']) {
    if (existsSync(join(root, file))) return { name: file, texts: jsonlTexts(join(root, file)) };
  }
  const fixtures = filesUnder(join(root, 'test/fixtures'), ['.jsonl']);
  const fromFixtures = fixtures.flatMap((f) => { try { return jsonlTexts(f); } catch { return []; } });
  if (fromFixtures.length) return { name: 'test/fixtures', texts: fromFixtures };
  const markdown = filesUnder(join(root, 'data/sample/markdown'), ['.md']).map((f) => readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  return { name: 'data/sample/markdown', texts: markdown };
}

function abpTexts() {
  const file = join(root, '../shared/data/article-bias-prediction/articles_sample.jsonl.gz');
  if (!existsSync(file) || ABP_N <= 0) return undefined;
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const texts = [];
  for (const line of lines) {
    if (texts.length >= ABP_N) break;
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const text = r.content_original ?? r.content ?? '';
    if (text) texts.push(text);
  }
  return { name: `article-bias-prediction first ${texts.length}`, texts };
}

// tokens counted on an instance of their own: plain reads on the text layer's would teach it words
const nlp = freshNlp();
const countTokens = (texts) => texts.reduce((n, t) => n + nlp.readDoc(t).tokens().length(), 0);

function repeatTo(texts, minTokens) {
  const once = countTokens(texts);
  if (!once) return texts;
  const times = Math.max(1, Math.ceil(minTokens / once));
  return Array.from({ length: times }, () => texts).flat();
}

/**
 * Seconds of CPU time this process spent in `fn` (user + system). On a shared, loaded machine
 * wall-clock time mostly measures the neighbours; CPU time measures the work. Wall time is
 * reported alongside.
 */
function time(fn) {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  fn();
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1e6, wall: Number(process.hrtime.bigint() - wall0) / 1e9 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Both variants run over the same chunk of CHUNK articles back to back (order alternating), and
 * chunk times add up per run: on a busy machine both then see the same conditions, which whole-
 * corpus alternation does not give.
 */
const CHUNK = 20;

function measure(name, texts) {
  const articles = texts.map((text, i) => ({ id: String(i), outlet: 'bench', title: '', text }));
  const tokens = countTokens(texts);
  let reader = freshNlp();
  const warmReader = freshNlp();
  const bare = (from, to) => { for (let i = from; i < to; i++) reader.readDoc(texts[i]); };
  const warm = (from, to) => { for (let i = from; i < to; i++) warmReader.readDoc(texts[i]); };
  const full = (from, to) => { for (let i = from; i < to; i++) analyzeDoc(articles[i], { outlets: ['bench'] }); };
  // analyzeDoc reads through readDocIsolated (each document sees only its own unknown words, as a
  // fresh instance would); timed too, to show what that isolation alone costs.
  const isolated = nlpModule.readDocIsolated
    ? (from, to) => { for (let i = from; i < to; i++) nlpModule.readDocIsolated(texts[i]).release(); }
    : undefined;
  bare(0, texts.length); full(0, texts.length); warm(0, texts.length); // warm-up: JIT, lexicon and outlet caches
  const b = [];
  const p = [];
  const iso = [];
  const w = [];
  for (let r = 0; r < RUNS; r++) {
    reader = freshNlp();
    const sum = { b: { cpu: 0, wall: 0 }, p: { cpu: 0, wall: 0 }, i: { cpu: 0, wall: 0 }, w: { cpu: 0, wall: 0 } };
    const add = (acc, t) => { acc.cpu += t.cpu; acc.wall += t.wall; };
    for (let from = 0, k = 0; from < texts.length; from += CHUNK, k++) {
      const to = Math.min(texts.length, from + CHUNK);
      if ((k + r) % 2) { add(sum.p, time(() => full(from, to))); add(sum.b, time(() => bare(from, to))); }
      else { add(sum.b, time(() => bare(from, to))); add(sum.p, time(() => full(from, to))); }
      if (isolated) add(sum.i, time(() => isolated(from, to)));
      add(sum.w, time(() => warm(from, to)));
    }
    b.push(sum.b);
    p.push(sum.p);
    iso.push(sum.i);
    w.push(sum.w);
  }
  const result = {
    corpus: name, articles: texts.length, tokens,
    baseline_s: median(b.map((t) => t.cpu)), pipeline_s: median(p.map((t) => t.cpu)),
    baseline_wall_s: median(b.map((t) => t.wall)), pipeline_wall_s: median(p.map((t) => t.wall)),
  };
  result.baseline_tokens_per_s = Math.round(tokens / result.baseline_s);
  result.pipeline_tokens_per_s = Math.round(tokens / result.pipeline_s);
  result.ratio = Number((result.baseline_s / result.pipeline_s).toFixed(3));
  result.warm_vocabulary_tokens_per_s = Math.round(tokens / median(w.map((t) => t.cpu)));
  if (isolated) result.isolated_read_tokens_per_s = Math.round(tokens / median(iso.map((t) => t.cpu)));
  console.log(JSON.stringify(result));
  return result;
}

const results = [];
const sample = sampleTexts();
if (sample.texts.length) results.push(measure(sample.name + ' (repeated)', repeatTo(sample.texts, MIN_TOKENS)));
const abp = abpTexts();
if (abp?.texts.length) results.push(measure(abp.name, abp.texts));
if (!results.length) throw new Error('bench/text-layer: no texts found (data/sample, test/fixtures or ../shared)');

const tokens = results.reduce((n, r) => n + r.tokens, 0);
const baseline = results.reduce((s, r) => s + r.baseline_s, 0);
const pipeline = results.reduce((s, r) => s + r.pipeline_s, 0);
console.log(JSON.stringify({
  baseline_tokens_per_s: Math.round(tokens / baseline),
  pipeline_tokens_per_s: Math.round(tokens / pipeline),
  ratio: Number((baseline / pipeline).toFixed(3)),
  tokens,
}));
