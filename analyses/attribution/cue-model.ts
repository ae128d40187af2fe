/**
 * The learned cue classifier: logistic regression over the token features of cue-features.ts,
 * trained on PolNeAR train by scripts/train-attribution.mjs and shipped as
 * data/models/attribution-cues.json (feature names and weights only: no text, names or offsets).
 * Runtime: score each token, and say which features pushed it over the threshold.
 *
 * Every token of every article is scored (twice: the model is stacked), so the weights are
 * compiled once into fixed-point tables indexed by value ids (cue-symbols.ts): word features
 * from one row per word, word bigrams from one pair table, the features a condition alone fires
 * from one table by the conditions that hold, the rest one template at a time over all tokens
 * (tight loops over one small table each). Integer sums make the order free and the
 * result exact. Names are only written out for the few tokens whose score is explained.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import {
  BIAS_TEMPLATE, featureContext, STACK_FEATURES, stackColumns, TOKEN_FEATURES, WORD_OFFSETS, type FeatureContext, type FeatureSpec,
  type FeatureToken,
} from './cue-features.js';
import { featureName, parseFeatureName, Symbols, TEMPLATES } from './cue-symbols.js';
import { PairTable } from './pair-table.js';
import { ValueBlocks } from './value-blocks.js';
import type { AttributionCheck } from './attribution-check.js';

/** The weights file. */
export interface CueModel {
  name: string;
  description: string;
  /** What it was trained on (data set and split, counts): provenance, not data. */
  trainedOn: string;
  /** Probability at or above which a token is a cue token (tuned on held-out train docs). */
  threshold: number;
  /** First-pass weights over token features (both passes are read to 1e-4, WEIGHT_SCALE). */
  weights: Record<string, number>;
  /** Second-pass weights over token features plus stack features of first-pass probabilities. */
  stacked?: Record<string, number>;
  /** The whole-attribution check (attribution-check.ts); absent: every candidate is kept. */
  check?: AttributionCheck;
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
const NO_WEIGHTS = 3;

/**
 * Weights are read at this precision (the trainer rounds them so) and summed as integers, so
 * a token's sum is exact whatever order its features are added in: the scorer groups them by
 * what keeps the tables in cache, not by spec order.
 */
export const WEIGHT_SCALE = 1e4;
const fixed = (w: number) => (w === w ? Math.round(w * WEIGHT_SCALE) : 0);

/**
 * Token features read from word columns are summed together, token by token, from one row per
 * word (`rows`): the word at i−3…i+3 and the word alone each used to take a table of their own,
 * seven cache misses per token where one row now serves the window. Word bigram features
 * ("w|w+1", "w-1|w") share one pair table (`bigrams`): the pair that gives one token its
 * "w|w+1" gives the next its "w-1|w", so each is looked up once.
 */
const ROW_SPECS = TOKEN_FEATURES.filter((f) => f.b < 0 && WORD_OFFSETS.has(f.a));
const BIGRAM_SPECS = TOKEN_FEATURES.filter((f) => f.when < 0 && WORD_OFFSETS.has(f.a) && WORD_OFFSETS.get(f.b) === WORD_OFFSETS.get(f.a)! + 1);
/** Token features summed template by template over all tokens. */
const OTHER_SPECS = TOKEN_FEATURES.filter((f) => !ROW_SPECS.includes(f) && !BIGRAM_SPECS.includes(f));
const WORDS = [...WORD_OFFSETS].find(([, offset]) => offset === 0)![0];
/** Per template, its index in ROW_SPECS / BIGRAM_SPECS, or -1. */
const ROW_INDEX = new Int32Array(TEMPLATES.length).fill(-1);
ROW_SPECS.forEach(({ t }, r) => (ROW_INDEX[t] = r));
const BIGRAM_INDEX = new Int32Array(TEMPLATES.length).fill(-1);
BIGRAM_SPECS.forEach(({ t }, j) => (BIGRAM_INDEX[t] = j));

/**
 * Weights as lookup tables: each template's own weight arrays, indexed by a slot (0 for a
 * no-value template, the value id for a one-value template, a slot from a pair table for a
 * two-value one), and fixed-point copies laid out for the scoring loops. Explanations read the
 * copies when they are exact (`exact`), else the weight arrays.
 */
interface CompiledModel {
  symbols: Symbols;
  /** Per template: how to look it up (NO_WEIGHTS when no weight uses it, else its arity). */
  lookup: Uint8Array;
  /** Per two-value template: slot by value ids (first value). */
  pairs: PairTable[];
  /** Per template and slot, the weight of each pass (NaN when the pass has none: explanations). */
  first: Float64Array[];
  second: Float64Array[] | null;
  /**
   * Scoring, in fixed point with 0 for none (adding 0 leaves a sum unchanged, so the loops need
   * no test): per no- and one-value template, `[first, second]` per slot (one cache line holds
   * both weights of a feature); per two-value template, both by value ids: in blocks when one
   * side takes few values (value-blocks.ts), else in a pair table.
   */
  unary: Int32Array[];
  blocks: Array<ValueBlocks | null>;
  pairWeights: PairTable[];
  /** Per word id, `[first, second]` of each of ROW_SPECS. */
  rows: Int32Array;
  /** Per word pair, `[first, second]` of each of BIGRAM_SPECS. */
  bigrams: PairTable;
  /**
   * The no-value templates of OTHER_SPECS (the bias and features a condition alone fires, as
   * "q-before"), summed together: `[first, second]` at 2 × the bit mask of their conditions that
   * hold (bit k: `flagConditions[k]`; a template without a condition counts in every entry). One
   * look-up per token instead of a pass over all tokens per template. (TOKEN_FEATURES has twelve
   * such conditions: 4,096 entries.)
   */
  flagSums: Int32Array;
  flagConditions: Int32Array;
  /** OTHER_SPECS without those (summed template by template). */
  otherSpecs: readonly FeatureSpec[];
  /**
   * Whether the scoring tables hold every weight exactly: each is a non-zero multiple of
   * 1/WEIGHT_SCALE (the trainer writes them so), so a fixed-point value divided back is the
   * weight itself and 0 means none. Explanations then read these tables (see weightOf).
   */
  exact: boolean;
}

function compile(model: CueModel): CompiledModel {
  const symbols = new Symbols();
  const passes = model.stacked ? [model.weights, model.stacked] : [model.weights];
  const readings = passes.map((weights) => Object.entries(weights).map(([name, w]) => ({ w, readings: parseFeatureName(name, symbols) })));
  // Values the features emit whether or not a weight names them (ids stay stable once frozen).
  for (const value of ['<S>', '</S>', '0', '1', '2', '3', '4', '5', 'x']) symbols.id(value);
  symbols.freeze();
  const lookup = new Uint8Array(TEMPLATES.length).fill(NO_WEIGHTS);
  const pairCount = new Array<number>(TEMPLATES.length).fill(0);
  for (const pass of readings) for (const r of pass) for (const [t] of r.readings) (lookup[t] = TEMPLATES[t].arity), pairCount[t]++;
  const pairs = pairCount.map((count) => new PairTable(count));
  const slotCount = TEMPLATES.map(({ arity }, t) => (arity === 0 ? 1 : arity === 1 ? symbols.size : pairCount[t]));
  const nextSlot = new Array<number>(TEMPLATES.length).fill(0);
  const tables = readings.map((pass) => {
    const out = slotCount.map((count) => new Float64Array(count).fill(NaN));
    for (const { w, readings: list } of pass) {
      for (const [t, a, b] of list) {
        let slot = slotOf({ lookup, pairs }, t, a, b);
        if (slot < 0) pairs[t].entries[pairs[t].add(a, b) + 2] = slot = nextSlot[t]++;
        out[t][slot] = w;
      }
    }
    return out;
  });
  const [first, second] = tables;
  const both = (t: number, slot: number): [number, number] => [fixed(first[t][slot]), second ? fixed(second[t][slot]) : 0];
  const unary = TEMPLATES.map(({ arity }, t) => {
    const out = new Int32Array(arity === 2 ? 0 : 2 * slotCount[t]);
    for (let slot = 0; 2 * slot < out.length; slot++) out.set(both(t, slot), 2 * slot);
    return out;
  });
  /** Every (a, b, slot) of a two-value template. */
  const pairsOf = (t: number) => {
    const out: Array<[number, number, number]> = [];
    const e = pairs[t].entries;
    for (let at = 0; at < e.length; at += pairs[t].stride) if (e[at] >= 0) out.push([e[at], e[at + 1], e[at + 2]]);
    return out;
  };
  const blocks = TEMPLATES.map(({ arity }, t) => (arity === 2 && lookup[t] === 2 ? ValueBlocks.of(pairsOf(t).map(([a, b, slot]) => [a, b, ...both(t, slot)] as const), symbols.size) : null));
  const pairWeights = pairs.map((table, t) => {
    const weights = new PairTable(blocks[t] ? 0 : table.size, 2);
    if (!blocks[t]) for (const [a, b, slot] of pairsOf(t)) weights.entries.set(both(t, slot), weights.add(a, b) + 2);
    return weights;
  });
  const rows = new Int32Array(symbols.size * 2 * ROW_SPECS.length);
  ROW_SPECS.forEach(({ t }, r) => {
    for (let v = 0; v < symbols.size; v++) rows.set(both(t, v), v * 2 * ROW_SPECS.length + 2 * r);
  });
  // Sized by the distinct word pairs (a pair both templates name is one entry, and pairCount counts
  // each pass's name): a table four times too large missed the cache on most lookups.
  const distinct = new PairTable(BIGRAM_SPECS.reduce((n, { t }) => n + pairCount[t], 0), 0);
  for (const { t } of BIGRAM_SPECS) for (const [a, b] of pairsOf(t)) distinct.add(a, b);
  const bigrams = new PairTable(distinct.size, 2 * BIGRAM_SPECS.length);
  BIGRAM_SPECS.forEach(({ t }, j) => {
    for (const [a, b, slot] of pairsOf(t)) bigrams.entries.set(both(t, slot), bigrams.add(a, b) + 2 + 2 * j);
  });
  const exact = readings.every((pass) => pass.every(({ w }) => w !== 0 && fixed(w) / WEIGHT_SCALE === w));
  const flagSpecs = OTHER_SPECS.filter(({ t }) => lookup[t] === 0);
  const flagConditions = Int32Array.from(new Set(flagSpecs.filter(({ when }) => when >= 0).map(({ when }) => when)));
  const flagSums = new Int32Array(2 << flagConditions.length);
  for (let mask = 0; mask < 1 << flagConditions.length; mask++) {
    for (const { t, when } of flagSpecs) {
      if (when >= 0 && !(mask & (1 << flagConditions.indexOf(when)))) continue;
      flagSums[2 * mask] += unary[t][0];
      flagSums[2 * mask + 1] += unary[t][1];
    }
  }
  const otherSpecs = OTHER_SPECS.filter((spec) => !flagSpecs.includes(spec));
  return { symbols, lookup, pairs, first, second: second ?? null, unary, blocks, pairWeights, rows, bigrams, flagSums, flagConditions, otherSpecs, exact };
}

/** Compiled tables per weights object (a model copied with another threshold shares them). */
const compiled = new WeakMap<Record<string, number>, { stacked?: Record<string, number>; model: CompiledModel }>();

function compiledModel(model: CueModel): CompiledModel {
  const cached = compiled.get(model.weights);
  if (cached && cached.stacked === model.stacked) return cached.model;
  const fresh = compile(model);
  compiled.set(model.weights, { stacked: model.stacked, model: fresh });
  return fresh;
}

/** Weight slot of template `t` with values (a, b), or -1 when no weight names it. */
function slotOf(c: Pick<CompiledModel, 'lookup' | 'pairs'>, t: number, a: number, b: number): number {
  switch (c.lookup[t]) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return a < 0 || b < 0 ? -1 : c.pairs[t].get(a, b);
    default:
      return -1;
  }
}

