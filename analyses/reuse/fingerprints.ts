/**
 * perDoc for reuse: AnalyzedDoc → ReuseDoc (sentence hashes and MinHash signatures with their
 * character spans, plus an article-level shingle signature). Reuse detection then works on
 * fingerprints only: fingerprints → sentence matches → aligned runs (align.ts).
 */
import type { AnalyzedDoc } from '../../src/text/types.js';
import { fnv1aJoined, shingleMinhash } from './hash.js';
import { DOC_SIG, REUSE_DEFAULTS, SENTENCE_SIG, type ReuseDoc, type ReuseOptions } from './types.js';

/** Lower-cased word forms, punctuation dropped: copies that only re-punctuate still match. Appended to `out`. */
function normalWords(doc: AnalyzedDoc, from: number, to: number, out: string[]): void {
  for (let t = from; t < to; t++) {
    const token = doc.tokens[t];
    if (token.type !== 'word' && token.type !== 'number') continue;
    const w = foldQuotes(token.norm.toLowerCase());
    if (w) out.push(w);
  }
}

/** Curly single quotes made straight (most words have none: no regex for them). */
function foldQuotes(word: string): string {
  return word.includes('’') || word.includes('‘') ? word.replace(/[’‘]/g, "'") : word;
}

/** Fingerprints of one analyzed article. */
export function reuseFingerprint(doc: AnalyzedDoc, options: ReuseOptions = {}): ReuseDoc {
  const shingle = options.shingle ?? REUSE_DEFAULTS.shingle;
  // every word of the article in order; each sentence is a slice of it
  const all: string[] = [];
  const sentences = doc.sentences.map((s) => {
    const from = all.length;
    normalWords(doc, s.tokenStart, s.tokenEnd, all);
    const to = all.length;
    return {
      start: s.start,
      end: s.end,
      words: to - from,
      hash: fnv1aJoined(all, from, to),
      sig: shingleMinhash(all, 2, SENTENCE_SIG, from, to),
    };
  });
  return { sentences, sig: shingleMinhash(all, shingle, DOC_SIG) };
}
