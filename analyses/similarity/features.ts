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
  return token.lemma.length > 1 && !/^\d{1,2}$/.test(token.lemma);
}

/**
 * Common words count by lower-cased lemma; proper nouns by their written form, capitalised
 * ("Orlesk"), which tells vectors.ts to key them spelling-tolerantly (see nameSkeleton).
 */
function lemmaOf(token: Token): string {
  if (token.pos === 'PROPN') return token.text.charAt(0).toUpperCase() + token.text.slice(1).toLowerCase();
  return token.lemma.toLowerCase();
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
  const out: Record<string, number> = {};
  let left = Math.trunc(max); // as slice(0, max) reads it
  for (const n of [...byCount.keys()].sort((x, y) => y - x)) {
    if (left <= 0) break;
    const keys = byCount.get(n)!.sort(); // default order: UTF-16 code units, as `<` compares
    for (let k = 0; k < keys.length && k < left; k++) out[keys[k]] = n;
    left -= keys.length;
  }
  return out;
}

/**
 * Headline content lemmas. The headline is run through the text layer on its own (it is short,
 * so this costs little), because most headline words of a short lead never occur in its body:
 * looking them up among body tokens lost exactly the words that name the event.
 */
function titleLemmas(title: string): string[] {
  if (!title.trim()) return [];
  const doc = analyzeDoc({ id: 'title', outlet: '', title: '', text: title }, { mentions: false });
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
  for (const token of doc.tokens) {
    if (!isContent(token)) {
      if (token.type === 'punctuation' || !token.stop) previous = undefined;
      continue;
    }
    const lemma = lemmaOf(token);
    counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
    if (useBigrams && previous && previous.sentence === token.sentence) {
      const pair = `${lemmaOf(previous)} ${lemma}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    previous = token;
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