/**
 * Adds the weights of `specs` to every token's sums (or those of `only`): the first pass's to
 * `z1` (when given) and the second pass's to `z2`, one template at a time, each kind of template
 * in a loop of its own (no test of the kind per token).
 */
function accumulate(
  c: CompiledModel,
  specs: readonly FeatureSpec[],
  columns: readonly Int32Array[],
  conditions: readonly Uint8Array[],
  z1: Float64Array | null,
  z2: Float64Array,
  only: Int32Array | null = null,
): void {
  for (const { t, a, b, when } of specs) {
    const kind = c.lookup[t];
    const fires = when >= 0 ? conditions[when] : null;
    if (kind === 0) addConstant(c.unary[t][0], c.unary[t][1], fires, z1, z2, only);
    else if (kind === 1) addByValue(c.unary[t], columns[a], fires, z1, z2, only);
    else if (kind === 2 && c.blocks[t]) addByBlock(c.blocks[t]!, columns[a], columns[b], fires, z1, z2, only);
    else if (kind === 2) addByPair(c.pairWeights[t], columns[a], columns[b], fires, z1, z2, only);
  }
}

/** A no-value template: its two weights wherever its condition holds. */
function addConstant(w1: number, w2: number, fires: Uint8Array | null, z1: Float64Array | null, z2: Float64Array, only: Int32Array | null): void {
  const count = only ? only.length : z2.length;
  for (let j = 0; j < count; j++) {
    const i = only ? only[j] : j;
    if (fires && !fires[i]) continue;
    if (z1) z1[i] += w1;
    z2[i] += w2;
  }
}

