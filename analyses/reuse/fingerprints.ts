/**
 * perDoc for reuse: AnalyzedDoc → ReuseDoc (sentence hashes and MinHash signatures with their
 * character spans, plus an article-level shingle signature), or straight to its packed form
 * (reuse-codec.ts), which perDoc returns. Reuse detection then works on fingerprints only:
 * fingerprints → sentence matches → aligned runs (align.ts).
 */
import type { AnalyzedDoc } from '../../src/text/types.js';
import { fnv1aWords, gramHashes, shingleMinhashInto } from './hash.js';
import { packLaidOut, type PackedReuseDoc } from './reuse-codec.js';
import { grown, WordCodes } from './word-codes.js';
import { DOC_SIG, REUSE_DEFAULTS, SENTENCE_SIG, type ReuseDoc, type ReuseOptions } from './types.js';

/** Lower-cased word forms, punctuation dropped: copies that only re-punctuate still match. Appended to `out`. */
function normalWords(doc: AnalyzedDoc, from: number, to: number, out: WordCodes): void {
  for (let t = from; t < to; t++) {
    const token = doc.tokens[t];
    if (token.type !== 'word' && token.type !== 'number') continue;
    const norm = token.norm;
    if (!norm) continue;
    // most words are plain lower-case ASCII already: kept as copied, the rest replaced by their normal form
    if (!out.add(norm)) {
      out.dropLast();
      out.add(foldQuotes(norm.toLowerCase()));
    }
  }
}

/** Curly single quotes made straight (most words have none: no regex for them). */
function foldQuotes(word: string): string {
  return word.includes('’') || word.includes('‘') ? word.replace(/[’‘]/g, "'") : word;
}

// Work buffers reused from article to article (a worker fingerprints one article at a time);
// fingerprintInto fills them, the two exported functions read them out.
const words = new WordCodes();
/** Sentence j is words [sentenceFrom[j], sentenceFrom[j + 1]). */
let sentenceFrom = new Int32Array(64);
let pairs = new Uint32Array(1024);
let grams = new Uint32Array(1024);
/** Per sentence its hash, then its SENTENCE_SIG MinHash values when it has words (the packed layout). */
let hashes = new Uint32Array(1024);
let hashCount = 0;
const docSig = new Uint32Array(DOC_SIG);
const NO_SIG = new Uint32Array(0);

const wordsOf = (sentence: number) => sentenceFrom[sentence + 1] - sentenceFrom[sentence];

/** Fingerprints one article into the work buffers; returns its signature (empty without words). */
function fingerprintInto(doc: AnalyzedDoc, options: ReuseOptions): Uint32Array {
  const shingle = options.shingle ?? REUSE_DEFAULTS.shingle;
  // every word of the article in order; each sentence is a run of them
  words.clear();
  const count = doc.sentences.length;
  if (count + 1 > sentenceFrom.length) sentenceFrom = grown(sentenceFrom, count + 1);
  for (let j = 0; j < count; j++) {
    sentenceFrom[j] = words.count;
    normalWords(doc, doc.sentences[j].tokenStart, doc.sentences[j].tokenEnd, words);
  }
  sentenceFrom[count] = words.count;
  if (words.count > pairs.length) [pairs, grams] = [grown(pairs, words.count), grown(grams, words.count)];
  // word pairs for the sentences; the article's longer shingles carry on from the pairs at their starts
  gramHashes(words, 2, pairs);
  if (shingle >= 2) gramHashes(words, shingle, grams, pairs, 2);
  else gramHashes(words, shingle, grams);
  if (count * (1 + SENTENCE_SIG) > hashes.length) hashes = grown(hashes, count * (1 + SENTENCE_SIG));
  let at = 0;
  for (let j = 0; j < count; j++) {
    const from = sentenceFrom[j];
    const to = sentenceFrom[j + 1];
    hashes[at++] = fnv1aWords(words, from, to);
    if (to === from) continue;
    shingleMinhashInto(words, pairs, 2, from, to, SENTENCE_SIG, hashes, at);
    at += SENTENCE_SIG;
  }
  hashCount = at;
  if (words.count === 0) return NO_SIG;
  shingleMinhashInto(words, grams, shingle, 0, words.count, DOC_SIG, docSig, 0);
  return docSig;
}

/** Fingerprints of one analyzed article. */
export function reuseFingerprint(doc: AnalyzedDoc, options: ReuseOptions = {}): ReuseDoc {
  const sig = fingerprintInto(doc, options);
  let at = 0;
  const sentences = doc.sentences.map((s, j) => {
    const count = wordsOf(j);
    const hash = hashes[at++];
    const sentenceSig = count > 0 ? Array.from(hashes.subarray(at, (at += SENTENCE_SIG))) : [];
    return { start: s.start, end: s.end, words: count, hash, sig: sentenceSig };
  });
  return { sentences, sig: Array.from(sig) };
}

/** `packReuseDoc(reuseFingerprint(doc, options))` without the ReuseDoc in between (what perDoc returns). */
export function packedReuseFingerprint(doc: AnalyzedDoc, options: ReuseOptions = {}): PackedReuseDoc {
  const sig = fingerprintInto(doc, options);
  return packLaidOut(doc.sentences, wordsOf, hashes.subarray(0, hashCount), sig);
}
