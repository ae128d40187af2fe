/**
 * The learned loaded-language model: a logistic regression over token features (features.ts)
 * shipped as data/models/loaded.json and trained by scripts/train-loaded.mjs on PTC train
 * articles and BABE train sentences. Scores every word token and explains the scores a marker
 * reports by their largest positive contributions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { FramelensError } from '../../src/corpus/diagnostics.js';
import { badModel } from './messages.js';
import type { DecodeOptions } from './decode-spans.js';
import type { PhraseModel } from './phrase-scores.js';

/** The weights file format. */
export interface LoadedModel {
  /** Format version of the file. */
  format: 1;
  /** What the weights were trained on and how (free text, no data). */
  trainedOn: string;
  bias: number;
  /** Default probability at which a word joins a flagged span (tuned by cross-validation on train documents). */
  threshold: number;
  /** Span decoding settings tuned with the threshold (decode-spans.ts); absent in older files. */
  decode?: Omit<DecodeOptions, 'threshold'>;
  /** Phrase re-scoring (phrase-scores.ts), trained on out-of-fold phrases; absent in older files. */
  phrase?: PhraseModel;
  weights: Record<string, number>;
}

/** One feature's part in a score. */
export interface Contribution {
  feature: string;
  weight: number;
}

export interface TokenScore {
  p: number;
  /** Largest positive contributions first. */
  top: Contribution[];
}

/** Path of the shipped weights. */
export function defaultModelPath(): string {
  return join(packageRoot(), 'data', 'models', 'loaded.json');
}

const cache = new Map<string, LoadedModel>();

/** Reads (once per path) a weights file. */
export function loadModel(file = defaultModelPath()): LoadedModel {
  const cached = cache.get(file);
  if (cached) return cached;
  let model: LoadedModel;
  try {
    model = JSON.parse(readFileSync(file, 'utf8')) as LoadedModel;
  } catch (error) {
    throw new FramelensError(badModel(file, error instanceof Error ? error.message : String(error)));
  }
  if (model.format !== 1 || typeof model.weights !== 'object') throw new FramelensError(badModel(file, 'unknown format'));
  cache.set(file, model);
  return model;
}

/**
 * Weights as a Map, built once per model: the weights object holds tens of thousands of keys,
 * and a Map looks them up faster than such a dictionary-mode object.
 */
const weightMaps = new WeakMap<LoadedModel, Map<string, number>>();

function weightMap(model: LoadedModel): Map<string, number> {
  let weights = weightMaps.get(model);
  if (!weights) weightMaps.set(model, (weights = new Map(Object.entries(model.weights))));
  return weights;
}

/**
 * The probability of one token's features, without an explanation: the per-token pass needs
 * only this; explanations are built for the few tokens a marker reports (scoreFeatures).
 */
export function scoreProbability(model: LoadedModel, features: readonly string[]): number {
  const weights = weightMap(model);
  let z = model.bias;
  for (const feature of features) {
    const weight = weights.get(feature);
    if (weight !== undefined) z += weight;
  }
  return 1 / (1 + Math.exp(-z));
}

/** Scores one token's features and explains the score by its `topN` largest positive contributions. */
export function scoreFeatures(model: LoadedModel, features: readonly string[], topN = 3): TokenScore {
  const weights = weightMap(model);
  let z = model.bias;
  const parts: Contribution[] = [];
  for (const feature of features) {
    const weight = weights.get(feature);
    if (weight === undefined) continue;
    z += weight;
    if (weight > 0) parts.push({ feature, weight });
  }
  parts.sort((a, b) => b.weight - a.weight);
  return { p: 1 / (1 + Math.exp(-z)), top: parts.slice(0, topN) };
}