/** A one-value template: `[first, second]` per value id in `both` (value ids are -1 for values no weight names). */
function addByValue(both: Int32Array, values: Int32Array, fires: Uint8Array | null, z1: Float64Array | null, z2: Float64Array, only: Int32Array | null): void {
  const count = only ? only.length : z2.length;
  for (let j = 0; j < count; j++) {
    const i = only ? only[j] : j;
    const v = values[i];
    if (v < 0 || (fires && !fires[i])) continue;
    if (z1) z1[i] += both[2 * v];
    z2[i] += both[2 * v + 1];
  }
}

/** A two-value template whose weights sit in blocks. */
function addByBlock(blocks: ValueBlocks, as: Int32Array, bs: Int32Array, fires: Uint8Array | null, z1: Float64Array | null, z2: Float64Array, only: Int32Array | null): void {
  const w = blocks.weights;
  const count = only ? only.length : z2.length;
  for (let j = 0; j < count; j++) {
    const i = only ? only[j] : j;
    if (fires && !fires[i]) continue;
    const at = blocks.find(as[i], bs[i]);
    if (at < 0) continue;
    if (z1) z1[i] += w[at];
    z2[i] += w[at + 1];
  }
}

/** A two-value template: its weights sit in the pair table's entries. */
function addByPair(pairs: PairTable, as: Int32Array, bs: Int32Array, fires: Uint8Array | null, z1: Float64Array | null, z2: Float64Array, only: Int32Array | null): void {
  const e = pairs.entries;
  const count = only ? only.length : z2.length;
  for (let j = 0; j < count; j++) {
    const i = only ? only[j] : j;
    const a = as[i];
    const b = bs[i];
    if (a < 0 || b < 0 || (fires && !fires[i])) continue;
    const at = pairs.find(a, b);
    if (at < 0) continue;
    if (z1) z1[i] += e[at + 2];
    z2[i] += e[at + 3];
  }
}

