import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aWords, gramHashes, minhash, shingleHashes, shingleMinhash } from '../../analyses/reuse/hash.js';
import { WordCodes } from '../../analyses/reuse/word-codes.js';

// The allocation-free hashing used per article must give the very signatures of the plain
// definitions (cached fingerprints stay valid).
const words = fc.array(fc.constantFrom('the', 'river', 'rose', "isn't", 'é', '', 'a b', '“x”'), { maxLength: 14 });

function codesOf(ws: string[]): WordCodes {
  const codes = new WordCodes();
  for (const w of ws) codes.add(w);
  return codes;
}

describe('reuse hashing', () => {
  it('hashes joined words without joining them', () => {
    fc.assert(
      fc.property(words, fc.nat(14), fc.nat(14), (ws, a, b) => {
        const [from, to] = [Math.min(a, b, ws.length), Math.min(Math.max(a, b), ws.length)];
        expect(fnv1aWords(codesOf(ws), from, to)).toBe(fnv1a(ws.slice(from, to).join(' ')));
      }),
    );
  });

  it('hashes every n-gram, also when carrying on from the shorter grams at the same starts', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (ws, a, b) => {
        const [m, n] = [Math.min(a, b), Math.max(a, b)];
        const codes = codesOf(ws);
        const expected = Array.from({ length: Math.max(0, ws.length - n + 1) }, (_, i) => fnv1a(ws.slice(i, i + n).join(' ')));
        const direct = new Uint32Array(expected.length);
        gramHashes(codes, n, direct);
        const shorter = new Uint32Array(Math.max(0, ws.length - m + 1));
        gramHashes(codes, m, shorter);
        const carried = new Uint32Array(expected.length);
        gramHashes(codes, n, carried, shorter, m);
        expect(Array.from(direct)).toEqual(expected);
        expect(Array.from(carried)).toEqual(expected);
      }),
    );
  });

  it('refuses shingles of no words or of a fraction of a word', () => {
    expect(() => gramHashes(codesOf(['a', 'b']), 0, new Uint32Array(3))).toThrow(/whole number/);
    expect(() => gramHashes(codesOf(['a', 'b']), 1.5, new Uint32Array(3))).toThrow(/whole number/);
  });

  it('gives the MinHash of the shingle set, for any slice and shingle size', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 5 }), fc.nat(14), (ws, n, from) => {
        const start = Math.min(from, ws.length);
        for (const k of [1, 7, 12, 64]) expect(shingleMinhash(ws, n, k, start)).toEqual(minhash(shingleHashes(ws.slice(start), n), k));
      }),
    );
  });
});
