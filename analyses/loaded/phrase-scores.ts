/**
 * Phrase-level re-scoring, the last step of the learned model (detect.ts): the token model and
 * the span decoder propose phrases (learned spans and the lexicon hits the model agrees with,
 * merged where they touch or overlap — the spans the evaluation scores), and a second logistic
 * regression over features of the whole phrase and of its article keeps the ones likely to be
 * loaded wording. It sees what single tokens cannot: how confident the model is across the
 * phrase and across the article, how long the phrase is, its parts of speech, whether it is a
 * lone lexicon hit, whether it repeats, whether it sits in direct speech. Trained on
 * out-of-fold phrases of the PTC train articles by scripts/train-loaded.mjs (shipped as the
 * `phrase` part of data/models/loaded.json); this module computes the features for both.
 */
import type { AnalyzedDoc } from '../../src/text/types.js';
import type { ClassifiedQuote } from './quote-classes.js';
import { firstStartingAt } from '../../src/text/first-starting-at.js';

/** The phrase model of the weights file. */
export interface PhraseModel {
  bias: number;
  /** Phrases scoring below this are dropped (learned) or no longer counted as loaded (lexicon hits). */
  threshold: number;
  weights: Record<string, number>;
}

/** A marker that may be part of a phrase: learned spans (`loaded`) and agreed lexicon hits. */
export interface PhrasePart {
  start: number;
  end: number;
  category: string;
  subcategory?: string;
}

/** One proposed phrase: the union of touching parts, with its features. */
export interface PhraseCandidate {
  start: number;
  end: number;
  /** Indexes of its parts in the list given to phraseCandidates. */
  parts: number[];
  /** Its features: names, each once, and their values (1 for indicator features) at the same index. */
  names: string[];
  values: number[];
}

/** A feature's part in a phrase score. */
export interface PhraseContribution {
  feature: string;
  weight: number;
}

/** Merges touching or overlapping parts into phrases (as the evaluation merges predictions) and computes their features. */
/** Token scores a phrase is judged by: probabilities, and the weight of each word itself. */
export interface PhraseTokenScores {
  p: ReadonlyArray<number | undefined>;
  wordWeight(i: number): number;
}

export function phraseCandidates(doc: AnalyzedDoc, scores: PhraseTokenScores, parts: readonly PhrasePart[], quotes: readonly ClassifiedQuote[]): PhraseCandidate[] {
  const order = parts.map((_, i) => i).sort((a, b) => parts[a].start - parts[b].start || parts[a].end - parts[b].end);
  const groups: Array<{ start: number; end: number; parts: number[] }> = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (last && parts[i].start <= last.end) {
      last.end = Math.max(last.end, parts[i].end);
      last.parts.push(i);
    } else groups.push({ start: parts[i].start, end: parts[i].end, parts: [i] });
  }
  const text = doc.article.text;
  const facts = groups.map((g) => phraseFacts(doc, scores, g.start, g.end));
  const keys = groups.map((g) => text.slice(g.start, g.end).toLowerCase());
  const keyCount = new Map<string, number>();
  const perSentence = new Map<number, number>();
  for (const [k, key] of keys.entries()) {
    keyCount.set(key, (keyCount.get(key) ?? 0) + 1);
    perSentence.set(facts[k].sentence, (perSentence.get(facts[k].sentence) ?? 0) + 1);
  }
  const { title } = doc.article;
  const headlineEnd = title && text.startsWith(title.trim()) ? title.trim().length : 0;
  // One or two sentences (a BABE-style snippet) have no article around them to judge by.
  const short = doc.sentences.length <= 2;
  const meanMax = facts.length ? facts.reduce((s, f) => s + f.max, 0) / facts.length : 0;
  const rate = doc.words ? (1000 * groups.length) / doc.words : 0;
  return groups.map((g, k) => {
    const names: string[] = [];
    const values: number[] = [];
    const set = (name: string, value = 1) => {
      if (names.includes(name)) return;
      names.push(name);
      values.push(value);
    };
    const { max, mean, pos, caps, sentence, wordWeight } = facts[k];
    set('max-p', logit(max));
    set('mean-p', logit(mean));
    set('article-p', logit(meanMax));
    set('word-weight', wordWeight);
    set(named('words', bucket(pos.length, WORD_BUCKETS)));
    set(named('article-rate', bucket(rate, RATE_BUCKETS)));
    const members = g.parts.map((i) => parts[i]);
    const lexiconOnly = members.every((m) => m.category !== 'loaded');
    for (const m of members) if (m.category !== 'loaded') set(named('lexicon', m.category));
    if (lexiconOnly) set('lexicon-only');
    if (lexiconOnly && members.length === 1) set(`only=${members[0].category}/${members[0].subcategory ?? ''}`);
    set(named('quote', innermostQuote(quotes, g.start, g.end)?.cls ?? 'none'));
    if (pos.length) {
      set(named('first', pos[0]));
      set(named('last', pos[pos.length - 1]));
      if (pos.length === 1) set(named('one', pos[0]));
    }
    for (const tag of pos) set(named('has', tag));
    if (caps && caps === pos.length) set('caps=all');
    else if (caps) set('caps=some');
    const s = doc.sentences[sentence];
    if (g.end <= headlineEnd) set('headline');
    if (short) set('short-text');
    set(named('sentence-words', bucket(s ? s.tokenEnd - s.tokenStart : 0, SENTENCE_BUCKETS)));
    set(named('sentence-phrases', Math.min(perSentence.get(sentence) ?? 1, 3)));
    set(named('repeat', Math.min(keyCount.get(keys[k]) ?? 1, 3)));
    return { start: g.start, end: g.end, parts: g.parts, names, values };
  });
}