/** Adds the ROW_SPECS weights of every token, one word row per value. */
function accumulateRows(c: CompiledModel, ctx: FeatureContext, z1: Float64Array, z2: Float64Array): void {
  const width = 2 * ROW_SPECS.length;
  const values = ROW_SPECS.map(({ a }) => ctx.columns[a]);
  const fires = ROW_SPECS.map(({ when }) => (when >= 0 ? ctx.conditions[when] : null));
  const { rows } = c;
  for (let i = 0; i < z1.length; i++) {
    let s1 = 0;
    let s2 = 0;
    for (let r = 0; r < values.length; r++) {
      const v = values[r][i];
      const f = fires[r];
      if (v < 0 || (f !== null && !f[i])) continue;
      const at = v * width + 2 * r;
      s1 += rows[at];
      s2 += rows[at + 1];
    }
    z1[i] += s1;
    z2[i] += s2;
  }
}

/** Adds the weights of the no-value templates of OTHER_SPECS (flagSums) to every token's sums. */
function accumulateFlags(c: CompiledModel, conditions: readonly Uint8Array[], z1: Float64Array, z2: Float64Array): void {
  const { flagSums } = c;
  const flags = Array.from(c.flagConditions, (when) => conditions[when]);
  for (let i = 0; i < z1.length; i++) {
    let mask = 0;
    for (let k = 0; k < flags.length; k++) mask |= flags[k][i] << k;
    z1[i] += flagSums[2 * mask];
    z2[i] += flagSums[2 * mask + 1];
  }
}

