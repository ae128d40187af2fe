/**
 * perDoc for reuse: AnalyzedDoc → ReuseDoc (sentence hashes and MinHash signatures with their
 * character spans, plus an article-level shingle signature). Reuse detection then works on
 * fingerprints only: fingerprints → sentence matches → aligned runs (align.ts).
 */
import type { AnalyzedDoc } from '../../src/text/types.js';
import { fnv1a, minhash, shingleHashes } from './hash.js';
import { DOC_SIG, REUSE_DEFAULTS, SENTENCE_SIG, type ReuseDoc, type ReuseOptions } from './types.js';

/** Lower-cased word forms, punctuation dropped: copies that only re-punctuate still match. */
function normalWords(doc: AnalyzedDoc, from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = from; t < to; t++) {
    const token = doc.tokens[t];
    if (token.type !== 'word' && token.type !== 'number') continue;
    const w = token.norm.toLowerCase().replace(/[’‘]/g, "'");
    if (w) out.push(w);
  }
  return out;
}

/** Fingerprints of one analyzed article. */
export function reuseFingerprint(doc: AnalyzedDoc, options: ReuseOptions = {}): ReuseDoc {
  const shingle = options.shingle ?? REUSE_DEFAULTS.shingle;
  const all: string[] = [];
  const sentences = doc.sentences.map((s) => {
    const words = normalWords(doc, s.tokenStart, s.tokenEnd);
    all.push(...words);
    return {
      start: s.start,
      end: s.end,
      words: words.length,
      hash: fnv1a(words.join(' ')),
      sig: minhash(shingleHashes(words, 2), SENTENCE_SIG),
    };
  });
  return { sentences, sig: minhash(shingleHashes(all, shingle), DOC_SIG) };
}