const weightMaps = new WeakMap<PhraseModel, Map<string, number>>();

function weightsOf(model: PhraseModel): Map<string, number> {
  let weights = weightMaps.get(model);
  if (!weights) weightMaps.set(model, (weights = new Map(Object.entries(model.weights))));
  return weights;
}

/** The probability that a phrase is loaded wording. */
export function scorePhrase(model: PhraseModel, phrase: Pick<PhraseCandidate, 'names' | 'values'>): { p: number } {
  const weights = weightsOf(model);
  let z = model.bias;
  for (let i = 0; i < phrase.names.length; i++) z += (weights.get(phrase.names[i]) ?? 0) * phrase.values[i];
  return { p: 1 / (1 + Math.exp(-z)) };
}

/** The `topN` largest positive contributions to a phrase's score, largest first. */
export function explainPhrase(model: PhraseModel, phrase: Pick<PhraseCandidate, 'names' | 'values'>, topN = 2): PhraseContribution[] {
  const weights = weightsOf(model);
  const top: PhraseContribution[] = [];
  for (let i = 0; i < phrase.names.length; i++) {
    const weight = (weights.get(phrase.names[i]) ?? 0) * phrase.values[i];
    if (weight > 0) top.push({ feature: phrase.names[i], weight });
  }
  return top.sort((a, b) => b.weight - a.weight).slice(0, topN);
}

/**
 * `family=value` feature names, built once per process: the same few hundred names recur in
 * every article, and a reused string keeps its hash for the weight look-ups.
 */
const names = new Map<string, Map<string | number, string>>();

function named(family: string, value: string | number): string {
  let byValue = names.get(family);
  if (!byValue) names.set(family, (byValue = new Map()));
  let name = byValue.get(value);
  if (name === undefined) byValue.set(value, (name = `${family}=${value}`));
  return name;
}

// Bucket upper bounds (exclusive): a value below bounds[0] is bucket 0, and so on.
const WORD_BUCKETS = [2, 3, 4, 6, 9];
const RATE_BUCKETS = [5, 10, 15, 20, 30];
const SENTENCE_BUCKETS = [10, 20, 35, 50];

function bucket(value: number, bounds: readonly number[]): number {
  let i = 0;
  while (i < bounds.length && value >= bounds[i]) i++;
  return i;
}

/** Log-odds of a probability, clipped so a certain word does not dominate. */
function logit(p: number): number {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
}

/** Token-level facts of the phrase [start, end): its words' probabilities, tags and capitals, and its sentence. */
function phraseFacts(doc: AnalyzedDoc, scores: PhraseTokenScores, start: number, end: number) {
  let max = 0;
  let wordWeight = 0;
  let sum = 0;
  let caps = 0;
  let sentence = -1;
  const pos: string[] = [];
  for (let i = firstStartingAt(doc.tokens, start); i < doc.tokens.length && doc.tokens[i].start < end; i++) {
    const t = doc.tokens[i];
    if (t.type !== 'word' || t.end > end) continue;
    const pi = scores.p[i] ?? 0;
    wordWeight = Math.max(wordWeight, scores.wordWeight(i));
    max = Math.max(max, pi);
    sum += pi;
    pos.push(t.pos);
    if (startsUpper(t.text)) caps++;
    if (sentence < 0) sentence = t.sentence;
  }
  return { max, mean: pos.length ? sum / pos.length : 0, pos, caps, sentence: Math.max(0, sentence), wordWeight };
}

/** Whether a word starts with a capital (ASCII fast path: most words are plain lower-case English). */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 97 && c <= 122) return false;
  if (c >= 65 && c <= 90) return true;
  return /^\p{Lu}/u.test(text);
}


/** The innermost quote holding [start, end). */
export function innermostQuote(quotes: readonly ClassifiedQuote[], start: number, end: number): ClassifiedQuote | undefined {
  let best: ClassifiedQuote | undefined;
  for (const q of quotes) {
    if (q.quote.start <= start && end <= q.quote.end && (!best || q.quote.start >= best.quote.start)) best = q;
  }
  return best;
}