/**
 * Adds the BIGRAM_SPECS weights: each word pair of a sentence (sentence edges included) is
 * looked up once and gives each bigram template's weight to the token that reads that pair.
 */
function accumulateBigrams(c: CompiledModel, ctx: FeatureContext, z1: Float64Array, z2: Float64Array): void {
  const words = ctx.columns[WORDS];
  const [start, end] = [c.symbols.id('<S>'), c.symbols.id('</S>')];
  const offsets = BIGRAM_SPECS.map(({ a }) => WORD_OFFSETS.get(a)!);
  const { bigrams } = c;
  const e = bigrams.entries;
  const n = z1.length;
  for (let s0 = 0; s0 < n; s0 = ctx.sentenceEnd[s0]) {
    const s1 = ctx.sentenceEnd[s0];
    for (let k = s0 - 1; k < s1; k++) {
      const a = k < s0 ? start : words[k];
      const b = k + 1 < s1 ? words[k + 1] : end;
      const at = a < 0 || b < 0 ? -1 : bigrams.find(a, b);
      if (at < 0) continue;
      for (let j = 0; j < offsets.length; j++) {
        // The pair at k is what the template of offset d reads for token k − d.
        const i = k - offsets[j];
        if (i < s0 || i >= s1) continue;
        z1[i] += e[at + 2 + 2 * j];
        z2[i] += e[at + 3 + 2 * j];
      }
    }
  }
}

/** Cue probabilities of a document's tokens, and why a token scored as it did. */
export interface TokenScores {
  ctx: FeatureContext;
  /** Final cue probability per token (second pass when the model is stacked). */
  p: Float64Array;
  /** The three largest weights behind token `i`'s final score ("w=say (+1.20)"), largest first. */
  explain(i: number): string[];
}

const probability = (z: number) => sigmoid(z / WEIGHT_SCALE);

/** Cue probabilities of every token of a document (two passes when the model is stacked). */
export function scoreTokens(model: CueModel, tokens: readonly FeatureToken[], text?: string, cueWords?: ReadonlySet<string>): TokenScores {
  const c = compiledModel(model);
  const ctx = featureContext(tokens, text, cueWords, c.symbols);
  const n = tokens.length;
  // Fixed-point sums of the first pass and of the second (token features, then stack features).
  const z1 = new Float64Array(n);
  const z2 = new Float64Array(n);
  accumulateRows(c, ctx, z1, z2);
  accumulateBigrams(c, ctx, z1, z2);
  accumulateFlags(c, ctx.conditions, z1, z2);
  accumulate(c, c.otherSpecs, ctx.columns, ctx.conditions, z1, z2);
  const first = new Float64Array(n);
  for (let i = 0; i < n; i++) first[i] = probability(z1[i]);
  const explainFirst = (i: number) => explain(c, ctx, 0, [[TOKEN_FEATURES, ctx.columns]], i);
  if (!c.second) return { ctx, p: first, explain: explainFirst };
  const columns = stackColumns(ctx, first);
  const passed = gate(first);
  accumulate(c, STACK_FEATURES, columns, ctx.conditions, null, z2, passed);
  const p = first.slice();
  for (let j = 0; j < passed.length; j++) p[passed[j]] = probability(z2[passed[j]]);
  return {
    ctx,
    p,
    explain: (i) => (first[i] < STACK_GATE ? explainFirst(i) : explain(c, ctx, 1, [[TOKEN_FEATURES, columns], [STACK_FEATURES, columns]], i)),
  };
}

