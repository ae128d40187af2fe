/**
 * Step 6 of extraction: a second look at each attribution as a whole. The cue classifier
 * (cue-model.ts) sees one token and its window; this check sees what extraction made of the
 * cue — its mean probability, whether a source was found and of which type and by which rule,
 * the kind and size of the content, whether it sits inside another attribution's content, the
 * cue verb — and keeps the attribution when a small logistic regression over these facts,
 * trained on PolNeAR train by scripts/train-attribution.mjs (cross-fitted cue probabilities),
 * says it is likely enough. Weights live in the cue model file (`check`); a model without them
 * keeps every attribution.
 */
import type { Attribution } from './types.js';

/** The check's weights and the probability an attribution needs to be kept. */
export interface AttributionCheck {
  keep: number;
  weights: Record<string, number>;
}

/** What extraction knows of a candidate besides the record itself. */
export interface CandidateFacts {
  /** Mean cue probability (1 for rule cues). */
  p: number;
  /** The rule that found the source, without details ("noun phrase before cue"), or "none". */
  sourceRule: string;
  /** Cue tokens. */
  cueTokens: number;
  /** Whether the cue is a rule cue (colon, dash), not the classifier's. */
  rule: boolean;
  /** Sentence of the cue's first token. */
  sentence: number;
  /** Whether the cue lies inside quote marks. */
  quoted: boolean;
  /** The cue classifier's explanation, written for kept attributions only. */
  explain?: () => string;
}

const bucket = (x: number, edges: readonly number[]) => {
  let k = 0;
  while (k < edges.length && x >= edges[k]) k++;
  return k;
};
const P_EDGES = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
const WORD_EDGES = [1, 4, 11, 31];
const GENERAL_WORD = /^[a-z][a-z'-]*$/;

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const joined = new Map<string, Map<string, string>>();

/**
 * `a + b`, one shared string per pair: a candidate's feature names are looked up rather than
 * built, so no new string is made and hashed for each (this runs for every candidate).
 */
function cat(a: string, b: string): string {
  let inner = joined.get(a);
  if (!inner) joined.set(a, (inner = new Map()));
  let name = inner.get(b);
  if (name === undefined) inner.set(b, (name = a + b));
  return name;
}

/**
 * Visits the features of candidate `i` among the kept candidates `all` as (prefix, value) pairs
 * whose concatenation is the feature's name (lower-case verb lemmas, buckets and tags only: no
 * names or text of the data). One definition for training (names) and scoring (weights).
 */
function visitFeatures(all: readonly Attribution[], facts: readonly CandidateFacts[], i: number, emit: (prefix: string, value: string) => void): void {
  const a = all[i];
  const f = facts[i];
  const pValue = DIGITS[bucket(f.p, P_EDGES)];
  const pBar = cat(cat('p=', pValue), '|');
  const source = a.source ? a.sourceType : 'none';
  const outer = all.find((o, k) => k !== i && o.content && o.content.start <= a.cue.start && a.cue.end <= o.content.end);
  const nested = outer ? outer.kind : 'none';
  const verb = GENERAL_WORD.test(a.verb) ? a.verb : '<other>';
  emit('bias', '');
  emit('p=', pValue);
  emit('src=', source);
  emit('in=', nested);
  emit('kind=', a.kind);
  emit('srule=', f.sourceRule);
  emit('words=', DIGITS[bucket(a.words, WORD_EDGES)]);
  emit('len=', DIGITS[Math.min(f.cueTokens, 3)]);
  emit(cat(pBar, 'src='), source);
  emit(cat(pBar, 'in='), nested);
  emit(cat(pBar, 'kind='), a.kind);
  emit('verb=', verb);
  emit(cat('verb|kind=', verb), cat('|', a.kind));
  if (f.rule) emit('rule-cue', '');
  if (f.quoted) emit('cue-in-quote', '');
  // How the source was resolved ("pronoun", "name mention", "unnamed source", …).
  emit('res=', a.chain[0]?.rule ?? 'none');
  if (a.content && /^that\b/i.test(a.content.text)) emit('that-clause', '');
  // Likelier cues in the same sentence: a weaker one is often a word of their content or a fragment.
  let likelier = 0;
  for (let k = 0; k < all.length; k++) if (k !== i && facts[k].sentence === f.sentence && facts[k].p > f.p) likelier++;
  emit('likelier=', DIGITS[Math.min(likelier, 2)]);
}

/** Feature names of candidate `i` (training, explanations). */
export function checkFeatures(all: readonly Attribution[], facts: readonly CandidateFacts[], i: number): string[] {
  const out: string[] = [];
  visitFeatures(all, facts, i, (prefix, value) => out.push(cat(prefix, value)));
  return out;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Per weights object: prefix → value → weight, filled as pairs are met (no name built twice). */
const weightTables = new WeakMap<Record<string, number>, Map<string, Map<string, number>>>();

/** The check's probability of candidate `i`, summing its weights without writing its feature names. */
export function checkProbability(check: AttributionCheck, all: readonly Attribution[], facts: readonly CandidateFacts[], i: number): number {
  let table = weightTables.get(check.weights);
  if (!table) weightTables.set(check.weights, (table = new Map()));
  const weights = check.weights;
  let z = 0;
  visitFeatures(all, facts, i, (prefix, value) => {
    let inner = table!.get(prefix);
    if (!inner) table!.set(prefix, (inner = new Map()));
    let w = inner.get(value);
    if (w === undefined) inner.set(value, (w = Object.hasOwn(weights, prefix + value) ? weights[prefix + value] : 0));
    z += w;
  });
  return sigmoid(z);
}

/** The probability the weights give a list of feature names (training). */
export function namedProbability(weights: Record<string, number>, names: readonly string[]): number {
  let z = 0;
  for (const name of names) z += Object.hasOwn(weights, name) ? weights[name] : 0;
  return sigmoid(z);
}
