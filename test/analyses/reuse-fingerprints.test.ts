import { describe, expect, it } from 'vitest';
import { packedReuseFingerprint, reuseFingerprint } from '../../analyses/reuse/fingerprints.js';
import { fnv1a, shingleMinhash } from '../../analyses/reuse/hash.js';
import { packReuseDoc } from '../../analyses/reuse/reuse-codec.js';
import { DOC_SIG, SENTENCE_SIG } from '../../analyses/reuse/types.js';
import type { AnalyzedDoc } from '../../src/text/types.js';

type TokenSketch = [norm: string, type: string];

/** Just what fingerprints read of an AnalyzedDoc: sentences of tokens with their normal form and type. */
function docOf(sentences: TokenSketch[][]): AnalyzedDoc {
  const tokens: Array<{ norm: string; type: string }> = [];
  const spans = sentences.map((sentence, j) => {
    const tokenStart = tokens.length;
    tokens.push(...sentence.map(([norm, type]) => ({ norm, type })));
    return { start: 10 * j, end: 10 * j + 7, tokenStart, tokenEnd: tokens.length, paragraph: 0 };
  });
  return { tokens, sentences: spans } as unknown as AnalyzedDoc;
}

const word = (norm: string): TokenSketch => [norm, 'word'];

// Mixed case, curly quotes, accents and a dotted capital I (whose lower case is two code units).
const doc = docOf([
  [word('The'), word('mayor’s'), word('office'), [',', 'punctuation'], word('said'), ['2024', 'number']],
  [['.', 'punctuation']],
  [word('ÉCOLE'), word('İstanbul'), word('‘quoted’'), word(''), word('rose')],
  [word('short')],
]);
const normal = [['the', "mayor's", 'office', 'said', '2024'], [], ['école', 'i̇stanbul', "'quoted'", 'rose'], ['short']];

describe('reuseFingerprint', () => {
  it('hashes each sentence as its lower-cased, straight-quoted words joined by spaces, punctuation and empty words left out', () => {
    const print = reuseFingerprint(doc);
    expect(print.sentences.map((s) => s.words)).toEqual(normal.map((ws) => ws.length));
    expect(print.sentences.map((s) => s.hash)).toEqual(normal.map((ws) => fnv1a(ws.join(' '))));
    expect(print.sentences.map((s) => s.sig)).toEqual(normal.map((ws) => shingleMinhash(ws, 2, SENTENCE_SIG)));
  });

  it('signs the article with the shingles of all its words, across sentence ends', () => {
    for (const shingle of [1, 2, 3, 4, 5, 20]) {
      expect(reuseFingerprint(doc, { shingle }).sig).toEqual(shingleMinhash(normal.flat(), shingle, DOC_SIG));
    }
  });

  it('gives an article without words no signatures', () => {
    const print = reuseFingerprint(docOf([[['!', 'punctuation']], []]));
    expect(print.sig).toEqual([]);
    expect(print.sentences.map((s) => [s.words, s.hash, s.sig])).toEqual([[0, fnv1a(''), []], [0, fnv1a(''), []]]);
  });

  it('packs straight to what packReuseDoc makes of the fingerprint', () => {
    for (const shingle of [1, 4]) expect(packedReuseFingerprint(doc, { shingle })).toEqual(packReuseDoc(reuseFingerprint(doc, { shingle })));
    const empty = docOf([]);
    expect(packedReuseFingerprint(empty)).toEqual(packReuseDoc(reuseFingerprint(empty)));
  });

  it('refuses an article shingle that is not a whole number of words', () => {
    expect(() => reuseFingerprint(doc, { shingle: 0 })).toThrow(/whole number/);
  });
});
