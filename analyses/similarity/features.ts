/**
 * perDoc for similarity and events: AnalyzedDoc → DocTerms (lemma counts of content words and
 * name-mention key counts). First step of the similarity flow:
 *   features (per article) → vectors (IDF over the corpus) → candidates (inverted index) → cosine.
 */
import { analyzeDoc } from '../../src/text/analyze.js';
import type { AnalyzedDoc, Token } from '../../src/text/types.js';
import { SIMILARITY_DEFAULTS, type DocTerms, type FeatureOptions } from './types.js';

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);

const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** Prefix of headline occurrences in `terms` (weighted separately in vectors). */
export const TITLE_PREFIX = 't:';

function isContent(token: Token): boolean {
  if (token.stop || !CONTENT_POS.has(token.pos)) return false;
  if (token.type !== 'word' && token.type !== 'number') return false;
  // Single characters and bare digits carry no topic.
  const lemma = token.lemma;
  return lemma.length > 2 || (lemma.length === 2 && !(isDigit(lemma.charCodeAt(0)) && isDigit(lemma.charCodeAt(1))));
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Common words count by lower-cased lemma; proper nouns by their written form, capitalised
 * ("Orlesk"), which tells vectors.ts to key them spelling-tolerantly (see nameSkeleton).
 */
function lemmaOf(token: Token): string {
  if (token.pos === 'PROPN') return token.text.charAt(0).toUpperCase() + token.text.slice(1).toLowerCase();
  return token.lemma.toLowerCase();
}

/**
 * An empty plain object in dictionary mode, for counts keyed by an article's own words (the
 * counts are objects because they are the JSON the per-article cache keeps). Added one by one
 * to a `{}`, such keys walk V8 through a new hidden class each, up to ten times the cost of a
 * hash insert for keys it has not met before. Deleting a property other than the last switches
 * an object to dictionary mode; the prototype stays Object.prototype, so assignments and key
 * order are exactly those of `{}`.
 */
function dictionaryObject(): Record<string, number> {
  const object: Record<string, number> = { first: 0, second: 0 };
  delete object.first;
  delete object.second;
  return object;
}

/**
 * The `max` highest counts, highest first, ties in key order. Counts are small integers, so keys
 * are bucketed by count and only the buckets kept are sorted (most bigrams occur once and fall
 * in a bucket that is cut or sorted without a comparator).
 */
function topCounts(counts: Map<string, number>, max: number): Record<string, number> {
  const byCount = new Map<number, string[]>();
  for (const [key, n] of counts) {
    const keys = byCount.get(n);
    if (keys) keys.push(key);
    else byCount.set(n, [key]);
  }
  const out = dictionaryObject();
  let left = Math.trunc(max); // as slice(0, max) reads it
  for (const n of [...byCount.keys()].sort((x, y) => y - x)) {
    if (left <= 0) break;
    const all = byCount.get(n)!;
    const keys = firstSorted(all, left);
    for (let k = 0; k < keys.length && k < left; k++) out[keys[k]] = n;
    left -= all.length;
  }
  return out;
}

/**
 * The first `k` (or more) of `keys` in UTF-16 code-unit order, the order of the default sort
 * and of `<`. Keys are grouped by their first code unit first (a key with a smaller one sorts
 * before), so only the groups read are sorted, each on its own, and the group that is cut is
 * only selected from: far fewer string comparisons than sorting the bucket of bigrams seen once.
 * The keys are distinct.
 */
function firstSorted(keys: string[], k: number): string[] {
  if (!(k < keys.length)) return keys.sort();
  const groups = new Map<number, string[]>();
  for (const key of keys) {
    const code = key.length ? key.charCodeAt(0) : -1; // '' sorts first
    const group = groups.get(code);
    if (group) group.push(key);
    else groups.set(code, [key]);
  }
  const out: string[] = [];
  for (const code of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(code)!;
    const room = k - out.length;
    for (const key of smallestSorted(group, room)) out.push(key);
    if (room <= group.length) break;
  }
  return out;
}

/** The `k` smallest keys in code-unit order, sorted (all of them when `k` is not below their number). */
function smallestSorted(keys: string[], k: number): string[] {
  if (!(k < keys.length)) return keys.sort();
  // Quickselect: afterwards keys[0, k) hold the k smallest.
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // median of three as the pivot, so sorted or reversed input stays linear
    const a = keys[lo];
    const b = keys[mid];
    const c = keys[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (pivot < keys[j]) j--;
      if (i <= j) {
        const t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
        i++;
        j--;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
  return keys.slice(0, k).sort();
}

/**
 * Headline content lemmas. The headline is run through the text layer on its own (it is short,
 * so this costs little), because most headline words of a short lead never occur in its body:
 * looking them up among body tokens lost exactly the words that name the event.
 */
function titleLemmas(title: string): string[] {
  if (!title.trim()) return [];
  const doc = analyzeDoc({ id: 'title', outlet: '', title: '', text: title }, { mentions: false, quotes: false });
  return doc.tokens.filter(isContent).map(lemmaOf);
}

/**
 * DocTerms per document and feature options. `events` and `similarity` both count the same
 * document with (by default) the same options: the second asks and gets the first's result.
 */
const memo = new WeakMap<AnalyzedDoc, Map<string, DocTerms>>();

/** Counts content lemmas and name keys of one analyzed article (the result is shared: read it, do not change it). */
export function docTerms(doc: AnalyzedDoc, options: FeatureOptions = {}): DocTerms {
  const maxTerms = options.maxTerms ?? SIMILARITY_DEFAULTS.maxTerms;
  const useTitle = options.title ?? SIMILARITY_DEFAULTS.title;
  const useBigrams = options.bigrams ?? SIMILARITY_DEFAULTS.bigrams;
  const key = `${maxTerms}|${useTitle}|${useBigrams}`;
  let byOptions = memo.get(doc);
  if (!byOptions) memo.set(doc, (byOptions = new Map()));
  let result = byOptions.get(key);
  if (!result) byOptions.set(key, (result = countTerms(doc, maxTerms, useTitle, useBigrams)));
  return result;
}

function countTerms(doc: AnalyzedDoc, maxTerms: number, useTitle: boolean, useBigrams: boolean): DocTerms {
  const counts = new Map<string, number>();
  let previous: Token | undefined;
  let previousLemma = '';
  for (const token of doc.tokens) {
    if (!isContent(token)) {
      if (token.type === 'punctuation' || !token.stop) previous = undefined;
      continue;
    }
    const lemma = lemmaOf(token);
    counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
    if (useBigrams && previous && previous.sentence === token.sentence) {
      const pair = `${previousLemma} ${lemma}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    previous = token;
    previousLemma = lemma;
  }
  const terms = topCounts(counts, maxTerms);
  if (useTitle) {
    for (const lemma of titleLemmas(doc.article.title ?? '')) {
      const key = TITLE_PREFIX + lemma;
      terms[key] = (terms[key] ?? 0) + 1;
    }
  }
  const names = new Map<string, number>();
  for (const mention of doc.mentions) {
    if (mention.type === 'media') continue; // outlets citing each other say nothing about the event
    if (CALENDAR.test(mention.key)) continue; // "Monday", "June": capitalised, but not names
    names.set(mention.key, (names.get(mention.key) ?? 0) + 1);
  }
  return { terms, names: topCounts(names, maxTerms) };
}