/**
 * First-pass probability below which a token keeps it as its final one: the stack features
 * of the second pass are summed only for tokens that might be cues (about one in five). On a
 * fifth of PolNeAR train (107k tokens) no token under the gate had a second-pass probability
 * above 0.09; the lowest cue threshold the trainer tries is 0.2.
 */
export const STACK_GATE = 0.02;

/** Indexes of the tokens whose first-pass probability reaches the gate. */
function gate(first: Float64Array): Int32Array {
  let n = 0;
  for (let i = 0; i < first.length; i++) if (first[i] >= STACK_GATE) n++;
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < first.length; i++) if (first[i] >= STACK_GATE) out[k++] = i;
  return out;
}

/**
 * The weight of pass `pass` (0: first, 1: second) for template `t` with values (a, b), NaN when
 * the pass has none. Read from the scoring tables when they hold weights exactly: scoring has
 * just brought the token's entries into the cache, while the weight arrays of `first` and
 * `second` are touched by nothing else: an explanation read from them took twice as long the
 * first time as the second, waiting on memory.
 */
function weightOf(c: CompiledModel, pass: 0 | 1, t: number, a: number, b: number): number {
  if (!c.exact) {
    const slot = slotOf(c, t, a, b);
    return slot < 0 ? NaN : (pass === 0 ? c.first : c.second!)[t][slot];
  }
  const w = fixedWeightOf(c, pass, t, a, b);
  return w === 0 ? NaN : w / WEIGHT_SCALE;
}

/** The scoring tables' fixed-point weight of pass `pass` for template `t` with values (a, b); 0 for none. */
function fixedWeightOf(c: CompiledModel, pass: 0 | 1, t: number, a: number, b: number): number {
  const kind = c.lookup[t];
  if (kind === NO_WEIGHTS || (kind >= 1 && a < 0) || (kind === 2 && b < 0)) return 0;
  if (ROW_INDEX[t] >= 0) return c.rows[a * 2 * ROW_SPECS.length + 2 * ROW_INDEX[t] + pass];
  const blocks = c.blocks[t];
  if (blocks) {
    const at = blocks.find(a, b);
    return at < 0 ? 0 : blocks.weights[at + pass];
  }
  if (kind === 2) {
    const table = BIGRAM_INDEX[t] >= 0 ? c.bigrams : c.pairWeights[t];
    const at = table.find(a, b);
    return at < 0 ? 0 : table.entries[at + 2 + 2 * Math.max(0, BIGRAM_INDEX[t]) + pass];
  }
  return c.unary[t][2 * (kind === 0 ? 0 : a) + pass];
}

/** The three largest contributions to token `i` in pass `pass`; equal weights in feature order, bias left out. */
function explain(c: CompiledModel, ctx: FeatureContext, pass: 0 | 1, parts: Array<[readonly FeatureSpec[], readonly Int32Array[]]>, i: number): string[] {
  // The three best as (weight, template, value, value), names written for them only: this runs
  // for every attribution kept.
  const best: number[][] = [];
  for (const [specs, columns] of parts) {
    for (const spec of specs) {
      if (spec.t === BIAS_TEMPLATE || (spec.when >= 0 && !ctx.conditions[spec.when][i])) continue;
      const a = spec.a >= 0 ? columns[spec.a][i] : -1;
      const b = spec.b >= 0 ? columns[spec.b][i] : -1;
      const w = weightOf(c, pass, spec.t, a, b);
      if (w !== w || (best.length === 3 && w <= best[2][0])) continue;
      let at = best.length;
      while (at > 0 && best[at - 1][0] < w) at--;
      best.splice(at, 0, [w, spec.t, a, b]);
      if (best.length > 3) best.pop();
    }
  }
  return best.map(([w, t, a, b]) => `${featureName(c.symbols, t, a, b)} (${w >= 0 ? '+' : ''}${w.toFixed(2)})`);
}
