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

function topCounts(counts: Map<string, number>, max: number): Record<string, number> {
  const entries = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, max);
  return Object.fromEntries(entries);
}

/**
 * Headline content lemmas. The headline is run through the text layer on its own (it is short,
 * so this costs little), because most headline words of a short lead never occur in its body:
 * looking them up among body tokens lost exactly the words that name the event.
 */
function titleLemmas(title: string): string[] {
  if (!title.trim()) return [];
  const doc = analyzeDoc({ id: 'title', outlet: '', title: '', text: title });
  return doc.tokens.filter(isContent).map(lemmaOf);
}

/** Counts content lemmas and name keys of one analyzed article. */
export function docTerms(doc: AnalyzedDoc, options: FeatureOptions = {}): DocTerms {
  const maxTerms = options.maxTerms ?? SIMILARITY_DEFAULTS.maxTerms;
  const useTitle = options.title ?? SIMILARITY_DEFAULTS.title;
  const useBigrams = options.bigrams ?? SIMILARITY_DEFAULTS.bigrams;
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
