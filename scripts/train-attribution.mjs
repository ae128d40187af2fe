#!/usr/bin/env node
/**
 * Trains the attribution cue classifier (analyses/attribution/cue-model.ts) on PolNeAR train and
 * writes data/models/attribution-cues.json. Run after `npm run build`:
 *
 *   node scripts/train-attribution.mjs [--data ../shared/data] [--dist dist] [--out data/models/attribution-cues.json]
 *
 * 1. read PolNeAR train, run the text layer, label each token cue / not cue (gold cue overlap);
 * 2. keep features firing in at least MIN_DOCS documents, and drop any whose words look like names
 *    (written capitalized mid-sentence more often than lower-case) — the weights hold no names,
 *    sentences or offsets of the data;
 * 3. logistic regression (AdaGrad, L2) on 90% of the documents; pick the probability threshold that
 *    maximizes cue-span overlap F1 on the other 10%; retrain on all documents; prune tiny weights.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../shared/data') },
    dist: { type: 'string', default: resolve(import.meta.dirname, '../dist') },
    out: { type: 'string', default: resolve(import.meta.dirname, '../data/models/attribution-cues.json') },
    epochs: { type: 'string', default: '6' },
    limit: { type: 'string' },
  },
});
const load = (path) => import(pathToFileURL(join(args.dist, path)).href);
const { readPolnear, polnearArticle, emptyCounts, scoreDocument, metricsOf } = await load('src/eval/attribution.js');
const { analyzeDoc } = await load('src/text/analyze.js');
const { featureContext, tokenFeatures } = await load('analyses/attribution/cue-features.js');
const { findCues } = await load('analyses/attribution/find-cues.js');

const MIN_DOCS = 3;
const L2 = 1e-6;
const RATE = 0.2;
const PRUNE = 0.005;

// 1. Examples.
const started = Date.now();
const gold = readPolnear(args.data, 'train', args.limit ? Number(args.limit) : undefined);
const docs = gold.map((g) => {
  const analyzed = analyzeDoc(polnearArticle(g));
  const ctx = featureContext(analyzed.tokens, g.text);
  const cueChars = g.attributions.flatMap((a) => a.cue);
  const examples = analyzed.tokens.map((t, i) => ({
    features: tokenFeatures(ctx, i),
    y: cueChars.some((c) => t.start < c.end && c.start < t.end) ? 1 : 0,
  }));
  return { gold: g, tokens: analyzed.tokens, examples };
});
console.error(`read ${docs.length} docs, ${docs.reduce((n, d) => n + d.examples.length, 0)} tokens (${Date.now() - started} ms)`);

// 2. Feature filter: document frequency, and no name-like words.
const docFreq = new Map();
const capitalized = new Map();
const lower = new Map();
for (const d of docs) {
  const seen = new Set();
  for (const e of d.examples) for (const f of e.features) seen.add(f);
  for (const f of seen) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  for (const [i, t] of d.tokens.entries()) {
    const key = t.lemma.toLowerCase();
    const initial = i === 0 || d.tokens[i - 1].sentence !== t.sentence;
    if (/^[A-Z]/.test(t.text) && !initial) capitalized.set(key, (capitalized.get(key) ?? 0) + 1);
    else if (/^[a-z]/.test(t.text)) lower.set(key, (lower.get(key) ?? 0) + 1);
  }
}
const nameLike = (word) => (capitalized.get(word) ?? 0) > (lower.get(word) ?? 0);
const allowed = new Set(
  [...docFreq]
    .filter(([f, n]) => n >= MIN_DOCS && !f.split(/[=|]/).slice(1).some((w) => /^[a-z]/.test(w) && nameLike(w)))
    .map(([f]) => f),
);
for (const d of docs) for (const e of d.examples) e.features = e.features.filter((f) => allowed.has(f));
console.error(`${allowed.size} features kept of ${docFreq.size}`);

// 3. Logistic regression with AdaGrad.
function train(trainDocs, epochs) {
  const w = new Map();
  const g2 = new Map();
  const examples = trainDocs.flatMap((d) => d.examples);
  let seed = 42;
  const random = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = examples.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [examples[i], examples[j]] = [examples[j], examples[i]];
    }
    let loss = 0;
    for (const { features, y } of examples) {
      let z = 0;
      for (const f of features) z += w.get(f) ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      loss -= y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
      const grad = p - y;
      for (const f of features) {
        const wf = w.get(f) ?? 0;
        const g = grad + L2 * wf;
        const acc = (g2.get(f) ?? 0) + g * g;
        g2.set(f, acc);
        w.set(f, wf - (RATE * g) / Math.sqrt(acc + 1e-8));
      }
    }
    console.error(`epoch ${epoch + 1}: mean loss ${(loss / examples.length).toFixed(4)}`);
  }
  return Object.fromEntries([...w].filter(([, v]) => Math.abs(v) >= PRUNE).map(([f, v]) => [f, Math.round(v * 1e4) / 1e4]));
}

const epochs = Number(args.epochs);
const heldOut = docs.filter((_, i) => i % 10 === 0);
const fit = docs.filter((_, i) => i % 10 !== 0);
const probe = train(fit, epochs);
let best = { threshold: 0.5, f1: -1 };
for (let threshold = 0.2; threshold <= 0.7001; threshold += 0.05) {
  const counts = emptyCounts();
  for (const d of heldOut) {
    const { cues } = findCues({ threshold, weights: probe }, d.tokens, d.gold.text, threshold);
    const predicted = cues.map((c) => ({ cue: { start: d.tokens[c.tokenStart].start, end: d.tokens[c.tokenEnd - 1].end, text: '' }, source: null, content: null }));
    scoreDocument(counts, d.gold, predicted);
  }
  const m = metricsOf(counts);
  console.error(`threshold ${threshold.toFixed(2)}: cue P ${m.cueP} R ${m.cueR} F1 ${m.cueF1}`);
  if (m.cueF1 > best.f1) best = { threshold: Math.round(threshold * 100) / 100, f1: m.cueF1 };
}
const weights = train(docs, epochs);
const model = {
  name: 'attribution-cues',
  description:
    'Logistic-regression cue classifier for framelens attribution: weights of token context features (general English lemmas, POS tags, quote marks, position). Trained by scripts/train-attribution.mjs.',
  trainedOn: `PolNeAR v1.0 train split (${docs.length} articles, ${docs.reduce((n, d) => n + d.examples.length, 0)} tokens); threshold tuned on 10% held out (cue overlap F1 ${best.f1})`,
  threshold: best.threshold,
  weights: Object.fromEntries(Object.entries(weights).sort((a, b) => a[0].localeCompare(b[0]))),
};
// One weight per line keeps the file diffable.
const { weights: w, ...head } = model;
const body = Object.entries(w).map(([f, v]) => `    ${JSON.stringify(f)}: ${v}`).join(',\n');
writeFileSync(args.out, `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "weights": {\n${body}\n  }\n}\n`);
console.error(`wrote ${args.out}: ${Object.keys(weights).length} weights, threshold ${best.threshold} (${Date.now() - started} ms)`);
