/**
 * perDoc for similarity and events: AnalyzedDoc → DocTerms (lemma counts of content words and
 * name-mention key counts; sentences that are not prose are not counted: src/text/non-prose.ts).
 * First step of the similarity flow:
 *   features (per article) → vectors (IDF over the corpus) → candidates (inverted index) → cosine.
 * Terms are counted by the text layer's word ids (word-ids.ts); strings are made only for the
 * counts' keys. Most of what is left per article is building the key strings and the object.
 */
import { analyzeDoc } from '../../src/text/analyze.js';
import { CALENDAR_WORDS } from '../../src/text/calendar-words.js';
import { nonProseSentences } from '../../src/text/non-prose.js';
import type { AnalyzedDoc, Token } from '../../src/text/types.js';
import { tokenWordIds, WordTable, wordId, wordText } from '../../src/text/word-ids.js';
import { SIMILARITY_DEFAULTS, type DocTerms, type FeatureOptions } from './types.js';

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);

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

/** Per word id of a proper noun's written form: the word id of its lemmaOf, -1 until first met. */
const properTerms = new WordTable(-1);

/**
 * The word id of lemmaOf(token), given the ids of its text and of its lemma key (word-ids.ts):
 * a common word's term is its lemma key, a proper noun's is worked out once per spelling.
 */
function termId(token: Token, formId: number, lemmaId: number): number {
  if (token.pos !== 'PROPN') return lemmaId;
  let id = properTerms.get(formId);
  if (id < 0) properTerms.set(formId, (id = wordId(lemmaOf(token))));
  return id;
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

/** Distinct keys and their counts, side by side. */
interface Counts {
  keys: string[];
  counts: number[];
}

/**
 * The `max` highest counts, highest first, ties in key order. Counts are small integers, so keys
 * are bucketed by count and only the buckets kept are sorted (most bigrams occur once and fall
 * in a bucket that is cut or sorted without a comparator).
 */
function topCounts({ keys: allKeys, counts }: Counts, max: number): Record<string, number> {
  const byCount = new Map<number, string[]>();
  for (let k = 0; k < allKeys.length; k++) {
    const n = counts[k];
    const keys = byCount.get(n);
    if (keys) keys.push(allKeys[k]);
    else byCount.set(n, [allKeys[k]]);
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
  // Quickselect: afterwards keys[0, k) hold the k smallest. The same algorithm as kthLargest
  // (kth-largest.ts), kept apart on purpose: one function used on both strings and typed arrays
  // of numbers ran kthLargest at half its speed (V8 shares the type feedback of the two uses).
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
  const { form, lemma } = tokenWordIds(doc.tokens);
  const lemmas: string[] = [];
  doc.tokens.forEach((token, i) => {
    if (isContent(token)) lemmas.push(wordText(termId(token, form[i], lemma[i])));
  });
  return lemmas;
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

/**
 * Per term word id, its index among the distinct terms of the document being counted; an entry
 * is current only while `distinct[index]` is that id, so it is never cleared between documents.
 */
const localIndex = new WordTable(-1);

/**
 * Body term counts of one document, keyed by term (lemmaOf) and, with `useBigrams`, by two
 * adjacent content terms of one sentence ("a b"). Counted by word id, so a token costs array
 * reads and a bigram one number; a term's string is made once per document, a bigram's once
 * per distinct bigram.
 */
function bodyCounts(doc: AnalyzedDoc, useBigrams: boolean): Counts {
  const { tokens } = doc;
  const { form, lemma } = tokenWordIds(tokens);
  const n = tokens.length;
  const distinct: number[] = []; // term ids, first occurrence first
  const termCounts: number[] = [];
  const pairs: number[] = []; // per bigram occurrence: index of the first term * n + index of the second
  const nonProse = nonProseSentences(doc);
  let previous: Token | undefined;
  let previousIndex = -1;
  for (let i = 0; i < n; i++) {
    const token = tokens[i];
    if (nonProse[token.sentence]) continue; // a credit line, caption, widget or list (no bigram spans it: it is a sentence of its own)
    if (!isContent(token)) {
      if (token.type === 'punctuation' || !token.stop) previous = undefined;
      continue;
    }
    const term = termId(token, form[i], lemma[i]);
    let index = localIndex.get(term);
    if (!(index >= 0 && index < distinct.length && distinct[index] === term)) {
      index = distinct.length;
      localIndex.set(term, index);
      distinct.push(term);
      termCounts.push(0);
    }
    termCounts[index]++;
    if (useBigrams && previous && previous.sentence === token.sentence) pairs.push(previousIndex * n + index);
    previous = token;
    previousIndex = index;
  }
  const terms = distinct.map(wordText);
  const keys = terms.slice();
  const counts = termCounts; // the bigrams' follow the terms'
  // Sorted, equal bigrams sit together: each run is one bigram and its length its count.
  const sorted = new Float64Array(pairs).sort();
  for (let k = 0, run = 0; k < sorted.length; k = run) {
    const pair = sorted[k];
    while (run < sorted.length && sorted[run] === pair) run++;
    const second = pair % n;
    keys.push(`${terms[(pair - second) / n]} ${terms[second]}`);
    counts.push(run - k);
  }
  // Terms are single tokens and hold no space, so no bigram key is a term or another bigram's
  // key; should a lemma ever hold one, equal keys are added up as one string-keyed count did.
  return terms.some((term) => term.includes(' ')) ? countsOf(keys.map((key, k) => [key, counts[k]])) : { keys, counts };
}

/** Counts of `entries`, equal keys added up. */
function countsOf(entries: Iterable<[string, number]>): Counts {
  const merged = new Map<string, number>();
  for (const [key, count] of entries) merged.set(key, (merged.get(key) ?? 0) + count);
  return { keys: [...merged.keys()], counts: [...merged.values()] };
}

function countTerms(doc: AnalyzedDoc, maxTerms: number, useTitle: boolean, useBigrams: boolean): DocTerms {
  const counts = bodyCounts(doc, useBigrams);
  const terms = topCounts(counts, maxTerms);
  if (useTitle) {
    for (const lemma of titleLemmas(doc.article.title ?? '')) {
      const key = TITLE_PREFIX + lemma;
      terms[key] = (terms[key] ?? 0) + 1;
    }
  }
  const names = new Map<string, number>();
  const nonProse = nonProseSentences(doc);
  for (const mention of doc.mentions) {
    if (mention.type === 'media') continue; // outlets citing each other say nothing about the event
    if (nonProse[doc.tokens[mention.tokenStart].sentence]) continue; // a reporter in a credit line, a country in a picker
    // "May" (the text layer keeps it: it may be a surname) and other day or month names are no shared
    // names here (none is longer than nine letters: most keys skip the test)
    if (mention.key.length <= 9 && CALENDAR_WORDS.has(mention.key.toLowerCase())) continue;
    names.set(mention.key, (names.get(mention.key) ?? 0) + 1);
  }
  return { terms, names: topCounts({ keys: [...names.keys()], counts: [...names.values()] }, maxTerms) };
}
