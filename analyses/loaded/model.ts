/**
 * The learned loaded-language model: a logistic regression over token features (features.ts)
 * shipped as data/models/loaded.json and trained by scripts/train-loaded.mjs on PTC train
 * articles and BABE train sentences. Scores every word token and explains each score by its
 * largest positive contributions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { FramelensError } from '../../src/corpus/diagnostics.js';
import { badModel } from './messages.js';
import type { DecodeOptions } from './decode-spans.js';

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

/** Scores one token's features. */
export function scoreFeatures(model: LoadedModel, features: readonly string[], topN = 3): TokenScore {
  let z = model.bias;
  const parts: Contribution[] = [];
  for (const feature of features) {
    const weight = model.weights[feature];
    if (weight === undefined) continue;
    z += weight;
    if (weight > 0) parts.push({ feature, weight });
  }
  parts.sort((a, b) => b.weight - a.weight);
  return { p: 1 / (1 + Math.exp(-z)), top: parts.slice(0, topN) };
}
