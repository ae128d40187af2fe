/**
 * The learned cue classifier: logistic regression over the token features of cue-features.ts,
 * trained on PolNeAR train by scripts/train-attribution.mjs and shipped as
 * data/models/attribution-cues.json (feature names and weights only: no text, names or offsets).
 * Runtime: score each token, and say which features pushed it over the threshold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { featureContext, stackFeatures, tokenFeatures, type FeatureContext, type FeatureToken } from './cue-features.js';

/** The weights file. */
export interface CueModel {
  name: string;
  description: string;
  /** What it was trained on (data set and split, counts): provenance, not data. */
  trainedOn: string;
  /** Probability at or above which a token is a cue token (tuned on held-out train docs). */
  threshold: number;
  /** First-pass weights over token features. */
  weights: Record<string, number>;
  /** Second-pass weights over token features plus stack features of first-pass probabilities. */
  stacked?: Record<string, number>;
}

/** A token's cue probability and the features that contributed most. */
export interface TokenScore {
  p: number;
  top: string[];
}

let shipped: CueModel | undefined;

/** Path of the shipped weights file. */
export function cueModelPath(): string {
  return join(packageRoot(), 'data', 'models', 'attribution-cues.json');
}

/** Loads the shipped cue model (cached) or one from `file`. */
export function loadCueModel(file?: string): CueModel {
  if (!file && shipped) return shipped;
  const model = JSON.parse(readFileSync(file ?? cueModelPath(), 'utf8')) as CueModel;
  if (typeof model.threshold !== 'number' || typeof model.weights !== 'object') {
    throw new Error(`framelens: ${file ?? cueModelPath()} is not a cue model (needs threshold and weights)`);
  }
  if (!file) shipped = model;
  return model;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Weights as Maps, built once per weights object: faster lookups than a dictionary-mode object of this size. */
const weightMaps = new WeakMap<Record<string, number>, Map<string, number>>();

function weightMap(weights: Record<string, number>): Map<string, number> {
  let map = weightMaps.get(weights);
  if (!map) weightMaps.set(weights, (map = new Map(Object.entries(weights))));
  return map;
}

/**
 * Scores one token from its feature names. Every token is scored (twice when stacked) but only
 * cue heads are explained, so the three largest contributions are kept as found and written
 * out as text only when `top` is first read.
 */
export function scoreFeatures(weights: Record<string, number>, features: readonly string[]): TokenScore {
  const map = weightMap(weights);
  let z = 0;
  // Largest first; equal weights in feature order, as a stable sort would leave them.
  const best: Array<[string, number]> = [];
  for (const f of features) {
    const w = map.get(f);
    if (w === undefined) continue;
    z += w;
    if (f === 'bias' || (best.length === 3 && w <= best[2][1])) continue;
    let at = best.length;
    while (at > 0 && best[at - 1][1] < w) at--;
    best.splice(at, 0, [f, w]);
    if (best.length > 3) best.pop();
  }
  let top: string[] | undefined;
  return {
    p: sigmoid(z),
    get top() {
      return (top ??= best.map(([f, w]) => `${f} (${w >= 0 ? '+' : ''}${w.toFixed(2)})`));
    },
  };
}

/** Cue probabilities of every token of a document (two passes when the model is stacked). */
export function scoreTokens(model: CueModel, tokens: readonly FeatureToken[], text?: string, cueWords?: ReadonlySet<string>): { ctx: FeatureContext; scores: TokenScore[] } {
  const ctx = featureContext(tokens, text, cueWords);
  const features = tokens.map((_, i) => tokenFeatures(ctx, i));
  const first = features.map((f) => scoreFeatures(model.weights, f));
  if (!model.stacked) return { ctx, scores: first };
  const probabilities = first.map((s) => s.p);
  const stacked = model.stacked;
  return { ctx, scores: features.map((f, i) => scoreFeatures(stacked, [...f, ...stackFeatures(ctx, probabilities, i)])) };
}
