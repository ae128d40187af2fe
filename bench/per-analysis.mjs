/**
 * Where the per-article time goes: CPU time of bare `nlp.readDoc`, of the text layer
 * (`analyzeDoc`) and of each analysis' `perDoc`, over the same articles in one process.
 * Prints one JSON line per stage with seconds and the ratio to bare readDoc, then a total
 * line with `pipeline_vs_readdoc` (bare readDoc tokens/s over whole per-article pass tokens/s).
 * Corpus: the first BENCH_ABP_N (default 400) articles of article-bias-prediction when
 * ../shared is present, else the sample corpus. Imports dist/ (run `npx tsc -p .` first).
 */
import { analyzeDoc } from '../dist/src/text/analyze.js';
import { freshNlp } from './lib/fresh-wink.mjs';
import { abpArticles } from './lib/abp.mjs';
import { selectAnalyses, createContext } from '../dist/src/pipeline/run.js';
import { encodeLine, encodePart } from '../dist/src/pipeline/result-line.js';

const N = Number(process.env.BENCH_ABP_N ?? 400);

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const { name, articles: list } = abpArticles(N);
// bare readDoc on its own instance (see lib/fresh-wink.mjs), each text read once
const nlp = freshNlp();
const analyses = selectAnalyses();
const context = createContext(list);
// Warm-up on a slice so JIT and lexicon loading are not counted.
for (const a of list.slice(0, 20)) { const d = analyzeDoc(a, { outlets: context.outlets }); for (const an of analyses) an.perDoc(d, context); }

let t = cpu(); let tokens = 0;
for (const a of list) tokens += nlp.readDoc(a.text).tokens().length();
const readDoc = cpu() - t;
const stage = { textLayer: 0 };
for (const an of analyses) stage[an.id] = 0;
// The result line each worker writes per article (JSON of every analysis's output): part of the pass too.
stage.serialize = 0;
const partBytes = Object.fromEntries(analyses.map((an) => [an.id, 0]));
for (const a of list) {
  t = cpu();
  const doc = analyzeDoc(a, { outlets: context.outlets });
  stage.textLayer += cpu() - t;
  const outputs = analyses.map((an) => { t = cpu(); const out = an.perDoc(doc, context); stage[an.id] += cpu() - t; return out; });
  t = cpu();
  const parts = outputs.map((out) => encodePart(out));
  encodeLine('0'.repeat(40), doc.words, parts);
  stage.serialize += cpu() - t;
  parts.forEach((part, k) => (partBytes[analyses[k].id] += part.length));
}
const total = Object.values(stage).reduce((s, v) => s + v, 0);
for (const [id, s] of Object.entries(stage)) console.log(JSON.stringify({ corpus: name, stage: id, seconds: +s.toFixed(3), vs_readdoc: +(s / readDoc).toFixed(2) }));
console.log(JSON.stringify({ corpus: name, part_kb_per_article: Object.fromEntries(Object.entries(partBytes).map(([id, b]) => [id, +(b / list.length / 1024).toFixed(1)])) }));
console.log(JSON.stringify({ corpus: name, articles: list.length, tokens, readdoc_seconds: +readDoc.toFixed(3), pass_seconds: +total.toFixed(3), pipeline_vs_readdoc: +(readDoc / total).toFixed(3) }));
